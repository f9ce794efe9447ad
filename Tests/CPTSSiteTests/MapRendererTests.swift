import CPTSContent
import CPTSSite
import Foundation
import XCTest

/// The map of the six departments of Centre-Val de Loire is drawn from the real IGN shapes (`MapShapes`): a test
/// fails, saying where they are expected, when they are missing.
final class MapRendererTests: XCTestCase {
    let coverage = ["18": 0.1, "28": 0.25, "36": 0.5, "37": 0.75, "41": 0.95, "45": 1]

    func occurrences(of text: String, in svg: String) -> Int {
        svg.components(separatedBy: text).count - 1
    }

    func testTheSixDepartmentsAreSixShadedPathsWithATextAlternativeAndALegend() throws {
        let renderer = MapRenderer(departments: try MapShapes.ignDepartments())

        let svg = try XCTUnwrap(renderer.svg(coverage: coverage, territories: []))

        XCTAssertTrue(svg.hasPrefix("<svg class=\"map\" viewBox=\"0 0 "), String(svg.prefix(80)))
        XCTAssertTrue(svg.hasSuffix("</svg>"))
        XCTAssertTrue(svg.contains(" role=\"img\" aria-labelledby=\"map-title map-desc\""))
        XCTAssertTrue(svg.contains("<title id=\"map-title\">Couverture de la population par les CPTS</title>"))
        XCTAssertTrue(svg.contains(
            "<desc id=\"map-desc\">Carte des départements, colorés selon la part de leur population couverte par une CPTS\u{202F}: "
                + "Cher 10\u{A0}%, Eure-et-Loir 25\u{A0}%, Indre 50\u{A0}%, Indre-et-Loire 75\u{A0}%, Loir-et-Cher 95\u{A0}%, "
                + "Loiret 100\u{A0}%.</desc>"))
        XCTAssertEqual(occurrences(of: "<path class=\"map-department ", in: svg), 6)
        for (index, colour) in MapRenderer.colours.enumerated() {
            XCTAssertEqual(occurrences(of: "map-class-\(index)\" fill=\"\(colour)\"", in: svg), index == 4 ? 2 : 1)
        }
        XCTAssertTrue(svg.contains("<title>Indre-et-Loire\u{202F}: 75\u{A0}%</title>"))
        XCTAssertTrue(svg.contains("<g class=\"map-legend\""))
        for label in ["0–20\u{A0}%", "20–40\u{A0}%", "40–60\u{A0}%", "60–80\u{A0}%", "80–100\u{A0}%"] {
            XCTAssertEqual(occurrences(of: ">\(label)</text>", in: svg), 1, label)
        }
        XCTAssertFalse(svg.contains("sans donnée"))
        XCTAssertFalse(svg.contains("<a "))
    }

