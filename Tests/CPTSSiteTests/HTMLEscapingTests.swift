import Mustache
@testable import CPTSSite
import XCTest

final class HTMLEscapingTests: XCTestCase {
    /// The fast escaper must give exactly what swift-mustache's own HTML escaping gives.
    func testEscapingMatchesSwiftMustacheOwnHTMLEscaping() throws {
        let library = try MustacheTemplate(string: "{{value}}")
        for text in ["", "CPTS du Sud Lochois", "<script>alert('x')</script>", "a & b \"c\" <d> 'e'", "Épidémie — 57 % > 14",
                     "&amp; déjà échappé", "👩‍⚕️ <b>", "\u{0}<\u{7F}>"] {
            XCTAssertEqual(HTMLEscaping.escape(text), library.render(["value": text]), text)
        }
    }

    func testTemplatesOfAThemeUseItAndStillEscapeByDefault() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("t/templates"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("{{#items}}\n<li>{{.}}</li>\n{{/items}}\n".utf8).write(to: folder.appendingPathComponent("t/templates/list.mustache"))
        let theme = try Theme.load(named: "t", from: folder.path)
        let html = try theme.render("list", ["items": ["<i>", "l'été"]], misses: MissedKeys())
        XCTAssertEqual(html, "<li>&lt;i&gt;</li>\n<li>l&#39;été</li>\n")
    }
}
