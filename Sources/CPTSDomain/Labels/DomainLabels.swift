/// Every French label of a domain value, in one place: what the pages, `cpts-site report` and the exports print for
/// a stage, a mission, a profession, a payment, a meeting… Typeset French: `’`, U+202F before `: ; ! ?`.
/// Enums have a `label` (`Labelled`); values content writes as ids (missions, professions…) are in a `LabelTable`.
/// Sentences around them (headings, notes) belong to the view models and the themes, diagnostics to
/// `DiagnosticCatalog`.

/// A domain enum every case of which has a French label.
public protocol Labelled: CaseIterable {
    var label: String { get }
}

/// Ids content writes (a mission, a profession, a legal form…) with their French labels, in the order shown.
public struct LabelTable: Sendable {
    public let entries: [(id: String, label: String)]

    public init(_ entries: [(id: String, label: String)]) { self.entries = entries }

    /// The ids content may write.
    public var ids: [String] { entries.map(\.id) }

    /// The label of `id`; an id the catalog does not know (the rules report it) is shown as written.
    public func label(of id: String) -> String { knownLabel(of: id) ?? id }

    /// The label of `id`, nil when the catalog does not know it.
    public func knownLabel(of id: String) -> String? { entries.first { $0.id == id }?.label }
}

public enum DomainLabels {
    // MARK: Stages

    /// A CPTS whose first stage is dated after the site's date has not started yet.
    public static let noStage = "Pas encore engagée"

    /// The stage at the site's date, or `noStage`.
    public static func stage(_ stage: Stage?) -> String { stage?.label ?? noStage }

    /// The steps of the ARS guidance on the road to the contract (`RoadToContract`), beside the stages.
    public static let roadFirstContact = "Premier contact avec l’ARS"
    public static let roadLetterOrPreProject = "Lettre d’intention ou pré-projet"
    public static let roadHealthProject = "Projet de santé validé par l’ARS et l’Assurance Maladie"
    public static let roadSignature = "Signature du contrat ACI (CPTS, CPAM, ARS)"

    /// A date given as a forecast (`planned:`), after the site's date.
    public static let planned = "prévu"
    /// A date after the site's date that is not a forecast: a payment, a stage, a contract year to come.
    public static let upcoming = "à venir"
    /// A payment made on or before the site's date.
    public static let paid = "versé"
    /// What a projected figure (a contract year not begun at the site's date) assumes, said beside it.
    public static let projectionAssumption = "si les missions non démarrées le restent"
    /// A projected figure's mark: "prévision, si les missions non démarrées le restent".
    public static let projection = "prévision, " + projectionAssumption

    // MARK: Missions

    /// The missions of the ACI CPTS (`Mission.catalogue`), socle or optional, the crisis mission included.
    public static let missions = LabelTable([
        ("acces-soins", "Accès aux soins (médecin traitant, soins non programmés)"),
        ("parcours", "Parcours pluriprofessionnels autour du patient"),
        ("prevention", "Actions territoriales de prévention"),
        ("crises-sanitaires", "Réponse aux crises sanitaires graves"),
        ("qualite-pertinence", "Qualité et pertinence des soins"),
        ("accompagnement-professionnels", "Accompagnement des professionnels de santé"),
    ])

    /// A socle mission, possibly socle only from a date (the crisis mission from 03/09/2022).
    public static func socle(since: Day?) -> String {
        "Socle" + (since.map { French(" à partir du \($0)").text } ?? "")
    }

    /// A mission the ACI sets no deadline for.
    public static let optionalMission = "Mission optionnelle"

    // MARK: Members

    /// The professions of a CPTS's members (`Profession.ids`), in the plural, as the members are counted.
    public static let professions = LabelTable([
        ("medecin-generaliste", "Médecins généralistes"),
        ("medecin-specialiste", "Médecins spécialistes"),
        ("pharmacien", "Pharmaciens"),
        ("infirmier", "Infirmiers"),
        ("masseur-kinesitherapeute", "Masseurs-kinésithérapeutes"),
        ("sage-femme", "Sages-femmes"),
        ("chirurgien-dentiste", "Chirurgiens-dentistes"),
        ("orthophoniste", "Orthophonistes"),
        ("orthoptiste", "Orthoptistes"),
        ("psychologue", "Psychologues"),
        ("dieteticien", "Diététiciens"),
        ("podologue", "Pédicures-podologues"),
        ("ergotherapeute", "Ergothérapeutes"),
        ("psychomotricien", "Psychomotriciens"),
        ("biologiste", "Biologistes"),
        ("etablissement-sante", "Établissements de santé"),
        ("structure-medico-sociale", "Structures médico-sociales"),
        ("autre", "Autres"),
    ])

