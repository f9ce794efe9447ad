@testable import CPTSDomain
import XCTest

final class DayTests: XCTestCase {
    func testParsesStrictISODatesOnly() {
        XCTAssertEqual(Day(iso: "2019-12-31"), Day(year: 2019, month: 12, day: 31))
        XCTAssertNil(Day(iso: "2019-02-30"))
        XCTAssertNil(Day(iso: "2019-13-01"))
        XCTAssertNil(Day(iso: "31/12/2019"))
        XCTAssertNil(Day(iso: "2019-1-1"))
        XCTAssertNil(Day(iso: "２０１９-01-01"))
        XCTAssertEqual(Day(iso: "2020-02-29")?.description, "2020-02-29")
        XCTAssertNil(Day(iso: "2019-02-29"))
    }

    /// The byte-level reading keeps the strict form: ten bytes, digits around two hyphens, nothing else.
    func testRejectsAnythingButTenBytesOfDigitsAndHyphens() {
        XCTAssertNil(Day(iso: ""))
        XCTAssertNil(Day(iso: "2019-12-31 "))
        XCTAssertNil(Day(iso: " 2019-12-31"))
        XCTAssertNil(Day(iso: "2019-12-310"))
        XCTAssertNil(Day(iso: "2019-12-3"))
        XCTAssertNil(Day(iso: "2019/12/31"))
        XCTAssertNil(Day(iso: "+019-12-31"))
        XCTAssertNil(Day(iso: "2019-+1-31"))
        XCTAssertNil(Day(iso: "2019-12-3\u{0301}"))
        XCTAssertNil(Day(iso: "2019-12-3١"))
        XCTAssertNil(Day(iso: "0000-01-01"))
        XCTAssertNil(Day(iso: "2019-00-10"))
        XCTAssertNil(Day(iso: "2019-01-00"))
        XCTAssertEqual(Day(iso: "0001-01-01"), .earliest)
        XCTAssertEqual(Day(iso: "9999-12-31"), .latest)
    }

    func testAddingMonthsClampsToTheEndOfTheMonth() {
        XCTAssertEqual(Day(iso: "2019-08-31")!.adding(months: 6), Day(iso: "2020-02-29"))
        XCTAssertEqual(Day(iso: "2019-11-15")!.adding(months: 6), Day(iso: "2020-05-15"))
        XCTAssertEqual(Day(iso: "2019-11-15")!.adding(years: 1), Day(iso: "2020-11-15"))
        XCTAssertEqual(Day(iso: "2020-02-29")!.adding(years: 1), Day(iso: "2021-02-28"))
    }

    /// Content may hold 9999-12-31 (reported out of range, still checked): deadlines from it saturate.
    func testAddingMonthsSaturatesAtTheFirstAndLastDays() {
        XCTAssertEqual(Day(iso: "9999-12-31")!.adding(months: 6), .latest)
        XCTAssertEqual(Day(iso: "9999-07-31")!.adding(years: 5), .latest)
        XCTAssertEqual(Day(iso: "9999-05-31")!.adding(months: 6), Day(iso: "9999-11-30"))
        XCTAssertEqual(Day(iso: "0001-03-31")!.adding(months: -3), .earliest)
        XCTAssertEqual(Day(iso: "2020-01-01")!.adding(months: .max), .latest)
        XCTAssertEqual(Day(iso: "2020-01-01")!.adding(months: .min), .earliest)
        XCTAssertEqual(Day(iso: "2020-01-01")!.adding(years: .max), .latest)
        XCTAssertEqual(Day.latest.description, "9999-12-31")
        XCTAssertEqual(Day.earliest.description, "0001-01-01")
    }

    func testDayCountsAcrossLeapYears() {
        XCTAssertEqual(Day(iso: "2019-11-15")!.days(to: Day(iso: "2020-11-15")!), 366)
        XCTAssertEqual(Day(iso: "2020-11-15")!.days(to: Day(iso: "2021-11-15")!), 365)
        XCTAssertEqual(Day(iso: "2020-03-01")!.days(to: Day(iso: "2020-02-28")!), -2)
    }

    func testEndOfMonth() {
        XCTAssertEqual(Day(iso: "2020-02-10")!.endOfMonth, Day(iso: "2020-02-29"))
        XCTAssertEqual(Day(iso: "2019-12-01")!.endOfMonth, Day(iso: "2019-12-31"))
    }

    func testADayKeepsItsYearMonthAndDayAtTheLimitsOfItsRange() throws {
        let latest = try XCTUnwrap(Day(year: 9999, month: 12, day: 31))
        XCTAssertEqual([latest.year, latest.month, latest.day], [9999, 12, 31])
        let earliest = try XCTUnwrap(Day(year: 1, month: 1, day: 1))
        XCTAssertEqual([earliest.year, earliest.month, earliest.day], [1, 1, 1])
        XCTAssertEqual(latest, Day.latest)
        XCTAssertEqual(earliest, Day.earliest)
        XCTAssertNil(Day(year: 10_000, month: 1, day: 1))
    }

    /// A national site holds millions of dates: a year, a month and a day in 4 bytes.
    func testADayTakesFourBytes() {
        XCTAssertEqual(MemoryLayout<Day>.size, 4)
    }
}
