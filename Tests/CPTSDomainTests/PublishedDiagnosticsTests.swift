@testable import CPTSDomain
import XCTest

/// Which problems a CPTS shows with it, decided in one place for its page and its `site.json` entry.
final class PublishedDiagnosticsTests: XCTestCase {
    let cpts = RuleFixtures.cpts(slug: "sud")
    let diagnostics: [Diagnostic] = [
        .warning(.membersNegative(count: -1), at: RuleFixtures.at("content/cpts/sud.md", 9)),
        .warning(.membersNegative(count: -2), at: RuleFixtures.at("content/cpts/nord.md", 9)),
        .error(.membersNegative(count: -3), at: RuleFixtures.at("content/cpts/sud.md", 3)),
    ]

    func testACPTSShowsTheProblemsOfItsOwnFileOnly() {
        let content = RuleFixtures.content([cpts])
        XCTAssertEqual(diagnostics.published(for: cpts, settings: content.settings).map(\.location.line), [9, 3])
    }

    func testASiteWithoutValidationPageShowsNoProblem() {
        var content = RuleFixtures.content([cpts])
        content.settings.validationPage = false
        XCTAssertEqual(diagnostics.published(for: cpts, settings: content.settings), [])
    }
}
