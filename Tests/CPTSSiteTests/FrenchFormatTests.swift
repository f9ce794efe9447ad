@testable import CPTSSite
import CPTSDomain
import XCTest

final class FrenchFormatTests: XCTestCase {
    let nnbsp = "\u{202F}", nbsp = "\u{A0}"

    func testThousandsAreSeparatedByANarrowNoBreakSpace() {
        XCTAssertEqual(FrenchFormat.integer(2_576_252), "2\(nnbsp)576\(nnbsp)252")
        XCTAssertEqual(FrenchFormat.integer(999), "999")
        XCTAssertEqual(FrenchFormat.integer(-1_500), "-1\(nnbsp)500")
        XCTAssertEqual(FrenchFormat.integer(0), "0")
    }

    func testIntegersAreGroupedByThreeDigitsFromTheRight() {
        XCTAssertEqual(FrenchFormat.integer(7), "7")
        XCTAssertEqual(FrenchFormat.integer(1_000), "1\(nnbsp)000")
        XCTAssertEqual(FrenchFormat.integer(12_345), "12\(nnbsp)345")
        XCTAssertEqual(FrenchFormat.integer(999_999), "999\(nnbsp)999")
        XCTAssertEqual(FrenchFormat.integer(1_000_000), "1\(nnbsp)000\(nnbsp)000")
    }

    func testNegativeIntegersPutTheirSignBeforeTheFirstGroup() {
        XCTAssertEqual(FrenchFormat.integer(-1), "-1")
        XCTAssertEqual(FrenchFormat.integer(-999), "-999")
        XCTAssertEqual(FrenchFormat.integer(-1_000), "-1\(nnbsp)000")
        XCTAssertEqual(FrenchFormat.integer(-1_234_567), "-1\(nnbsp)234\(nnbsp)567")
    }

    func testTheLargestAndSmallestIntegersAreWrittenInFull() {
        XCTAssertEqual(FrenchFormat.integer(Int.max), "9\(nnbsp)223\(nnbsp)372\(nnbsp)036\(nnbsp)854\(nnbsp)775\(nnbsp)807")
        XCTAssertEqual(FrenchFormat.integer(Int.min), "-9\(nnbsp)223\(nnbsp)372\(nnbsp)036\(nnbsp)854\(nnbsp)775\(nnbsp)808")
    }

    func testEurosAndPercentagesCarryANoBreakSpaceBeforeTheirSign() {
        XCTAssertEqual(FrenchFormat.euros(185_000), "185\(nnbsp)000\(nbsp)€")
        XCTAssertEqual(FrenchFormat.euros(0), "0\(nbsp)€")
        XCTAssertEqual(FrenchFormat.euros(-2_500), "-2\(nnbsp)500\(nbsp)€")
        XCTAssertEqual(FrenchFormat.percent(0.571068), "57\(nbsp)%")
        XCTAssertEqual(FrenchFormat.percent(0.125, fractionDigits: 1), "12,5\(nbsp)%")
    }

    func testDecimalsUseACommaAndDropUselessZeros() {
        XCTAssertEqual(FrenchFormat.decimal(12.5), "12,5")
        XCTAssertEqual(FrenchFormat.decimal(12.04), "12")
        XCTAssertEqual(FrenchFormat.decimal(1234.56, maximumFractionDigits: 2), "1\(nnbsp)234,56")
        XCTAssertEqual(FrenchFormat.decimal(0.05, maximumFractionDigits: 2), "0,05")
        XCTAssertEqual(FrenchFormat.decimal(-1234.5), "-1\(nnbsp)234,5")
        XCTAssertEqual(FrenchFormat.decimal(1_000_000), "1\(nnbsp)000\(nnbsp)000")
    }

    func testDatesAreWrittenTheFrenchWay() {
        XCTAssertEqual(FrenchFormat.shortDate(Day(iso: "2019-12-31")!), "31/12/2019")
        XCTAssertEqual(FrenchFormat.longDate(Day(iso: "2020-01-01")!), "1er janvier 2020")
        XCTAssertEqual(FrenchFormat.longDate(Day(iso: "2019-08-25")!), "25 août 2019")
        XCTAssertEqual(FrenchFormat.monthYear(Day(iso: "2020-02-29")!), "février 2020")
    }

    /// French takes the singular below 2 (#24): `0 patient`, `1 réunion`, `1,5 point`; the plural from 2.
    func testACountAgreesItsNounWithTheNumber() {
        XCTAssertEqual(FrenchFormat.count(0, "patients"), "0\(nbsp)patient")
        XCTAssertEqual(FrenchFormat.count(1, "réunions"), "1\(nbsp)réunion")
        XCTAssertEqual(FrenchFormat.count(1.4, "points"), "1,4\(nbsp)point")
        XCTAssertEqual(FrenchFormat.count(1.96, "points"), "2\(nbsp)points", "agreed with the number as written")
        XCTAssertEqual(FrenchFormat.count(2, "patients"), "2\(nbsp)patients")
        XCTAssertEqual(FrenchFormat.count(1, "créneaux"), "1\(nbsp)créneau")
    }

    func testASingularKeepsTheComplementAndTheWordsThatDoNotChange() {
        XCTAssertEqual(FrenchFormat.agreed("Réunions tenues", with: 1), "Réunion tenue")
        XCTAssertEqual(FrenchFormat.agreed("Participants aux actions", with: 0), "Participant aux actions")
        XCTAssertEqual(FrenchFormat.agreed("heures de formation", with: 1), "heure de formation")
        XCTAssertEqual(FrenchFormat.agreed("patients inclus", with: 1), "patient inclus")
        XCTAssertEqual(FrenchFormat.agreed("mois", with: 1), "mois")
        XCTAssertEqual(FrenchFormat.agreed("%", with: 1), "%")
        XCTAssertEqual(FrenchFormat.agreed("Réunions tenues", with: 3), "Réunions tenues")
    }
}
