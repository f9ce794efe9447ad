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

    /// `populaton: 45000` with no `population`: the value is not read, so the site would publish 0 inhabitants and
    /// the wrong tranche. One error at the misspelling, with the suggestion; no warning beside it.
    func testAMisspeltPopulationIsOneErrorWithItsSuggestion() throws {
        let text = "---\nname: CPTS de test\ndepartment: \"37\"\npopulaton: 45000\ncommunes: [\"37003\"]\nstage: health-project\n---\n"
        let diagnostics = CPTSReader.read(text, path: "content/cpts/test.md", slug: "test").1
        XCTAssertEqual(diagnostics.map { $0.headline(in: .fr) },
                       ["content/cpts/test.md:4:1: error: il manque la clé «\u{202F}population\u{202F}» dans l’en-tête, et la clé «\u{202F}populaton\u{202F}» est inconnue"])
        XCTAssertEqual(diagnostics.first?.note(in: .fr), "vouliez-vous dire «\u{202F}population\u{202F}»\u{202F}? La valeur de «\u{202F}populaton\u{202F}» n’est pas lue")
    }

    /// `nme:` for `name:`: one error, where the misspelling is, instead of a warning there and an error at line 1.
    func testAMisspeltRequiredKeyIsOneErrorAtTheMisspelling() throws {
        let text = "---\nnme: CPTS de test\ndepartment: \"37\"\npopulation: 45000\nstage: health-project\n---\n"
        let diagnostics = CPTSReader.read(text, path: "content/cpts/test.md", slug: "test").1
        XCTAssertEqual(diagnostics.map(\.code), ["key-misspelt"])
        XCTAssertEqual(diagnostics.first?.location.line, 2)
        XCTAssertTrue(diagnostics.first?.text(in: .fr).contains("clé obligatoire «\u{202F}name\u{202F}»") == true)
    }

    /// A misspelt key whose value something else gives (`legalFrom`) stays a warning.
    func testAMisspeltOptionalKeyStaysAWarning() throws {
        let text = "---\nname: CPTS de test\ndepartment: \"37\"\npopulation: 45000\nstage: health-project\nlegalFrom: association-1901\n---\n"
        let diagnostics = CPTSReader.read(text, path: "content/cpts/test.md", slug: "test").1
        XCTAssertEqual(diagnostics.map(\.code), ["key-unknown"])
        XCTAssertEqual(diagnostics.first?.severity, .warning)
    }
}
