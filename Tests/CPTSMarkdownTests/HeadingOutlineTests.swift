import CPTSMarkdown
import XCTest

final class HeadingOutlineTests: XCTestCase {
    func testHeadingsAreShiftedBelowThePageTitleAndGetUniqueFrenchSlugs() {
        let rendered = MarkdownRenderer().render("# Projet de santé\n\n## Diagnostic du territoire\n\n## Diagnostic du territoire\n\n### L'accès `aux` soins")
        XCTAssertEqual(rendered.headings, [
            Heading(level: 2, text: "Projet de santé", id: "projet-de-sante"),
            Heading(level: 3, text: "Diagnostic du territoire", id: "diagnostic-du-territoire"),
            Heading(level: 3, text: "Diagnostic du territoire", id: "diagnostic-du-territoire-2"),
            Heading(level: 4, text: "L'accès aux soins", id: "l-acces-aux-soins"),
        ])
        XCTAssertTrue(rendered.html.hasPrefix("<h2 id=\"projet-de-sante\">Projet de santé</h2>\n<h3 id=\"diagnostic-du-territoire\">"), rendered.html)
        XCTAssertTrue(rendered.html.contains("<h4 id=\"l-acces-aux-soins\">L'accès <code>aux</code> soins</h4>"), rendered.html)
    }

    func testLevelsAreCappedAtSix() {
        let rendered = MarkdownRenderer().render("###### Six")
        XCTAssertEqual(rendered.headings.first?.level, 6)
        XCTAssertEqual(rendered.html, "<h6 id=\"six\">Six</h6>\n")
    }
}
