@testable import CPTSContent
import CPTSDomain
@testable import CPTSSite
import Foundation
import XCTest

/// The model digest leaves out a CPTS's body, from where the reader found it starts.
final class ModelDigestTests: XCTestCase {
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/sites/minimal/content").path
    static let file = "content/cpts/sud-lochois.md"

    func edited(_ edit: (String) -> String) async throws -> (content: SiteContent, sources: [String: String]) {
        let loaded = await ContentLoader.load(from: Self.content, displayRoot: "content")
        var content = try XCTUnwrap(loaded.content)
        var sources = loaded.sources
        let text = try XCTUnwrap(sources[Self.file])
        let (cpts, _) = CPTSReader.read(edit(text), path: Self.file, slug: "sud-lochois")
        let index = try XCTUnwrap(content.cpts.firstIndex { $0.file == Self.file })
        content.cpts[index] = try XCTUnwrap(cpts)
        sources[Self.file] = edit(text)
        return (content, sources)
    }

    func digest(editing edit: (String) -> String) async throws -> Int {
        let (content, sources) = try await edited(edit)
        var digest = ModelDigest()
        return digest.update(content, sources: sources)
    }

    func testEditingABodyKeepsTheDigestAndEditingTheFrontMatterChangesIt() async throws {
        let unchanged = try await digest { $0 }
        let body = try await digest { $0.replacingOccurrences(of: "# Projet de santé", with: "# Projet de santé révisé") }
        let frontMatter = try await digest { $0.replacingOccurrences(of: "population: 45000", with: "population: 45001") }
        XCTAssertEqual(body, unchanged)
        XCTAssertNotEqual(frontMatter, unchanged)
    }

    func testAKeptDigestUpdatedAfterAnEditEqualsTheDigestMadeAfresh() async throws {
        let (content, sources) = try await edited { $0 }
        let (editedContent, editedSources) = try await edited { $0.replacingOccurrences(of: "population: 45000", with: "population: 45001") }
        var kept = ModelDigest()
        _ = kept.update(content, sources: sources)
        var fresh = ModelDigest()
        XCTAssertEqual(kept.update(editedContent, sources: editedSources), fresh.update(editedContent, sources: editedSources))
        XCTAssertEqual(kept.hashes, fresh.hashes)
    }
}
