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
        /// Its main department's place in `Region.departments` (the first of its code), as coverage counts it; nil
        /// when the region does not list it.
        public var department: Int?
    }

    /// The figures of `content.cpts`, position by position: what a writer going through the CPTS reads without a
    /// lookup by slug (`withFigures(at:slug:_:)`); a page's slice holds its CPTS's, in no set order.
    private let inContentOrder: [CPTSFigures]
    /// The slug each of `inContentOrder` was computed for; empty for a page's slice.
    private let slugsInContentOrder: [String]
    /// Where the figures of each slug are in `inContentOrder` (of its last CPTS, for a slug given twice). One
    /// position per slug, not a second copy of every CPTS's figures in a dictionary: at 100 000 CPTS that copy
    /// (its table sized for the next power of two) weighed about 40 MB of a build's peak.
    private let positions: [String: Int]
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
        let timeline = CoverageTimeline(content)
        var positions: [String: Int] = [:]
        positions.reserveCapacity(content.cpts.count)
        var inContentOrder: [CPTSFigures] = []
        inContentOrder.reserveCapacity(content.cpts.count)
        var duplicates = false
        for (position, item) in content.cpts.enumerated() {
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
            figures.department = timeline.department(at: position)
            if positions.updateValue(position, forKey: item.slug.value) != nil { duplicates = true }
            inContentOrder.append(figures)
        }
        let slugs = content.cpts.map(\.slug.value)
        // A slug given twice (an error the rules report) has the figures of its last CPTS, as the lookup by slug.
        if duplicates {
            let computed = inContentOrder
            inContentOrder = zip(slugs, computed).map { slug, own in positions[slug].map { computed[$0] } ?? own }
        }
        self.positions = positions
        self.inContentOrder = inContentOrder
        slugsInContentOrder = slugs
        coverage = timeline.at(content.settings.asOf)
        series = timeline.monthlySeries()
        milestones = timeline.milestones()
        funding = RegionalFunding(breakdowns: inContentOrder.compactMap(\.funding))
    }

    /// Figures made of parts of others: a page's slice (`ViewModels.slice(_:)`).
    init(cpts: [String: CPTSFigures], region: SiteFigures) {
        inContentOrder = Array(cpts.values)
        positions = Dictionary(uniqueKeysWithValues: zip(cpts.keys, inContentOrder.indices))
        slugsInContentOrder = []
        coverage = region.coverage
        series = region.series
        milestones = region.milestones
        funding = region.funding
        secrecy = region.secrecy
    }

    public subscript(cpts: CPTS) -> CPTSFigures { self[slug: cpts.slug.value] }

    /// `body` of the figures of the CPTS of `slug` at `position` in the content: read in place (no lookup, no copy)
    /// when these figures were computed from that content, else looked up by slug.
    func withFigures<Result>(at position: Int, slug: String, _ body: (UnsafePointer<CPTSFigures>) -> Result) -> Result {
        inContentOrder.withUnsafeBufferPointer { ordered in
            guard position < ordered.count, position < slugsInContentOrder.count, slugsInContentOrder[position] == slug,
                let base = ordered.baseAddress
            else { return withUnsafePointer(to: self[slug: slug], body) }
            return body(base + position)
        }
    }

    /// The figures of the CPTS of `slug`.
    public subscript(slug slug: String) -> CPTSFigures {
        figures(of: slug) ?? CPTSFigures(population: 0, tranche: nil, stage: nil, funding: nil, letterOfIntentAid: nil)
    }

    /// The figures of the CPTS of `slug`, nil when these figures hold none of that slug.
    public func figures(of slug: String) -> CPTSFigures? {
        positions[slug].map { inContentOrder[$0] }
    }

    /// The slugs these figures hold, in no set order.
    public var slugs: Dictionary<String, Int>.Keys { positions.keys }
}
