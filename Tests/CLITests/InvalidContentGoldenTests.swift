import Foundation
import XCTest

/// Each folder of `Tests/Fixtures/invalid/` breaks the minimal site in one way: its `files/` are laid over
/// the site, the paths listed in `delete.txt` are removed, and `cpts-site check` must print exactly
/// `expected.txt` on standard error, exiting 1 when it reports an error and 0 otherwise.
/// `UPDATE_GOLDEN=1 swift test` rewrites the expected files, to be reviewed before committing.
final class InvalidContentGoldenTests: XCTestCase {
    static let fixtures = CLIRunner.repositoryRoot.appendingPathComponent("Tests/Fixtures/invalid")

    func testEveryInvalidFixturePrintsItsExpectedDiagnostics() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).sorted()
        XCTAssertGreaterThanOrEqual(names.count, 25, "the invalid corpus lost fixtures")
        for name in names {
            try check(fixture: name)
        }
    }

    func check(fixture name: String) throws {
        let folder = Self.fixtures.appendingPathComponent(name)
        let site = try Hostile.site(for: name)
        let result = try site.run("check")
        let expectedURL = folder.appendingPathComponent("expected.txt")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try Data(result.stderr.utf8).write(to: expectedURL)
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        XCTAssertEqual(result.stderr, expected, "fixture \(name): diagnostics differ")
        XCTAssertEqual(result.status, try Hostile.expectsErrors(name) ? 1 : 0, "fixture \(name): exit status")
        XCTAssertTrue(result.stdout.isEmpty, "fixture \(name): check printed on standard output")
    }
}
