import CPTSDomain
import XCTest

final class DisplayedPathTests: XCTestCase {
    func testControlCharactersInAPathAreShownEscaped() {
        XCTAssertEqual(DisplayedPath.escaping("content/pages/a\nb.md"), "content/pages/a\\nb.md")
        XCTAssertEqual(DisplayedPath.escaping("x\u{1B}[31m\t\r\u{7}\u{7F}\u{85}.md"), "x\\u{1B}[31m\\t\\r\\u{7}\\u{7F}\\u{85}.md")
        XCTAssertEqual(DisplayedPath.escaping("a\u{202E}dm.txt"), "a\\u{202E}dm.txt", "a right-to-left override")
        XCTAssertEqual(DisplayedPath.escaping("content/cpts/Châteauroux é.md"), "content/cpts/Châteauroux é.md")
    }

    func testADiagnosticHeadlineNeverHoldsARawControlCharacter() {
        let diagnostic = Diagnostic.error(.valueEmpty(key: "m"), at: SourceLocation(file: "content/pages/a\nb\u{1B}.md", line: 1, column: 1))
        XCTAssertEqual(diagnostic.headline(in: .en), "content/pages/a\\nb\\u{1B}.md:1:1: error: 'm' must not be empty")
    }

    func testTerminalTextKeepsTabsAndOnlyTheLineBreaksAskedFor() {
        XCTAssertEqual(TerminalText.escaping("a\tb\nc\u{1B}[2J\u{85}\u{9B}"), "a\tb\\nc\\u{1B}[2J\\u{85}\\u{9B}")
        XCTAssertEqual(TerminalText.escaping("ligne 1\nligne 2\r\u{7}", keepingLineBreaks: true), "ligne 1\nligne 2\\r\\u{7}")
        XCTAssertEqual(TerminalText.escaping("Châteauroux « é »\u{202F}: ok"), "Châteauroux « é »\u{202F}: ok")
    }
}
