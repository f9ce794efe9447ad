import CPTSContent
import CPTSDomain
import Foundation
import XCTest

final class GeoLoaderTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("geo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func write(_ text: String, to name: String) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    /// The hand-made shapes of `Tests/Fixtures/geo/` (see its `make-shapes.py`): two departments, six communes.
    static let handMadeShapes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/geo")

    func testReadsTheDepartmentsAndCommunesOfAGeoFolder() throws {
        let loaded = GeoLoader.load(folder: Self.handMadeShapes.path, displayFolder: "content/geo")

        XCTAssertEqual(loaded.diagnostics, [])
        XCTAssertEqual(loaded.departments.map(\.code), ["18", "37"])
        XCTAssertEqual(loaded.departments.map(\.name), ["Cher", "Indre-et-Loire"])
        XCTAssertEqual(loaded.departments.map(\.department), [nil, nil])
        XCTAssertEqual(loaded.communes.map(\.code), ["18001", "18002", "37001", "37002", "37003", "37004"])
        XCTAssertEqual(loaded.communes.map(\.department), ["18", "18", "37", "37", "37", "37"])
        let southWest = try XCTUnwrap(loaded.communes.first { $0.code == "37001" })
        XCTAssertEqual(southWest.name, "Val-du-Sud-Ouest")
        XCTAssertEqual(loaded.communes.map(\.polygons.count), [1, 1, 1, 1, 1, 1], "a MultiPolygon of one polygon is one polygon")
        for feature in loaded.departments + loaded.communes {
            XCTAssertFalse(feature.polygons.isEmpty, feature.code)
            for ring in feature.polygons.joined() {
                XCTAssertGreaterThanOrEqual(ring.count, 4)
                XCTAssertEqual(ring.first, ring.last)
            }
        }
        // Its ring starts at its south-west corner, 0° E, 47° N, and goes east.
        XCTAssertEqual(southWest.polygons.first?.first?.first, GeoPoint(longitude: 0, latitude: 47))
        XCTAssertEqual(southWest.polygons.first?.first?.dropFirst().first, GeoPoint(longitude: 0.01, latitude: 47.0005))
    }

    func testAFolderWithoutShapesGivesNoFeatureAndNoDiagnostic() {
        let loaded = GeoLoader.load(folder: folder.path, displayFolder: "content/geo")
        XCTAssertEqual(loaded.departments, [])
        XCTAssertEqual(loaded.communes, [])
        XCTAssertEqual(loaded.diagnostics, [])
        XCTAssertEqual(GeoLoader.load(folder: folder.path + "/absent", displayFolder: "x").diagnostics, [])
    }

    func testMalformedJSONIsAnErrorAtItsLine() throws {
        try write("{\"type\": \"FeatureCollection\",\n \"features\": [ {\"type\": tru } ]}\n", to: GeoLoader.departmentsFile)

        let loaded = GeoLoader.load(folder: folder.path, displayFolder: "content/geo")

        XCTAssertEqual(loaded.departments, [])
        XCTAssertEqual(loaded.diagnostics.count, 1)
        let diagnostic = try XCTUnwrap(loaded.diagnostics.first)
        XCTAssertEqual(diagnostic.code, "geojson-invalid")
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertEqual(diagnostic.location.file, "content/geo/departements.geojson")
        XCTAssertEqual(diagnostic.location.line, 2)
        XCTAssertTrue(diagnostic.text(in: .en).hasPrefix("not valid JSON: "), diagnostic.text(in: .en))
    }

    func testABadGeometryIsAnErrorAtItsFeatureAndTheOtherFeaturesAreKept() throws {
        let square = "[[[1,47],[2,47],[2,48],[1,48],[1,47]]]"
        try write("""
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"code":"37001","nom":"Ambillou","dep":"37"},"geometry":{"type":"Polygon","coordinates":\(square)}},
              {"type":"Feature","properties":{"code":"37002","nom":"Amboise","dep":"37"},"geometry":{"type":"Polygon","coordinates":[[[1,47],[2,47],[1,47]]]}},
            {"type":"Feature","properties":{"code":"37003","nom":"Anché","dep":"37"},"geometry":{"type":"Point","coordinates":[1,47]}},
            {"type":"Feature","properties":{"nom":"Sans code","code":true},"geometry":{"type":"MultiPolygon","coordinates":[\(square)]}},
            {"type":"Feature","properties":{"code":"37005","nom":"Antogny-le-Tillac","dep":"37"},"geometry":{"type":"MultiPolygon","coordinates":[\(square),\(square)]}},
            {"type":"Feature","properties":{"code":"37006","nom":"Artannes","dep":"37"},"geometry":{"type":"Polygon","coordinates":[[[200,47],[2,47],[2,48],[200,47]]]}}
            ]}
            """, to: GeoLoader.communesFile)

        let loaded = GeoLoader.load(folder: folder.path, displayFolder: "content/geo")

        XCTAssertEqual(loaded.diagnostics.map { $0.headline(in: .en) }, [
            "content/geo/communes.geojson:3:3: error: feature 2 (code '37002'): a ring needs at least 4 positions, found 3",
            "content/geo/communes.geojson:4:1: error: feature 3 (code '37003'): geometry type must be Polygon or MultiPolygon, found 'Point'",
            "content/geo/communes.geojson:5:1: error: feature 4: has no \"code\" property",
            "content/geo/communes.geojson:7:1: error: feature 6 (code '37006'): position [200, 47] is not a WGS84 longitude and latitude",
        ])
        XCTAssertEqual(loaded.diagnostics.map(\.code), Array(repeating: "geojson-invalid", count: 4))
        XCTAssertEqual(loaded.communes.map(\.code), ["37001", "37005"])
        XCTAssertEqual(loaded.communes.first, GeoFeature(
            code: "37001", name: "Ambillou", department: "37",
            polygons: [[[(1, 47), (2, 47), (2, 48), (1, 48), (1, 47)].map { GeoPoint(longitude: $0.0, latitude: $0.1) }]]))
        XCTAssertEqual(loaded.communes.last?.polygons.count, 2)
    }

    func testADocumentThatIsNotAFeatureCollectionIsAnErrorAtItsStart() throws {
        try write("[1, 2, 3]", to: GeoLoader.departmentsFile)
        let loaded = GeoLoader.load(folder: folder.path, displayFolder: "content/geo")
        XCTAssertEqual(loaded.diagnostics.map { $0.headline(in: .en) }, [
            "content/geo/departements.geojson:1:1: error: expected a GeoJSON FeatureCollection: an object with \"type\": \"FeatureCollection\" and a \"features\" array"
        ])
    }

    func testPolygonHolesAreKept() throws {
        try write("""
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"26","nom":"Drôme"},
            "geometry":{"type":"Polygon","coordinates":[[[0,0],[4,0],[4,4],[0,4],[0,0]],[[1,1],[1,2],[2,2],[2,1],[1,1]]]}}]}
            """, to: GeoLoader.departmentsFile)
        let loaded = GeoLoader.load(folder: folder.path, displayFolder: "content/geo")
        XCTAssertEqual(loaded.diagnostics, [])
        XCTAssertEqual(loaded.departments.first?.polygons.first?.count, 2)
        XCTAssertNil(loaded.departments.first?.department)
        XCTAssertEqual(loaded.departments.first?.name, "Drôme")
    }
}
