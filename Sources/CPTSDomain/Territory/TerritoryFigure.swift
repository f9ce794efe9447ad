/// A figure of the territorial diagnostic (*diagnostic territorial*), such as the Assurance Maladie's
/// Rézone CPTS tool gives: what it measures, in which unit, and which way is unfavourable to the territory.
public struct TerritoryFigure: Hashable, Sendable {
    public enum Unit: String, Sendable {
        /// A share, between 0 and 100.
        case percent
        /// A number of people or events, never negative.
        case count
        /// A rate per 1 000 or 10 000 inhabitants, never negative.
        case rate
    }

    public let id: String
    /// French label, as the site shows it.
    public let label: String
    public let unit: Unit
    /// The unit as printed after the value (`%`, `pour 10 000 hab.`).
    public let unitLabel: String
    /// True when a higher value means more unmet need (patients without a *médecin traitant*);
    /// false when a higher value is better (screening rates, doctors per inhabitant).
    public let higherIsUnfavourable: Bool

    public static let catalogue: [TerritoryFigure] = [
        TerritoryFigure(id: "part-75-ans-et-plus", label: "Part des habitants de 75 ans et plus", unit: .percent, unitLabel: "%", higherIsUnfavourable: true),
        TerritoryFigure(id: "patients-sans-medecin-traitant", label: "Patients sans médecin traitant", unit: .count, unitLabel: "patients", higherIsUnfavourable: true),
        TerritoryFigure(id: "part-patients-sans-medecin-traitant", label: "Part des patients sans médecin traitant", unit: .percent, unitLabel: "%", higherIsUnfavourable: true),
        TerritoryFigure(id: "patients-ald-sans-medecin-traitant", label: "Patients en ALD sans médecin traitant", unit: .count, unitLabel: "patients", higherIsUnfavourable: true),
        TerritoryFigure(id: "part-patients-ald-sans-medecin-traitant", label: "Part des patients en ALD sans médecin traitant", unit: .percent, unitLabel: "%", higherIsUnfavourable: true),
        TerritoryFigure(id: "passages-urgences-non-suivis", label: "Passages aux urgences non suivis d’hospitalisation", unit: .rate, unitLabel: "pour 1\u{202F}000 hab.", higherIsUnfavourable: true),
        TerritoryFigure(id: "medecins-generalistes-pour-10000", label: "Médecins généralistes pour 10\u{202F}000 habitants", unit: .rate, unitLabel: "pour 10\u{202F}000 hab.", higherIsUnfavourable: false),
        TerritoryFigure(id: "depistage-cancer-sein", label: "Participation au dépistage du cancer du sein", unit: .percent, unitLabel: "%", higherIsUnfavourable: false),
        TerritoryFigure(id: "depistage-cancer-colorectal", label: "Participation au dépistage du cancer colorectal", unit: .percent, unitLabel: "%", higherIsUnfavourable: false),
        TerritoryFigure(id: "depistage-cancer-col-uterus", label: "Participation au dépistage du cancer du col de l’utérus", unit: .percent, unitLabel: "%", higherIsUnfavourable: false),
        TerritoryFigure(id: "vaccination-grippe-65-ans", label: "Vaccination contre la grippe des 65 ans et plus", unit: .percent, unitLabel: "%", higherIsUnfavourable: false),
    ]
        + DomainLabels.professions.entries.filter { !["etablissement-sante", "structure-medico-sociale", "autre"].contains($0.id) }.map { profession in
            TerritoryFigure(id: densityID(profession.id), label: "\(profession.label) pour 10\u{202F}000 habitants", unit: .rate,
                            unitLabel: "pour 10\u{202F}000 hab.", higherIsUnfavourable: false)
        }

    public static func named(_ id: String) -> TerritoryFigure? { catalogue.first { $0.id == id } }
    public static var ids: [String] { catalogue.map(\.id) }

    /// The id of a profession's density, computed from a CPTS's `members`: `densite-infirmier`.
    public static func densityID(_ profession: String) -> String { "densite-\(profession)" }
}

/// One figure of a CPTS's territory, with its source.
public struct TerritoryValue: Sendable {
    public var id: Located<String>
    public var value: Located<Double>
    public var source: String?
    public var year: Int?

    public init(id: Located<String>, value: Located<Double>, source: String?, year: Int?) {
        self.id = id
        self.value = value
        self.source = source
        self.year = year
    }
}

/// The territorial diagnostic of one CPTS (`diagnostics/<slug>.yaml`).
public struct TerritoryDiagnostic: Sendable {
    public var slug: String
    public var file: String
    public var location: SourceLocation
    /// Source and year of the figures that give none of their own.
    public var source: String?
    public var year: Int?
    public var figures: [TerritoryValue]

    public init(slug: String, file: String, location: SourceLocation, source: String?, year: Int?, figures: [TerritoryValue]) {
        self.slug = slug
        self.file = file
        self.location = location
        self.source = source
        self.year = year
        self.figures = figures
    }
}

/// Reference values to compare a territory with: France, the region, each department (`region.yaml`, `references`).
public struct ReferenceValues: Sendable {
    public var france: [String: Located<Double>]
    public var region: [String: Located<Double>]
    public var departments: [String: [String: Located<Double>]]

    public init(france: [String: Located<Double>] = [:], region: [String: Located<Double>] = [:],
                departments: [String: [String: Located<Double>]] = [:]) {
        self.france = france
        self.region = region
        self.departments = departments
    }

    public var isEmpty: Bool { france.isEmpty && region.isEmpty && departments.isEmpty }
}
