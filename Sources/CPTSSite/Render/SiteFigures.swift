import CPTSDomain

/// Every figure the site shows, computed once in the compute stage: per CPTS and for the region.
public struct SiteFigures: Sendable {
    public struct CPTSFigures: Sendable, Hashable {
        public let population: Int
        public let tranche: SizeTranche?
        /// The stage reached at the site's date: a stage dated after it is not reached (nil: not started yet).
        public let stage: Stage?
        /// Nil unless the contract is signed by the site's date.
        public let funding: FundingBreakdown?
        /// The letter-of-intent aid of the schedule in force at the site's date, for a CPTS at that stage.
        public let letterOfIntentAid: Int?
        /// Statistical secrecy: which of its members by profession (in its order) and their total are hidden.
        public var members = SecretTable.none(0)
        /// Statistical secrecy: the ids of the figures of its territorial diagnostic that are hidden.
        public var hiddenFigures: Set<String> = []
    }

    public let cpts: [String: CPTSFigures]
    /// The region at the site's date.
    public let coverage: CoverageFigures
    /// Month by month, for the deployment curve.
    public let series: [CoverageFigures]
    public let milestones: [MilestoneComparison]
    public let funding: RegionalFunding
    /// The statistical secrecy every output applies (`site.yaml`'s `secrecyThreshold`).
    public let secrecy: Secrecy

    public init(content: SiteContent) {
        let secrecy = content.settings.secrecy
        self.secrecy = secrecy
        var cpts: [String: CPTSFigures] = [:]
        for item in content.cpts {
            let population = content.population(of: item)
            let stage = content.stageAsOf(item)
            let current = content.schedule(for: item, at: content.settings.asOf, knownAt: content.settings.asOf)
            let tranche = current?.tranche(for: population)
            let aid = stage == .letterOfIntent ? tranche.flatMap { tranche in current?.letterOfIntentAid.map { $0[tranche] } } : nil
            var figures = CPTSFigures(population: population, tranche: content.schedule(for: item)?.tranche(for: population),
                                      stage: stage, funding: FundingCalculator.breakdown(of: item, in: content),
                                      letterOfIntentAid: aid)
            figures.members = secrecy.members(item.members)
            figures.hiddenFigures = secrecy.hiddenFigures(of: item, in: content, members: figures.members)
            cpts[item.slug.value] = figures
        }
        self.cpts = cpts
        let timeline = CoverageTimeline(content)
        coverage = timeline.at(content.settings.asOf)
        series = timeline.monthlySeries()
        milestones = timeline.milestones()
        funding = RegionalFunding(breakdowns: content.cpts.compactMap { cpts[$0.slug.value]?.funding })
    }

    /// Figures made of parts of others: a page's slice (`ViewModels.slice(_:)`).
    init(cpts: [String: CPTSFigures], region: SiteFigures) {
        self.cpts = cpts
        coverage = region.coverage
        series = region.series
        milestones = region.milestones
        funding = region.funding
        secrecy = region.secrecy
    }

    public subscript(cpts: CPTS) -> CPTSFigures { self[slug: cpts.slug.value] }

    /// The figures of the CPTS of `slug`.
    public subscript(slug slug: String) -> CPTSFigures {
        self.cpts[slug] ?? CPTSFigures(population: 0, tranche: nil, stage: nil, funding: nil, letterOfIntentAid: nil)
    }
}
