@testable import CPTSMarkdown
import XCTest

/// cmark-gfm makes a node of almost every `&`, `"`, `.` or line break: 10 MB of `&` took 1.9 GB.
final class MarkupBudgetTests: XCTestCase {
    func overflow(_ text: String, limit: Int) -> (line: Int, column: Int)? {
        var text = text
        return text.withUTF8 { MarkupBudget.overflow(in: $0, limit: limit) }
    }

    func testTheFirstMarkOverTheBudgetIsFoundAtItsLineAndColumn() {
        XCTAssertNil(overflow("a & b", limit: 1))
        XCTAssertTrue(overflow("a & b & c", limit: 1)! == (0, 7))
        // Line breaks count, and columns count characters, not bytes.
        XCTAssertTrue(overflow("é&\nàé&", limit: 2)! == (1, 3))
        XCTAssertTrue(overflow("plain text", limit: 0) == nil)
    }

    /// Over the budget, the text is not given to cmark: it renders as nothing, in a few milliseconds.
    func testATextOverTheBudgetIsNotRendered() {
        let text = String(repeating: "&", count: MarkupBudget.maximumMarks + 1)
        XCTAssertFalse(MarkupBudget.isWithinBudget(text))
        XCTAssertEqual(MarkdownRenderer().render(text).html, "")
        XCTAssertTrue(MarkupBudget.isWithinBudget(String(text.dropFirst())))
        XCTAssertFalse(MarkdownRenderer().render("a &amp; b").html.isEmpty)
    }

    /// Each mark is a byte: a text of no more bytes than the budget is within it without being read, and the first
    /// text that may be over it is counted.
    func testATextOfNoMoreBytesThanTheBudgetIsWithinIt() throws {
        let full = String(repeating: "&", count: MarkupBudget.maximumMarks)
        XCTAssertTrue(MarkupBudget.isWithinBudget(full))
        XCTAssertNil(MarkupBudget.overflow(in: full))
        XCTAssertTrue(MarkupBudget.isWithinBudget(full + "a"))
        XCTAssertNil(MarkupBudget.overflow(in: full + "é"))
        let over = try XCTUnwrap(MarkupBudget.overflow(in: "é" + full + "&"))
        XCTAssertTrue(over == (0, MarkupBudget.maximumMarks + 2))
    }
}
