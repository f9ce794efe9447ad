/// ACI money of the region's (or a department's) signed contracts: sums of their ledgers, never recomputed. By
/// calendar year of the contract years' start and by mission.
public struct RegionalFunding: Sendable {
    public struct Year: Sendable {
        public let year: Int
        public let operation: Int
        /// Per mission id, in catalogue order: the maximum engaged, and what was earned for good (`earned`: only
        /// contract years ended by `asOf`).
        public let missions: [(mission: String, maximum: Int, earned: Int)]
        public let maximum: Int
        /// The contract years' totals (fixed parts as paid, variable part earned), projected ones included.
        public let total: Int
        /// What the contract years ended by `asOf` earned for good (`ContractYearFunding.earned`).
        public let earned: Int
        /// Whether a contract year of it is not begun at `asOf`: its figures are then partly a projection.
        public let projected: Bool
    }

    public let years: [Year]
    /// The maximum of each signed contract's year in progress at the site's date (*enveloppe ACI annuelle*).
    public let engaged: Int
    /// What the ledgers paid by the site's date.
    public let paid: Int

    public init(breakdowns: [Ledger]) {
        let contractYears = breakdowns.flatMap(\.years)
        let byYear = Dictionary(grouping: contractYears, by: \.start.year)
        years = byYear.keys.sorted().map { year in
            let items = byYear[year, default: []]
            let missions = Mission.catalogue.compactMap { mission -> (String, Int, Int)? in
                let funded = items.flatMap { item in
                    item.missions.filter { $0.mission == mission.id }.map { (funding: $0, ended: item.status.hasEnded) }
                }
                guard !funded.isEmpty else { return nil }
                return (mission.id, funded.map(\.funding.maximum).reduce(0, +),
                        funded.filter(\.ended).map(\.funding.total).reduce(0, +))
            }
            return Year(year: year, operation: items.map(\.operation).reduce(0, +), missions: missions,
                        maximum: items.map(\.maximum).reduce(0, +), total: items.map(\.total).reduce(0, +),
                        earned: items.compactMap(\.earned).reduce(0, +), projected: items.contains(where: \.isProjected))
        }
        engaged = breakdowns.compactMap(\.currentYear?.maximum).reduce(0, +)
        paid = breakdowns.map(\.paidAsOf).reduce(0, +)
    }
}
