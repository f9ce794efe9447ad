/// Which figures the pages publish: rules of the domain, named and tested here, that the view models only read.
public enum PublishedFigureRules {
    /// What indicator `id` earned in a contract year, as the ledger has it (the one source of `site.json`, the CSV
    /// files and the pages): nil while the year is not assessed (nothing is earned yet); once it is, the
    /// indicator's reward, or 0 for an indicator the ledger does not pay (of a mission the year does not fund).
    public static func earned(indicator id: String, in year: ContractYearFunding?) -> Int? {
        guard let year, year.assessed else { return nil }
        return year.earned(indicator: id) ?? 0
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
