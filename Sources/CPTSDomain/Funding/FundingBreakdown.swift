/// The ledger of one signed CPTS: what the ACI pays it, contract year by contract year, as the site's date (`asOf`)
/// knows it. Computed once, in the compute stage (`FundingCalculator.breakdown`); every output (the CPTS page, the
/// report pages, the dashboard, `site.json`, both CSV files, `cpts-site report`) reads its figures from here, and
/// sums nothing of its own.
public typealias Ledger = FundingBreakdown

/// See `Ledger`.
public struct FundingBreakdown: Sendable, Hashable {
    public let slug: String
    /// The schedule of the first contract year (later years may be paid under a newer one: see each year).
    public let scheduleID: String
    /// That schedule's label, as every output names it.
    public let scheduleLabel: String
    public let tranche: SizeTranche
    public let signature: Day
    /// The site's date: payments dated after it are to come, contract years not ended by it are in progress.
    public let asOf: Day
    /// Contract years 1 to 5 of the five-year contract.
    public let years: [ContractYearFunding]

    public func year(_ number: Int) -> ContractYearFunding? { years.first { $0.year == number } }

    /// Every payment of the contract, in date order (on one date: in the order the CPAM settles them).
    public var calendar: [Payment] {
        years.flatMap(\.payments).enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
            .map(\.element)
    }

    /// What was paid on or before `asOf`.
    public var paidAsOf: Int { years.reduce(0) { $0 + $1.paid } }
    /// What the contract years begun by `asOf` still owe after it (the balance of the year in progress, say).
    public var due: Int { years.filter { !$0.isProjected }.map(\.toCome).reduce(0, +) }
    /// What the years not begun at `asOf` would pay (`isProjected`), if the missions not started stay so.
    public var projected: Int { years.filter(\.isProjected).map(\.fixedTotal).reduce(0, +) }
    /// What indicator `id` earned in contract year `year`: nil unless the year is assessed (earned for good).
    public func earned(indicator id: String, year number: Int) -> Int? {
        year(number)?.earned(indicator: id)
    }

    /// The contract year in progress at `asOf`, if any.
    public var currentYear: ContractYearFunding? { years.first { $0.status == .inProgress } }
}

/// One contract year. The period convention, the one every output states: from the signature's anniversary
/// `year − 1` (`start`, included) to the day before anniversary `year` (`lastDay`, included): "du 30/09/2019 au
/// 29/09/2020". `end`, the next anniversary, is excluded: it is the date of the year's balance and variable part.
public struct ContractYearFunding: Sendable, Hashable {
    /// Where a contract year stands at the site's date.
    public enum Status: String, Sendable, CaseIterable {
        /// Not begun at `asOf` (*à venir*): its figures are a projection (`isProjected`).
        case upcoming
        /// Begun, not ended at `asOf` (*en cours*): its variable part is neither earned nor paid.
        case inProgress = "in-progress"
        /// Ended by `asOf` (its anniversary is on or before it), its indicators not given yet (*terminée*).
        case ended
        /// Ended by `asOf`, its indicators given: its variable part is earned (*évaluée*).
        case assessed

        /// Ended by `asOf`, assessed or not.
        public var hasEnded: Bool { self == .ended || self == .assessed }
    }

    public let year: Int
    public let start: Day
    /// The next anniversary, excluded from the year (see the type's period convention).
    public let end: Day
    /// The schedule in force at the year's start among those known at `asOf`, which pays it.
    public let scheduleID: String
    /// That schedule's label.
    public let scheduleLabel: String
    public let status: Status
    /// *Fonctionnement* (with a raise of the schedule, when it applies to this year).
    public let operation: Int
    public let missions: [MissionFunding]
    /// What this year pays and when: its advance(s), its balance, its variable part.
    public let payments: [Payment]
    /// Whether the variable part was assessed: the year has ended by `asOf` and indicators were given for it.
    public var assessed: Bool { status == .assessed }
    /// The site's date.
    public let asOf: Day
    /// The year's indicators of missions its schedule does not fund (a mission the CPTS carries that the schedule
    /// in force at the year's start does not have): their steps reached, and nothing earned.
    public internal(set) var unfundedIndicators: [IndicatorReward] = []

    /// What indicator `id` earned this year: nil unless the year is assessed (earned for good), or the ledger pays
    /// no mission of that indicator.
    public func earned(indicator id: String) -> Int? {
        guard assessed else { return nil }
        return paidReward(indicator: id)?.earned
    }

    /// The reward of indicator `id` among the missions the year funds (assessed or not).
    public func paidReward(indicator id: String) -> IndicatorReward? {
        for mission in missions {
            for indicator in mission.indicators where indicator.id == id { return indicator }
        }
        return nil
    }

