@testable import CPTSSite
import CPTSTemplates
import Foundation
import XCTest

/// `docs/themes.md` is the theme contract: every key each template receives, with its type and meaning. The keys
/// the view models give, on the example sites and the golden fixture sites, must be exactly the documented ones.
final class ThemeContractTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The sites whose pages, together, give every key: the example sites, and the golden sites (with warnings).
    static let sites = ["content", "examples/cpts-blaisois/content", "Tests/Fixtures/sites/minimal/content",
                        "Tests/Fixtures/sites/warnings/content"]

    /// Each template's keys, as `site.title` (a member) and `cpts[].name` (a member of each item of a list), on
    /// every page of the site in `contentFolder`.
    static func providedKeys(contentFolder: String) async throws -> [String: Set<String>] {
        let site = try await SitePages.load(contentFolder: contentFolder)
        var keys: [String: Set<String>] = [:]
        for job in site.jobs {
            keys[job.template, default: []].formUnion(paths(of: job.viewModel(site.models).templateValue))
        }
        return keys
    }

    /// The paths to every value of a view model: `a`, `a.b` inside an object, `a[].b` inside each item of a list.
    static func paths(of value: TemplateValue, prefix: String = "") -> Set<String> {
        var found: Set<String> = []
        switch value {
        case .object(let members):
            for (key, member) in members {
                let path = prefix.isEmpty ? key : prefix + "." + key
                found.insert(path)
                found.formUnion(paths(of: member, prefix: path))
            }
        case .list(let items):
            for item in items { found.formUnion(paths(of: item, prefix: prefix + "[]")) }
        default:
            break
        }
        return found
    }

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

    func testTheDocumentedKeysAreThoseEachPageReceives() async throws {
        let documented = try Self.documentedKeys()
        var provided: [String: Set<String>] = [:]
        for site in Self.sites {
            let keys = try await Self.providedKeys(contentFolder: Self.repository.appendingPathComponent(site).path)
            provided.merge(keys) { $0.union($1) }
        }
        XCTAssertEqual(Set(documented.keys), Set(provided.keys), "docs/themes.md has a section for each page template")
        for template in provided.keys.sorted() {
            let given = provided[template] ?? [], written = documented[template] ?? []
            XCTAssertEqual(given.subtracting(written).sorted(), [],
                           "\(template).mustache receives keys docs/themes.md does not document")
            XCTAssertEqual(written.subtracting(given).sorted(), [],
                           "docs/themes.md documents keys \(template).mustache does not receive")
        }
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
