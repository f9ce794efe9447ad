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

    func testAddingMonthsClampsToTheEndOfTheMonth() {
        XCTAssertEqual(Day(iso: "2019-08-31")!.adding(months: 6), Day(iso: "2020-02-29"))
        XCTAssertEqual(Day(iso: "2019-11-15")!.adding(months: 6), Day(iso: "2020-05-15"))
        XCTAssertEqual(Day(iso: "2019-11-15")!.adding(years: 1), Day(iso: "2020-11-15"))
        XCTAssertEqual(Day(iso: "2020-02-29")!.adding(years: 1), Day(iso: "2021-02-28"))
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
}
