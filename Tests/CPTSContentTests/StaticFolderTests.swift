@testable import CPTSContent
import CPTSDomain
import Foundation
import XCTest

/// `content/static/` and the Markdown images that point into it, as the loader reads them.
final class StaticFolderTests: XCTestCase {
    func copyOfTheMinimalSite() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("static-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: ContentLoaderTests.minimal, toPath: root.appendingPathComponent("content").path)
        addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        return root
    }

    func testStaticFilesAreListedRecursivelyByTheirPathInTheSite() async throws {
        let root = try copyOfTheMinimalSite()
        let folder = root.appendingPathComponent("content/static/img/logos")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("png".utf8).write(to: folder.appendingPathComponent("cher.png"))
        try Data("doc".utf8).write(to: root.appendingPathComponent("content/static/statuts.pdf"))
        try Data("hidden".utf8).write(to: root.appendingPathComponent("content/static/.DS_Store"))
        let loaded = await ContentLoader.load(from: root.appendingPathComponent("content").path, displayRoot: "content")
        XCTAssertEqual(loaded.diagnostics, [])
        let files = try XCTUnwrap(loaded.content).staticFiles
        XCTAssertEqual(files.map(\.path), ["img/logos/cher.png", "statuts.pdf"])
        XCTAssertEqual(files.map(\.location.file), ["content/static/img/logos/cher.png", "content/static/statuts.pdf"])
        XCTAssertEqual(files.map(\.size), [3, 3])
    }

    func testAStaticFileLinkedOutsideTheContentFolderIsRefused() async throws {
        let root = try copyOfTheMinimalSite()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/static"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("content/static/passwd.png").path,
                                                   withDestinationPath: "/etc/passwd")
        let loaded = await ContentLoader.load(from: root.appendingPathComponent("content").path, displayRoot: "content")
        XCTAssertEqual(loaded.diagnostics.map(\.code), ["link-outside-content"])
        XCTAssertEqual(loaded.diagnostics.first?.location.file, "content/static/passwd.png")
        XCTAssertEqual(loaded.content?.staticFiles.map(\.path), [])
    }

    func testAStaticFileOverTheSizeLimitIsAnErrorAtTheFile() async throws {
        let root = try copyOfTheMinimalSite()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/static"), withIntermediateDirectories: true)
        let big = root.appendingPathComponent("content/static/affiche.png")
        FileManager.default.createFile(atPath: big.path, contents: nil)
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: UInt64(ContentLoader.maximumStaticFileSize + 1))
        try handle.close()
        let loaded = await ContentLoader.load(from: root.appendingPathComponent("content").path, displayRoot: "content")
        XCTAssertEqual(loaded.diagnostics.map(\.code), ["static-file-too-large"])
        XCTAssertEqual(loaded.diagnostics.first?.location.file, "content/static/affiche.png")
        XCTAssertEqual(loaded.content?.staticFiles.map(\.path), [])
    }

    func testMarkdownImagesIntoTheSiteAreLocatedInTheirFileAndURLsAreNot() async throws {
        let root = try copyOfTheMinimalSite()
        let page = "---\ntitle: À propos\n---\nTexte.\n\n![Plan](img/plan%20A.png) ![Web](https://example.org/a.png)\n\n![Racine](/x.png) ![Point](./img/b.png)\n"
        try Data(page.utf8).write(to: root.appendingPathComponent("content/pages/a-propos.md"))
        let loaded = await ContentLoader.load(from: root.appendingPathComponent("content").path, displayRoot: "content")
        let images = try XCTUnwrap(loaded.content?.pages.first { $0.slug.value == "a-propos" }).images
        XCTAssertEqual(images.map(\.value), ["img/plan A.png", "img/b.png"])
        XCTAssertEqual(images.map(\.location.description), ["content/pages/a-propos.md:6:1", "content/pages/a-propos.md:8:19"])
    }
}
