@testable import CPTSContent
import CPTSDomain
import Foundation
import XCTest

/// `TextSpill`: a one-off build's rendered texts, kept in an unnamed file from the load to their pages.
final class TextSpillTests: XCTestCase {
    private func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("spill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    func testATextKeptIsReadBackByteForByte() throws {
        let spill = try XCTUnwrap(TextSpill(in: try folder().path))
        let texts = ["<p>Projet de santé\u{202F}: l’accès aux soins</p>\n", String(repeating: "<td>é</td>", count: 5_000)]
        let slots = try texts.map { try XCTUnwrap(spill.keep($0)) }
        XCTAssertEqual(slots.map { spill.text(at: $0) }, texts)
        XCTAssertEqual(slots.map(\.offset), [0, texts[0].utf8.count])
        XCTAssertNil(spill.readFailure)
    }

    /// Up to 15 bytes a `String` allocates nothing: such a text stays in memory.
    func testAShortTextIsNotKept() throws {
        let spill = try XCTUnwrap(TextSpill(in: try folder().path))
        XCTAssertNil(spill.keep("<p>Court</p>"))
        XCTAssertNil(spill.keep(""))
    }

    /// The file has no name: nothing is left in the folder, whatever ends the build.
    func testTheSpillLeavesNoFileInItsFolder() throws {
        let folder = try folder()
        let spill = try XCTUnwrap(TextSpill(in: folder.path))
        XCTAssertNotNil(spill.keep(String(repeating: "x", count: 100)))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }

    func testNoSpillIsMadeInAMissingFolder() throws {
        XCTAssertNil(TextSpill(in: try folder().appendingPathComponent("absent").path))
    }

    /// A rendered text moved to the spill reads, compares and hashes as the one kept in memory.
    func testAStoredTextIsTheTextItWas() throws {
        let spill = try XCTUnwrap(TextSpill(in: try folder().path))
        let text = RenderedText(html: "<h2 id=\"acces\">Accès aux soins</h2>\n<p>Texte.</p>\n",
                                headings: [.init(level: 2, text: "Accès aux soins", id: "acces")])
        let stored = text.stored(in: spill)
        XCTAssertTrue(stored.isStored)
        XCTAssertFalse(text.isStored)
        XCTAssertEqual(stored.html, text.html)
        XCTAssertEqual(stored, text)
        XCTAssertEqual(stored.hashValue, text.hashValue)
    }

    /// A load that spills its texts gives the pages the HTML a load that keeps them in memory gives.
    func testALoadSpillingItsTextsRendersTheSameHTML() async throws {
        let placements = BodyPlacements(cpts: { _ in .init(imageRoot: "../../", sectionHeading: "Projet de santé") },
                                        report: { _, _ in .init(imageRoot: "../../../", sectionHeading: "Bilan de l’année") },
                                        page: { _ in .init(imageRoot: "../") })
        let spill = try XCTUnwrap(TextSpill(in: try folder().path))
        let kept = await ContentLoader.load(from: ContentLoaderTests.minimal, displayRoot: "content", rendering: placements)
        let spilled = await ContentLoader.load(from: ContentLoaderTests.minimal, displayRoot: "content", reusing: nil,
                                               rendering: placements, spillingTo: spill).content
        let keptTexts = try XCTUnwrap(kept.content?.cpts.map(\.rendered))
        let spilledTexts = try XCTUnwrap(spilled.content?.cpts.map(\.rendered))
        XCTAssertFalse(keptTexts.isEmpty)
        XCTAssertEqual(spilledTexts.map { $0?.isStored == true }, keptTexts.map { ($0?.html.utf8.count ?? 0) >= 16 })
        XCTAssertEqual(spilledTexts.map { $0?.html }, keptTexts.map { $0?.html })
        XCTAssertEqual(spilled.diagnostics, kept.diagnostics)
    }
}
