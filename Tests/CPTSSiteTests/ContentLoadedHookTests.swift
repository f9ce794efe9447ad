@testable import CPTSSite
import Foundation
import XCTest

/// `BuildOptions.contentLoaded`: the build tells its caller the number of CPTS once the content is loaded (the
/// command sets the allocator for the site's size there), once per build, and not when the content did not load.
final class ContentLoadedHookTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let themes = repository.appendingPathComponent("themes").path

    /// The counts the hook was called with.
    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [Int] = []
        func record(_ count: Int) { lock.lock(); counts.append(count); lock.unlock() }
        var recorded: [Int] { lock.lock(); defer { lock.unlock() }; return counts }
    }

    func copyOfTheMinimalSite() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("content-loaded-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Tests/Fixtures/sites/minimal/content"),
                                         to: folder.appendingPathComponent("content"))
        return folder
    }

    func testABuildTellsTheNumberOfCPTSOnceTheContentIsLoaded() async throws {
        let folder = try copyOfTheMinimalSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        let calls = Calls()
        var options = BuildOptions(contentDirectory: folder.appendingPathComponent("content").path,
                                   outputDirectory: folder.appendingPathComponent("public").path,
                                   themesDirectory: Self.themes, mode: .build)
        options.contentLoaded = { calls.record($0) }
        let report = await SiteBuilder.build(options)
        XCTAssertTrue(report.succeeded)
        XCTAssertEqual(calls.recorded, [3])
    }

    func testACheckTellsTheNumberOfCPTSToo() async throws {
        let folder = try copyOfTheMinimalSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        let calls = Calls()
        var options = BuildOptions(contentDirectory: folder.appendingPathComponent("content").path,
                                   themesDirectory: Self.themes, mode: .check)
        options.contentLoaded = { calls.record($0) }
        _ = await SiteBuilder.build(options)
        XCTAssertEqual(calls.recorded, [3])
    }

    func testContentThatDidNotLoadIsNotCounted() async throws {
        let folder = try copyOfTheMinimalSite()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("content/site.yaml"))
        let calls = Calls()
        var options = BuildOptions(contentDirectory: folder.appendingPathComponent("content").path,
                                   outputDirectory: folder.appendingPathComponent("public").path,
                                   themesDirectory: Self.themes, mode: .build)
        options.contentLoaded = { calls.record($0) }
        let report = await SiteBuilder.build(options)
        XCTAssertFalse(report.succeeded)
        XCTAssertEqual(calls.recorded, [])
    }
}
