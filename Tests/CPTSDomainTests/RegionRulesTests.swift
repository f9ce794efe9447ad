@testable import CPTSDomain
import XCTest

/// The region and commune checks `RegionReader` and `CommunesCSVReader` used to make.
final class RegionRulesTests: XCTestCase {
    static let file = "content/region.yaml"

    func testANonPositiveRegionOrDepartmentFigureIsAnErrorAtItsValue() {
        var content = RuleFixtures.content([])
        content.region.plannedTerritories = Located(0, at: RuleFixtures.at(Self.file, 4, 21))
        content.region.departments[1].population = Located(-5, at: RuleFixtures.at(Self.file, 7, 44))
        let found = ContentRules.regionFiguresArePositive(content)
        XCTAssertEqual(found.map(\.message), [.valueNotPositive(key: "plannedTerritories", value: 0),
                                              .valueNotPositive(key: "population", value: -5)])
        XCTAssertEqual(found.map(\.location.line), [4, 7])
    }

    func testANegativeStructureCountAndAidAreTwoErrorsAtTheirValues() {
        var content = RuleFixtures.content([])
        content.region.structures = [Structure(kind: "esp", count: Located(-3, at: RuleFixtures.at(Self.file, 9, 17)),
                                               yearlyAid: Located(-7500, at: RuleFixtures.at(Self.file, 9, 32))),
                                     Structure(kind: "msp", count: Located(0, at: RuleFixtures.at(Self.file, 10, 17)), yearlyAid: nil)]
        let found = ContentRules.structureFiguresAreNotNegative(content)
        XCTAssertEqual(found.map(\.message), [.structureCountNegative, .yearlyAidNegative])
        XCTAssertEqual(found.map(\.location.column), [17, 32])
    }

    func testACoverageOutsideZeroToOneIsAnErrorQuotingItAsWritten() {
        var content = RuleFixtures.content([])
        let at = RuleFixtures.at(Self.file, 12, 50)
        content.region.milestones = [
            Milestone(date: Day(iso: "2020-06-30")!, kind: .published, cpts: 2, coverage: Located(57, at: at), coverageWritten: "57", location: at),
            Milestone(date: Day(iso: "2020-12-31")!, kind: .published, cpts: 2, coverage: Located(1, at: at), coverageWritten: "1", location: at),
        ]
        let found = ContentRules.milestoneCoverageIsAFraction(content)
        XCTAssertEqual(found.map(\.message), [.coverageNotFraction(written: "57", value: 57)])
        XCTAssertEqual(found.first?.location, at)
    }

    func testANegativeCommunePopulationIsAnErrorQuotingItAsWritten() {
        let cell = Located("-012", at: RuleFixtures.at("geo/communes.csv", 2, 16))
        var content = RuleFixtures.content([])
        content.communeRows = [Commune(code: "18001", name: "Achères", department: "18", population: -12, populationWritten: cell),
                               Commune(code: "18002", name: "Allogny", department: "18", population: 0)]
        let found = ContentRules.communePopulationIsNotNegative(content)
        XCTAssertEqual(found.map(\.message), [.communePopulationNegative(commune: "18001", written: "-012")])
        XCTAssertEqual(found.first?.location, cell.location)
    }

    func testACommuneGivenTwiceIsAnErrorAtItsLaterRow() {
        func row(_ code: String, line: Int) -> Commune {
            Commune(code: code, name: code, department: "18", population: 5, location: RuleFixtures.at("geo/communes.csv", line))
        }
        var content = RuleFixtures.content([])
        content.communeRows = [row("18001", line: 2), row("18002", line: 3), row("18001", line: 4)]
        let found = ContentRules.communesAreListedOnce(content)
        XCTAssertEqual(found.map(\.message), [.communeDuplicate(commune: "18001")])
        XCTAssertEqual(found.first?.location.line, 4)
    }
}
