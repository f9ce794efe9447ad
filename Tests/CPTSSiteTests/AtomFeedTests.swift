import CPTSContent
import CPTSDomain
@testable import CPTSSite
import Foundation
import XCTest

final class AtomFeedTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Events of one day come by CPTS slug, then by stage, both from the last: the order the feed had when each
    /// event carried a copy of its CPTS.
    func testEventsOfOneDayAreOrderedBySlugThenStageFromTheLast() async throws {
        let folder = Self.repository.appendingPathComponent("Tests/Fixtures/sites/minimal/content").path
        let loaded = await ContentLoader.load(from: folder)
        var content = try XCTUnwrap(loaded.content)
        let day = try XCTUnwrap(Day(iso: "2020-01-01"))
        for index in content.cpts.indices {
            content.cpts[index].dates = content.cpts[index].dates.mapValues { Located(day, at: $0.location) }
        }
        let xml = String(decoding: AtomFeed.file(content: content, url: SiteURL(baseURL: "https://example.org/")).bytes, as: UTF8.self)
        let ids = xml.components(separatedBy: "<id>").dropFirst(2).map { $0.components(separatedBy: "</id>")[0] }
        XCTAssertEqual(ids, [
            "https://example.org/cpts/vierzon/#health-project", "https://example.org/cpts/vierzon/#diagnostic",
            "https://example.org/cpts/vierzon/#letter-of-intent", "https://example.org/cpts/sud-lochois/#aci-signed",
            "https://example.org/cpts/sud-lochois/#health-project", "https://example.org/cpts/sud-lochois/#letter-of-intent",
            "https://example.org/cpts/bourges/#letter-of-intent",
        ])
    }
}
