@testable import CPTSContent
import CPTSDomain
import Foundation
import XCTest

final class ContentLoaderTests: XCTestCase {
    static let minimal = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/sites/minimal/content").path

    func testLoadsTheMinimalSiteWithItsBuiltInSchedule() async throws {
        let loaded = await ContentLoader.load(from: Self.minimal, displayRoot: "content")
        XCTAssertEqual(loaded.diagnostics, [])
        let content = try XCTUnwrap(loaded.content)
        XCTAssertEqual(content.cpts.map(\.slug.value), ["bourges", "sud-lochois", "vierzon"])
        XCTAssertEqual(content.region.departments.map(\.code), ["18", "37"])
        XCTAssertEqual(content.indicators.first?.contractYears.first?.indicators.count, 3)
        XCTAssertEqual(content.schedules["aci-2019"]?.operation.amounts, [50_000, 60_000, 75_000, 90_000])
        XCTAssertEqual(content.schedules["aci-2019"]?.socleIDs, ["acces-soins", "parcours", "prevention"])
        let sud = try XCTUnwrap(content.cpts.first { $0.slug.value == "sud-lochois" })
        XCTAssertEqual(sud.communes.map(\.location.description), ["content/cpts/sud-lochois.md:5:12", "content/cpts/sud-lochois.md:5:21"])
        XCTAssertEqual(sud.dates[.aciSigned]?.value, Day(iso: "2019-11-15"))
        XCTAssertTrue(sud.body.hasPrefix("# Projet de santé\n"))
    }

    /// `pages/` may hold folders: a page's slug is its path there, and `menu:` / `menuOrder:` are read.
    func testAPageInAFolderHasItsPathForSlugAndItsMenuKeys() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("loader-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(atPath: Self.minimal, toPath: root.appendingPathComponent("content").path)
        let folder = root.appendingPathComponent("content/pages/guides")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("---\ntitle: S’inscrire\nmenu: true\nmenuOrder: 2\n---\nTexte.\n".utf8).write(to: folder.appendingPathComponent("inscription.md"))
        let loaded = await ContentLoader.load(from: root.appendingPathComponent("content").path, displayRoot: "content")
        XCTAssertEqual(loaded.diagnostics, [])
        let page = try XCTUnwrap(loaded.content?.pages.first { $0.file == "content/pages/guides/inscription.md" })
        XCTAssertEqual(page.slug.value, "guides/inscription")
        XCTAssertTrue(page.menu)
        XCTAssertEqual(page.menuOrder, 2)
        XCTAssertEqual(loaded.content?.pages.first { $0.slug.value == "methodologie" }?.menu, false)
    }

    func testASymbolicLinkLeadingOutsideTheContentFolderIsRefused() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("loader-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(atPath: Self.minimal, toPath: root.appendingPathComponent("content").path)
        let secret = root.appendingPathComponent("secret.md")
        try Data("---\nname: Secret\n---\n".utf8).write(to: secret)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("content/cpts/secret.md").path,
                                                   withDestinationPath: secret.path)
        let loaded = await ContentLoader.load(from: root.appendingPathComponent("content").path, displayRoot: "content")
        XCTAssertEqual(loaded.diagnostics.map { $0.headline(in: .en) },
                       ["content/cpts/secret.md:1:1: error: 'cpts/secret.md' is a symbolic link to a file outside the content folder; it is ignored"])
        XCTAssertFalse(loaded.content?.cpts.contains { $0.name == "Secret" } ?? true)
    }

    /// A one-off build keeps only the texts its diagnostics quote, and re-reads the others the rules point into.
    func testALoadThatKeepsNoTextsKeepsThoseWithDiagnosticsAndRereadsOthersOnDemand() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("loader-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        try FileManager.default.copyItem(atPath: Self.minimal, toPath: content.path)
        let bourges = content.appendingPathComponent("cpts/bourges.md")
        let text = try String(contentsOf: bourges, encoding: .utf8)
        try text.replacingOccurrences(of: "\nname:", with: "\nnom: inconnu\nname:").write(to: bourges, atomically: true, encoding: .utf8)

        let all = await ContentLoader.load(from: content.path, displayRoot: "content")
        XCTAssertGreaterThan(all.sources.count, 5)
        let lean = await ContentLoader.load(from: content.path, displayRoot: "content", keepingTexts: false)
        XCTAssertEqual(lean.diagnostics.map(\.code), ["key-unknown"])
        XCTAssertEqual(Array(lean.sources.keys), ["content/cpts/bourges.md"])
        XCTAssertEqual(lean.sources["content/cpts/bourges.md"], all.sources["content/cpts/bourges.md"])

        try Data("secret".utf8).write(to: root.appendingPathComponent("secret.md"))
        let reread = ContentLoader.texts(of: ["content/cpts/vierzon.md", "content/../secret.md", "themes/default/x", "content/absent.md"],
                                         in: content.path, displayRoot: "content")
        XCTAssertEqual(reread, ["content/cpts/vierzon.md": try XCTUnwrap(all.sources["content/cpts/vierzon.md"])])
    }
}
