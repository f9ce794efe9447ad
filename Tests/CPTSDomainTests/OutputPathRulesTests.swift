import XCTest

@testable import CPTSDomain

/// `ContentRules.outputPathsHaveOneSource`: two content files publishing to one path are an error at the second
/// (in path order), naming the first.
final class OutputPathRulesTests: XCTestCase {
    let at = RuleFixtures.at

    func page(_ file: String, slug: String) -> Page {
        Page(slug: Located(slug, at: at(file, 1, 1)), file: file, title: slug, body: "")
    }

    func report(_ file: String, year: Int) -> ActivityReport {
        ActivityReport(slug: Located("test", at: at(file, 1, 1)), year: Located(year, at: at(file, 1, 1)), file: file,
                       location: at(file, 1, 1), actions: [], meetings: [], coordinatorFTE: nil, staffFTE: nil, spending: [],
                       members: [], proofs: [], body: "")
    }

    func testTwoPagesOfOneSlugAreAnErrorAtTheSecondNamingTheFirst() {
        var content = RuleFixtures.content([RuleFixtures.cpts()])
        content.pages = [page("content/pages/x.md", slug: "x"), page("content/pages/x.markdown", slug: "x"),
                         page("content/pages/y.md", slug: "y")]
        let found = ContentRules.outputPathsHaveOneSource(content)
        XCTAssertEqual(found.map(\.message), [.pageDuplicate(slug: "x", firstFile: "content/pages/x.markdown")])
        XCTAssertEqual(found.map(\.location.file), ["content/pages/x.md"])
    }

    func testTwoIndicatorFilesOfOneCPTSAreAnError() {
        let files = ["content/indicators/test.yml", "content/indicators/test.yaml"].map {
            IndicatorFile(slug: "test", file: $0, location: at($0, 1, 1), contractYears: [])
        }
        let content = RuleFixtures.content([RuleFixtures.cpts()], indicators: files)
        let found = ContentRules.outputPathsHaveOneSource(content)
        XCTAssertEqual(found.map(\.message), [.indicatorsDuplicate(slug: "test", firstFile: "content/indicators/test.yaml")])
        XCTAssertEqual(found.map(\.location.file), ["content/indicators/test.yml"])
    }

    func testTwoTerritorialDiagnosticsOfOneCPTSAreAnError() {
        var content = RuleFixtures.content([RuleFixtures.cpts()])
        content.territoryDiagnostics = ["content/diagnostics/test.yaml", "content/diagnostics/test.yml"].map {
            TerritoryDiagnostic(slug: "test", file: $0, location: at($0, 1, 1), source: nil, year: nil, figures: [])
        }
        XCTAssertEqual(ContentRules.outputPathsHaveOneSource(content).map(\.message),
                       [.territoryDiagnosticDuplicate(slug: "test", firstFile: "content/diagnostics/test.yaml")])
    }

    /// `1.md` and `01.md` are both contract year 1: the error is at `1.md` (after `01.md`), naming `01.md`, once.
    func testTwoReportsOfOneYearAreOneErrorAtTheSecondNamingTheFirst() {
        var content = RuleFixtures.content([RuleFixtures.cpts()])
        content.reports = [report("content/reports/test/1.md", year: 1), report("content/reports/test/01.md", year: 1),
                           report("content/reports/test/2.md", year: 2)]
        let found = ContentRules.validate(content).filter { $0.code == "report-duplicate" }
        XCTAssertEqual(found.map(\.message), [.reportDuplicate(year: 1, cpts: "CPTS de test", firstFile: "content/reports/test/01.md")])
        XCTAssertEqual(found.map(\.location.file), ["content/reports/test/1.md"])
    }

    func testDistinctPathsAreNotReported() {
        var content = RuleFixtures.content([RuleFixtures.cpts()])
        content.pages = [page("content/pages/a.md", slug: "a"), page("content/pages/a/b.md", slug: "a/b")]
        content.reports = [report("content/reports/test/1.md", year: 1), report("content/reports/test/2.md", year: 2)]
        XCTAssertEqual(ContentRules.outputPathsHaveOneSource(content), [])
    }
}
