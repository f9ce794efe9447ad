@testable import CPTSContent
import CPTSMarkdown
import Foundation
import XCTest

/// The load-time warnings (`MarkdownMarkup`) against the renderer (`MarkdownRenderer`), over the hostile corpus: in
/// each of the four settings, the URLs `check` says are dropped are exactly those the rendered HTML lost (as many
/// times as they are lost).
final class MarkdownWarningsTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// Hostile texts of the Markdown and CLI tests, and the cases the copies of the policy disagreed on.
    static let hostileTexts = [
        "[clic](javascript:alert(1)) [img](data:text/html;base64,PHNjcmlwdD4=) [vb](VBScript:x)",
        "<span class=\"x\">ok</span> [clic](javascript:alert(1))",
        "<script>x</script>\n\n[clic](javascript:void(0))",
        """
        <svg><a><animate attributeName=href values="https://example.org;javascript:alert(1)"/><text>a</text></a>
        <a><set attributeName="href" to="javascript:alert(2)"/></a> <a><animate attributeName=href from="java&#115;cript:alert(3)" to="https://example.org"/></a>
        <a><animate attributeName=href by=" javascript:alert(4)"/></a> <a><animate attributeName=href values="https://example.org/a;https://example.org/b"/></a></svg>
        """,
        """
        <script>alert('x')</script><img src=x onerror=alert(1)><a href="javascript:alert(2)">j</a>

        [lien](javascript:alert(3)) [données](data:text/html,<script>alert(4)</script>) <javascript:alert(5)>

        <div onmouseover="alert(6)">survol</div>
        """,
        // data: images, which cmark keeps in its safe mode and the filter emptied once raw HTML was allowed.
        "![carte](data:image/png;base64,iVBORw0KGgo=) ![gif](DATA:image/gif;base64,R0lGOD==)",
        "<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"carte\"> <a href='data:text/html,x'>d</a>",
        // DEL, controls and whitespace inside a scheme.
        "[del](<java\u{7F}script:alert(1)>) [tab](<java\tscript:alert(2)>) [espace](< javascript:alert(3)>)",
        "<a href=\"java&#127;script:alert(1)\">a</a> <a href=\"java&#x09;script:alert(2)\">b</a> <a href=\"&#x20;javascript:alert(3)\">c</a>",
        // Entities and backslash escapes in Markdown destinations; things that are not links at all.
        "[e](&#106;avascript:alert(1)) [c](javascript&colon;alert(2)) [b](javascript\\:alert(3))",
        "\\[pas un lien](javascript:alert(1)) `[code](javascript:alert(2))`\n\n    [indenté](javascript:alert(3))\n",
        "```\n[clôturé](javascript:alert(1))\n```\n\n[r]: javascript:alert(2)\n\n[utilisé][u]\n\n[u]: vbscript:x\n",
        // Schemes outside the allow-list; safe URLs, relative ones and fragments.
        "[ftp](ftp://example.org) [f](file:///etc/passwd) [m](mailto:a@example.org) [t](tel:+33123456789)",
        "[rel](page.html) [frag](#section) [abs](/a/b) [http](HTTP://example.org) <https://example.org> www.example.org",
    ]

    /// Every Markdown text of the corpus: the hostile texts, those of `Fixtures/hostile-markdown` (shared with the CLI
    /// tests), the invalid fixtures' `.md` files, the fuzz regressions.
    static func corpus() throws -> [(name: String, text: String)] {
        var texts = hostileTexts.enumerated().map { ("hostile #\($0.offset)", $0.element) }
        let enumerator = FileManager.default.enumerator(at: fixtures.appendingPathComponent("invalid"), includingPropertiesForKeys: nil)
        for url in enumerator?.compactMap({ $0 as? URL }) ?? [] where url.pathExtension == "md" {
            texts.append((url.path, String(decoding: try Data(contentsOf: url), as: UTF8.self)))
        }
        let hostile = fixtures.appendingPathComponent("hostile-markdown")
        for name in try FileManager.default.contentsOfDirectory(atPath: hostile.path).sorted() where name.hasSuffix(".md") {
            texts.append((name, String(decoding: try Data(contentsOf: hostile.appendingPathComponent(name)), as: UTF8.self)))
        }
        let fuzz = fixtures.appendingPathComponent("fuzz-regressions")
        for name in try FileManager.default.contentsOfDirectory(atPath: fuzz.path).sorted() where !name.hasPrefix(".") {
            let bytes = try Data(contentsOf: fuzz.appendingPathComponent(name)).dropFirst()
            texts.append((name, String(decoding: bytes, as: UTF8.self)))
        }
        return texts
    }

    func testTheWarnedURLsAreExactlyTheURLsTheRendererDropsInEverySetting() throws {
        let corpus = try MarkdownWarningsTests.corpus()
        XCTAssertGreaterThan(corpus.count, 20)
        for (name, text) in corpus {
            for allowRawHTML in [false, true] {
                // Unsafe links allowed, nothing but raw HTML (when not allowed) is dropped: the URLs of the source.
                let source = urls(in: render(text, allowRawHTML: allowRawHTML, allowUnsafeLinks: true))
                for allowUnsafeLinks in [false, true] {
                    let kept = urls(in: render(text, allowRawHTML: allowRawHTML, allowUnsafeLinks: allowUnsafeLinks))
                    let warned = MarkdownMarkup.findings(in: text, firstLine: 1)
                        .filter { MarkdownMarkup.isShown($0.kind, allowRawHTML: allowRawHTML, allowUnsafeLinks: allowUnsafeLinks) }
                        .compactMap(\.url).map(percentDecoded)
                    let lost = source.flatMap { url, count in Array(repeating: url, count: max(0, count - kept[url, default: 0])) }
                    XCTAssertEqual(warned.sorted(), lost.sorted(),
                                   "\(name), allowRawHTML: \(allowRawHTML), allowUnsafeLinks: \(allowUnsafeLinks)")
                }
            }
        }
    }

    /// cmark keeps `data:` images in its safe mode; the policy drops them in every setting but `allowUnsafeLinks`,
    /// and `check` says so, also when raw HTML is allowed (it once said nothing and the page showed `<img src="">`).
    func testADataImageIsDroppedAndWarnedAboutUnlessUnsafeLinksAreAllowed() {
        let text = "Texte.\n\n![carte](data:image/png;base64,iVBORw0KGgo=)\n"
        for (allowRawHTML, allowUnsafeLinks) in [(false, false), (true, false), (false, true), (true, true)] {
            let html = render(text, allowRawHTML: allowRawHTML, allowUnsafeLinks: allowUnsafeLinks)
            let warnings = MarkdownMarkup.diagnostics(for: MarkdownMarkup.scan(text, firstLine: 5), path: "content/pages/a.md",
                                                      allowRawHTML: allowRawHTML, allowUnsafeLinks: allowUnsafeLinks)
            XCTAssertEqual(html.contains("data:image/png"), allowUnsafeLinks, html)
            XCTAssertEqual(warnings.map { $0.text(in: .fr) },
                           allowUnsafeLinks ? [] : ["l’adresse data: «\u{202F}data:image/png;base64,iVBORw0KGgo=\u{202F}» est retirée"])
            XCTAssertEqual(warnings.map(\.location.line), allowUnsafeLinks ? [] : [7])
        }
    }

    /// Tags are read from the renderer's parse: none in code, one over two lines, each at its place.
    func testRawHTMLIsFoundWhereTheRendererFindsIt() {
        let text = "`<b>` et\n\n```\n<i>\n```\n\nUn <span\nclass=x>mot</span> puis <iframe src=a></iframe>\n"
        let tags = MarkdownMarkup.findings(in: text, firstLine: 1).filter { $0.kind == .html || $0.kind == .filteredHTML }
        XCTAssertEqual(tags.map(\.text), ["<span\nclass=x>", "<iframe src=a>", "<iframe src=a>"])
        XCTAssertEqual(tags.map(\.kind), [.html, .html, .filteredHTML])
        XCTAssertEqual(tags.map(\.line), [7, 8, 8])
        XCTAssertEqual(tags.first?.column, 4)
    }

    func render(_ text: String, allowRawHTML: Bool, allowUnsafeLinks: Bool) -> String {
        MarkdownRenderer(options: .init(allowRawHTML: allowRawHTML, allowUnsafeLinks: allowUnsafeLinks)).render(text).html
    }

    /// Attributes that hold a URL, read from the HTML with a pattern of their own (not the code under test).
    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "xlink:href", "data", "poster",
                                             "background", "codebase", "cite", "longdesc", "usemap", "srcset", "lowsrc",
                                             "dynsrc", "ping", "manifest", "icon", "values", "to", "from", "by"]

    /// The URLs of the attributes of `html`, entities and percent-escapes decoded, with how many times each is there.
    func urls(in html: String) -> [String: Int] {
        var found: [String: Int] = [:]
        let attribute = /[\s\/]([A-Za-z][A-Za-z0-9:_.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/
        for match in html.matches(of: attribute) where MarkdownWarningsTests.urlAttributes.contains(match.1.lowercased()) {
            let value = String(match.2 ?? match.3 ?? match.4 ?? "")
            let decoded = RawHTMLEntities.decode(value)
            let values = match.1.lowercased() == "values" ? decoded.split(separator: ";", omittingEmptySubsequences: false).map(String.init) : [decoded]
            for value in values { found[percentDecoded(value), default: 0] += 1 }
        }
        return found
    }

    func percentDecoded(_ url: String) -> String { url.removingPercentEncoding ?? url }
}

/// Character references, as a browser decodes them in an attribute (a few named ones, and numeric ones).
enum RawHTMLEntities {
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let numeric = /&#([xX][0-9a-fA-F]+|[0-9]+);?/
        var result = text.replacing(numeric) { match in
            let digits = match.1
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) } ?? String(match.0)
        }
        // `&amp;` last, so that `&amp;#106;` stays `&#106;`.
        for (name, value) in [("&quot;", "\""), ("&lt;", "<"), ("&gt;", ">"), ("&colon;", ":"), ("&amp;", "&")] {
            result = result.replacingOccurrences(of: name, with: value)
        }
        return result
    }
}
