/// ACI money of the region's signed contracts, by calendar year of the contract years' start and by mission.
public struct RegionalFunding: Sendable {
    public struct Year: Sendable {
        public let year: Int
        public let operation: Int
        /// Per mission id, in catalogue order: the maximum engaged and what was earned.
        public let missions: [(mission: String, maximum: Int, earned: Int)]
        public let maximum: Int
        public let total: Int
    }

    public let years: [Year]

    public init(breakdowns: [FundingBreakdown]) {
        let contractYears = breakdowns.flatMap(\.years)
        let byYear = Dictionary(grouping: contractYears, by: \.start.year)
        years = byYear.keys.sorted().map { year in
            let items = byYear[year, default: []]
            let missions = Mission.catalogue.compactMap { mission -> (String, Int, Int)? in
                let funded = items.flatMap(\.missions).filter { $0.mission == mission.id }
                guard !funded.isEmpty else { return nil }
                return (mission.id, funded.map(\.maximum).reduce(0, +), funded.map(\.total).reduce(0, +))
            }
            return Year(year: year, operation: items.map(\.operation).reduce(0, +), missions: missions,
                        maximum: items.map(\.maximum).reduce(0, +), total: items.map(\.total).reduce(0, +))
        }
    }
}