    /// The year's last day (the period convention: "du `start` au `lastDay`").
    public var lastDay: Day { end.dayBefore }
    /// A year not begun at `asOf`: computed with the schedules known at `asOf`, and as if the missions not started
    /// by then stayed so (`DomainLabels.projectionAssumption`).
    public var isProjected: Bool { status == .upcoming }
    /// What this year's payments dated on or before `asOf` paid.
    public var paid: Int { payments.reduce(0) { $1.isPaid(asOf: asOf) ? $0 + $1.amount : $0 } }
    /// What this year's payments dated after `asOf` will pay.
    public var toCome: Int { payments.reduce(0) { $1.isPaid(asOf: asOf) ? $0 : $0 + $1.amount } }
    /// What the year has earned for good (*acquis*): its fixed part and its variable part earned, once it has ended;
    /// nil before (a year in progress has earned nothing for good, only its advances are paid).
    public var earned: Int? { status.hasEnded ? total : nil }

    // Sums without an intermediate array: the pages read these figures for every year of every contract.
    public var fixed: Int { missions.reduce(0) { $0 + $1.fixed } }
    /// The missions' fixed parts and extra lines, as paid.
    public var fixedAndExtra: Int { fixed + extra }
    /// Operation and the missions' fixed parts, without the extra lines (the CLI's total row sets them apart).
    public var operationAndFixed: Int { operation + fixed }
    public var extra: Int { missions.reduce(0) { $0 + $1.extra } }
    public var variableMaximum: Int { missions.reduce(0) { $0 + $1.variableMaximum } }
    public var variableEarned: Int { missions.reduce(0) { $0 + $1.variableEarned } }
    /// Operation, fixed parts (pro rata from each mission's start), extra lines and the variable part earned.
    public var total: Int { operation + fixed + extra + variableEarned }
    /// The most the year can pay (*maximum théorique*): its fixed part as paid (pro rata from each mission's
    /// start, as in `total`) and every carried mission's variable maximum. It can be reached.
    public var maximum: Int { fixedTotal + variableMaximum }
    /// The fixed part of the year as paid: operation, the missions' fixed parts and their extra lines.
    public var fixedTotal: Int { operation + fixed + extra }
    /// The fixed part of `maximum`: the fixed part as paid.
    public var maximumFixed: Int { fixedTotal }
}

/// One mission's money in one contract year.
public struct MissionFunding: Sendable, Hashable {
    public let mission: String
    /// Fixed part, pro rata from the mission's start when it starts during the year.
    public let fixed: Int
    /// Extra fixed line (the unscheduled-care compensation of access to care), pro rata likewise.
    public let extra: Int
    public let variableMaximum: Int
    /// Fixed part and extra line for a full year, whatever the start (and in an update year, for a mission whose
    /// first year pays more): what the mission brings a year once started.
    public let fullYearFixed: Int
    /// Sum of the indicators' rewards, never more than the variable maximum; 0 while the year is not assessed.
    public let variableEarned: Int
    /// The sum before the cap, to show when it was reached.
    public let variableUncapped: Int
    public let indicators: [IndicatorReward]

    public var isCapped: Bool { variableUncapped > variableMaximum }
    /// What the mission can bring this year: its fixed part and extra line as paid (pro rata), its variable maximum.
    public var maximum: Int { fixed + extra + variableMaximum }
    /// Its fixed part and extra line, as paid.
    public var fixedAndExtra: Int { fixed + extra }
    /// What it brings: fixed and extra as paid, and the variable part earned.
    public var total: Int { fixed + extra + variableEarned }
}

/// What one indicator earned: the amount of the highest step reached.
public struct IndicatorReward: Sendable, Hashable {
    public let id: String
    public let earned: Int
    /// Index in the indicator's steps of the highest one reached, if any.
    public let stepReached: Int?
}

/// A payment of the ACI calendar (ACI annex, art. 9.1).
public struct Payment: Sendable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Operation of the first contract year, in full at signature.
        case operation
        /// 75 % of one mission's fixed part, pro rata to the anniversary, at the mission's start (`mission` says which).
        case fixedAdvance = "fixed-advance"
        /// 75 % of a later contract year's operation and of the fixed parts of the missions under way, at its start.
        case advance
        /// What the year's operation and fixed parts still owe, at its anniversary.
        case balance
        /// The variable part, after the yearly assessment of the indicators, at the anniversary.
        case variable
    }

    public let date: Day
    public let kind: Kind
    public let amount: Int
    /// The contract year paid.
    public let year: Int
    /// The mission of a fixed advance.
    public let mission: String?

    public init(date: Day, kind: Kind, amount: Int, year: Int, mission: String? = nil) {
        self.date = date
        self.kind = kind
        self.amount = amount
        self.year = year
        self.mission = mission
    }

    /// Paid (*versé*) at `asOf` when dated on or before it; to come (*à venir*) otherwise.
    public func isPaid(asOf: Day) -> Bool { date <= asOf }
}
