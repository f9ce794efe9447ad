/// What the ACI pays one signed CPTS, contract year by contract year, as the site's date (`asOf`) knows it.
public struct FundingBreakdown: Sendable, Hashable {
    public let slug: String
    /// The schedule of the first contract year (later years may be paid under a newer one: see each year).
    public let scheduleID: String
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
    public var paidAsOf: Int { calendar.filter { $0.date <= asOf }.map(\.amount).reduce(0, +) }
}

/// One contract year: from the signature's anniversary `year − 1` (included) to anniversary `year` (excluded).
public struct ContractYearFunding: Sendable, Hashable {
    /// Where a contract year stands at the site's date.
    public enum Status: String, Sendable, CaseIterable {
        /// Not begun at `asOf`.
        case upcoming
        /// Begun, not ended at `asOf` (*en cours*): its variable part is neither earned nor paid.
        case inProgress = "in-progress"
        /// Ended by `asOf` (its anniversary is on or before it).
        case ended
    }

    public let year: Int
    public let start: Day
    public let end: Day
    /// The schedule in force at the year's start, which pays it.
    public let scheduleID: String
    public let status: Status
    /// *Fonctionnement* (with a raise of the schedule, when it applies to this year).
    public let operation: Int
    public let missions: [MissionFunding]
    /// What this year pays and when: its advance(s), its balance, its variable part.
    public let payments: [Payment]
    /// Whether the variable part was assessed: the year has ended by `asOf` and indicators were given for it.
    public let assessed: Bool

    public var fixed: Int { missions.map(\.fixed).reduce(0, +) }
    public var extra: Int { missions.map(\.extra).reduce(0, +) }
    public var variableMaximum: Int { missions.map(\.variableMaximum).reduce(0, +) }
    public var variableEarned: Int { missions.map(\.variableEarned).reduce(0, +) }
    /// Operation, fixed parts (pro rata from each mission's start), extra lines and the variable part earned.
    public var total: Int { operation + fixed + extra + variableEarned }
    /// What the year would pay with every carried mission at its full fixed part and variable maximum.
    public let maximum: Int
    /// The fixed part of the year as paid: operation, the missions' fixed parts and their extra lines.
    public var fixedTotal: Int { operation + fixed + extra }
    /// The fixed part of `maximum`: operation and every carried mission's full-year fixed part and extra line.
    public var maximumFixed: Int { maximum - variableMaximum }
}

/// One mission's money in one contract year.
public struct MissionFunding: Sendable, Hashable {
    public let mission: String
    /// Fixed part, pro rata from the mission's start when it starts during the year.
    public let fixed: Int
    /// Extra fixed line (the unscheduled-care compensation of access to care), pro rata likewise.
    public let extra: Int
    public let variableMaximum: Int
    /// Fixed part and extra line for a full year, whatever the start: the mission's share of the maximum.
    public let fullYearFixed: Int
    /// Sum of the indicators' rewards, never more than the variable maximum; 0 while the year is not assessed.
    public let variableEarned: Int
    /// The sum before the cap, to show when it was reached.
    public let variableUncapped: Int
    public let indicators: [IndicatorReward]

    public var isCapped: Bool { variableUncapped > variableMaximum }
    /// What the mission could bring this year.
    public var maximum: Int { fullYearFixed + variableMaximum }
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
