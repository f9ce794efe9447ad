@testable import CPTSSite
import Foundation
import XCTest

/// `serve` keeps its route table from one save to the next while the model, the diagnostics and the site-wide inputs
/// stay the same (`KeyedRoutes`), and keys again only the routes that read a text that changed. Counted, never timed:
/// the site served after each save is compared byte for byte with a fresh build of the same content.
final class KeyedRoutesTests: XCTestCase {
    /// A copy of the minimal site's content and a `serve` session on it.
    func served() throws -> (content: URL, options: BuildOptions) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("keyed-routes-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: ServeInvalidationTests.repository.appendingPathComponent("Tests/Fixtures/sites/minimal/content"),
                                         to: folder)
        let themes = ServeInvalidationTests.repository.appendingPathComponent("themes").path
        return (folder, BuildOptions(contentDirectory: folder.path, themesDirectory: themes, mode: .memory))
    }

    func replace(_ old: String, with new: String, in file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(text.contains(old), "\(file.lastPathComponent) has no « \(old) »")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    /// The pages of `outcome` that differ from those of a fresh build of the same content (none expected).
    func stale(_ outcome: BuildOutcome, options: BuildOptions) async -> [String] {
        let served = ServeInvalidationTests.pages(outcome)
        let expected = ServeInvalidationTests.pages(await SiteSession(options: options).build())
        return expected.keys.filter { served[$0] != expected[$0] }.sorted() + served.keys.filter { expected[$0] == nil }.sorted()
    }

    func testATextEditKeepsTheRouteTableAndKeysAgainOnlyThePagesOfItsCPTS() async throws {
        let (content, options) = try served()
        defer { try? FileManager.default.removeItem(at: content) }
        let session = SiteSession(options: options)
        let first = await session.build()
        XCTAssertTrue(first.report.succeeded)
        try replace("Un territoire rural.", with: "Un territoire rural et boisé.", in: content.appendingPathComponent("cpts/vierzon.md"))
        let vierzon = await session.build()
        XCTAssertEqual(vierzon.rerendered, ["cpts/vierzon/index.html"])
        var (made, keyed) = (await session.routeTablesMade, await session.routesKeyedAgain)
        XCTAssertEqual(made, 1)
        XCTAssertEqual(keyed, 1, "its page only")
        let stalePages = await stale(vierzon, options: options)
        XCTAssertEqual(stalePages, [])

        // A CPTS with two activity reports, whose pages read its front matter only.
        try replace("- [ ] Parcours insuffisance cardiaque", with: "- [ ] Parcours insuffisance cardiaque et diabète",
                    in: content.appendingPathComponent("cpts/sud-lochois.md"))
        let sudLochois = await session.build()
        XCTAssertEqual(sudLochois.rerendered, ["cpts/sud-lochois/index.html"])
        (made, keyed) = (await session.routeTablesMade, await session.routesKeyedAgain)
        XCTAssertEqual(made, 1)
        XCTAssertEqual(keyed, 1, "its page only")
        let staleAfter = await stale(sudLochois, options: options)
        XCTAssertEqual(staleAfter, [])
    }

    func testAFrontMatterEditMakesTheRouteTableAnew() async throws {
        let (content, options) = try served()
        defer { try? FileManager.default.removeItem(at: content) }
        let session = SiteSession(options: options)
        let first = await session.build()
        XCTAssertTrue(first.report.succeeded)
        try replace("name: CPTS de Vierzon", with: "name: CPTS du Grand Vierzon", in: content.appendingPathComponent("cpts/vierzon.md"))
        let after = await session.build()
        XCTAssertTrue(after.report.succeeded)
        let made = await session.routeTablesMade
        XCTAssertEqual(made, 2)
        let stalePages = await stale(after, options: options)
        XCTAssertEqual(stalePages, [])
    }

    /// A text saved together with a `site.yaml` naming a missing theme fails the build after its texts were hashed;
    /// once `site.yaml` is saved as it was, the model is the one the route table was made from, and the text, changed
    /// two saves ago, is keyed and rendered again.
    func testATextEditedDuringAFailedBuildIsRenderedOnceTheSiteBuildsAgain() async throws {
        let (content, options) = try served()
        defer { try? FileManager.default.removeItem(at: content) }
        let session = SiteSession(options: options)
        let first = await session.build()
        XCTAssertTrue(first.report.succeeded)
        let settings = content.appendingPathComponent("site.yaml")
        let original = try String(contentsOf: settings, encoding: .utf8)
        try replace("Un territoire rural.", with: "Un territoire rural et boisé.", in: content.appendingPathComponent("cpts/vierzon.md"))
        try original.replacingOccurrences(of: "theme: default", with: "theme: absent").write(to: settings, atomically: true, encoding: .utf8)
        let broken = await session.build()
        XCTAssertFalse(broken.report.succeeded)
        XCTAssertTrue(broken.report.diagnostics.contains { $0.location.file.hasSuffix("site.yaml") }, "\(broken.report.diagnostics)")
        try original.write(to: settings, atomically: true, encoding: .utf8)
        let restored = await session.build()
        XCTAssertTrue(restored.report.succeeded)
        XCTAssertEqual(restored.rerendered, ["cpts/vierzon/index.html"])
        let made = await session.routeTablesMade
        XCTAssertEqual(made, 1)
        let stalePages = await stale(restored, options: options)
        XCTAssertEqual(stalePages, [])
    }
}
