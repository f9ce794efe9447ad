import CPTSContent
import CPTSDomain
import Foundation
import XCTest

@testable import CPTSSite

/// A page is made from its input only (`PageInput`, `ViewModels.slice`), and keyed on the digest of that input.
final class PageInputTests: XCTestCase {
    static let minimal = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/sites/minimal/content").path

    func route(_ path: String, of pages: SitePages) throws -> Route {
        try XCTUnwrap(pages.jobs.first { $0.path == path }, "no route \(path)")
    }

    func testACPTSPageIsMadeFromItsOwnCPTSAndFilesOnly() async throws {
        let pages = try await SitePages.load(contentFolder: Self.minimal)
        let slice = pages.models.slice(try route("cpts/sud-lochois/index.html", of: pages).input)
        XCTAssertEqual(slice.content.cpts.map(\.slug.value), ["sud-lochois"])
        // Of its reports, it shows the years only, which its route captures.
        XCTAssertEqual(slice.content.reports.count, 0)
        XCTAssertEqual(slice.content.indicators.map(\.slug), ["sud-lochois"])
        XCTAssertEqual(Array(slice.figures.slugs), ["sud-lochois"])
        XCTAssertFalse(slice.content.cpts[0].body.isEmpty, "a CPTS page shows its projet de santé")
    }

    func testAListIsMadeFromItsRowsWithoutAnyCPTS() async throws {
        let pages = try await SitePages.load(contentFolder: Self.minimal)
        let slice = pages.models.slice(try route("recherche/index.html", of: pages).input)
        XCTAssertEqual(slice.content.cpts.count, 0)
        XCTAssertEqual(slice.rows?.count, pages.renderer.content.cpts.count)
        XCTAssertTrue(slice.figures.slugs.isEmpty)
    }

    func testACPTSReadForItsFrontMatterHasNoText() async throws {
        let pages = try await SitePages.load(contentFolder: Self.minimal)
        let slice = pages.models.slice(PageInput(cpts: [0]))
        XCTAssertEqual(slice.content.cpts.map(\.body), [""])
        XCTAssertTrue(slice.content.reports.isEmpty && slice.content.indicators.isEmpty && slice.diagnostics.isEmpty)
    }

    /// The key follows each file of the input, and no file outside it.
    func testAPageKeyChangesWithAFileOfItsInputOnly() async throws {
        let pages = try await SitePages.load(contentFolder: Self.minimal)
        let content = pages.renderer.content
        let input = try route("cpts/sud-lochois/rapport-annee-2/index.html", of: pages).input
        func key(_ hashes: [String: Int]) -> Int {
            InputDigests(sourceHashes: hashes, frontMatters: [:], figures: FigureDigests(pages.renderer.figures), diagnostics: [],
                         content: content, theme: pages.theme, geo: GeoShapes()).key(for: input, in: content)
        }
        let report = try XCTUnwrap(content.reports.first { $0.slug.value == "sud-lochois" }).file
        let other = try XCTUnwrap(content.cpts.first { $0.slug.value == "vierzon" }).file
        XCTAssertNotEqual(key([:]), key([report: 1]), "a report of the CPTS")
        XCTAssertEqual(key([:]), key([other: 1]), "another CPTS's file")
    }
}
