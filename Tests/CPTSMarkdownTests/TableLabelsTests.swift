@testable import CPTSMarkdown
import XCTest

final class TableLabelsTests: XCTestCase {
    func testAlignedColumnsGetClassesAndLabelsOfMultiByteHeaders() {
        let html = MarkdownRenderer().render("| Été | Ça « x » | R&D |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n| é | | ü |").html
        XCTAssertEqual(html, """
            <div class="table-scroll" tabindex="0" role="region" aria-label="Tableau"><table class="stack">
            <thead>
            <tr>
            <th class="align-left">Été</th>
            <th class="align-center">Ça « x »</th>
            <th class="align-right">R&amp;D</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td class="align-left" data-label="Été">1</td>
            <td class="align-center" data-label="Ça « x »">2</td>
            <td class="align-right" data-label="R&amp;D">3</td>
            </tr>
            <tr>
            <td class="align-left" data-label="Été">é</td>
            <td class="align-center" data-label="Ça « x »"></td>
            <td class="align-right" data-label="R&amp;D">ü</td>
            </tr>
            </tbody>
            </table></div>

            """)
    }

    func testRawTablesAreReadWithTheTokenizerWhateverTheCaseAndComments() {
        let raw = "<!-- <table><thead><tr><th>x</th></tr></thead> -->\n<TABLE><THEAD><TR><TH>A</TH><TH>B</TH><TH>C \"d\"</TH></TR></THEAD>"
            + "<TBODY><TR><TD>1</TD><TD>2</TD><TD>3</TD></TR></TBODY></TABLE>\n"
        XCTAssertEqual(TableLabels.apply(to: raw), "<!-- <table><thead><tr><th>x</th></tr></thead> -->\n<TABLE class=\"stack\"><THEAD><TR><TH>A</TH><TH>B</TH>"
            + "<TH>C \"d\"</TH></TR></THEAD><TBODY><TR><TD data-label=\"A\">1</TD><TD data-label=\"B\">2</TD>"
            + "<TD data-label=\"C &quot;d&quot;\">3</TD></TR></TBODY></TABLE>\n")
    }

    func testAnUnfinishedTagStopsTheLabels() {
        let html = "<table><thead><tr><th>a</th><th>b</th><th>c</th></tr></thead><tbody><tr><td>1</td><td x=\"2</td></tr></tbody></table>"
        XCTAssertEqual(TableLabels.apply(to: html), "<table class=\"stack\"><thead><tr><th>a</th><th>b</th><th>c</th></tr></thead><tbody><tr>"
            + "<td data-label=\"a\">1</td><td x=\"2</td></tr></tbody></table>")
    }

    func testHTMLComplianceRewritesOnlyWhatCmarkWrites() {
        XCTAssertEqual(HTMLCompliance.rewrite("<p>a</p><td align=\"right\">1</td><TD align=\"left\"><table ><table></table><input type=\"checkbox\" disabled=\"\" />"),
                       "<p>a</p><td class=\"align-right\">1</td><TD align=\"left\"><table ><div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Tableau\"><table></table></div><input type=\"checkbox\" disabled=\"\" aria-label=\"À faire\" />")
        XCTAssertEqual(HTMLCompliance.rewrite("é<"), "é<")
    }
}
