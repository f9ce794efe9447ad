import Foundation
import XCTest

/// Each folder of `Tests/Fixtures/invalid/` breaks the minimal site in one way: its `files/` are laid over
/// the site, the paths listed in `delete.txt` are removed, and `cpts-site check` must print exactly
/// `expected.txt` on standard error (in French), and `cpts-site check --lang en` must print `expected.en.txt`,
/// exiting 1 when it reports an error and 0 otherwise.
/// One test per fixture and language (`InvalidContentGoldenTests+Fixtures.swift`, written by
/// `scripts/invalid-fixture-tests.py`); `swift test --filter 'InvalidContentGoldenTests/test_date_invalid_'` runs one.
/// `UPDATE_GOLDEN=1 swift test` rewrites the expected files, to be reviewed before committing.
final class InvalidContentGoldenTests: XCTestCase {
    static let fixtures = CLIRunner.repositoryRoot.appendingPathComponent("Tests/Fixtures/invalid")
    static let generated = CLIRunner.repositoryRoot.appendingPathComponent("Tests/CLITests/InvalidContentGoldenTests+Fixtures.swift")

    /// XCTest on Linux knows only the methods compiled in: a folder without its methods would never be tested.
    func testEveryFixtureFolderHasItsTestMethods() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path).sorted()
        XCTAssertGreaterThanOrEqual(folders.count, 25, "the invalid corpus lost fixtures")
        let source = try String(contentsOf: Self.generated, encoding: .utf8)
        let methods = source.split(separator: "\n").compactMap { line -> String? in
            guard let match = line.firstMatch(of: /func (test_\w+)\(\)/) else { return nil }
            return String(match.1)
        }
        let expected = folders.flatMap { name in
            ["fr", "en"].map { "test_" + name.replacingOccurrences(of: "-", with: "_") + "_" + $0 }
        }
        let regenerate = "run `python3 scripts/invalid-fixture-tests.py` to write \(Self.generated.lastPathComponent) again"
        let untested = Set(expected).subtracting(methods).sorted(), stale = Set(methods).subtracting(expected).sorted()
        XCTAssertEqual(untested, [], "fixture folders without their test method: \(regenerate)")
        XCTAssertEqual(stale, [], "test methods without their fixture folder: \(regenerate)")
    }

    /// `language` is `fr` (`check`, `expected.txt`) or `en` (`check --lang en`, `expected.en.txt`).
    func check(fixture name: String, language: String) throws {
        let arguments = language == "fr" ? ["check"] : ["check", "--lang", language]
        let file = language == "fr" ? "expected.txt" : "expected.\(language).txt"
        let folder = Self.fixtures.appendingPathComponent(name)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.path), "no fixture folder \(name)")
        let site = try Hostile.site(for: name)
        let result = try CLIRunner.run(arguments, in: site.root)
        let expectedURL = folder.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try Data(result.stderr.utf8).write(to: expectedURL)
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        if let diff = GoldenDiff.of(expected: expected, actual: result.stderr, name: "\(name)/\(file)") {
            XCTFail("fixture \(name) (\(file)): diagnostics differ\n\(diff)")
        }
        XCTAssertEqual(result.status, try Hostile.expectsErrors(name) ? 1 : 0, "fixture \(name) (\(file)): exit status")
        // Standard output holds only the one line of a clean check (a fixture that the content accepts).
        if expected.isEmpty {
            XCTAssertTrue(result.stdout.hasPrefix(language == "fr" ? "Aucune erreur\u{202F}: " : "No problems: "), "fixture \(name): \(result.stdout)")
            XCTAssertEqual(result.stdout.split(separator: "\n").count, 1, "fixture \(name): \(result.stdout)")
        } else {
            XCTAssertTrue(result.stdout.isEmpty, "fixture \(name) (\(file)): check printed on standard output")
        }
    }
}
