import CPTSDomain

/// Every figure the site shows, computed once in the compute stage: per CPTS and for the region.
public struct SiteFigures: Sendable {
    public struct CPTSFigures: Sendable {
        public let population: Int
        public let tranche: SizeTranche?
        public let funding: FundingBreakdown?
    }

    public let cpts: [String: CPTSFigures]
    /// The region at the site's date.
    public let coverage: CoverageFigures
    /// Month by month, for the deployment curve.
    public let series: [CoverageFigures]
    public let milestones: [MilestoneComparison]
    public let funding: RegionalFunding

    public init(content: SiteContent) {
        var cpts: [String: CPTSFigures] = [:]
        for item in content.cpts {
            let population = content.population(of: item)
            cpts[item.slug.value] = CPTSFigures(population: population,
                                                tranche: content.schedule(for: item)?.tranche(for: population),
                                                funding: FundingCalculator.breakdown(of: item, in: content))
        }
        self.cpts = cpts
        let timeline = CoverageTimeline(content)
        coverage = timeline.at(content.settings.asOf)
        series = timeline.monthlySeries()
        milestones = timeline.milestones()
        funding = RegionalFunding(breakdowns: content.cpts.compactMap { cpts[$0.slug.value]?.funding })
    }

    public subscript(cpts: CPTS) -> CPTSFigures {
        self.cpts[cpts.slug.value] ?? CPTSFigures(population: 0, tranche: nil, funding: nil)
    }
}
