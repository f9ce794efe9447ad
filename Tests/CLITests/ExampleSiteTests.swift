import Foundation
import XCTest

/// The repository's example content, run through the commands a new user tries first: the release binary once
/// crashed on each of these (exit 139) while the debug one passed, so `make test` runs them against both.
final class ExampleSiteTests: XCTestCase {
    static let content = CLIRunner.repositoryRoot.appendingPathComponent("content")

    func output(for test: XCTestCase) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cpts-site-example-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    func testTheBuiltExampleSiteHasNoBrokenLink() throws {
        let folder = try output(for: self)
        let public_ = folder.appendingPathComponent("public").path
        let build = try CLIRunner.run(["build", "--content", Self.content.path, "--output", public_], in: folder)
        XCTAssertEqual(build.status, 0, build.stderr)
        for _ in 0..<3 {
            let check = try CLIRunner.run(["check", "--content", Self.content.path, "--links", public_], in: folder)
            XCTAssertEqual(check.status, 0, check.stderr)
            XCTAssertTrue(check.stdout.contains("tous mènent quelque part"), check.stdout)
        }
    }

    func testReportPrintsTheFundingOfAnExampleCPTS() throws {
        let folder = try output(for: self)
        for _ in 0..<3 {
            let report = try CLIRunner.run(["report", "blaisois", "--content", Self.content.path], in: folder)
            XCTAssertEqual(report.status, 0, report.stderr)
            XCTAssertTrue(report.stdout.contains("€"), report.stdout)
        }
    }

    func testAMisspeltKeyInSiteYAMLIsOneWarningWithItsSourceLine() throws {
        let site = try ScratchSite(copying: "minimal")
        let settings = try site.read("content/site.yaml")
        XCTAssertTrue(settings.contains("language:"), "the fixture's site.yaml sets language")
        try site.write("content/site.yaml", settings.replacingOccurrences(of: "language:", with: "languag:"))
        let check = try site.run("check")
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stderr.contains("warning: clé «\u{202F}languag\u{202F}» inconnue dans site.yaml\nlanguag:"), check.stderr)
        XCTAssertTrue(check.stderr.hasSuffix("0 erreur, 1 avertissement\n"), check.stderr)
    }

    /// The example content reproduces the regional publication at 31/12/2019: 14 CPTS constituted out of
    /// 32 territories, covering 57 % of inhabitants.
    func testTheExampleSiteReproducesThePublishedFigures() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("example-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try CLIRunner.run(
            ["build", "--content", CLIRunner.repositoryRoot.appendingPathComponent("content").path,
             "--themes", CLIRunner.repositoryRoot.appendingPathComponent("themes").path, "--output", root.path],
            in: CLIRunner.repositoryRoot)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "", "the example content should build without any warning")
        let data = try Data(contentsOf: root.appendingPathComponent("data/site.json"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let region = try XCTUnwrap(json["region"] as? [String: Any])
        XCTAssertEqual(json["asOf"] as? String, "2019-12-31")
        XCTAssertEqual(region["constituted"] as? Int, 14)
        XCTAssertEqual(region["plannedTerritories"] as? Int, 32)
        let coverage = try XCTUnwrap(region["coverage"] as? Double)
        XCTAssertEqual((coverage * 100).rounded() / 100, 0.57)
        let home = try String(contentsOf: root.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(home.contains("14 / 32"), "key figure missing")
        XCTAssertTrue(home.contains("57\u{A0}%"), "coverage missing")
        // A value the content leaves out is said in French, never shown as a template's `false`.
        XCTAssertTrue(home.contains("<th scope=\"row\">Équipes de soins primaires (ESP)</th><td class=\"num\" data-label=\"Nombre\">non renseigné</td>"))
        for (path, page) in try ScratchSite.snapshot(of: root) where path.hasSuffix(".html") {
            let text = String(decoding: page, as: UTF8.self)
            XCTAssertFalse(text.contains(">false<") || text.contains(">true<"), "\(path) shows a raw boolean")
        }
    }
}
