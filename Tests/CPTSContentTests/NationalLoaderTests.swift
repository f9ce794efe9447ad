@testable import CPTSContent
import CPTSDomain
import Foundation
import XCTest

/// A national content folder: `site.yaml` with `kind: national` and its regions' `data/site.json` copies.
final class NationalLoaderTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("national-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("regions"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(path))
    }

    func testAFolderWhoseSiteSaysKindNationalIsNational() throws {
        try write("site.yaml", "kind: national\ntitle: Observatoire\nregions:\n  \"24\": https://centre.example.org/\n")
        XCTAssertTrue(NationalLoader.isNational(root: root.path))
        try write("site.yaml", "title: Un site régional\nasOf: 2024-12-31\n")
        XCTAssertFalse(NationalLoader.isNational(root: root.path))
    }

    func testEachListedRegionIsReadWithItsAddress() throws {
        try write("site.yaml", "kind: national\ntitle: Observatoire\nregions:\n  \"24\": https://centre.example.org/\n")
        try write("regions/24.json", RegionalSiteReaderTests.document())
        let (content, diagnostics, sources) = NationalLoader.load(from: root.path, displayRoot: "content")
        XCTAssertEqual(diagnostics.map { $0.text(in: .fr) }, [])
        XCTAssertEqual(content?.title, "Observatoire")
        XCTAssertEqual(content?.regions.map(\.url), ["https://centre.example.org/"])
        XCTAssertEqual(content?.regions.first?.file, "content/regions/24.json")
        XCTAssertNotNil(sources["content/regions/24.json"])
    }

    func testAListedRegionWithoutItsFileIsAnErrorAtItsLine() throws {
        try write("site.yaml", "kind: national\ntitle: Observatoire\nregions:\n  \"52\": https://loire.example.org/\n")
        let (content, diagnostics, _) = NationalLoader.load(from: root.path, displayRoot: "content")
        XCTAssertNil(content)
        XCTAssertEqual(diagnostics.map(\.message), [.national(.regionFileMissing(code: "52", path: "content/regions/52.json"))])
        XCTAssertEqual(diagnostics.first?.location, SourceLocation(file: "content/site.yaml", line: 4, column: 3))
    }

    func testAFileFiledUnderAnotherRegionsCodeIsAnError() throws {
        try write("site.yaml", "kind: national\ntitle: Observatoire\nregions:\n  \"52\": https://loire.example.org/\n")
        try write("regions/52.json", RegionalSiteReaderTests.document())
        let (_, diagnostics, _) = NationalLoader.load(from: root.path, displayRoot: "content")
        XCTAssertEqual(diagnostics.map(\.message), [.national(.regionCodeMismatch(found: "24", listed: "52"))])
        XCTAssertEqual(diagnostics.first?.location.file, "content/regions/52.json")
    }

    /// A 100 MB file (sparse: made at run time in no time) is refused from its size, before any byte is read.
    func testAHundredMegabyteRegionalFileIsRefusedBeforeItIsRead() throws {
        try write("site.yaml", "kind: national\ntitle: Observatoire\nregions:\n  \"24\": https://centre.example.org/\n")
        let path = root.appendingPathComponent("regions/24.json").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 100 * 1024 * 1024)
        try handle.close()
        let (content, diagnostics, _) = NationalLoader.load(from: root.path, displayRoot: "content")
        XCTAssertNil(content)
        // Only the size's diagnostic: 100 MB of NUL bytes parsed as JSON would have given a syntax error too.
        XCTAssertEqual(diagnostics.map(\.message), [.fileTooLarge(size: 100 * 1024 * 1024, limit: NationalLoader.maximumRegionalFileSize)])
        XCTAssertTrue(diagnostics[0].text(in: .fr).contains("trop gros"), diagnostics[0].text(in: .fr))
    }

    func testAnEmptyRegionListIsAnError() throws {
        try write("site.yaml", "kind: national\ntitle: Observatoire\nregions: {}\n")
        let (content, diagnostics, _) = NationalLoader.load(from: root.path)
        XCTAssertNil(content)
        XCTAssertEqual(diagnostics.map(\.message), [.national(.regionsEmpty)])
    }

    /// A region code is a file name: one that is a path is refused, and nothing outside `regions/` is read.
    func testARegionCodeThatIsAPathIsRefusedAndNothingOutsideRegionsIsRead() throws {
        try write("site.yaml", "kind: national\ntitle: Observatoire\nregions:\n  \"../secret\": https://x.example.org/\n")
        try write("secret.json", RegionalSiteReaderTests.document())
        let (content, diagnostics, sources) = NationalLoader.load(from: root.path, displayRoot: "content")
        XCTAssertNil(content)
        XCTAssertEqual(diagnostics.map(\.message), [.national(.regionUnknown(code: "../secret"))])
        XCTAssertEqual(Array(sources.keys), ["content/site.yaml"])
    }
}
