@testable import CPTSDomain
import Foundation
import XCTest

/// The built-in table of regions and departments agrees with the IGN/INSEE reference read at test time from
/// `../shared/data/departements-france.geojson` (never copied into the repository).
final class FrenchRegionsTests: XCTestCase {
    static let reference = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/data/departements-france.geojson").standardizedFileURL

    func testThereAre18RegionsAnd101Departments() {
        XCTAssertEqual(FrenchRegions.regions.count, 18)
        XCTAssertEqual(FrenchRegions.departments.count, 101)
        XCTAssertEqual(Set(FrenchRegions.departments.map(\.region)), Set(FrenchRegions.regions.map(\.code)))
    }

    func testEveryDepartmentIsInTheRegionTheIGNReferenceGivesIt() throws {
        let data = try Data(contentsOf: Self.reference)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let features = try XCTUnwrap(json["features"] as? [[String: Any]])
        var reference: [String: (name: String, region: String)] = [:]
        for feature in features {
            let properties = try XCTUnwrap(feature["properties"] as? [String: Any])
            reference[try XCTUnwrap(properties["code"] as? String)] = (try XCTUnwrap(properties["nom"] as? String),
                                                                       try XCTUnwrap(properties["reg"] as? String))
        }
        XCTAssertEqual(reference.count, 101)
        for department in FrenchRegions.departments {
            XCTAssertEqual(reference[department.code]?.region, department.region, department.code)
            XCTAssertEqual(reference[department.code]?.name, department.name, department.code)
            XCTAssertEqual(FrenchRegions.region(ofDepartment: department.code), department.region)
        }
    }

    func testCentreValDeLoireHoldsItsSixDepartments() {
        XCTAssertEqual(FrenchRegions.departments.filter { $0.region == "24" }.map(\.code), ["18", "28", "36", "37", "41", "45"])
        XCTAssertEqual(FrenchRegions.name(ofRegion: "24"), "Centre-Val de Loire")
        XCTAssertNil(FrenchRegions.region(ofDepartment: "20"))
    }
}
