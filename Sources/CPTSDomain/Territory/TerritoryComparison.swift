/// A territory figure beside its references, and whether it is unfavourable to the territory.
public struct TerritoryComparison: Sendable {
    public let figure: TerritoryFigure
    public let value: Double
    public let source: String?
    public let year: Int?
    /// Computed from the CPTS's content (professional densities) rather than given.
    public let computed: Bool
    public let department: Double?
    public let region: Double?
    public let france: Double?

    /// How much worse than the least favourable reference, as a share of it (0.25 = 25 % worse); nil when the
    /// figure is not worse than any reference, or there is none.
    public var unfavourableGap: Double? {
        let references = [department, region, france].compactMap { $0 }.filter { $0 != 0 }
        let gaps = references.map { reference in
            (figure.higherIsUnfavourable ? value - reference : reference - value) / abs(reference)
        }
        guard let worst = gaps.max(), worst > 0 else { return nil }
        return worst
    }
}

public enum TerritoryComparisons {
    /// Figures that stand out: unfavourable by more than this share of their reference.
    public static let standOutGap = 0.10

    /// The figures given for a CPTS and the densities computed from its members, each beside the department,
    /// region and France values when given, in catalogue order.
    public static func of(_ cpts: CPTS, in content: SiteContent) -> [TerritoryComparison] {
        let references = content.region.references
        let given = content.territoryDiagnostic(for: cpts.slug.value)
        var values: [String: (value: Double, source: String?, year: Int?, computed: Bool)] = [:]
        for figure in given?.figures ?? [] {
            values[figure.id.value] = (figure.value.value, figure.source ?? given?.source, figure.year ?? given?.year, false)
        }
        let population = content.population(of: cpts)
        if population > 0 {
            for member in cpts.members where values[TerritoryFigure.densityID(member.profession)] == nil {
                values[TerritoryFigure.densityID(member.profession)] =
                    (Double(member.count) * 10_000 / Double(population), "membres de la CPTS", nil, true)
            }
        }
        return TerritoryFigure.catalogue.compactMap { figure in
            guard let entry = values[figure.id] else { return nil }
            return TerritoryComparison(
                figure: figure, value: entry.value, source: entry.source, year: entry.year, computed: entry.computed,
                department: references.departments[cpts.department.value]?[figure.id]?.value,
                region: references.region[figure.id]?.value, france: references.france[figure.id]?.value)
        }
    }
}
