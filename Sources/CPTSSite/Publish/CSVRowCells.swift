import CPTSDomain

/// The cells of `cpts.csv` that repeat from line to line (a department's name, a stage's label, a schedule's label),
/// each encoded once (`SpreadsheetCSV.encoded`) and copied as bytes on every line that holds it.
struct CPTSRowCells {
    let yes = SpreadsheetCSV.encoded("oui")
    let no = SpreadsheetCSV.encoded("non")
    let asOf: Day
    private let siteSchedule: String
    /// A line's dates in the order of `Stage.allCases`, reused from line to line.
    var days = [Day?](repeating: nil, count: Stage.allCases.count)
    private let content: SiteContent
    private let stages: [[UInt8]]
    /// The department names by place in `Region.departments`, each encoded when first met.
    private var departments: [[UInt8]?]
    /// The « Dates prévues » cell of each set of forecast columns (bit `n`: column `n` of `Stage.allCases`).
    private var forecastCells: [[UInt8]?] = Array(repeating: nil, count: 1 << Stage.allCases.count)
    private var inForce: [String: String] = [:]
    private var scheduleLabels: [String: [UInt8]] = [:]
    /// The schedule cells met so far, by the schedules they were asked for: a handful, the last one met tried first.
    private var schedules: [(first: String?, named: String, cell: [UInt8])] = []
    private var lastSchedule = 0

    init(content: SiteContent) {
        self.content = content
        asOf = content.settings.asOf
        siteSchedule = content.settings.schedule.value
        stages = Stage.allCases.map { SpreadsheetCSV.encoded($0.label) }
        departments = Array(repeating: nil, count: content.region.departments.count)
    }

    /// The name of the department at `number` in `Region.departments` (`CPTSFigures.department`), empty for none.
    mutating func department(_ number: Int?) -> [UInt8] {
        guard let number, departments.indices.contains(number) else { return [] }
        if let cell = departments[number] { return cell }
        let cell = SpreadsheetCSV.encoded(content.region.departments[number].name)
        departments[number] = cell
        return cell
    }

    /// The « Dates prévues » cell: the date labels of the columns in `columns` (bit `n`: `Stage.allCases[n]`),
    /// joined by « ; ».
    mutating func forecasts(_ columns: Int) -> [UInt8] {
        if let cell = forecastCells[columns] { return cell }
        let labels = Stage.allCases.indices.filter { columns & (1 << $0) != 0 }.map { Stage.allCases[$0].dateLabel }
        let cell = labels.isEmpty ? [] : SpreadsheetCSV.encoded(labels.joined(separator: "\u{202F}; "))
        forecastCells[columns] = cell
        return cell
    }

    /// The stage's label, empty before the first stage.
    func stage(_ stage: Stage?) -> [UInt8] { stage.map { stages[$0.order] } ?? [] }

    /// The label of the schedule a CPTS page names: `first` (the contract's first year), else the one in force at
    /// the site's date among those the CPTS's schedule (`named`) gives way to, else `named` itself. Which one is in
    /// force depends on `named` alone (`SiteContent.schedule(for:at:knownAt:)`): found once per schedule named.
    /// `named` nil: the site's schedule.
    mutating func schedule(_ first: String?, named: String?) -> [UInt8] {
        let named = named ?? siteSchedule
        // Most CPTS of a region share a few schedules: the last one met first, then the others.
        if lastSchedule < schedules.count && schedules[lastSchedule].first == first && schedules[lastSchedule].named == named {
            return schedules[lastSchedule].cell
        }
        if let known = schedules.firstIndex(where: { $0.first == first && $0.named == named }) {
            lastSchedule = known
        } else {
            schedules.append((first, named, schedule(id: first, named: named)))
            lastSchedule = schedules.count - 1
        }
        return schedules[lastSchedule].cell
    }

    private mutating func schedule(id first: String?, named: String) -> [UInt8] {
        let id: String
        if let first {
            id = first
        } else if let known = inForce[named] {
            id = known
        } else {
            id = content.schedule(named: named, at: asOf, knownAt: asOf)?.id ?? named
            inForce[named] = id
        }
        if let cell = scheduleLabels[id] { return cell }
        let cell = SpreadsheetCSV.encoded(content.scheduleLabel(id))
        scheduleLabels[id] = cell
        return cell
    }
}

/// The cells of `indicators.csv` that repeat from line to line (a mission's label, a direction's), encoded once.
struct IndicatorRowCells {
    let yes = SpreadsheetCSV.encoded("oui")
    let no = SpreadsheetCSV.encoded("non")
    let secrecy: Secrecy
    private let secret = SpreadsheetCSV.encoded(DomainLabels.statisticalSecret)
    private let directions: [[UInt8]] = Direction.allCases.map { SpreadsheetCSV.encoded($0.label) }
    /// The missions met so far, with their labels: a handful, the last one met first in line.
    private var missions: [(id: String, cell: [UInt8])] = []
    private var lastMission = 0

    init(secrecy: Secrecy) {
        self.secrecy = secrecy
    }

    /// The label of mission `id` (`DomainLabels.missions`), or `id` when the catalog does not know it.
    mutating func mission(_ id: String) -> [UInt8] {
        if lastMission < missions.count && missions[lastMission].id == id { return missions[lastMission].cell }
        if let index = missions.firstIndex(where: { $0.id == id }) {
            lastMission = index
        } else {
            missions.append((id, SpreadsheetCSV.encoded(DomainLabels.missions.label(of: id))))
            lastMission = missions.count - 1
        }
        return missions[lastMission].cell
    }

    func direction(_ direction: Direction) -> [UInt8] {
        switch direction {
        case .up: directions[0]
        case .down: directions[1]
        case .done: directions[2]
        }
    }

    /// A measured value, or « secret statistique » for a small count of people (`Secrecy.hides`).
    func measured(_ value: Double, unit: String?, to csv: inout CSVWriter) {
        if secrecy.hides(value, unit: unit) { csv.cell(encoded: secret) } else { csv.cell(decimal: value) }
    }
}

/// What each indicator earned in one contract year, as the pages say it (`PublishedFigureRules.earned`): nothing
/// unless the year is assessed; else the first reward of the id among the year's missions, or 0 for an indicator of
/// a mission the year does not fund. The rewards come in the order of the indicators file, as the lines do: each
/// lookup tries the reward after the last one found before asking the rule.
struct EarnedAmounts {
    private let ids: [String]
    private let amounts: [Int]
    /// Whether no id is rewarded twice: a reward found at the cursor is then the first of its id.
    private let distinct: Bool
    private var next = 0
    private let year: ContractYearFunding?

    init(_ year: ContractYearFunding?) {
        self.year = year
        guard let year, year.assessed else {
            (ids, amounts, distinct) = ([], [], true)
            return
        }
        var ids: [String] = []
        var amounts: [Int] = []
        for mission in year.missions {
            for reward in mission.indicators {
                ids.append(reward.id)
                amounts.append(reward.earned)
            }
        }
        self.ids = ids
        self.amounts = amounts
        distinct = ids.indices.allSatisfy { index in !ids[..<index].contains(ids[index]) }
    }

    /// What indicator `id` earned, nil when the year is not assessed.
    mutating func amount(of id: String) -> Int? {
        if distinct && next < ids.count && ids[next] == id {
            next += 1
            return amounts[next - 1]
        }
        guard let index = ids.firstIndex(of: id) else { return PublishedFigureRules.earned(indicator: id, in: year) }
        next = index + 1
        return amounts[index]
    }
}
