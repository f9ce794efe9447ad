import CPTSDomain

extension ViewModels {
    /// The territorial diagnostic of a CPTS: each figure beside its references, unfavourable ones first marked.
    func territory(of cpts: CPTS) -> [TerritoryRow] {
        let hidden = figures[cpts].hiddenFigures
        return TerritoryComparisons.of(cpts, in: content).map { comparison in
            let figure = comparison.figure
            // Statistical secrecy: the figure's value, its chart and its gap (which gives the value back) are hidden.
            if hidden.contains(figure.id) { return secretRow(comparison) }
            func text(_ value: Double?) -> String? { value.map { measure($0, figure: figure) } }
            let references: [(String, Double?)] = [("Département", comparison.department), ("Région", comparison.region),
                                                   ("France", comparison.france)]
            let gap = comparison.unfavourableGap
            // A density computed from the members counts only the professionals who joined the CPTS:
            // shown for comparison, never flagged as a shortage of the territory.
            let standsOut = !comparison.computed && (gap.map { $0 >= TerritoryComparisons.standOutGap } ?? false)
            let rows = [ComparisonBar.Row(label: "Territoire", value: comparison.value, text: measure(comparison.value, figure: figure), isTerritory: true)]
                + references.compactMap { name, value in
                    value.flatMap { figure.unit == .count && figures.secrecy.isSecret($0) ? nil : $0 }.map { ComparisonBar.Row(label: name, value: $0, text: measure($0, figure: figure), isTerritory: false) }
                }
            return TerritoryRow(
                label: comparison.computed ? "\(figure.label) (membres de la CPTS)" : figure.label,
                value: measure(comparison.value, figure: figure),
                department: text(comparison.department),
                region: text(comparison.region),
                france: text(comparison.france),
                source: [comparison.source, comparison.year.map(String.init)].compactMap { $0 }.joined(separator: ", "),
                computed: comparison.computed,
                standsOut: standsOut,
                gap: standsOut ? gap.map { "\(FrenchFormat.percent($0)) plus défavorable que la référence la plus favorable" } : nil,
                chart: rows.count > 1 ? ComparisonBar(label: "\(figure.label)\u{202F}: " + rows.map { "\($0.label) \($0.text)" }.joined(separator: ", "), rows: rows).svg() : nil)
        }
    }

    /// A figure hidden by statistical secrecy: its references are shown, never its value nor how far it is from them.
    func secretRow(_ comparison: TerritoryComparison) -> TerritoryRow {
        let figure = comparison.figure
        func text(_ value: Double?) -> String? { value.map { measure($0, figure: figure) } }
        return TerritoryRow(
            label: comparison.computed ? "\(figure.label) (membres de la CPTS)" : figure.label,
            value: DomainLabels.statisticalSecret,
            department: text(comparison.department), region: text(comparison.region), france: text(comparison.france),
            source: [comparison.source, comparison.year.map(String.init)].compactMap { $0 }.joined(separator: ", "),
            computed: comparison.computed, standsOut: false, gap: nil, chart: nil)
    }

    func measure(_ value: Double, figure: TerritoryFigure) -> String {
        // A reference count of people under the threshold is hidden as well.
        if figure.unit == .count, figures.secrecy.isSecret(value) { return DomainLabels.statisticalSecret }
        return switch figure.unit {
        case .count: FrenchFormat.integer(Int(value.rounded()))
        case .percent: FrenchFormat.decimal(value, maximumFractionDigits: 1) + FrenchFormat.unitSpace + "%"
        case .rate: FrenchFormat.decimal(value, maximumFractionDigits: 1)
        }
    }

    /// The road to the contract of a CPTS not yet signed.
    func road(of cpts: CPTS) -> RoadModel? {
        guard let road = RoadToContract.of(cpts, in: content) else { return nil }
        return RoadModel(
            steps: road.steps.map { step in
                RoadStep(label: step.label, done: step.done, date: step.date.map { FrenchFormat.shortDate($0) })
            },
            plannedMissions: road.plannedMissions.map(DomainLabels.missions.label),
            requirements: road.requirements.map { requirement in
                RoadRequirement(
                    mission: requirement.mission.name,
                    start: requirement.startWithinMonths.map { "démarrage dans les \($0) mois suivant la signature" },
                    deploy: requirement.deployWithinMonths.map { "déploiement complet dans les \($0) mois" })
            },
            schedule: content.scheduleLabel(road.scheduleID),
            tranche: String(road.tranche.number),
            envelope: FrenchFormat.euros(road.envelope))
    }
}

/// A figure of the territorial diagnostic beside its references.
struct TerritoryRow: TemplateModel {
    let label: String
    let value: String
    let department: String?
    let region: String?
    let france: String?
    let source: String
    let computed: Bool
    let standsOut: Bool
    let gap: String?
    let chart: String?

    static let fields: [TemplateField<Self>] = [
        .text("label", \.label), .text("value", \.value), .optionalText("department", \.department),
        .optionalText("region", \.region), .optionalText("france", \.france), .text("source", \.source),
        .flag("computed", \.computed), .flag("standsOut", \.standsOut), .optionalText("gap", \.gap), .optionalText("chart", \.chart),
    ]
}

/// The road to the contract of a CPTS not yet signed.
struct RoadModel: TemplateModel {
    let steps: [RoadStep]
    let plannedMissions: [String]
    let requirements: [RoadRequirement]
    let schedule: String
    let tranche: String
    let envelope: String

    static let fields: [TemplateField<Self>] = [
        .list("steps", \.steps), .texts("plannedMissions", \.plannedMissions), .list("requirements", \.requirements),
        .text("schedule", \.schedule), .text("tranche", \.tranche), .text("envelope", \.envelope),
    ]
}

struct RoadStep: TemplateModel {
    let label: String
    let done: Bool
    let date: String?

    static let fields: [TemplateField<Self>] = [.text("label", \.label), .flag("done", \.done), .optionalText("date", \.date)]
}

struct RoadRequirement: TemplateModel {
    let mission: String
    let start: String?
    let deploy: String?

    static let fields: [TemplateField<Self>] = [
        .text("mission", \.mission), .optionalText("start", \.start), .optionalText("deploy", \.deploy),
    ]
}
