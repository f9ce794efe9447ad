/// What the ACI pays one signed CPTS, contract year by contract year.
public struct FundingBreakdown: Sendable, Hashable {
    public let slug: String
    public let scheduleID: String
    public let tranche: SizeTranche
    public let signature: Day
    /// Contract years 1 to 5 of the five-year contract.
    public let years: [ContractYearFunding]

    public func year(_ number: Int) -> ContractYearFunding? { years.first { $0.year == number } }
}

/// One contract year: from the signature's anniversary `year − 1` (included) to anniversary `year` (excluded).
public struct ContractYearFunding: Sendable, Hashable {
    public let year: Int
    public let start: Day
    public let end: Day
    /// *Fonctionnement*: paid in full every year.
    public let operation: Int
    public let missions: [MissionFunding]
    public let payments: [Payment]
    /// Whether indicators were given for this year (the variable part is assessed at its end).
    public let assessed: Bool

    public var fixed: Int { missions.map(\.fixed).reduce(0, +) }
    public var extra: Int { missions.map(\.extra).reduce(0, +) }
    public var variableMaximum: Int { missions.map(\.variableMaximum).reduce(0, +) }
    public var variableEarned: Int { missions.map(\.variableEarned).reduce(0, +) }
    /// Operation, fixed parts (pro rata the first year), extra lines and the variable part earned.
    public var total: Int { operation + fixed + extra + variableEarned }
    /// What the year would pay with every carried mission at its full fixed part and variable maximum.
    public let maximum: Int
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
    /// Sum of the indicators' rewards, never more than the variable maximum.
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

/// A payment of the ACI calendar.
public struct Payment: Sendable, Hashable {
    public enum Kind: String, Sendable {
        /// 75 % of operation and fixed parts, at the start of the contract year.
        case advance
        /// The remaining 25 %, at the anniversary.
        case balance
        /// The variable part, after the yearly assessment at the anniversary.
        case variable
    }

    public let date: Day
    public let kind: Kind
    public let amount: Int
}
