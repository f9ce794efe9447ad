/// Which figures the pages publish: rules of the domain, named and tested here, that the view models only read.
public enum PublishedFigureRules {
    /// What indicator `id` earned in a contract year, as the ledger has it (the one source of `site.json`, the CSV
    /// files and the pages): nil while the year is not assessed (nothing is earned yet); once it is, the
    /// indicator's reward, or 0 for an indicator the ledger does not pay (of a mission the year does not fund).
    public static func earned(indicator id: String, in year: ContractYearFunding?) -> Int? {
        outcome(indicator: id, in: year).earned
    }

    /// What the ledger says of indicator `id` in a contract year: not assessed yet, paid (its amount and step
    /// reached), or unfunded (of a mission the year's schedule does not fund: 0 €, whatever step it reached). The
    /// pages' amounts, their « mission non financée » note, the report's count of indicators reached and its
    /// « non atteint, reporté » all read it.
    public static func outcome(indicator id: String, in year: ContractYearFunding?) -> IndicatorOutcome {
        guard let year, year.assessed else { return .notAssessed }
        if let reward = year.paidReward(indicator: id) { return .paid(amount: reward.earned, stepReached: reward.stepReached) }
        return .unfunded(stepReached: year.unfundedIndicators.first { $0.id == id }?.stepReached)
    }

    /// The calendar years of a region's funding a table shows: those up to the site's year. Later ones are
    /// commitments of contracts, not figures.
    public static func fundingYears(_ funding: RegionalFunding, asOf: Day) -> [RegionalFunding.Year] {
        funding.years.filter { $0.year <= asOf.year }
    }

    /// The contract years of a ledger a CPTS page details: those begun at the site's date (a year to come is a
    /// projection, left to `site.json`).
    public static func detailedYears(_ ledger: Ledger) -> [ContractYearFunding] {
        ledger.years.filter { !$0.isProjected }
    }
}

/// What the ledger says of one indicator in one contract year (`PublishedFigureRules.outcome`).
public enum IndicatorOutcome: Sendable, Hashable {
    /// The year is not assessed (in progress, ended without its indicators, or no contract): nothing earned yet.
    case notAssessed
    /// Assessed, of a mission the year funds: the amount of the highest step reached (0 for none), and that step.
    case paid(amount: Int, stepReached: Int?)
    /// Assessed, of a mission the year's schedule does not fund: nothing earned, whatever step it reached.
    case unfunded(stepReached: Int?)

    /// What the indicator earned, in euros: nil while the year is not assessed.
    public var earned: Int? {
        switch self {
        case .notAssessed: nil
        case .paid(let amount, _): amount
        case .unfunded: 0
        }
    }

    /// Whether the assessed value reached a step (funded or not); false while the year is not assessed.
    public var isReached: Bool {
        switch self {
        case .notAssessed: false
        case .paid(_, let step), .unfunded(let step): step != nil
        }
    }

    /// Whether the year's schedule does not fund the indicator's mission (it then earns 0 €, and the pages say why).
    public var isUnfunded: Bool {
        if case .unfunded = self { return true }
        return false
    }
}
