/// A calendar day (`2019-12-31`), without time zone: the content's dates are civil dates.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    // A national site holds millions of dates with their locations: a year of 1 to 9999, a month and a day fit in
    // 4 bytes, not three `Int`s' 24.
    private let storedYear: Int16
    private let storedMonth: UInt8
    private let storedDay: UInt8

    public var year: Int { Int(storedYear) }
    public var month: Int { Int(storedMonth) }
    public var day: Int { Int(storedDay) }

    /// A valid date, or nil (`2019-02-30` is nil).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.init(valid: year, month, day)
    }

    /// A day already known to be valid (constants and clamped arithmetic).
    private init(valid year: Int, _ month: Int, _ day: Int) {
        storedYear = Int16(year)
        storedMonth = UInt8(month)
        storedDay = UInt8(day)
    }

    /// The first and last days a `Day` can hold: date arithmetic saturates there instead of trapping,
    /// since content may hold any year up to 9999 (out of range is an error, but the value is still checked).
    public static let earliest = Day(valid: 1, 1, 1)
    public static let latest = Day(valid: 9999, 12, 31)

    /// Dates of the content lie within these years: a CPTS date before 1990 or after 2100 is a typo. The reader
    /// reports such a date; the rules that compare dates skip it, so that one typo makes one diagnostic.
    public static let plausibleYears = 1990...2100

    /// Whether the year lies in `plausibleYears`.
    public var isPlausible: Bool { Day.plausibleYears.contains(year) }

    /// Parses ISO `YYYY-MM-DD` strictly.
    /// Read as bytes: exactly ten, ASCII digits with a hyphen at offsets 4 and 7 (what four, two and two
    /// characters that are ASCII numbers come to; reading through `split` cost 0.4 G for the heavy bench set's dates).
    public init?(iso text: String) {
        var year = 0, month = 0, day = 0
        var count = 0
        for byte in text.utf8 {
            if count == 4 || count == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
            } else {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                let digit = Int(byte &- UInt8(ascii: "0"))
                if count < 4 { year = year &* 10 &+ digit } else if count < 7 { month = month &* 10 &+ digit } else { day = day &* 10 &+ digit }
            }
            count += 1
            if count > 10 { return nil }
        }
        guard count == 10 else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `2019-12-31`.
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The same day `months` later, clamped to the month's last day (31 Aug + 6 months = 28/29 Feb);
    /// saturates at `earliest` and `latest` (9999-12-31 + 6 months is 9999-12-31).
    public func adding(months: Int) -> Day {
        let (total, overflow) = (year * 12 + (month - 1)).addingReportingOverflow(months)
        if overflow { return months > 0 ? .latest : .earliest }
        if total < 12 { return .earliest }
        if total >= 10_000 * 12 { return .latest }
        let y = total / 12, m = total % 12 + 1
        return Day(valid: y, m, min(day, Day.daysIn(month: m, year: y)))
    }

    /// The same day `years` later, saturating as `adding(months:)`.
    public func adding(years: Int) -> Day {
        let (months, overflow) = years.multipliedReportingOverflow(by: 12)
        if overflow { return years > 0 ? .latest : .earliest }
        return adding(months: months)
    }

    /// Days since 0000-03-01 in the proleptic Gregorian calendar, for day counts.
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let m = month <= 2 ? month + 9 : month - 3
        return 365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + day - 1
    }

    /// Whole days from `self` to `other` (negative if `other` is earlier).
    public func days(to other: Day) -> Int { other.ordinal - ordinal }

    /// The day before (the last day of a contract year that ends at an anniversary, excluded).
    public var dayBefore: Day {
        if day > 1 { return Day(year: year, month: month, day: day - 1)! }
        let previousMonth = adding(months: -1)
        return previousMonth.endOfMonth
    }

    /// The last day of this day's month.
    public var endOfMonth: Day { Day(valid: year, month, Day.daysIn(month: month, year: year)) }
}
