@testable import CPTSSite
import Foundation
import XCTest

/// `serve` renders again exactly the pages whose input changed (`PageInput`). Each field of the content is changed,
/// one at a time, in a copy of the minimal site (with a free page out of the menu added): the site served after the
/// save must be, byte for byte, the site a fresh build makes of the edited content (no page left stale), and the
/// pages rendered again must be exactly those whose bytes changed, but for the few an edit lists as `unchanged`:
/// pages whose input changed without changing what they show, each with the reason.
final class ServeInvalidationTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// One edit: in `file`, `old` replaced with `new`.
    struct Edit {
        let field: String
        let file: String
        let old: String
        let new: String
        /// Pages rendered again although their bytes do not change, and why that is expected.
        var unchanged: [String: String] = [:]
    }

    /// A free page out of the menu, added to the minimal site for the edits of a free page.
    static let freePage = (path: "pages/a-propos.md", text: "---\ntitle: À propos\n---\nUn observatoire de test.\n")

    static let search = "recherche/index.html"
    static func report(_ year: Int) -> String { "cpts/sud-lochois/rapport-annee-\(year)/index.html" }
    static func print(_ year: Int) -> String { "cpts/sud-lochois/rapport-annee-\(year)/print.css" }
    static let printReason = "a page's function receives the site-wide view models, so every page is keyed on site.yaml; the print stylesheet shows only its CPTS's name and year"
    /// The pages that do not show the region's population.
    static let siteWide = ["404.html", "a-propos/index.html", "cpts/bourges/index.html", "cpts/sud-lochois/index.html", report(1), print(1),
                           report(2), print(2), "cpts/vierzon/index.html", "departements/18/index.html", "departements/37/index.html", search,
                           "validation/index.html"]

    static let edits: [Edit] = [
        Edit(field: "a CPTS's name", file: "cpts/vierzon.md", old: "name: CPTS de Vierzon", new: "name: CPTS du Grand Vierzon"),
        Edit(field: "a CPTS's stage", file: "cpts/vierzon.md", old: "stage: health-project\ndates:\n  letter-of-intent: 2019-01-10\n  diagnostic: 2019-09-01\n  health-project: 2020-02-01",
             new: "stage: diagnostic\ndates:\n  letter-of-intent: 2019-01-10\n  diagnostic: 2019-09-01"),
        Edit(field: "a CPTS's population", file: "cpts/sud-lochois.md", old: "population: 45000", new: "population: 52000",
             unchanged: [search: "a list's rows carry each CPTS's population (the search page's model has it); the default theme does not show it there"]),
        Edit(field: "a mission date", file: "cpts/sud-lochois.md", old: "    start: 2020-09-01\n  - id: prevention",
             new: "    start: 2020-10-01\n  - id: prevention",
             unchanged: [report(2): "a report reads its CPTS's front matter and figures; this mission's start moves year 1's figures only"]),
        Edit(field: "a projet de santé's text", file: "cpts/vierzon.md", old: "Un territoire rural.", new: "Un territoire rural et boisé."),
        Edit(field: "an indicator value", file: "indicators/sud-lochois.yaml", old: "value: 120", new: "value: 140"),
        Edit(field: "a report figure", file: "reports/sud-lochois/1.md", old: "participants: 14", new: "participants: 17",
             unchanged: [report(2): "year 2's report reads year 1's (its members, for the comparison), read whole"]),
        Edit(field: "a page text", file: "pages/methodologie.md", old: "**illustratives**", new: "**fictives**"),
        Edit(field: "a free page's title", file: freePage.path, old: "title: À propos", new: "title: Qui sommes-nous\u{202F}?"),
        Edit(field: "a diagnostic appearing", file: "cpts/vierzon.md", old: "population: 120000", new: "population: 120000\nlegalFrom: association-1901"),
        Edit(field: "region.yaml figures", file: "region.yaml", old: "population: 400000", new: "population: 420000",
             unchanged: Dictionary(uniqueKeysWithValues: siteWide.map { ($0, "region.yaml is site-wide data (every page names departments by it); its population shows on the dashboard and the methodology only") })),
        Edit(field: "site.yaml title", file: "site.yaml", old: "title: Observatoire de test", new: "title: Observatoire d’essai",
             unchanged: [print(1): printReason, print(2): printReason]),
    ]

    static func pages(_ outcome: BuildOutcome) -> [String: [UInt8]] {
        Dictionary(outcome.files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
    }

    func testEachFieldOfTheContentRendersAgainExactlyThePagesThatShowIt() async throws {
        for edit in Self.edits { try await check(edit) }
    }

    /// The load renders the texts with `site.yaml`'s options: a save that changes only them renders every text with
    /// the new ones, though no text's file changed (`ParseCache` keys the texts on the options too), and back.
    func testChangingTheMarkdownOptionsOfSiteYAMLRendersTheTextsAgain() async throws {
        let themes = Self.repository.appendingPathComponent("themes").path
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("serve-options-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Tests/Fixtures/sites/minimal/content"), to: folder)
        try "---\ntitle: À propos\n---\nL'équipe <mark>note</mark> : fin ?\n"
            .write(to: folder.appendingPathComponent(Self.freePage.path), atomically: true, encoding: .utf8)
        let options = BuildOptions(contentDirectory: folder.path, themesDirectory: themes, mode: .memory)
        let session = SiteSession(options: options)
        let original = Self.pages(await session.build())
        let siteFile = folder.appendingPathComponent("site.yaml")
        let settings = try String(contentsOf: siteFile, encoding: .utf8)
        for (option, shown) in [("typography: false", "L'équipe"), ("allowRawHTML: true", "<mark>note</mark>")] {
            try (settings + option + "\n").write(to: siteFile, atomically: true, encoding: .utf8)
            let served = Self.pages(await session.build()), expected = Self.pages(await SiteSession(options: options).build())
            XCTAssertEqual(expected.keys.filter { served[$0] != expected[$0] }.sorted(), [], "\(option): pages served stale")
            let page = String(decoding: served["a-propos/index.html"] ?? [], as: UTF8.self)
            XCTAssertTrue(page.contains(shown), "\(option): \(page)")
            try settings.write(to: siteFile, atomically: true, encoding: .utf8)
            let back = Self.pages(await session.build())
            XCTAssertEqual(original.keys.filter { back[$0] != original[$0] }.sorted(), [], "\(option): pages stale once undone")
        }
    }

    /// A copy of the minimal site's content and of the themes, and a `serve` session on them.
    func servedCopy() throws -> (content: URL, themes: URL, options: BuildOptions) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("serve-theme-\(UUID().uuidString)")
        let content = folder.appendingPathComponent("content"), themes = folder.appendingPathComponent("themes")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Tests/Fixtures/sites/minimal/content"), to: content)
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("themes"), to: themes)
        return (content, themes, BuildOptions(contentDirectory: content.path, themesDirectory: themes.path, mode: .memory))
    }

    /// A save that leaves the theme's files as they were reuses its parsed templates: a text edited parses none.
    func testATextEditReusesTheParsedTheme() async throws {
        let (content, _, options) = try servedCopy()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let session = SiteSession(options: options)
        let first = await session.build()
        XCTAssertTrue(first.report.succeeded)
        let file = content.appendingPathComponent("cpts/vierzon.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "Un territoire rural.", with: "Un territoire rural et boisé.")
            .write(to: file, atomically: true, encoding: .utf8)
        let after = await session.build()
        XCTAssertEqual(after.rerendered, ["cpts/vierzon/index.html"])
        let parsed = await session.themesParsed
        XCTAssertEqual(parsed, 1)
    }

    /// A template saved is parsed again and every page shows it, byte for byte as a fresh build makes them.
    func testATemplateEditedIsParsedAgainAndShownOnEveryPage() async throws {
        let (content, themes, options) = try servedCopy()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let session = SiteSession(options: options)
        let first = await session.build()
        XCTAssertTrue(first.report.succeeded)
        let base = themes.appendingPathComponent("default/templates/base.mustache")
        let template = try String(contentsOf: base, encoding: .utf8)
        XCTAssertTrue(template.contains("</body>"))
        try template.replacingOccurrences(of: "</body>", with: "<!-- modèle modifié --></body>")
            .write(to: base, atomically: true, encoding: .utf8)
        let after = await session.build(), fresh = await SiteSession(options: options).build()
        let served = Self.pages(after), expected = Self.pages(fresh)
        XCTAssertEqual(expected.keys.filter { served[$0] != expected[$0] }.sorted(), [])
        XCTAssertTrue(String(decoding: served["index.html"] ?? [], as: UTF8.self).contains("<!-- modèle modifié -->"))
        let parsed = await session.themesParsed
        XCTAssertEqual(parsed, 2)
    }

    /// A template broken by a save fails the build; saved again as it was, the site builds again, the template
    /// parsed and checked anew (a theme is kept only once its check passed).
    func testATemplateBrokenThenRestoredFailsThenBuilds() async throws {
        let (content, themes, options) = try servedCopy()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let session = SiteSession(options: options)
        let original = Self.pages(await session.build())
        let page = themes.appendingPathComponent("default/templates/page.mustache")
        let template = try String(contentsOf: page, encoding: .utf8)
        try (template + "{{#sectionNonFermee}}\n").write(to: page, atomically: true, encoding: .utf8)
        let broken = await session.build()
        XCTAssertFalse(broken.report.succeeded)
        XCTAssertTrue(broken.report.diagnostics.contains { $0.location.file.hasSuffix("page.mustache") },
                      "\(broken.report.diagnostics.map(\.location.file))")
        try template.write(to: page, atomically: true, encoding: .utf8)
        let restored = await session.build()
        XCTAssertTrue(restored.report.succeeded)
        let served = Self.pages(restored)
        XCTAssertEqual(original.keys.filter { served[$0] != original[$0] }.sorted(), [])
    }

    func check(_ edit: Edit) async throws {
        let themes = Self.repository.appendingPathComponent("themes").path
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("serve-edit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Tests/Fixtures/sites/minimal/content"), to: folder)
        try Self.freePage.text.write(to: folder.appendingPathComponent(Self.freePage.path), atomically: true, encoding: .utf8)
        let options = BuildOptions(contentDirectory: folder.path, themesDirectory: themes, mode: .memory)
        let session = SiteSession(options: options)
        let before = await session.build()
        XCTAssertTrue(before.report.succeeded, edit.field)

        let file = folder.appendingPathComponent(edit.file)
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.contains(edit.old), "\(edit.field): \(edit.file) has no « \(edit.old) »")
        try text.replacingOccurrences(of: edit.old, with: edit.new).write(to: file, atomically: true, encoding: .utf8)
        let after = await session.build()
        let fresh = await SiteSession(options: options).build()
        XCTAssertTrue(after.report.succeeded && fresh.report.succeeded, "\(edit.field): \(after.report.diagnostics.map(\.message))")

        let served = Self.pages(after), expected = Self.pages(fresh), previous = Self.pages(before)
        let stale = expected.keys.filter { served[$0] != expected[$0] }.sorted()
        XCTAssertEqual(stale, [], "\(edit.field): pages served stale after the save")
        let routes = Set(fresh.rerendered)
        let changed = Set(routes.filter { previous[$0] != expected[$0] })
        XCTAssertFalse(changed.isEmpty, "\(edit.field): the edit changes no page")
        XCTAssertEqual(changed.subtracting(after.rerendered).sorted(), [], "\(edit.field): pages changed but not rendered again")
        let extra = Set(after.rerendered).subtracting(changed)
        XCTAssertEqual(extra.sorted(), edit.unchanged.keys.sorted(), "\(edit.field): pages rendered again, unchanged")
    }
}
