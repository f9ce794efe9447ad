import CPTSMarkdown
import XCTest

/// cmark-gfm pads every row of a table to its header's width: a few kilobytes of `|` made a 90 MB page.
final class TableBudgetTests: XCTestCase {
    let renderer = MarkdownRenderer()

    func wideTable(columns: Int, rows: Int, prefix: String = "") -> String {
        prefix + "|" + String(repeating: "a|", count: columns) + "\n" + prefix + "|" + String(repeating: "-|", count: columns)
            + "\n" + String(repeating: prefix + "|x|\n", count: rows)
    }

    func testATableOverTheCellBudgetIsRenderedAsPlainText() {
        let markdown = "Avant\n\n" + wideTable(columns: 3000, rows: 3000) + "\nAprès\n"
        let html = renderer.render(markdown).html
        XCTAssertFalse(html.contains("<table"))
        XCTAssertLessThan(html.utf8.count, 2 * markdown.utf8.count, "the page costs about the text's bytes")
        XCTAssertTrue(html.contains("<p>|a|a|a|"), String(html.prefix(200)))
        XCTAssertTrue(html.contains("<p>Après</p>"))
        XCTAssertEqual(TableBudget.oversizedTables(in: markdown).map { [$0.headerLine, $0.columns, $0.rows] }, [[2, 3000, 3001]])
    }

    func testATableWithinTheBudgetIsStillATable() {
        let markdown = wideTable(columns: 20, rows: 1000)
        XCTAssertEqual(TableBudget.oversizedTables(in: markdown), [])
        let html = renderer.render(markdown).html
        XCTAssertEqual(html.components(separatedBy: "<tr>").count - 1, 1001)
    }

    /// The count of pipes and lines that spares most texts the line scan lets through one just over the budget.
    func testATableJustOverTheBudgetIsFoundAndOneJustWithinIsNot() {
        XCTAssertEqual(TableBudget.oversizedTables(in: wideTable(columns: 500, rows: 500)).map { [$0.headerLine, $0.columns, $0.rows] },
                       [[0, 500, 501]])
        XCTAssertEqual(TableBudget.oversizedTables(in: wideTable(columns: 500, rows: 499)), [])
    }

    func testAnOversizedTableInAQuoteOrAListIsCountedToo() {
        for prefix in ["> ", "  "] {
            let markdown = (prefix == "  " ? "- intro\n\n" : "") + wideTable(columns: 1000, rows: 1000, prefix: prefix)
            XCTAssertEqual(TableBudget.oversizedTables(in: markdown).count, 1, "prefix '\(prefix)'")
            XCTAssertFalse(renderer.render(markdown).html.contains("<table"), "prefix '\(prefix)'")
        }
    }

    func testADelimiterRowInFencedCodeIsNotATable() {
        let markdown = "```\n" + wideTable(columns: 1000, rows: 1000) + "```\n"
        XCTAssertEqual(TableBudget.oversizedTables(in: markdown), [])
        XCTAssertFalse(renderer.render(markdown).html.contains("\\|"))
    }
}