    func testCoordinatesAreWholeNumbersInAViewBoxAboutAThousandUnitsWide() throws {
        let departments = try MapShapes.ignDepartments()
        let svg = try XCTUnwrap(MapRenderer(departments: departments).svg(coverage: [:], territories: []))
        let viewBox = try XCTUnwrap(svg.firstMatch(of: /viewBox="0 0 (\d+) (\d+)"/))
        let mapSide = max(Int(viewBox.1)! - 300, Int(viewBox.2)!)
        XCTAssertEqual(Double(mapSide), 1020, accuracy: 2)
        let paths = svg.matches(of: /\sd="([^"]*)"/).map { String($0.1) }
        XCTAssertEqual(paths.count, 6)
        for path in paths {
            XCTAssertNotNil(path.wholeMatch(of: /(M\d+ \d+L\d+ \d+( \d+ \d+)*Z)+/), String(path.prefix(60)))
        }
        // Simplified to about one unit (some 300 m here): fewer than half the points of the file.
        let drawn = paths.map { $0.matches(of: /\d+ \d+/).count }.reduce(0, +)
        let given = departments.flatMap { $0.polygons.joined() }.map { $0.count - 1 }.reduce(0, +)
        XCTAssertLessThan(drawn, given / 2, "\(given) points given, \(drawn) drawn")
        XCTAssertGreaterThan(drawn, 600)
    }

    func testTerritoriesAreOutlinedAndLinkedToTheirPages() throws {
        let communes = try MapShapes.ignCommunes()
        let lochois = communes.filter { $0.department == "37" && $0.code >= "37100" && $0.code < "37150" }.map(\.code)
        let renderer = MapRenderer(departments: try MapShapes.ignDepartments(), communes: communes)
        let territories = [
            MapTerritory(name: "CPTS Sud Lochois", href: "cpts/sud-lochois/", communes: lochois),
            MapTerritory(name: "CPTS <Vierzon> & Cher", href: "cpts/vierzon/?a=1&b=2", communes: ["18279", "18001"]),
            MapTerritory(name: "CPTS sans commune connue", href: "cpts/x/", communes: ["99999"]),
        ]

        let svg = try XCTUnwrap(renderer.svg(coverage: ["37": 0.4], territories: territories, id: "carte"))

        XCTAssertEqual(occurrences(of: "<path class=\"map-territory\"", in: svg), 2)
        XCTAssertTrue(svg.contains("<a href=\"cpts/sud-lochois/\"><title>CPTS Sud Lochois</title><path class=\"map-territory\""))
        XCTAssertTrue(svg.contains("<a href=\"cpts/vierzon/?a=1&amp;b=2\"><title>CPTS &lt;Vierzon&gt; &amp; Cher</title>"))
        XCTAssertFalse(svg.contains("cpts/x/"))
        // Links inside an image would be unreachable (axe-core's nested-interactive): the map is a group.
        XCTAssertTrue(svg.contains(" role=\"group\" aria-labelledby=\"carte-title carte-desc\""))
        XCTAssertTrue(svg.contains("2 territoires de CPTS tracés\u{202F}: CPTS &lt;Vierzon&gt; &amp; Cher, CPTS Sud Lochois.</desc>"))
        XCTAssertTrue(svg.contains("Cher sans donnée"))
        XCTAssertTrue(svg.contains(">sans donnée</text>"))
        XCTAssertTrue(svg.contains(">territoire de CPTS</text>"))
        // Two communes far apart make two rings in one path.
        let vierzon = try XCTUnwrap(svg.firstMatch(of: /CPTS &lt;Vierzon&gt; &amp; Cher<\/title><path class="map-territory" fill-rule="evenodd" d="([^"]*)"/))
        XCTAssertEqual(vierzon.1.split(separator: "M").count, 2)
    }

    func testTheSameInputsGiveTheSameBytes() throws {
        let communes = try MapShapes.handMadeCommunes()
        let territories = [MapTerritory(name: "A", href: "a/", communes: ["37001", "37002", "18001"]),
                           MapTerritory(name: "B", href: "b/", communes: ["18002"])]
        let first = MapRenderer(departments: try MapShapes.handMadeDepartments(), communes: communes)
            .svg(coverage: coverage, territories: territories)
        let second = MapRenderer(departments: try MapShapes.handMadeDepartments().reversed(), communes: communes.reversed())
            .svg(coverage: coverage, territories: territories.reversed())
        XCTAssertNotNil(first)
        XCTAssertEqual(first, second)
    }

    func testWithoutShapesThereIsNoMap() {
        XCTAssertNil(MapRenderer(departments: []).svg(coverage: ["37": 0.5], territories: []))
        XCTAssertNil(MapRenderer(departments: [], communes: [])
            .svg(coverage: [:], territories: [MapTerritory(name: "A", href: "a/", communes: ["37003"])]))
    }

    func testCoverageClassesAreFifthsWithTheUpperBoundInTheNextClass() {
        XCTAssertEqual([-0.1, 0, 0.199, 0.2, 0.4, 0.6, 0.79, 0.8, 1, 1.3].map(MapRenderer.coverageClass),
                       [0, 0, 0, 1, 2, 3, 3, 4, 4, 4])
        XCTAssertEqual((0..<5).map(MapRenderer.classLabel),
                       ["0–20\u{A0}%", "20–40\u{A0}%", "40–60\u{A0}%", "60–80\u{A0}%", "80–100\u{A0}%"])
    }
}
