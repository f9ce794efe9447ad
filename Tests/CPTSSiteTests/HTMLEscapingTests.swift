import Mustache
@testable import CPTSSite
import CPTSTemplates
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

final class ThemeTemplateTests: XCTestCase {
    func themeFolder(_ templates: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("t/templates"), withIntermediateDirectories: true)
        for (name, text) in templates {
            try Data(text.utf8).write(to: folder.appendingPathComponent("t/templates/\(name).mustache"))
        }
        return folder
    }

    /// A syntax error points at the faulty tag in the theme's file: line and column as the author sees them.
    func testSyntaxErrorsKeepTheirFileLineAndColumn() throws {
        let folder = try themeFolder(["page": "<h1>{{title}}</h1>\n<ul>\n  {{#items}}<li>{{.}}</li>{{/item}}\n</ul>\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertThrowsError(try Theme.load(named: "t", from: folder.path)) { error in
            let diagnostic = (error as? ThemeError)?.diagnostics.first
            XCTAssertEqual(diagnostic?.code, "template-syntax")
            XCTAssertEqual(diagnostic?.location.file, folder.path + "/t/templates/page.mustache")
            XCTAssertEqual(diagnostic?.location.line, 3)
            XCTAssertEqual(diagnostic?.location.column, 27)
            XCTAssertEqual(diagnostic?.message, .templateSyntax(.closedByAnother(opened: "items", closed: "item")))
        }
    }

    func testUnclosedTagIsReportedWhereItOpens() throws {
        let folder = try themeFolder(["page": "été\n  é {{name"])
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertThrowsError(try Theme.load(named: "t", from: folder.path)) { error in
            let diagnostic = (error as? ThemeError)?.diagnostics.first
            XCTAssertEqual(diagnostic.map { [$0.location.line, $0.location.column] }, [2, 5])
        }
    }

    /// Names no enclosing value has are recorded; a member missing from a value that exists is not a name of the page.
    func testUnknownKeysAreRecorded() throws {
        let folder = try themeFolder(["page": "{{title}}{{#items}}{{label}}{{sousTitre}}{{/items}}{{site.nothing}}"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let theme = try Theme.load(named: "t", from: folder.path)
        let misses = MissedKeys()
        let html = try theme.render("page", ["title": "T", "items": [["label": "a"]], "site": ["title": "S"]], misses: misses)
        XCTAssertEqual(html, "Ta")
        XCTAssertEqual(misses.all, ["sousTitre"])
        XCTAssertEqual(theme.firstUse(of: "sousTitre").column, 31)
    }
}
