@testable import CPTSContent
import CPTSDomain
import XCTest

final class RegionReaderTests: XCTestCase {
    static let region = """
        code: "24"
        name: Région de test
        population: 400000
        plannedTerritories: 4
        departments:
          - { code: "18", name: Cher, population: 250000 }
        structures:
          esp: { count: 3, milestones: [{ date: 2020-06-30, kind: KIND, count: 15 }] }
        milestones:
          - { date: 2020-06-30, kind: KIND, cpts: 2 }

        """

    func testMilestoneKindsAreReadAsTheirEnumCase() throws {
        let (region, diagnostics) = RegionReader.read(Self.region.replacingOccurrences(of: "KIND", with: "forecast"), path: "content/region.yaml")
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(region?.milestones.map(\.kind), [.forecast])
        XCTAssertEqual(region?.structures.first?.milestones.map(\.kind), [.forecast])
    }

    /// A structure's milestone with an unknown kind is reported like the region's own milestones.
    func testAnUnknownMilestoneKindIsAnErrorInStructuresToo() throws {
        let (_, diagnostics) = RegionReader.read(Self.region.replacingOccurrences(of: "KIND", with: "prevu"), path: "content/region.yaml")
        XCTAssertEqual(diagnostics.map(\.message), [.milestoneKindUnknown(kind: "prevu", suggestion: nil),
                                                    .milestoneKindUnknown(kind: "prevu", suggestion: nil)])
        XCTAssertEqual(diagnostics.map(\.location.line), [8, 10])
    }
}

final class RegionReaderDepartmentTests: XCTestCase {
    func testADepartmentListedTwiceIsReadTwiceAndLeftToTheRules() {
        let yaml = RegionReaderTests.region.replacingOccurrences(of: "KIND", with: "forecast")
            .replacingOccurrences(of: "  - { code: \"18\", name: Cher, population: 250000 }\n",
                                  with: "  - { code: \"18\", name: Cher, population: 250000 }\n  - { code: \"18\", name: Cher, population: 250000 }\n")
        let (region, diagnostics) = RegionReader.read(yaml, path: "content/region.yaml")
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(region?.departments.map(\.code), ["18", "18"])
        XCTAssertEqual(region?.departments.map(\.location.line), [6, 7])
    }

    func testNonPositiveFiguresAreKeptWithTheirPlaceForTheRules() {
        let yaml = RegionReaderTests.region.replacingOccurrences(of: "KIND", with: "forecast")
            .replacingOccurrences(of: "plannedTerritories: 4", with: "plannedTerritories: 0")
            .replacingOccurrences(of: "population: 250000", with: "population: -5")
        let (region, diagnostics) = RegionReader.read(yaml, path: "content/region.yaml")
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(region?.plannedTerritories.value, 0)
        XCTAssertEqual(region?.departments.first?.population, Located(-5, at: SourceLocation(file: "content/region.yaml", line: 6, column: 43)))
    }
}

final class RegionReaderStructureTests: XCTestCase {
    func testNegativeStructureFiguresAreKeptWithTheirPlace() {
        let yaml = RegionReaderTests.region.replacingOccurrences(of: "KIND", with: "forecast")
            .replacingOccurrences(of: "esp: { count: 3,", with: "esp: { count: -3, yearlyAid: -7500,")
        let (region, diagnostics) = RegionReader.read(yaml, path: "content/region.yaml")
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(region?.structures.first?.count?.value, -3)
        XCTAssertEqual(region?.structures.first?.yearlyAid?.value, -7500)
        XCTAssertEqual(region?.structures.first?.count?.location.line, 8)
    }

    func testACoverageOutsideZeroToOneIsKeptWithItsWrittenText() {
        let yaml = RegionReaderTests.region.replacingOccurrences(of: "KIND", with: "forecast")
            .replacingOccurrences(of: "cpts: 2 }", with: "cpts: 2, coverage: 57 }")
        let (region, diagnostics) = RegionReader.read(yaml, path: "content/region.yaml")
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(region?.milestones.first?.coverage?.value, 57)
        XCTAssertEqual(region?.milestones.first?.coverageWritten, "57")
        XCTAssertEqual(region?.milestones.first?.coverage?.location.line, 10)
    }
}
