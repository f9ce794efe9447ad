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

    /// National pages are not rendered yet: the build checks, says so in French, writes nothing and fails.
    func testBuildOnANationalFolderSaysItsPagesAreNotRenderedAndWritesNothing() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("national-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try CLIRunner.run(["build", "--content", Self.content.path, "--output", output.path], in: CLIRunner.repositoryRoot)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("Contenu national vérifié (2 régions, 3 CPTS)\u{202F}: cette version de cpts-site ne produit pas encore"),
                      result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.path))
    }
}
