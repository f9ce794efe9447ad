import CPTSMarkdown
@testable import CPTSSite
import Foundation
import XCTest

/// Each Markdown text of the content (projets de santé, reports, free pages) is parsed by cmark once per build: the
/// load renders it from the parse that finds its warnings, and the pages use that HTML (issue #27).
final class MarkdownParseCountTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let themes = repository.appendingPathComponent("themes").path
    /// The minimal site's texts: three CPTS, two reports, the methodology page.
    static let texts = 6

    /// How many documents cmark parses while `work` runs.
    func parses<Result>(_ work: () async throws -> Result) async rethrows -> (Int, Result) {
        let before = MarkdownRenderer.parseCount
        let result = try await work()
        return (MarkdownRenderer.parseCount - before, result)
    }

    func copyOfTheMinimalSite() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parse-count-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Tests/Fixtures/sites/minimal/content"),
                                         to: folder.appendingPathComponent("content"))
        return folder
    }

    func testABuildParsesEachMarkdownTextOnce() async throws {
        let folder = try copyOfTheMinimalSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        let options = BuildOptions(contentDirectory: folder.appendingPathComponent("content").path,
                                   outputDirectory: folder.appendingPathComponent("public").path,
                                   themesDirectory: Self.themes, mode: .build)
        let (count, report) = await parses { await SiteBuilder.build(options) }
        XCTAssertTrue(report.succeeded)
        XCTAssertEqual(count, Self.texts)
        let page = try String(contentsOf: folder.appendingPathComponent("public/cpts/vierzon/index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("Un territoire rural."))
    }

    /// `serve` parses again only the text of the file saved; a save of nothing parses nothing.
    func testServeParsesAgainOnlyTheTextOfTheFileSaved() async throws {
        let folder = try copyOfTheMinimalSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = folder.appendingPathComponent("content")
        let session = SiteSession(options: BuildOptions(contentDirectory: content.path, themesDirectory: Self.themes, mode: .memory))
        let (first, _) = await parses { await session.build() }
        XCTAssertEqual(first, Self.texts)
        let (unchanged, _) = await parses { await session.build() }
        XCTAssertEqual(unchanged, 0)
        let file = content.appendingPathComponent("cpts/vierzon.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "Un territoire rural.", with: "Un territoire rural et boisé.")
            .write(to: file, atomically: true, encoding: .utf8)
        let (edited, outcome) = await parses { await session.build() }
        XCTAssertEqual(edited, 1)
        let page = try XCTUnwrap(outcome.files.first { $0.path == "cpts/vierzon/index.html" })
        XCTAssertTrue(String(decoding: page.bytes, as: UTF8.self).contains("Un territoire rural et boisé."))
    }

    /// `check` renders nothing: it parses only the texts that may hold what it warns about (raw HTML, URLs, images).
    func testACheckParsesOnlyTheTextsThatMayHoldWarningsAndRendersNone() async throws {
        let folder = try copyOfTheMinimalSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        let options = BuildOptions(contentDirectory: folder.appendingPathComponent("content").path,
                                   themesDirectory: Self.themes, mode: .check)
        let (count, outcome) = await parses { await SiteSession(options: options).build() }
        XCTAssertTrue(outcome.report.succeeded)
        XCTAssertLessThanOrEqual(count, Self.texts)
        XCTAssertEqual(outcome.content?.cpts.allSatisfy { $0.rendered == nil && !$0.body.isEmpty }, true)
    }
}
