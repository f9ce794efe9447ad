import Foundation
import XCTest

/// The national example (`examples/observatoire-national/content`), built with the binary as `make site` builds it:
/// the main example's `data/site.json`, freshly built, copied as `regions/24.json` beside two invented regions.
final class NationalExampleTests: XCTestCase {
    static let example = CLIRunner.repositoryRoot.appendingPathComponent("examples/observatoire-national/content")

    /// The national site built into a temporary folder, and its content folder; both removed by the caller.
    func buildNationalExample() throws -> (output: URL, content: URL) {
        let (regional, build) = try CLIRunner.buildSite(CLIRunner.repositoryRoot.appendingPathComponent("content"), name: "national-example-24")
        defer { try? FileManager.default.removeItem(at: regional) }
        XCTAssertEqual(build.status, 0, build.stderr)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("national-example-\(UUID().uuidString)")
        let content = folder.appendingPathComponent("content"), output = folder.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("regions"), withIntermediateDirectories: true)
        for file in ["site.yaml", "regions/52.json", "regions/53.json"] {
            try FileManager.default.copyItem(at: Self.example.appendingPathComponent(file), to: content.appendingPathComponent(file))
        }
        try FileManager.default.copyItem(at: regional.appendingPathComponent("data/site.json"),
                                         to: content.appendingPathComponent("regions/24.json"))
        let result = try CLIRunner.run(["build", "--content", content.path, "--themes", CLIRunner.repositoryRoot.appendingPathComponent("themes").path,
                                         "--output", output.path], in: CLIRunner.repositoryRoot)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        return (output, content)
    }

    /// What the three regional files count, read with Foundation (not the reader under test).
    func regionalTotals(_ content: URL) throws -> (cpts: Int, constituted: Int, signed: Int, covered: Int, population: Int, paid: Int) {
        var totals = (cpts: 0, constituted: 0, signed: 0, covered: 0, population: 0, paid: 0)
        for code in ["24", "52", "53"] {
            let data = try Data(contentsOf: content.appendingPathComponent("regions/\(code).json"))
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            totals.population += try XCTUnwrap((json["region"] as? [String: Any])?["population"] as? Int)
            for cpts in try XCTUnwrap(json["cpts"] as? [[String: Any]]) {
                let stage = cpts["stage"] as? String
                totals.cpts += 1
                if ["health-project", "aci-signed"].contains(stage) {
                    totals.constituted += 1
                    totals.covered += try XCTUnwrap(cpts["population"] as? Int)
                }
                if stage == "aci-signed" { totals.signed += 1 }
                totals.paid += ((cpts["funding"] as? [String: Any])?["paid"] as? Int) ?? 0
            }
        }
        return totals
    }

    static func french(_ value: Int) -> String {
        var digits = String(value), groups: [String] = []
        while digits.count > 3 { groups.insert(String(digits.suffix(3)), at: 0); digits = String(digits.dropLast(3)) }
        return ([digits] + groups).joined(separator: "\u{202F}")
    }

    func testTheDashboardShowsTheSumsOfTheRegionsFiles() throws {
        let (output, content) = try buildNationalExample()
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let totals = try regionalTotals(content)
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        let cell = { (label: String, value: Int) in "<td class=\"num\" data-label=\"\(label)\">\(Self.french(value))</td>" }
        let footer = try XCTUnwrap(home.components(separatedBy: "<tfoot>").last)
        XCTAssertTrue(footer.contains(cell("CPTS", totals.cpts)), footer)
        XCTAssertTrue(footer.contains(cell("Constituées", totals.constituted)), footer)
        XCTAssertTrue(footer.contains(cell("Contrats signés", totals.signed)), footer)
        XCTAssertTrue(footer.contains(cell("Population couverte", totals.covered)), footer)
        XCTAssertTrue(home.contains("\(Self.french(totals.covered)) habitants sur \(Self.french(totals.population))"), home)
        XCTAssertTrue(home.contains("<span class=\"figure\">\(Self.french(totals.paid))\u{A0}€</span>"), home)
        XCTAssertTrue(home.contains("données au 31/12/2019 pour Centre-Val de Loire et Pays de la Loire\u{202F}; au 30/06/2020 pour Bretagne"), home)
        let csv = try String(contentsOf: output.appendingPathComponent("data/regions.csv"), encoding: .utf8)
        XCTAssertTrue(csv.contains(";Total;\"31/12/2019\u{202F}; 30/06/2020\";\(totals.cpts);\(totals.constituted);\(totals.signed);\(totals.population);\(totals.covered);"), csv)
    }

    func testEveryPageShowsTheIllustrativeNotice() throws {
        let (output, _) = try buildNationalExample()
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let pages = ["index.html", "regions/24/index.html", "regions/52/index.html", "regions/53/index.html"]
        for page in pages {
            let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
            XCTAssertTrue(html.contains("Site d’exemple\u{202F}: les chiffres des Pays de la Loire et de la Bretagne sont inventés"), page)
        }
    }

    /// Two regions have a CPTS `sud`: each links to its own regional site's page.
    func testEachCPTSLinksToItsRegionalSitesPage() throws {
        let (output, _) = try buildNationalExample()
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        let loire = try String(contentsOf: output.appendingPathComponent("regions/52/index.html"), encoding: .utf8)
        let bretagne = try String(contentsOf: output.appendingPathComponent("regions/53/index.html"), encoding: .utf8)
        let centre = try String(contentsOf: output.appendingPathComponent("regions/24/index.html"), encoding: .utf8)
        XCTAssertTrue(loire.contains("href=\"https://cpts-pays-de-la-loire.example.org/cpts/sud/\""), loire)
        XCTAssertTrue(bretagne.contains("href=\"https://cpts-bretagne.example.org/cpts/sud/\""), bretagne)
        XCTAssertTrue(centre.contains("href=\"https://example.org/cpts/cpts/bourges-agglomeration/\""), centre)
    }

    /// With `geo/departements.geojson`, the dashboard draws the map of the regions (here one square department).
    func testTheDashboardDrawsTheMapFromTheFoldersDepartmentShapes() throws {
        let (output, content) = try buildNationalExample()
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: content.appendingPathComponent("geo"), withIntermediateDirectories: true)
        let square = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"72","nom":"Sarthe"},"geometry":{"type":"Polygon","coordinates":[[[0,47.6],[0.9,47.6],[0.9,48.4],[0,48.4],[0,47.6]]]}}]}"#
        try Data(square.utf8).write(to: content.appendingPathComponent("geo/departements.geojson"))
        let result = try CLIRunner.run(["build", "--content", content.path, "--themes", CLIRunner.repositoryRoot.appendingPathComponent("themes").path,
                                        "--output", output.path], in: CLIRunner.repositoryRoot)
        XCTAssertEqual(result.status, 0, result.stderr)
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(home.contains("<a href=\"regions/52/\"><title>Pays de la Loire\u{202F}: "), home)
    }

    /// The shapes file may not be a link leading outside the folder, as in a regional folder.
    func testADepartmentShapesLinkLeadingOutsideTheFolderIsAnError() throws {
        let (output, content) = try buildNationalExample()
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: content.appendingPathComponent("geo"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("geo/departements.geojson").path,
                                                   withDestinationPath: "/etc/hostname")
        let result = try CLIRunner.run(["build", "--content", content.path, "--output", output.path], in: CLIRunner.repositoryRoot)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("geo/departements.geojson"), result.stderr)
    }
}
