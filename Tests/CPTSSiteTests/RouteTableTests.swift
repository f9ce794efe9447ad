import CPTSContent
import CPTSDomain
import Foundation
import XCTest

@testable import CPTSSite

/// The route table is the one place that spells where the site's pages and files go.
final class RouteTableTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Where paths may be spelled: the route table, and the domain's list of the names it reserves.
    static let routeFiles = ["Sources/CPTSSite/Routes/", "Sources/CPTSDomain/Model/SiteRoutes.swift"]

    /// Beginnings of string literals that spell a page's place: a relative root, the site's folders and root files.
    static let pathLiterals = [
        "\"../", "\"cpts/", "\"departements/", "\"recherche", "\"validation/", "\"methodologie/", "\"data/",
        "rapport-annee-\\(", "\"index.html\"", "/index.html\"", "\"404.html\"", "\"feed.xml\"", "\"sitemap.xml\"",
        "\"robots.txt\"", "\"print.css\"",
    ]

    /// Every line of code (not comment) in `Sources/` outside the route table that writes a path literal.
    static func pathLiteralsOutsideTheRouteTable() throws -> [String] {
        let sources = repository.appendingPathComponent("Sources")
        let files = try XCTUnwrap(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }.sorted()
        XCTAssertGreaterThan(files.count, 50, "Sources/ not found from \(#filePath)")
        var found: [String] = []
        for file in files where !routeFiles.contains(where: { ("Sources/" + file).hasPrefix($0) }) {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.components(separatedBy: "\n").enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                if code.hasPrefix("//") { continue }
                for literal in pathLiterals where code.contains(literal) {
                    found.append("Sources/\(file):\(number + 1): \(literal) in \(code)")
                }
            }
        }
        return found
    }

    func testNoPagePathOrRelativeRootIsWrittenOutsideTheRouteTable() throws {
        let found = try Self.pathLiteralsOutsideTheRouteTable()
        XCTAssertEqual(found, [], "spell these paths in Sources/CPTSSite/Routes/Routes.swift:\n" + found.joined(separator: "\n"))
    }

    /// The scan finds what it looks for: a line written the way view models were before the route table.
    func testTheScanFindsARelativeRootLiteral() {
        let line = #"let body = markdown.render(cpts.body, imageRoot: "../../")"#
        XCTAssertTrue(Self.pathLiterals.contains { line.contains($0) })
    }

    func testAPageRootClimbsOneFolderPerSegmentOfItsURL() {
        XCTAssertEqual(Routes.root(of: Routes.home), "")
        XCTAssertEqual(Routes.root(of: Routes.search), "../")
        XCTAssertEqual(Routes.root(of: Routes.cpts("sud-lochois")), "../../")
        XCTAssertEqual(Routes.root(of: Routes.report(slug: "sud-lochois", year: 2)), "../../../")
        XCTAssertEqual(Routes.root(of: Routes.page("guides/accueil")), "../../")
    }

    func testAReportLinksBackToItsCPTSPageOneFolderUp() {
        XCTAssertEqual(Routes.relative(from: Routes.report(slug: "vierzon", year: 1), to: Routes.cpts("vierzon")), "../")
        XCTAssertEqual(Routes.relative(from: Routes.cpts("vierzon"), to: Routes.department("18")), "../../departements/18/")
    }

    /// Every page of the example site has one route, its file under its URL, and its root leading back to the site's
    /// root (the 404 page, served at any URL, has the site's root path).
    func testEveryRouteOfTheMinimalSiteIsWrittenAtItsURLWithItsRoot() async throws {
        let folder = Self.repository.appendingPathComponent("Tests/Fixtures/sites/minimal/content").path
        let loaded = await ContentLoader.load(from: folder)
        let content = try XCTUnwrap(loaded.content)
        let routes = Routes(content: content, figures: SiteFigures(content: content), diagnostics: [])
        XCTAssertEqual(Set(routes.pages.map(\.path)).count, routes.pages.count, "two routes write the same file")
        for route in routes.pages where route.template != "404" && route.template != "report-print" {
            XCTAssertEqual(route.path, route.url + "index.html", route.path)
            XCTAssertEqual(route.root, String(repeating: "../", count: route.url.split(separator: "/").count), route.path)
        }
        XCTAssertEqual(routes.pages.first { $0.template == "404" }?.root, SiteURL(baseURL: content.settings.baseURL).rootPath)
        XCTAssertTrue(routes.pages.contains { $0.path == "cpts/sud-lochois/index.html" && $0.template == "cpts" })
    }
}
