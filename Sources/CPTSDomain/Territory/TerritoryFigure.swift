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
    /// French label, as the site shows it (`DomainLabels.territoryFigures`).
    public let label: String
    public let unit: Unit
    /// The unit as printed after the value (`%`, `pour 10 000 hab.`).
    public let unitLabel: String
    /// True when a higher value means more unmet need (patients without a *médecin traitant*);
    /// false when a higher value is better (screening rates, doctors per inhabitant).
    public let higherIsUnfavourable: Bool

    public static let catalogue: [TerritoryFigure] = [
        TerritoryFigure("part-75-ans-et-plus", unit: .percent, unitLabel: "%", higherIsUnfavourable: true),
        TerritoryFigure("patients-sans-medecin-traitant", unit: .count, unitLabel: "patients", higherIsUnfavourable: true),
        TerritoryFigure("part-patients-sans-medecin-traitant", unit: .percent, unitLabel: "%", higherIsUnfavourable: true),
        TerritoryFigure("patients-ald-sans-medecin-traitant", unit: .count, unitLabel: "patients", higherIsUnfavourable: true),
        TerritoryFigure("part-patients-ald-sans-medecin-traitant", unit: .percent, unitLabel: "%", higherIsUnfavourable: true),
        TerritoryFigure("passages-urgences-non-suivis", unit: .rate, unitLabel: "pour 1\u{202F}000 hab.", higherIsUnfavourable: true),
        TerritoryFigure("medecins-generalistes-pour-10000", unit: .rate, unitLabel: "pour 10\u{202F}000 hab.", higherIsUnfavourable: false),
        TerritoryFigure("depistage-cancer-sein", unit: .percent, unitLabel: "%", higherIsUnfavourable: false),
        TerritoryFigure("depistage-cancer-colorectal", unit: .percent, unitLabel: "%", higherIsUnfavourable: false),
        TerritoryFigure("depistage-cancer-col-uterus", unit: .percent, unitLabel: "%", higherIsUnfavourable: false),
        TerritoryFigure("vaccination-grippe-65-ans", unit: .percent, unitLabel: "%", higherIsUnfavourable: false),
    ]
        + DomainLabels.professions.entries.filter { !["etablissement-sante", "structure-medico-sociale", "autre"].contains($0.id) }.map { profession in
            TerritoryFigure(id: densityID(profession.id), label: DomainLabels.density(of: profession.label), unit: .rate,
                            unitLabel: "pour 10\u{202F}000 hab.", higherIsUnfavourable: false)
        }

    public static func named(_ id: String) -> TerritoryFigure? { catalogue.first { $0.id == id } }
    public static var ids: [String] { catalogue.map(\.id) }

    /// The id of a profession's density, computed from a CPTS's `members`: `densite-infirmier`.
    public static func densityID(_ profession: String) -> String { "densite-\(profession)" }
}

extension TerritoryFigure {
    /// A figure of the Rézone tool, labelled from the catalog.
    init(_ id: String, unit: Unit, unitLabel: String, higherIsUnfavourable: Bool) {
        self.init(id: id, label: DomainLabels.territoryFigures.label(of: id), unit: unit, unitLabel: unitLabel,
                  higherIsUnfavourable: higherIsUnfavourable)
    }
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
