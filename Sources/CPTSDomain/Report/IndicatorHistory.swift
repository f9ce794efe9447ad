/// One indicator of a contract year seen across the years of its contract: its values year by year, the change
/// from the year before, and whether the year before left it unreached (*non atteint en N−1*: carried into year N).
public struct IndicatorHistory: Sendable {
    public let id: String
    /// The indicator as set for the year; for one carried over without being set again, as set the year before.
    public let indicator: Indicator
    /// Whether the year's indicator file sets it; false for one only carried over from the year before.
    public let setThisYear: Bool
    /// Its value in each contract year up to this one that gives the indicator, oldest first.
    public let values: [(year: Int, value: IndicatorValue?)]
    /// This year's value minus last year's, for numeric indicators measured both years.
    public let change: Double?
    /// Last year's value was measured and, as the ledger assessed it (`PublishedFigureRules.outcome`), reached no
    /// step: the indicator is carried into this year.
    public let notReachedLastYear: Bool

    /// The histories of the indicators of contract `year` of a CPTS, in the file's order, followed by those of
    /// the year before that reached no step and are not set again. Whether a step was reached is the CPTS's
    /// ledger's (`ledger`, nil without a contract: no year assessed, nothing carried).
    public static func histories(slug: String, year: Int, in content: SiteContent, ledger: Ledger?) -> [IndicatorHistory] {
        guard let file = content.indicators(for: slug) else { return [] }
        let byYear = Dictionary(file.contractYears.map { ($0.year.value, $0.indicators) }, uniquingKeysWith: { first, _ in first })
        let current = byYear[year] ?? [], previous = byYear[year - 1] ?? []
        let previousYear = ledger?.year(year - 1)
        func history(_ indicator: Indicator, setThisYear: Bool) -> IndicatorHistory {
            let id = indicator.id.value
            let values = (1...year).compactMap { number -> (year: Int, value: IndicatorValue?)? in
                byYear[number]?.first { $0.id.value == id }.map { (number, $0.value) }
            }
            let last = previous.first { $0.id.value == id }
            var change: Double?
            if setThisYear, case .number(let now)? = indicator.value, case .number(let before)? = last?.value {
                change = now - before
            }
            let notReached = last.map { last in
                guard last.value != nil else { return false }
                let outcome = PublishedFigureRules.outcome(indicator: id, in: previousYear)
                return outcome != .notAssessed && !outcome.isReached
            } ?? false
            return IndicatorHistory(id: id, indicator: indicator, setThisYear: setThisYear, values: values,
                                    change: change, notReachedLastYear: notReached)
        }
        let currentIDs = Set(current.map(\.id.value))
        return current.map { history($0, setThisYear: true) }
            + previous.filter { !currentIDs.contains($0.id.value) }.map { history($0, setThisYear: false) }
                .filter(\.notReachedLastYear)
    }
}
