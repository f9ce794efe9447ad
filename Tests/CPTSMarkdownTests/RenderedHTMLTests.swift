@testable import CPTSMarkdown
import CPTSDomain
import Foundation
import XCTest

/// `RenderedHTML`'s one pass against the three passes it replaces (`FormerHTMLPasses.swift`): same bytes from the
/// same cmark HTML and headings.
final class RenderedHTMLTests: XCTestCase {
    static let settings: [MarkdownRenderer.Options] = [
        .init(), .init(frenchTypography: true), .init(allowRawHTML: true, frenchTypography: true),
        .init(allowRawHTML: true, allowUnsafeLinks: true), .init(allowUnsafeLinks: true),
    ]

    /// Asserts that the pass and the former passes agree on what `renderer` makes of `markdown`, and that `render`
    /// gives the pass's text; returns cmark's HTML.
    @discardableResult
    func assertAgree(_ markdown: String, _ renderer: MarkdownRenderer, _ name: String,
                     file: StaticString = #filePath, line: UInt = #line) -> String {
        guard let (html, headings) = renderer.cmarkHTML(of: markdown, imageRoot: "../") else {
            XCTFail("not parsed: \(name)", file: file, line: line)
            return ""
        }
        var copy = html
        let text = copy.withUTF8 { RenderedHTML.text(of: $0, headings: headings) }
        XCTAssertEqual(text, formerPasses(html, headings: headings), name, file: file, line: line)
        XCTAssertEqual(renderer.render(markdown, imageRoot: "../").html, text, name, file: file, line: line)
        return html
    }

    func testThePassGivesTheFormerPassesBytesOnTheTextsOfTheFixtures() throws {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        let files = FileManager.default.enumerator(at: tests, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "md" } ?? []
        XCTAssertGreaterThan(files.count, 50)
        var tables = 0
        for file in files {
            let markdown = try String(contentsOf: file, encoding: .utf8)
            for options in Self.settings {
                let html = assertAgree(markdown, MarkdownRenderer(options: options), "\(file.path) \(options)")
                if html.contains("<thead>") { tables += 1 }
            }
        }
        XCTAssertGreaterThan(tables, 10)
    }

    func testThePassGivesTheFormerPassesBytesOnGeneratedTablesAndHeadings() {
        // Deterministic: a linear congruential generator over what the passes read.
        var seed: UInt64 = 27
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        let cells = ["a", "Été", "R&D", "\"x\"", "*b*", "`c`", "", "  d  e ", "<b>f</b>", "<!-- g -->", "h<br>i",
                     "[l](https://x.org)", "Ça « x »", "<td title=\"j\">", "1 | 2"]
        let headings = ["Bilan", "Bilan", "Bilan-2", "Été", "", "— !", "Section", "a <b>b</b>", "`x`"]
        let alignments = ["---", ":--", ":-:", "--:"]
        for _ in 0..<300 {
            var markdown = ""
            for _ in 0..<(1 + next(4)) {
                markdown += String(repeating: "#", count: 1 + next(6)) + " " + headings[next(headings.count)] + "\n\n"
                let columns = 1 + next(5)
                let row = { (0..<columns).map { _ in cells[next(cells.count)] }.joined(separator: " | ") }
                markdown += "| " + row() + " |\n|" + (0..<columns).map { _ in alignments[next(4)] }.joined(separator: "|") + "|\n"
                for _ in 0..<next(4) { markdown += "| " + row() + " |\n" }
                markdown += next(3) == 0 ? "\n- [ ] a\n- [x] b\n\n" : "\n"
            }
            for options in Self.settings { assertAgree(markdown, MarkdownRenderer(options: options), markdown) }
        }
    }

    func testThePassGivesTheFormerPassesBytesOnWrittenHTML() {
        let headings = [RenderedText.Heading(level: 2, text: "a", id: "a"), RenderedText.Heading(level: 3, text: "b", id: "b")]
        for html in [
            "<!-- <table><thead><tr><th>x</th></tr></thead> -->\n<TABLE><THEAD><TR><TH>A</TH><TH>B</TH><TH>C \"d\"</TH></TR>"
                + "</THEAD><TBODY><TR><TD>1</TD><TD>2</TD><TD>3</TD></TR></TBODY></TABLE>\n<h2>a</h2><h3>b</h3>",
            "<table><thead><tr><th>a</th><th>b</th><th>c</th></tr></thead><tbody><tr><td>1</td><td x=\"2</td></tr></tbody></table>",
            "<p>a</p><td align=\"right\">1</td><TD align=\"left\"><table ><table></table><input type=\"checkbox\" disabled=\"\" />",
            "<h3>b</h3><h2>a</h2><h3>b</h3>", "<!-- <h2> --><h2>a</h2>", "é<", "<", "", "<h2", "<table><thead>",
        ] {
            var copy = html
            XCTAssertEqual(copy.withUTF8 { RenderedHTML.text(of: $0, headings: headings) }, formerPasses(html, headings: headings),
                           html)
        }
    }

    func testATextWithoutAnythingToRewriteIsCmarksHTML() {
        let html = "<p>Rien à <em>réécrire</em> ici.</p>\n"
        var copy = html
        XCTAssertEqual(copy.withUTF8 { RenderedHTML.text(of: $0, headings: []) }, html)
    }
}
