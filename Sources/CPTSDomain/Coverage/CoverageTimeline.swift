/// What coverage needs of every CPTS — its dated stages, its population and where it lives — read once, to
/// give the figures at as many dates as asked: the monthly series asks every CPTS its stage at each month end.
/// Departments are numbered once, so that counting at a date adds into arrays rather than hashing names:
/// at 100 000 CPTS and eight years of months, that was most of the compute stage.
public struct CoverageTimeline: Sendable {
    let content: SiteContent
    let inputs: [Input]
    /// Each department code's number: its first place in the region's list.
    let numbers: [String: Int]

    struct Input: Sendable {
        /// `CPTS.datedStages`, worked out once.
        let stages: [(stage: Stage, date: Day)]
        /// Its main department's number in the region, nil when the region lacks it.
        let department: Int?
        let population: Int
        /// Where its inhabitants live, by department number (departments outside the region left out).
        let populations: [(department: Int, inhabitants: Int)]

        /// As `CPTS.stage(at:)`.
        func stage(at day: Day) -> Stage? { stages.last { $0.date <= day }?.stage }
    }

    /// Counts of one department at a date.
    struct Counts {
        var cpts = 0, constituted = 0, signed = 0, covered = 0, signedPopulation = 0
        /// CPTS by stage reached, in `Stage.allCases` order.
        var byStage = [Int](repeating: 0, count: Stage.allCases.count)
    }

    public init(_ content: SiteContent) {
        self.content = content
        let numbers = Dictionary(content.region.departments.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        self.numbers = numbers
        inputs = content.cpts.map { cpts in
            Input(stages: cpts.datedStages, department: numbers[cpts.department.value], population: content.population(of: cpts),
                  populations: CoverageCalculator.populationByDepartment(of: cpts, in: content)
                      .compactMap { code, inhabitants in numbers[code].map { ($0, inhabitants) } })
        }
    }

    /// The main department's place in `Region.departments` of `content.cpts[position]`, nil when the region does not
    /// list it: the department its CPTS is counted in.
    public func department(at position: Int) -> Int? { inputs[position].department }

    public func at(_ day: Day) -> CoverageFigures {
        var countByStage: [Stage: Int] = [:]
        var constituted = 0, signed = 0, covered = 0, signedPopulation = 0
        let departments = content.region.departments
        var counts = [Counts](repeating: Counts(), count: departments.count)
        for cpts in inputs {
            guard let stage = cpts.stage(at: day) else { continue }
            countByStage[stage, default: 0] += 1
            if let department = cpts.department {
                counts[department].cpts += 1
                counts[department].byStage[Stage.allCases.firstIndex(of: stage) ?? 0] += 1
            }
            guard stage.isConstituted else { continue }
            constituted += 1
            covered += cpts.population
            if let department = cpts.department { counts[department].constituted += 1 }
            for (department, inhabitants) in cpts.populations { counts[department].covered += inhabitants }
            guard stage == .aciSigned else { continue }
            signed += 1
            signedPopulation += cpts.population
            if let department = cpts.department { counts[department].signed += 1 }
            for (department, inhabitants) in cpts.populations { counts[department].signedPopulation += inhabitants }
        }
        let byDepartment = departments.map { department in
            let figures = counts[numbers[department.code]!]
            return DepartmentCoverage(code: department.code, name: department.name,
                               population: department.population.value, cpts: figures.cpts,
                               constituted: figures.constituted, signed: figures.signed,
                               populationCovered: figures.covered, signedPopulation: figures.signedPopulation,
                               stageCounts: figures.byStage)
        }
        return CoverageFigures(date: day, countByStage: countByStage, constituted: constituted, signed: signed,
                               plannedTerritories: content.region.plannedTerritories.value,
                               regionPopulation: content.region.population.value, populationCovered: covered,
                               signedPopulation: signedPopulation, byDepartment: byDepartment)
    }

    /// Figures at the end of each month from the first stage date to `asOf`, which is the last point.
    public func monthlySeries() -> [CoverageFigures] {
        let asOf = content.settings.asOf
        guard let first = content.cpts.flatMap({ $0.dates.values.map(\.value) }).min(), first <= asOf else { return [at(asOf)] }
        var days: [Day] = []
        var month = first.endOfMonth
        while month < asOf {
            days.append(month)
            month = month.adding(months: 1).endOfMonth
        }
        days.append(asOf)
        return days.map(at)
    }

    /// Each published or forecast milestone beside the figures computed at its date (when it is not after `asOf`).
    public func milestones() -> [MilestoneComparison] {
        content.region.milestones.sorted { $0.date < $1.date }.map { milestone in
            MilestoneComparison(milestone: milestone, computed: milestone.date <= content.settings.asOf ? at(milestone.date) : nil)
        }
    }
}
