import CPTSMarkdown
import XCTest

final class MarkdownSafetyTests: XCTestCase {
    let renderer = MarkdownRenderer()

    func testRawHTMLIsDroppedByDefault() {
        let html = renderer.render("Avant\n\n<script>alert(1)</script>\n\n<iframe src=\"https://example.org\"></iframe>\n\ntexte <b onclick=\"x()\">gras</b>").html
        XCTAssertFalse(html.contains("<script"), html)
        XCTAssertFalse(html.contains("<iframe"), html)
        XCTAssertFalse(html.contains("onclick"), html)
        XCTAssertTrue(html.contains("Avant"))
    }

    func testJavascriptAndDataLinksAreDroppedByDefault() {
        let html = renderer.render("[clic](javascript:alert(1)) [img](data:text/html;base64,PHNjcmlwdD4=) [vb](VBScript:x)").html
        XCTAssertFalse(html.lowercased().contains("javascript:"), html)
        XCTAssertFalse(html.contains("data:text/html"), html)
        XCTAssertFalse(html.lowercased().contains("vbscript:"), html)
        XCTAssertTrue(html.contains(">clic</a>"), html)
    }

    func testRawHTMLPassesWhenTheSiteOptsInButUnsafeLinksStillDo_Not() {
        let renderer = MarkdownRenderer(options: .init(allowRawHTML: true))
        let html = renderer.render("<span class=\"x\">ok</span> [clic](javascript:alert(1))").html
        XCTAssertTrue(html.contains("<span class=\"x\">ok</span>"), html)
        XCTAssertFalse(html.contains("javascript:"), html)
    }

    func testUnsafeLinksPassWhenTheSiteOptsInButRawHTMLStillDoesNot() {
        let renderer = MarkdownRenderer(options: .init(allowUnsafeLinks: true))
        let html = renderer.render("<script>x</script>\n\n[clic](javascript:void(0))").html
        XCTAssertFalse(html.contains("<script"), html)
        XCTAssertTrue(html.contains("href=\"javascript:void(0)\""), html)
    }

    func testTagfilterEscapesDangerousTagsEvenWhenRawHTMLIsAllowed() {
        let renderer = MarkdownRenderer(options: .init(allowRawHTML: true))
        let html = renderer.render("<script>alert(1)</script>").html
        XCTAssertFalse(html.contains("<script>"), html)
        XCTAssertTrue(html.contains("&lt;script>"), html)
    }

    /// `<animate attributeName=href values="…;javascript:…">`, `<set to=…>`, `from=`, `by=` set a link's URL.
    func testSVGAnimationValuesThatSetAScriptURLAreRemoved() {
        let renderer = MarkdownRenderer(options: .init(allowRawHTML: true))
        let html = renderer.render("""
            <svg><a><animate attributeName=href values="https://example.org;javascript:alert(1)"/><text>a</text></a>
            <a><set attributeName="href" to="javascript:alert(2)"/></a> <a><animate attributeName=href from="java&#115;cript:alert(3)" to="https://example.org"/></a>
            <a><animate attributeName=href by=" javascript:alert(4)"/></a> <a><animate attributeName=href values="https://example.org/a;https://example.org/b"/></a></svg>
            """).html
        XCTAssertFalse(html.lowercased().contains("javascript"), html)
        XCTAssertFalse(html.contains("java&#115;cript"), html)
        XCTAssertTrue(html.contains("values=\"https://example.org/a;https://example.org/b\""), "safe values are kept: \(html)")
        XCTAssertTrue(html.contains("to=\"https://example.org\""), html)
    }

    func testGFMExtensionsAreOn() {
        let html = renderer.render("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~barré~~ https://example.org\n\n- [x] fait\n").html
        XCTAssertTrue(html.contains("<table>"), html)
        XCTAssertTrue(html.contains("<del>barré</del>"), html)
        XCTAssertTrue(html.contains("<a href=\"https://example.org\">"), html)
        XCTAssertTrue(html.contains("type=\"checkbox\" checked=\"\" disabled=\"\""), html)
    }

    func testATableOfThreeColumnsStacksItsRowsWithEachCellLabelledByItsHeader() {
        let html = renderer.render("| Indicateur | *Territoire* | R&D \"x\" |\n|---|--:|--:|\n| Habitants | 105 635 | 2 |\n| Part | 14,8 % |  |\n").html
        XCTAssertTrue(html.contains("<table class=\"stack\">"), html)
        XCTAssertTrue(html.contains("<td data-label=\"Indicateur\">Habitants</td>\n<td class=\"align-right\" data-label=\"Territoire\">105"), html)
        XCTAssertTrue(html.contains("<td class=\"align-right\" data-label=\"R&amp;D &quot;x&quot;\">2</td>"), html)
        XCTAssertTrue(html.contains("<td class=\"align-right\" data-label=\"R&amp;D &quot;x&quot;\"></td>"), html)
        // Two columns fit a phone: left as a table.
        let narrow = renderer.render("| a | b |\n|---|---|\n| 1 | 2 |\n").html
        XCTAssertTrue(narrow.contains("<table>"), narrow)
        XCTAssertFalse(narrow.contains("data-label"), narrow)
    }

    func testAlignedColumnsGetClassesInsteadOfObsoleteAlignAttributes() {
        let html = renderer.render("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n").html
        XCTAssertFalse(html.contains(" align="), html)
        for side in ["left", "center", "right"] {
            XCTAssertTrue(html.contains("<th class=\"align-\(side)\">"), html)
            XCTAssertTrue(html.contains("<td class=\"align-\(side)\""), html)  // (and its data-label: see above)
        }
    }

    func testTaskListCheckboxesHaveAFrenchLabel() {
        let html = renderer.render("- [x] fait\n- [ ] reste\n").html
        XCTAssertTrue(html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Fait\" />"), html)
        XCTAssertTrue(html.contains("<input type=\"checkbox\" disabled=\"\" aria-label=\"À faire\" />"), html)
    }

    func testNonASCIITextIsNotTruncated() {
        let text = "Épidémie — accès aux soins non programmés à Châteauroux"
        XCTAssertEqual(renderer.render(text).html, "<p>\(text)</p>\n")
    }
}
