import CPTSContent
import Foundation
import CPTSSite
import XCTest

final class MapProjectionTests: XCTestCase {
    let lambert93 = ConicProjection.lambert93

    func testTheFalseOriginProjectsOnTheFalseEastingAndNorthing() {
        let origin = lambert93.project(GeoPoint(longitude: 3, latitude: 46.5))
        XCTAssertEqual(origin.x, 700_000, accuracy: 0.001)
        XCTAssertEqual(origin.y, 6_600_000, accuracy: 0.001)
    }

    /// PROJ's answer for EPSG:2154 (pyproj, `Transformer.from_crs("EPSG:2154", "EPSG:4326")`):
    /// X 882 408.3, Y 6 543 019.6 is 5.355651287573366° E, 45.96240165432614° N.
    func testAPointNearAnnecyMatchesPROJToTheMetre() {
        let point = lambert93.project(GeoPoint(longitude: 5.355651287573366, latitude: 45.96240165432614))
        XCTAssertEqual(point.x, 882_408.3, accuracy: 1)
        XCTAssertEqual(point.y, 6_543_019.6, accuracy: 1)
        XCTAssertEqual(point.x, 882_408.3, accuracy: 0.01, "PROJ and this formula agree to the centimetre")
        XCTAssertEqual(point.y, 6_543_019.6, accuracy: 0.01)
    }

    func testProjectingBackGivesTheSamePosition() {
        let tours = GeoPoint(longitude: 0.68848, latitude: 47.39414)
        let back = lambert93.unproject(lambert93.project(tours))
        XCTAssertEqual(back.longitude, tours.longitude, accuracy: 1e-9)
        XCTAssertEqual(back.latitude, tours.latitude, accuracy: 1e-9)
        let annecy = lambert93.unproject(PlanePoint(x: 882_408.3, y: 6_543_019.6))
        XCTAssertEqual(annecy.longitude, 5.355651287573366, accuracy: 1e-7)
        XCTAssertEqual(annecy.latitude, 45.96240165432614, accuracy: 1e-7)
    }

    func testNorthIsUpAndEastIsRight() {
        let tours = lambert93.project(GeoPoint(longitude: 0.69, latitude: 47.39))
        let orleans = lambert93.project(GeoPoint(longitude: 1.91, latitude: 47.90))
        XCTAssertGreaterThan(orleans.x, tours.x)
        XCTAssertGreaterThan(orleans.y, tours.y)
        // A conformal projection with scale factor within 0.1 % of 1 here: distances match the sphere's to 0.5 %.
        let distance = ((orleans.x - tours.x) * (orleans.x - tours.x) + (orleans.y - tours.y) * (orleans.y - tours.y)).squareRoot()
        XCTAssertEqual(distance, haversine(47.39, 0.69, 47.90, 1.91), accuracy: distance * 0.005)
    }

    func haversine(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let radians = Double.pi / 180
        let dLat = (lat2 - lat1) * radians, dLon = (lon2 - lon1) * radians
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(lat1 * radians) * cos(lat2 * radians) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * 6_371_000 * asin(h.squareRoot())
    }
}
