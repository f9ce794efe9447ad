@testable import CPTSSite
import Foundation
import XCTest

final class ExportTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// OWASP's rule against CSV injection: a cell a spreadsheet would run as a formula starts with `'`.
    func testACSVCellThatAFormulaWouldStartWithIsDefusedButNumbersAreKept() {
        let formulas = ["=HYPERLINK(\"http://x\";\"y\")", "@SUM(A1:A9)", "+1+1", "-2+3", "\tx", "\r=1", "=", "-", "+", "-1,", "--1", "-1e"]
        for cell in formulas {
            XCTAssertEqual(SpreadsheetCSV.defused(cell), "'" + cell, cell.debugDescription)
        }
        for cell in ["-12", "-3,5", "-3.5", "+4", "12", "1e6", "-1E-6", "CPTS de Blois", "", "'déjà", "a=b"] {
            XCTAssertEqual(SpreadsheetCSV.defused(cell), cell, cell.debugDescription)
        }
    }

    func testABufferWithASinkHandsOnItsBytesInMegabytePartsAndKeepsNoneOfThem() {
        var parts: [[UInt8]] = []
        var buffer = ExportBuffer { parts.append($0); return true }
        let line = Array("une ligne de l’export\n".utf8)
        for _ in 0..<100_000 { buffer.append(contentsOf: line) }
        XCTAssertLessThan(buffer.bytes.count, ExportBuffer.flushSize)
        XCTAssertTrue(buffer.finish())
        XCTAssertEqual(buffer.bytes, [])
        XCTAssertGreaterThan(parts.count, 1)
        XCTAssertEqual(parts.dropLast().map(\.count).max(), parts.dropLast().map(\.count).min())
        XCTAssertEqual(Array(parts.joined()), Array(repeating: line, count: 100_000).flatMap { $0 })
    }

    func testAFailingSinkIsReportedByFinishAndNotCalledAgain() {
        var calls = 0
        var buffer = ExportBuffer { _ in calls += 1; return false }
        for _ in 0..<3 { buffer.append(String(repeating: "x", count: ExportBuffer.flushSize)) }
        XCTAssertFalse(buffer.finish())
        XCTAssertEqual(calls, 1)
    }

    func testALazyArrayIsWrittenLikeTheSameArrayMadeWhole() {
        let items: [JSONValue] = [.object([("a", .integer(1))]), .string("b"), .array([])]
        let lazy = JSONValue.object([("items", .lazyArray(count: items.count) { items[$0] }), ("none", .lazyArray(count: 0) { _ in .null })])
        let whole = JSONValue.object([("items", .array(items)), ("none", .array([]))])
        XCTAssertEqual(lazy.document, whole.document)
    }

    /// `build` streams the data files to disk as they are made; `serve` makes them in memory: the same bytes.
    func testBuildStreamsTheSameDataFilesServeKeepsInMemory() async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("exports-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let content = Self.repository.appendingPathComponent("Tests/Fixtures/sites/minimal/content").path
        let themes = Self.repository.appendingPathComponent("themes").path
        let built = await SiteBuilder.build(BuildOptions(contentDirectory: content, outputDirectory: output.path,
                                                         themesDirectory: themes, mode: .build))
        XCTAssertTrue(built.succeeded)
        let served = await SiteSession(options: BuildOptions(contentDirectory: content, themesDirectory: themes, mode: .memory)).build()
        let exports = ["data/site.json", "data/search.json", "data/cpts.csv", "data/indicators.csv", "sitemap.xml",
                       "robots.txt", "feed.xml"]
        for path in exports {
            let inMemory = try XCTUnwrap(served.files.first { $0.path == path }, path).bytes
            XCTAssertGreaterThan(inMemory.count, 0, path)
            XCTAssertEqual([UInt8](try Data(contentsOf: output.appendingPathComponent(path))), inMemory, path)
        }
    }
}
