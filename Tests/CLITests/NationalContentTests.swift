import Foundation
import XCTest

/// `check` and `build` on a national content folder (`Tests/Fixtures/national/content`: two regions dated
/// differently, the same slug in both).
final class NationalContentTests: XCTestCase {
    static let content = CLIRunner.repositoryRoot.appendingPathComponent("Tests/Fixtures/national/content")

    func testCheckOnAValidNationalFolderCountsItsRegionsAndCPTS() throws {
        let result = try CLIRunner.run(["check", "--content", Self.content.path], in: CLIRunner.repositoryRoot)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(result.stdout, "Aucune erreur\u{202F}: 2 régions, 3 CPTS\n")
    }

    func testCheckInEnglish() throws {
        let result = try CLIRunner.run(["check", "--lang", "en", "--content", Self.content.path], in: CLIRunner.repositoryRoot)
        XCTAssertEqual(result.stdout, "No problems: 2 regions, 3 CPTS\n")
    }

    /// The build checks, writes the national pages and data files and says so.
    func testBuildOnANationalFolderWritesItsDataFiles() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("national-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try CLIRunner.run(["build", "--content", Self.content.path, "--output", output.path], in: CLIRunner.repositoryRoot)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Site national\u{202F}: 2 régions, 3 CPTS\u{202F};"), result.stdout)
        XCTAssertTrue(result.stdout.contains("fichiers écrits dans"), result.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("regions/52/index.html").path))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("data/site.json"))) as? [String: Any])
        XCTAssertEqual(json["format"] as? String, "cpts-site/national-site.json")
        XCTAssertEqual((json["totals"] as? [String: Any])?["cpts"] as? Int, 3)
        let csv = try String(contentsOf: output.appendingPathComponent("data/regions.csv"), encoding: .utf8)
        XCTAssertTrue(csv.contains("\r\n;Total;"), csv)
    }

    /// A national folder with an error writes nothing.
    func testBuildOnAnInvalidNationalFolderWritesNothing() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("national-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let content = CLIRunner.repositoryRoot.appendingPathComponent("Tests/Fixtures/invalid/national-version-newer/files/content")
        let result = try CLIRunner.run(["build", "--content", content.path, "--output", output.path], in: CLIRunner.repositoryRoot)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("version 3 du format"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))
    }

    /// The writer and the reader agree: the `data/site.json` the real executable writes for the example site and
    /// the golden site, copied into a national folder, is read without a single diagnostic.
    func testTheSiteJSONOfBuiltSitesIsReadBackWithoutADiagnostic() throws {
        for (name, content) in [("example", "content"), ("minimal", "Tests/Fixtures/sites/minimal/content")] {
            let (built, build) = try CLIRunner.buildSite(CLIRunner.repositoryRoot.appendingPathComponent(content), name: "national-\(name)")
            defer { try? FileManager.default.removeItem(at: built) }
            XCTAssertEqual(build.status, 0, build.stderr)
            let json = try Data(contentsOf: built.appendingPathComponent("data/site.json"))
            let region = try XCTUnwrap((try JSONSerialization.jsonObject(with: json) as? [String: Any])?["region"] as? [String: Any])
            let code = try XCTUnwrap(region["code"] as? String)
            let cpts = try XCTUnwrap((try JSONSerialization.jsonObject(with: json) as? [String: Any])?["cpts"] as? [Any]).count
            let national = FileManager.default.temporaryDirectory.appendingPathComponent("national-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: national) }
            try FileManager.default.createDirectory(at: national.appendingPathComponent("regions"), withIntermediateDirectories: true)
            try Data("kind: national\ntitle: Essai\nregions:\n  \"\(code)\": https://example.org/\n".utf8)
                .write(to: national.appendingPathComponent("site.yaml"))
            try json.write(to: national.appendingPathComponent("regions/\(code).json"))
            let result = try CLIRunner.run(["check", "--content", national.path], in: CLIRunner.repositoryRoot)
            XCTAssertEqual(result.status, 0, "\(name): \(result.stderr)")
            XCTAssertEqual(result.stdout, "Aucune erreur\u{202F}: 1 région, \(cpts) CPTS\n", name)
        }
    }
}