    /// A CPTS's legal form (`legalForm:`).
    public static let legalForms = LabelTable([
        ("association-1901", "Association loi 1901"),
        ("sisa", "SISA"),
        ("autre", "Autre"),
    ])

    // MARK: Funding

    /// How sure a line of a funding schedule is (`status:` in a schedule file).
    public static let scheduleStatuses = LabelTable([
        ("sure", "sûr"),
        ("one-source", "une seule source"),
        ("to-verify", "à vérifier"),
        ("estimated", "estimé"),
        ("contested", "contesté"),
    ])

    /// What a capped variable part (*part variable plafonnée*) is marked with.
    public static let capped = "plafonnée"

    // MARK: Region

    /// The other coordinated structures of the region (`structures:` in region.yaml).
    public static let structureKinds = LabelTable([
        ("esp", "Équipes de soins primaires (ESP)"),
        ("msp", "Maisons de santé pluriprofessionnelles (MSP)"),
        ("dac", "Dispositifs d’appui à la coordination (DAC)"),
    ])

    /// A regional milestone (`milestones:` in region.yaml): a figure published, or a forecast.
    public static let milestoneKinds = LabelTable([("published", "Chiffre publié"), ("forecast", "Prévision")])
    /// The same, short, inside parentheses or after a figure.
    public static let milestoneKindsShort = LabelTable([("published", "publié"), ("forecast", "prévision")])

    /// The label of a milestone's `kind`: anything but `forecast` is a published figure, as the figures read it.
    public static func milestoneKind(_ kind: String, short: Bool = false) -> String {
        (short ? milestoneKindsShort : milestoneKinds).label(of: kind == "forecast" ? kind : "published")
    }

    // MARK: Territorial diagnostic

    /// The figures of the territorial diagnostic (`TerritoryFigure.catalogue`), as the Rézone CPTS tool gives them.
    public static let territoryFigures = LabelTable([
        ("part-75-ans-et-plus", "Part des habitants de 75 ans et plus"),
        ("patients-sans-medecin-traitant", "Patients sans médecin traitant"),
        ("part-patients-sans-medecin-traitant", "Part des patients sans médecin traitant"),
        ("patients-ald-sans-medecin-traitant", "Patients en ALD sans médecin traitant"),
        ("part-patients-ald-sans-medecin-traitant", "Part des patients en ALD sans médecin traitant"),
        ("passages-urgences-non-suivis", "Passages aux urgences non suivis d’hospitalisation"),
        ("medecins-generalistes-pour-10000", "Médecins généralistes pour 10\u{202F}000 habitants"),
        ("depistage-cancer-sein", "Participation au dépistage du cancer du sein"),
        ("depistage-cancer-colorectal", "Participation au dépistage du cancer colorectal"),
        ("depistage-cancer-col-uterus", "Participation au dépistage du cancer du col de l’utérus"),
        ("vaccination-grippe-65-ans", "Vaccination contre la grippe des 65 ans et plus"),
    ])

    /// The density of a profession among the members (`Médecins généralistes` → `… pour 10 000 habitants`).
    public static func density(of profession: String) -> String { "\(profession) pour 10\u{202F}000 habitants" }

    // MARK: Indicators

    /// An action indicator's value: done or not.
    public static func done(_ done: Bool) -> String { done ? "réalisé" : "non réalisé" }
    /// An indicator without a value.
    public static let notMeasured = "non mesuré"
    /// What an indicator earned while its contract year is not assessed.
    public static let notAssessed = "non évalué"
    /// Why an indicator of an assessed year earned nothing though it may have reached a step: its mission is not
    /// in the schedule that pays the year (`IndicatorOutcome.unfunded`), said beside its « 0 € ».
    public static let unfundedMission = "mission non financée cette année"
    /// Shown in place of a count of people hidden by statistical secrecy (`Secrecy`), on pages and in exports.
    public static let statisticalSecret = "secret statistique"
}

extension Stage: Labelled {
    /// French label, as the site shows it.
    public var label: String {
        switch self {
        case .letterOfIntent: "Lettre d’intention"
        case .preProject: "Pré-projet"
        case .diagnostic: "Diagnostic territorial"
        case .healthProject: "Projet de santé validé"
        case .aciSigned: "Contrat ACI signé"
        }
    }

    /// The day the stage was reached, as a column of the CSV export names it.
    public var dateLabel: String {
        switch self {
        case .letterOfIntent: "Date de la lettre d’intention"
        case .preProject: "Date du pré-projet"
        case .diagnostic: "Date du diagnostic territorial"
        case .healthProject: "Date de validation du projet de santé"
        case .aciSigned: "Date de signature du contrat ACI"
        }
    }
}

