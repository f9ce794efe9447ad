@testable import CPTSSite
import Foundation
import XCTest

/// `serve` renders again only the pages whose inputs changed. Each field of the content is changed, one at a time,
/// in a copy of the minimal site: the site served after the save must be, byte for byte, the site a fresh build
/// makes of the edited content (no page left stale), and every page whose bytes changed must be among those
/// rendered again.
final class ServeInvalidationTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// One edit: in `file`, `old` replaced with `new`.
    struct Edit {
        let field: String
        let file: String
        let old: String
        let new: String
    }

    static let edits: [Edit] = [
        Edit(field: "a CPTS's name", file: "cpts/vierzon.md", old: "name: CPTS de Vierzon", new: "name: CPTS du Grand Vierzon"),
        Edit(field: "a CPTS's stage", file: "cpts/vierzon.md", old: "stage: health-project\ndates:\n  letter-of-intent: 2019-01-10\n  diagnostic: 2019-09-01\n  health-project: 2020-02-01",
             new: "stage: diagnostic\ndates:\n  letter-of-intent: 2019-01-10\n  diagnostic: 2019-09-01"),
        Edit(field: "a CPTS's population", file: "cpts/sud-lochois.md", old: "population: 45000", new: "population: 52000"),
        Edit(field: "a mission date", file: "cpts/sud-lochois.md", old: "    start: 2020-09-01\n  - id: prevention",
             new: "    start: 2020-10-01\n  - id: prevention"),
        Edit(field: "a projet de santé's text", file: "cpts/vierzon.md", old: "Un territoire rural.", new: "Un territoire rural et boisé."),
        Edit(field: "an indicator value", file: "indicators/sud-lochois.yaml", old: "value: 120", new: "value: 140"),
        Edit(field: "a report figure", file: "reports/sud-lochois/1.md", old: "participants: 14", new: "participants: 17"),
        Edit(field: "a page text", file: "pages/methodologie.md", old: "**illustratives**", new: "**fictives**"),
        Edit(field: "region.yaml figures", file: "region.yaml", old: "population: 400000", new: "population: 420000"),
        Edit(field: "site.yaml title", file: "site.yaml", old: "title: Observatoire de test", new: "title: Observatoire d’essai"),
    ]

    static func pages(_ outcome: BuildOutcome) -> [String: [UInt8]] {
        Dictionary(outcome.files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
    }

    func testEachFieldOfTheContentRendersAgainEveryPageThatShowsIt() async throws {
        let themes = Self.repository.appendingPathComponent("themes").path
        for edit in Self.edits {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("serve-edit-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Tests/Fixtures/sites/minimal/content"), to: folder)
            let options = BuildOptions(contentDirectory: folder.path, themesDirectory: themes, mode: .memory)
            let session = SiteSession(options: options)
            let before = await session.build()
            XCTAssertTrue(before.report.succeeded, edit.field)

            let file = folder.appendingPathComponent(edit.file)
            let text = try String(contentsOf: file, encoding: .utf8)
            XCTAssertTrue(text.contains(edit.old), "\(edit.field): \(edit.file) has no « \(edit.old) »")
            try text.replacingOccurrences(of: edit.old, with: edit.new).write(to: file, atomically: true, encoding: .utf8)
            let after = await session.build()
            let fresh = await SiteSession(options: options).build()
            XCTAssertTrue(after.report.succeeded && fresh.report.succeeded, "\(edit.field): \(after.report.diagnostics.map(\.message))")

            let served = Self.pages(after), expected = Self.pages(fresh), previous = Self.pages(before)
            let stale = expected.keys.filter { served[$0] != expected[$0] }.sorted()
            XCTAssertEqual(stale, [], "\(edit.field): pages served stale after the save")
            let routes = Set(fresh.rerendered)
            let changed = Set(routes.filter { previous[$0] != expected[$0] })
            XCTAssertFalse(changed.isEmpty, "\(edit.field): the edit changes no page")
            XCTAssertEqual(changed.subtracting(after.rerendered).sorted(), [], "\(edit.field): pages changed but not rendered again")
            // Pages rendered again whose bytes did not change: work done for nothing, not a fault.
            let extra = Set(after.rerendered).subtracting(changed).sorted()
            if !extra.isEmpty { print("\(edit.field): also rendered again, unchanged: \(extra.joined(separator: ", "))") }
        }
    }
}
