/// What a date means against the site's date (`asOf`, the day its figures are true): asked here by the pages,
/// the CSV files, the feed and the content rules, never compared in a view model.
public enum DateRules {
    /// A date after the site's date has not happened yet: a forecast (`planned:`) or a date to come. The pages
    /// mark it « (prévu) » or « à venir », `cpts.csv` lists its column under « Dates prévues », the feed and the
    /// report's meetings held leave it out.
    public static func isForthcoming(_ date: Day, asOf: Day) -> Bool { date > asOf }

    /// What the CPTS page's timeline says of a stage's date: nil once it is reached (on or before the site's date);
    /// after it, « prévu » for a date the content gives as a forecast, « à venir » for any other.
    public static func stageMark(_ date: Day, planned: Bool, asOf: Day) -> String? {
        guard isForthcoming(date, asOf: asOf) else { return nil }
        return planned ? DomainLabels.planned : DomainLabels.upcoming
    }
}
