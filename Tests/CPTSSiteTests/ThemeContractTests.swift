@testable import CPTSSite
import CPTSTemplates
import Foundation
import XCTest

/// `docs/themes.md` is the theme contract: every key each template receives, with its type and meaning. The keys
/// of each page type's schema (`Routes.schemas()`) must be exactly the documented ones, with their types
/// (`TemplateModelTests` checks that the pages of `sites` have their schema's shape).
final class ThemeContractTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The sites whose pages, together, give every page type: the example sites, and the golden sites (with warnings).
    static let sites = ["content", "examples/cpts-blaisois/content", "Tests/Fixtures/sites/minimal/content",
                        "Tests/Fixtures/sites/warnings/content"]

    /// The paths a schema declares: `a`, `a.b` inside an object, `a[].b` inside each item of a list.
    static func paths(of schema: TemplateSchema) -> Set<String> { Set(shapes(of: schema).keys) }

    /// Each template's keys in `docs/themes.md`: the first cell of each table row of its section
    /// (`## \`cpts.mustache\``), with those of the common section when it says `Clés communes : oui.`
    static func documentedKeys() throws -> [String: Set<String>] {
        let text = try String(contentsOf: repository.appendingPathComponent("docs/themes.md"), encoding: .utf8)
        var common: Set<String> = [], own: [String: Set<String>] = [:], withCommon: Set<String> = []
        var section: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") {
                if line.contains("Clés communes") {
                    section = ""
                } else if let match = line.wholeMatch(of: /## `([a-z0-9-]+)\.mustache`/) {
                    section = String(match.1)
                    own[String(match.1), default: []] = []
                } else {
                    section = nil
                }
            } else if let section, let match = line.firstMatch(of: /^\| `([^`]+)` \|/) {
                if section.isEmpty { common.insert(String(match.1)) } else { own[section, default: []].insert(String(match.1)) }
            } else if let section, !section.isEmpty, line.hasPrefix("Clés communes"), line.hasSuffix("oui.") {
                withCommon.insert(section)
            }
        }
        return own.reduce(into: [:]) { keys, entry in
            keys[entry.key] = withCommon.contains(entry.key) ? entry.value.union(common) : entry.value
        }
    }

    func testTheDocumentedKeysAreThoseOfEachPageSchema() throws {
        let documented = try Self.documentedKeys()
        let declared = Routes.schemas().mapValues { Self.paths(of: $0) }
        XCTAssertEqual(Set(documented.keys), Set(declared.keys), "docs/themes.md has a section for each page template")
        for template in declared.keys.sorted() {
            let given = declared[template] ?? [], written = documented[template] ?? []
            XCTAssertEqual(given.subtracting(written).sorted(), [],
                           "\(template).mustache receives keys docs/themes.md does not document")
            XCTAssertEqual(written.subtracting(given).sorted(), [],
                           "docs/themes.md documents keys \(template).mustache does not receive")
        }
    }

    /// Each path of a schema (`a`, `a.b` inside an object, `a[].b` inside each item of a list) with its shape.
    static func shapes(of schema: TemplateSchema, prefix: String = "") -> [String: TemplateSchema] {
        switch schema {
        case .object(let members):
            members.reduce(into: [:]) { found, member in
                let path = prefix.isEmpty ? member.key : prefix + "." + member.key
                found[path] = member.value
                found.merge(shapes(of: member.value, prefix: path)) { first, _ in first }
            }
        case .list(let element): shapes(of: element, prefix: prefix + "[]")
        case .optional(let wrapped): shapes(of: wrapped, prefix: prefix)
        case .scalar, .flag: [:]
        }
    }

    /// The type column of `docs/themes.md` says what the schema says: « ou `false` » for a value that may be
    /// absent, « booléen », « liste », « objet », else « texte » or « HTML ».
    func testTheDocumentedTypesAreThoseOfEachPageSchema() throws {
        let text = try String(contentsOf: Self.repository.appendingPathComponent("docs/themes.md"), encoding: .utf8)
        // Each section's rows, the common section's under "".
        var types: [String: [String: String]] = [:]
        var section: String?
        for line in text.split(separator: "\n") {
            if line.hasPrefix("## ") {
                section = line.contains("Clés communes") ? "" : line.wholeMatch(of: /## `([a-z0-9-]+)\.mustache`/).map { String($0.1) }
            } else if let section, let match = line.firstMatch(of: /^\| `([^`]+)` \| ([^|]+) \|/) {
                types[section, default: [:]][String(match.1)] = String(match.2)
            }
        }
        var mismatches: [String] = []
        for (template, schema) in Routes.schemas().sorted(by: { $0.key < $1.key }) {
            for (path, shape) in Self.shapes(of: schema).sorted(by: { $0.key < $1.key }) {
                guard let type = types[template]?[path] ?? types[""]?[path] else { continue }
                var core = shape, optional = false
                if case .optional(let wrapped) = shape { core = wrapped; optional = true }
                let word = switch core {
                case .flag: "booléen"
                case .list: "liste"
                case .object: "objet"
                case .scalar: type.hasPrefix("HTML") ? "HTML" : "texte"
                case .optional: "?"
                }
                if !type.hasPrefix(word) || type.contains("ou `false`") != optional {
                    mismatches.append("\(template): \(path) is documented as « \(type) », its schema says \(word)\(optional ? " ou `false`" : "")")
                }
            }
        }
        XCTAssertEqual(mismatches, [])
    }

    func testEveryTemplateOfTheDefaultThemeIsNamedInTheDocument() throws {
        let text = try String(contentsOf: Self.repository.appendingPathComponent("docs/themes.md"), encoding: .utf8)
        let templates = try FileManager.default.contentsOfDirectory(
            atPath: Self.repository.appendingPathComponent("themes/default/templates").path).filter { $0.hasSuffix(".mustache") }
        XCTAssertGreaterThan(templates.count, 10)
        for template in templates.sorted() {
            XCTAssertTrue(text.contains("`\(template)`"), "\(template) is not in docs/themes.md")
        }
    }
}
