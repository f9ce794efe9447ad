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

    /// The feed keeps the newest events met so far rather than sorting them all: the same events, in the same order,
    /// as the first ones of a stable sort of every event, ties (one slug twice, one day) in content's order.
    func testTheNewestEventsAreTheFirstOfAStableSortOfAllEvents() async throws {
        let folder = Self.repository.appendingPathComponent("Tests/Fixtures/sites/minimal/content").path
        let loaded = await ContentLoader.load(from: folder)
        var content = try XCTUnwrap(loaded.content)
        let model = try XCTUnwrap(content.cpts.first)
        content.cpts = (0..<90).map { index in
            var cpts = model
            cpts.slug = Located("cpts-\(index % 40)", at: model.slug.location)
            let day = Day(iso: "2019-0\(1 + index % 40 % 7)-1\(index % 40 % 3)")!
            cpts.dates = [.letterOfIntent: Located(day, at: model.location), .diagnostic: Located(day, at: model.location),
                          .aciSigned: Located(Day(iso: "2020-0\(1 + index % 5)-01")!, at: model.location)]
            return cpts
        }
        let all = content.cpts
        let reference = all.indices.flatMap { index in
            all[index].dates.compactMap { stage, date -> (Day, Stage, Int)? in
                date.value <= content.settings.asOf ? (date.value, stage, index) : nil
            }
        }
        .sorted { ($0.0, all[$0.2].slug.value, $0.1) > ($1.0, all[$1.2].slug.value, $1.1) }
        .prefix(AtomFeed.maximumEntries)
        let newest = AtomFeed.newest(content)
        XCTAssertEqual(newest.count, AtomFeed.maximumEntries)
        XCTAssertEqual(newest.map { "\($0.day) \($0.stage) \($0.index)" }, reference.map { "\($0.0) \($0.1) \($0.2)" })
    }
}
