@testable import CPTSContent
import CPTSDomain
import XCTest

/// The CPTS reader reads and types; whether the values make sense is the rules' business.
final class CPTSReaderTests: XCTestCase {
    static let text = """
        ---
        name: CPTS de test
        department: "37"
        stage: aci-signed
        members:
          infirmier: -3
        missions:
          - id: inconnue
            start: 2020-03-01
            deployed: 2020-01-15
        ---

        """

    func testTheReaderKeepsValuesOfWrongMeaningWithTheirPlacesAndReportsNothing() throws {
        let (cpts, diagnostics) = CPTSReader.read(Self.text, path: "content/cpts/test.md", slug: "test")
        XCTAssertEqual(diagnostics, [])
        let read = try XCTUnwrap(cpts)
        XCTAssertEqual(read.members, [Member(profession: "infirmier", count: -3, location: SourceLocation(file: "content/cpts/test.md", line: 6, column: 14))])
        XCTAssertEqual(read.missions.map(\.id.value), ["inconnue"])
        XCTAssertEqual(read.missions.first?.deployed?.location, SourceLocation(file: "content/cpts/test.md", line: 10, column: 15))
    }

    func testTheRulesReportWhatTheReaderKept() throws {
        let cpts = try XCTUnwrap(CPTSReader.read(Self.text, path: "content/cpts/test.md", slug: "test").0)
        let region = Region(code: "24", name: "R", population: Located(1, at: cpts.location), populationVintage: "",
                            plannedTerritories: Located(1, at: cpts.location), departments: [], structures: [], milestones: [])
        let settings = SiteSettings(title: "T", publisher: "P", baseURL: "/", language: "fr", theme: Located("default", at: cpts.location),
                                    asOf: Day(iso: "2020-12-31")!, schedule: Located("aci-2019", at: cpts.location), allowRawHTML: false,
                                    allowUnsafeLinks: false, location: cpts.location)
        let content = SiteContent(settings: settings, region: region, cpts: [cpts], indicators: [], pages: [], communes: [:], schedules: [:])
        let codes = Set(ContentRules.validate(content).map(\.code))
        XCTAssertTrue(codes.isSuperset(of: ["value-negative", "mission-unknown", "mission-deployed-before-start"]), "\(codes)")
    }
}
