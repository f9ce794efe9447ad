import Foundation
import XCTest

/// Each folder of `Tests/Fixtures/invalid/` breaks the minimal site in one way: its `files/` are laid over
/// the site, the paths listed in `delete.txt` are removed, and `cpts-site check` must print exactly
/// `expected.txt` on standard error (in French), and `cpts-site check --lang en` must print `expected.en.txt`,
/// exiting 1 when it reports an error and 0 otherwise.
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
        try check(fixture: name, arguments: ["check"], expected: "expected.txt")
        try check(fixture: name, arguments: ["check", "--lang", "en"], expected: "expected.en.txt")
    }

    func check(fixture name: String, arguments: [String], expected file: String) throws {
        let folder = Self.fixtures.appendingPathComponent(name)
        let site = try Hostile.site(for: name)
        let result = try CLIRunner.run(arguments, in: site.root)
        let expectedURL = folder.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try Data(result.stderr.utf8).write(to: expectedURL)
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        XCTAssertEqual(result.stderr, expected, "fixture \(name) (\(file)): diagnostics differ")
        XCTAssertEqual(result.status, try Hostile.expectsErrors(name) ? 1 : 0, "fixture \(name) (\(file)): exit status")
        XCTAssertTrue(result.stdout.isEmpty, "fixture \(name) (\(file)): check printed on standard output")
    }
}
