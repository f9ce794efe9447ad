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

    /// Where a CPTS's inhabitants live: by the departments of its communes when all are known,
    /// else all in its main department.
    public static func populationByDepartment(of cpts: CPTS, in content: SiteContent) -> [String: Int] {
        let communes = cpts.communes.compactMap { content.communes[$0.value] }
        guard !communes.isEmpty, communes.count == cpts.communes.count else {
            return [cpts.department.value: content.population(of: cpts)]
        }
        return Dictionary(communes.map { ($0.department, $0.population) }, uniquingKeysWith: +)
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
        guard let published = milestone.coverage, let computed else { return nil }
        return computed.coverage - published
    }
}
