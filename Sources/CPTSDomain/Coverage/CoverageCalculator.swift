/// Computes coverage figures at any date from the stage dates of the CPTS.
public enum CoverageCalculator {
    public static func at(_ day: Day, in content: SiteContent) -> CoverageFigures {
        CoverageTimeline(content).at(day)
    }

    /// Figures at the end of each month from the first stage date to `asOf`, which is the last point.
    public static func monthlySeries(in content: SiteContent) -> [CoverageFigures] {
        CoverageTimeline(content).monthlySeries()
    }

    /// Each published or forecast milestone beside the figures computed at its date (when it is not after `asOf`).
    public static func milestones(in content: SiteContent) -> [MilestoneComparison] {
        CoverageTimeline(content).milestones()
    }

    /// Where a CPTS's inhabitants live: by the departments of its communes when all are known, else all in its
    /// main department. The parts always add up to the CPTS's population (`SiteContent.population(of:)`), so that
    /// the departments' figures add up to the region's: a written `population` is shared between departments in
    /// proportion to its communes' populations there (largest remainders, ties to the lower department code).
    public static func populationByDepartment(of cpts: CPTS, in content: SiteContent) -> [String: Int] {
        let communes = cpts.communes.compactMap { content.communes[$0.value] }
        guard !communes.isEmpty, communes.count == cpts.communes.count else {
            return [cpts.department.value: content.population(of: cpts)]
        }
        let byCommunes = Dictionary(communes.map { ($0.department, $0.population) }, uniquingKeysWith: +)
        return apportion(content.population(of: cpts), by: byCommunes)
    }

    /// Shares `total` in proportion to `weights`, in whole numbers adding up to `total` (largest remainder method).
    public static func apportion(_ total: Int, by weights: [String: Int]) -> [String: Int] {
        let sum = weights.values.reduce(0, +)
        guard sum > 0, total != sum else { return total == sum ? weights : [weights.keys.min() ?? "": total] }
        let keys = weights.keys.sorted()
        var shares = Dictionary(uniqueKeysWithValues: keys.map { ($0, total * weights[$0]! / sum) })
        let left = total - shares.values.reduce(0, +)
        let byRemainder = keys.sorted { (total * weights[$0]! % sum, $1) > (total * weights[$1]! % sum, $0) }
        for key in byRemainder.prefix(left) { shares[key]! += 1 }
        return shares
    }
}

/// A milestone of `region.yaml` and what the content gives at the same date.
public struct MilestoneComparison: Sendable, Hashable {
    public let milestone: Milestone
    public let computed: CoverageFigures?

    /// Computed minus published CPTS count, when both exist.
    public var cptsDifference: Int? {
        guard let published = milestone.cpts, let computed else { return nil }
        return computed.constituted - published
    }

    /// Computed minus published coverage, in fraction points.
    public var coverageDifference: Double? {
        guard let published = milestone.coverage?.value, let computed else { return nil }
        return computed.coverage - published
    }
}