extension MissionStatus {
    /// Where the mission stands against its ACI deadlines, as the CPTS page shows it.
    public var label: String {
        let start = startDeadline.map { French("\($0)").text } ?? ""
        let deploy = deployDeadline.map { French("\($0)").text } ?? ""
        switch state {
        case .optional: return DomainLabels.optionalMission
        case .notRequiredYet(let since): return DomainLabels.socle(since: since)
        case .toStart: return "À démarrer avant le \(start)"
        case .notStarted: return "Non démarrée, échéance du \(start) dépassée"
        case .startedLate: return "Démarrée en retard (échéance\u{202F}: \(start))"
        case .deploymentPending: return "Démarrée dans les délais\u{202F}; déploiement attendu avant le \(deploy)"
        case .deploymentLate: return "Déploiement en retard (échéance\u{202F}: \(deploy))"
        case .deployedLate(let deployed): return French("Déployée en retard le \(deployed) (échéance\u{202F}: \(deploy))").text
        case .deployed: return deployDeadline == nil ? "Dans les délais" : "Démarrée et déployée dans les délais"
        }
    }
}

/// The lines of a contract year's funding, as the CPTS page, `report` and the methodology name them.
public enum FundingPart: Labelled, CaseIterable {
    case operation, fixed, extra, variableMaximum, variableEarned, total, maximum

    public var label: String {
        switch self {
        case .operation: "Fonctionnement"
        case .fixed: "Part fixe"
        // The unscheduled-care compensation of the access mission.
        case .extra: "Compensation des soins non programmés"
        case .variableMaximum: "Part variable maximale"
        case .variableEarned: "Part variable acquise"
        case .total: "Total"
        case .maximum: "Maximum théorique"
        }
    }
}

extension Payment.Kind: Labelled {
    public var label: String {
        switch self {
        case .operation: "Fonctionnement"
        case .fixedAdvance: "Avance de 75\u{A0}% de la part fixe"
        case .advance: "Avance de 75\u{A0}%"
        case .balance: "Solde"
        case .variable: "Part variable"
        }
    }
}

extension Payment {
    /// Short on purpose (a calendar has a dozen rows): the methodology page explains each kind once.
    public var label: String {
        let paying = "\(kind.label) de l’année\u{A0}\(year)"
        switch kind {
        case .operation: return paying + ", en totalité"
        case .fixedAdvance: return paying + "\u{202F}: " + (mission.map(DomainLabels.missions.label) ?? "mission")
        case .advance, .balance, .variable: return paying
        }
    }
}

extension ContractYearFunding.Status: Labelled {
    public var label: String {
        switch self {
        case .upcoming: DomainLabels.upcoming
        case .inProgress: "en cours"
        case .ended: "terminée"
        case .assessed: "évaluée"
        }
    }
}

extension OperationRaise.Payment: Labelled {
    /// When the raise is paid (*versée …*).
    public var label: String {
        switch self {
        case .yearly: "chaque année"
        case .once: "une seule fois, la première année de contrat sous ce barème"
        }
    }
}

extension SiteContent {
    /// A schedule's label (`label:` of its file), or its id when no schedule has it (the rules report it).
    public func scheduleLabel(_ id: String) -> String { schedules[id]?.label ?? id }
}

extension Direction: Labelled {
    public var label: String {
        switch self {
        case .up: "à la hausse"
        case .down: "à la baisse"
        case .done: "action réalisée ou non"
        }
    }
}

extension ActionStatus: Labelled {
    public var label: String {
        switch self {
        case .planned: "Prévue"
        case .inProgress: "En cours"
        case .done: "Réalisée"
        case .abandoned: "Abandonnée"
        }
    }
}

extension Meeting.Kind: Labelled {
    public var label: String {
        switch self {
        case .generalAssembly: "Assemblée générale"
        case .board: "Conseil d’administration"
        case .bureau: "Bureau"
        case .steeringCommittee: "Comité de pilotage"
        case .managementDialogue: "Dialogue de gestion (CPAM, ARS)"
        case .workingGroup: "Groupe de travail"
        }
    }
}

extension SpendingCategory: Labelled {
    public var label: String {
        switch self {
        case .staff: "Personnel (coordination)"
        case .fees: "Indemnisation des professionnels"
        case .premises: "Locaux"
        case .equipment: "Matériel et systèmes d’information"
        case .communication: "Communication"
        case .training: "Formation"
        case .other: "Autres dépenses"
        }
    }
}

extension String {
    /// `Contrat ACI signé` → `contrat ACI signé`, for labels set inside a sentence.
    public var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
    /// `date de signature` → `Date de signature`, a label at the start of a line.
    public var uppercasedFirst: String { prefix(1).uppercased() + dropFirst() }
}
