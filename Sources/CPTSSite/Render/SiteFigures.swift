import CPTSDomain

/// The computed figures of the site: per CPTS (population, tranche, funding) and for the region.
public struct SiteFigures: Sendable {
    public struct CPTSFigures: Sendable {
        public let population: Int
        public let tranche: SizeTranche?
    }

    public let cpts: [String: CPTSFigures]

    public init(content: SiteContent) {
        var cpts: [String: CPTSFigures] = [:]
        for item in content.cpts {
            let population = content.population(of: item)
            cpts[item.slug.value] = CPTSFigures(population: population,
                                                tranche: content.schedule(for: item)?.tranche(for: population))
        }
        self.cpts = cpts
    }

    public subscript(cpts: CPTS) -> CPTSFigures {
        self.cpts[cpts.slug.value] ?? CPTSFigures(population: 0, tranche: nil)
    }
}
