/// Computes coverage figures at any date from the stage dates of the CPTS.
public enum CoverageCalculator {
    public static func at(_ day: Day, in content: SiteContent) -> CoverageFigures {
        at(day, in: content, split: split(content))
    }

    /// What the figures need of a CPTS, worked out once for all the dates of a series: a series asks every CPTS
    /// its stage at each month end, and copying the whole `CPTS` each time was most of the compute stage.
    struct Input {
        /// `CPTS.datedStages`, worked out once.
        let stages: [(stage: Stage, date: Day)]
        let department: String
        let population: Int
        /// Where its inhabitants live.
        let populations: [String: Int]

        init(_ cpts: CPTS, in content: SiteContent) {
            stages = cpts.datedStages
            department = cpts.department.value
            population = content.population(of: cpts)
            populations = CoverageCalculator.populationByDepartment(of: cpts, in: content)
        }

        /// As `CPTS.stage(at:)`.
        func stage(at day: Day) -> Stage? { stages.last { $0.date <= day }?.stage }
    }

    static func split(_ content: SiteContent) -> [Input] {
        content.cpts.map { Input($0, in: content) }
    }

    static func at(_ day: Day, in content: SiteContent, split: [Input]) -> CoverageFigures {
        var countByStage: [Stage: Int] = [:]
        var constituted = 0, signed = 0, covered = 0, signedPopulation = 0
        var departments: [String: (cpts: Int, constituted: Int, signed: Int, covered: Int, signedPopulation: Int)] = [:]
        for cpts in split {
            guard let stage = cpts.stage(at: day) else { continue }
            countByStage[stage, default: 0] += 1
            departments[cpts.department, default: (0, 0, 0, 0, 0)].cpts += 1
            guard stage.isConstituted else { continue }
            constituted += 1
            covered += cpts.population
            departments[cpts.department, default: (0, 0, 0, 0, 0)].constituted += 1
            for (department, inhabitants) in cpts.populations {
                departments[department, default: (0, 0, 0, 0, 0)].covered += inhabitants
            }
            if stage == .aciSigned {
                signed += 1
                signedPopulation += cpts.population
                departments[cpts.department, default: (0, 0, 0, 0, 0)].signed += 1
                for (department, inhabitants) in cpts.populations {
                    departments[department, default: (0, 0, 0, 0, 0)].signedPopulation += inhabitants
                }
            }
        }
        let byDepartment = content.region.departments.map { department in
            let figures = departments[department.code] ?? (0, 0, 0, 0, 0)
            return DepartmentCoverage(code: department.code, name: department.name,
                                      population: department.population.value, cpts: figures.cpts,
                                      constituted: figures.constituted, signed: figures.signed,
                                      populationCovered: figures.covered, signedPopulation: figures.signedPopulation)
        }
        return CoverageFigures(date: day, countByStage: countByStage, constituted: constituted, signed: signed,
                               plannedTerritories: content.region.plannedTerritories.value,
                               regionPopulation: content.region.population.value, populationCovered: covered,
                               signedPopulation: signedPopulation, byDepartment: byDepartment)
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

    /// Figures at the end of each month from the first stage date to `asOf`, which is the last point.
    public static func monthlySeries(in content: SiteContent) -> [CoverageFigures] {
        let asOf = content.settings.asOf
        guard let first = content.cpts.flatMap({ $0.dates.values.map(\.value) }).min(), first <= asOf else {
            return [at(asOf, in: content)]
        }
        var days: [Day] = []
        var month = first.endOfMonth
        while month < asOf {
            days.append(month)
            month = month.adding(months: 1).endOfMonth
        }
        days.append(asOf)
        let split = split(content)
        return days.map { at($0, in: content, split: split) }
    }

    /// Each published or forecast milestone beside the figures computed at its date (when it is not after `asOf`).
    public static func milestones(in content: SiteContent) -> [MilestoneComparison] {
        let split = split(content)
        return content.region.milestones.sorted { $0.date < $1.date }.map { milestone in
            MilestoneComparison(milestone: milestone,
                                computed: milestone.date <= content.settings.asOf ? at(milestone.date, in: content, split: split) : nil)
        }
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
