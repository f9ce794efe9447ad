@testable import CPTSContent
@testable import CPTSSite
import CPTSDomain
import Foundation
import XCTest

/// The national map from real IGN department shapes, read at test time from
/// `../shared/data/departements-france.geojson` (never copied into the repository).
final class NationalMapTests: XCTestCase {
    static let reference = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/data/departements-france.geojson").standardizedFileURL

    static func departments() throws -> [GeoFeature] {
        let (features, diagnostics) = GeoJSONReader.read(try Data(contentsOf: reference), file: "departements-france.geojson")
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(features.count, 101)
        return features
    }

    static let regions = FrenchRegions.regions.map { code, name in
        MapRegion(code: code, name: name, href: code == "24" ? "regions/24/" : "", coverage: code == "24" ? 0.57 : nil)
    }

    /// Centre-Val de Loire is the union of its six departments: one ring, no inner border, and the area of the six
    /// (less a 6 km² gap where two simplified borders do not meet, dropped).
    func testARegionIsTheUnionOfItsDepartments() throws {
        let map = NationalMap(departments: try Self.departments())
        let rings = try XCTUnwrap(map.regionRings(["24"]) { _ in .lambert93 }["24"])
        XCTAssertEqual(rings.count, 1, "\(rings.map { (GridRing.doubleArea($0) / 2e6, $0.count) })")
        let parts = map.departments.filter { FrenchRegions.region(ofDepartment: $0.code) == "24" }
            .flatMap { ConicProjection.lambert93.gridPolygons(of: $0) }
        XCTAssertEqual(parts.count, 6)
        let union = rings.reduce(0) { $0 + GridRing.doubleArea($1) }
        let sum = parts.reduce(0) { $0 + $1.reduce(0) { $0 + GridRing.doubleArea($1) } }
        XCTAssertEqual(union / sum, 1, accuracy: 1e-3)
        // The six departments' own outlines have far more vertices than the region's: the inner borders are gone.
        XCTAssertLessThan(rings[0].count, parts.reduce(0) { $0 + $1[0].count } * 2 / 3)
    }

    /// A real hole stays: the Enclave des papes (Vaucluse, 84) inside Auvergne-Rhône-Alpes.
    func testARegionKeepsARealEnclaveAsAHole() throws {
        let map = NationalMap(departments: try Self.departments())
        let rings = try XCTUnwrap(map.regionRings(["84"]) { _ in .lambert93 }["84"])
        let holes = rings.map(GridRing.doubleArea).filter { $0 < 0 }.map { -$0 / 2e6 }
        XCTAssertEqual(holes.count, 1, "\(holes)")
        XCTAssertEqual(holes.first ?? 0, 125, accuracy: 25)
    }

    func testEveryRegionIsDrawnTheFiveOverseasOnesAsInsets() throws {
        let svg = try XCTUnwrap(NationalMap(departments: try Self.departments()).svg(regions: Self.regions))
        XCTAssertEqual(svg.components(separatedBy: "<path class=\"map-department\"").count - 1, 18)
        XCTAssertEqual(svg.components(separatedBy: "<rect ").count - 1, 5)
        for name in ["Guadeloupe", "Martinique", "Guyane", "La Réunion", "Mayotte", "Corse"] {
            XCTAssertTrue(svg.contains("<title>\(name)\u{202F}: sans donnée</title>"), name)
        }
        XCTAssertFalse(svg.contains("<text"), "no text inside the drawing: it would shrink on a phone")
    }

    func testAPublishedRegionIsShadedByItsCoverageAndLinkedToItsPage() throws {
        let svg = try XCTUnwrap(NationalMap(departments: try Self.departments()).svg(regions: Self.regions))
        XCTAssertTrue(svg.contains("<a href=\"regions/24/\"><title>Centre-Val de Loire\u{202F}: 57\u{A0}%</title><path class=\"map-department\" fill=\"\(MapRenderer.colours[2])\""), svg.prefix(2000).description)
        XCTAssertEqual(svg.components(separatedBy: "<a href=").count - 1, 1)
    }

    func testTheMapIsTheSameBytesEachTime() throws {
        let departments = try Self.departments()
        XCTAssertEqual(NationalMap(departments: departments).svg(regions: Self.regions),
                       NationalMap(departments: departments.reversed()).svg(regions: Self.regions))
    }

    func testNoShapesNoMap() {
        XCTAssertNil(NationalMap(departments: []).svg(regions: Self.regions))
    }

    func testTheLegendNamesTheInsetsInOrder() {
        XCTAssertTrue(NationalMap.legendHTML(regions: Self.regions).contains(
            "À gauche, de haut en bas, à d’autres échelles\u{202F}: Guadeloupe, Martinique, Guyane, La Réunion et Mayotte."))
    }
}
