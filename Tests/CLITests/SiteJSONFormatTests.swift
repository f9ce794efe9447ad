import Foundation
import XCTest

/// `data/site.json`, its JSON Schema (`docs/site.schema.json`) and its French documentation (`docs/site-json.md`)
/// agree: every `site.json` built by the real executable from the example sites, the golden sites and a generated
/// one validates against the schema (python3-jsonschema, draft 2020-12), every key written is in the schema and
/// every key of the schema is written by one of them and named in the documentation
/// (`scripts/check-site-json.py`).
final class SiteJSONFormatTests: XCTestCase {
    static let schema = CLIRunner.repositoryRoot.appendingPathComponent("docs/site.schema.json")
    static let document = CLIRunner.repositoryRoot.appendingPathComponent("docs/site-json.md")

    /// Runs the checker over `files`: its output (one line per problem) and status.
    func check(_ files: [URL]) throws -> CLIRunner.Result {
        let script = CLIRunner.repositoryRoot.appendingPathComponent("scripts/check-site-json.py")
        return try CLIRunner.run(["python3", script.path, Self.schema.path, Self.document.path] + files.map(\.path),
                                 in: CLIRunner.repositoryRoot, program: URL(fileURLWithPath: "/usr/bin/env"))
    }

    /// Builds `content` and copies its `data/site.json` into `keep`, named after `name`.
    func build(_ content: URL, name: String, into keep: URL) throws -> URL {
        let (root, result) = try CLIRunner.buildSite(content, name: "site-json-\(name)")
        defer { try? FileManager.default.removeItem(at: root) }
        XCTAssertEqual(result.status, 0, result.stderr)
        let copy = keep.appendingPathComponent("\(name).json")
        try FileManager.default.copyItem(at: root.appendingPathComponent("data/site.json"), to: copy)
        return copy
    }

    func testEveryBuiltSiteJSONAgreesWithTheSchemaAndTheDocumentation() throws {
        let keep = FileManager.default.temporaryDirectory.appendingPathComponent("site-json-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: keep, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: keep) }
        let repository = CLIRunner.repositoryRoot
        var files = [try build(repository.appendingPathComponent("content"), name: "example", into: keep),
                     try build(repository.appendingPathComponent("examples/cpts-blaisois/content"), name: "blaisois", into: keep)]
        for name in ["minimal", "warnings"] {
            files.append(try build(repository.appendingPathComponent("Tests/Fixtures/sites/\(name)/content"), name: name, into: keep))
        }
        let generated = try GeneratedSite.make(cpts: 40, for: self)
        files.append(try build(generated.appendingPathComponent("content"), name: "generated", into: keep))
        let result = try check(files)
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
    }

    /// The control: a key the schema does not describe, and a key of the schema no file holds, are both reported.
    func testTheCheckerReportsAKeyMissingFromTheSchemaAndOneNeverWritten() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("site-json-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        let golden = CLIRunner.repositoryRoot.appendingPathComponent("Tests/Fixtures/golden/minimal/data/site.json")
        var json = try String(contentsOf: golden, encoding: .utf8)
        json = json.replacingOccurrences(of: "\"generator\": \"cpts-site\",", with: "\"generator\": \"cpts-site\",\n  \"unexpectedKey\": 1,")
        try Data(json.utf8).write(to: file)
        let result = try check([file])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("key written but not in the schema: unexpectedKey"), result.stdout)
        XCTAssertTrue(result.stdout.contains("Additional properties are not allowed ('unexpectedKey' was unexpected)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("key of the schema that no built file holds: "), result.stdout)
    }

    /// The file says what it is and which version of the format it follows, as its first two keys.
    func testTheGoldenSiteJSONStartsWithItsFormatAndVersion() throws {
        let golden = CLIRunner.repositoryRoot.appendingPathComponent("Tests/Fixtures/golden/minimal/data/site.json")
        let text = try String(contentsOf: golden, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("{\n  \"format\": \"cpts-site/site.json\",\n  \"version\": 2,\n"), String(text.prefix(80)))
    }
}
