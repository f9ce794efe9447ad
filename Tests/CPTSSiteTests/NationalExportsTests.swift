@testable import CPTSSite
import CPTSDomain
import Foundation
import XCTest

/// A national site's data files: sums across regions as each published them, each region's date kept.
final class NationalExportsTests: XCTestCase {
    static func at(_ line: Int) -> SourceLocation { SourceLocation(file: "content/regions/x.json", line: line, column: 1) }

    static func cpts(_ slug: String, _ stage: Stage?, population: Int, paid: Int?) -> RegionalCPTS {
        RegionalCPTS(slug: Located(slug, at: at(1)), name: "CPTS \(slug)", department: Located("41", at: at(1)), stage: stage,
                     population: population, communes: [Located("41018", at: at(1))], signature: nil, paid: paid, location: at(1))
    }

    static func region(_ code: String, asOf: Day, population: Int, cpts: [RegionalCPTS]) -> RegionalSite {
        RegionalSite(file: "content/regions/\(code).json", url: "https://\(code).example.org", asOf: Located(asOf, at: at(1)),
                     code: Located(code, at: at(1)), name: "Région \(code)", population: population, populationVintage: "",
                     departments: [], cpts: cpts, location: at(1))
    }

    static let content = NationalContent(title: "Observatoire", regions: [
        {
            var centre = region("24", asOf: Day(year: 2024, month: 12, day: 31)!, population: 1000,
                                cpts: [cpts("sud", .aciSigned, population: 300, paid: 100), cpts("nord", .diagnostic, population: 200, paid: nil)])
            centre.funding = [RegionalFundingYear(year: 2024, total: 50000, maximum: 80000, earned: 0, projected: false)]
            return centre
        }(),
        region("52", asOf: Day(year: 2025, month: 6, day: 30)!, population: 3000,
               cpts: [cpts("sud", .healthProject, population: 600, paid: nil)]),
    ])

    func json() throws -> [String: Any] {
        let bytes = try XCTUnwrap(NationalExports.files(Self.content).first { $0.path == "data/site.json" }).bytes
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }

    func testTotalsSumTheRegionsAsPublished() throws {
        let totals = try XCTUnwrap(try json()["totals"] as? [String: Any])
        XCTAssertEqual(totals["regions"] as? Int, 2)
        XCTAssertEqual(totals["cpts"] as? Int, 3)
        XCTAssertEqual(totals["constituted"] as? Int, 2)
        XCTAssertEqual(totals["signed"] as? Int, 1)
        XCTAssertEqual(totals["population"] as? Int, 4000)
        XCTAssertEqual(totals["populationCovered"] as? Int, 900)
        XCTAssertEqual(totals["coverage"] as? Double, 0.225)
        XCTAssertEqual(totals["paid"] as? Int, 100)
        XCTAssertEqual((totals["byStage"] as? [String: Int])?["diagnostic"], 1)
    }

    func testEachRegionKeepsItsDateAndEachCPTSLinksToItsOwnRegionalPage() throws {
        let regions = try XCTUnwrap(try json()["regions"] as? [[String: Any]])
        XCTAssertEqual(regions.map { $0["asOf"] as? String }, ["2024-12-31", "2025-06-30"])
        XCTAssertEqual((regions[0]["funding"] as? [[String: Any]])?.first?["total"] as? Int, 50000)
        let urls = regions.flatMap { ($0["cpts"] as? [[String: Any]] ?? []).map { $0["url"] as? String } }
        XCTAssertEqual(urls, ["https://24.example.org/cpts/sud/", "https://24.example.org/cpts/nord/", "https://52.example.org/cpts/sud/"])
    }

    func testTheRegionsCSVHasALinePerRegionAndATotalListingTheDates() throws {
        let bytes = try XCTUnwrap(NationalExports.files(Self.content).first { $0.path == "data/regions.csv" }).bytes
        let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        XCTAssertEqual(lines.count, 5)
        XCTAssertEqual(lines[1], "24;Région 24;31/12/2024;2;1;1;1000;300;0,3;100;https://24.example.org")
        XCTAssertEqual(lines[3], ";Total;\"31/12/2024\u{202F}; 30/06/2025\";3;2;1;4000;900;0,225;100;")
    }

    /// Every key the national `site.json` writes is named in `docs/site-json.md`.
    func testEveryKeyWrittenIsDocumented() throws {
        let doc = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../docs/site-json.md"), encoding: .utf8)
        var keys: Set<String> = []
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                for (key, child) in object { keys.insert(key); collect(child) }
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect(try json())
        XCTAssertEqual(keys.filter { !doc.contains("`\($0)`") }.sorted(), [])
    }
}
