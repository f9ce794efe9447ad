@testable import CPTSSite
import CPTSDomain
import Foundation
import XCTest

/// A national site's pages: the dashboard and a page per region, rendered with the default theme from the regions'
/// files as published.
final class NationalPagesTests: XCTestCase {
    static let themes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("themes").path

    /// Centre (24) and Bretagne (53) at 31/12/2024, Pays de la Loire (52) at 30/06/2025.
    static let content: NationalContent = {
        var content = NationalExportsTests.content
        var bretagne = NationalExportsTests.region("53", asOf: Day(year: 2024, month: 12, day: 31)!, population: 2000,
                                                   cpts: [NationalExportsTests.cpts("rennes", .aciSigned, population: 400, paid: 7)])
        bretagne.funding = [RegionalFundingYear(year: 2024, total: 20000, maximum: 30000, earned: 1000, projected: false),
                            RegionalFundingYear(year: 2025, total: 1, maximum: 1, earned: 0, projected: true)]
        content.regions.append(bretagne)
        content.regions[1].funding = [RegionalFundingYear(year: 2025, total: 9000, maximum: 9500, earned: 0, projected: true)]
        content.notice = "Données illustratives."
        return content
    }()

    func pages() throws -> [String: String] {
        let theme = try Theme.load(named: "default", from: Self.themes)
        let files = try NationalSite.files(Self.content, theme: theme)
        return Dictionary(files.filter { $0.path.hasSuffix(".html") }.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) },
                          uniquingKeysWith: { first, _ in first })
    }

    func testTheDefaultThemeReadsOnlyKeysOfTheNationalModels() throws {
        let theme = try Theme.load(named: "default", from: Self.themes)
        for template in [NationalHomePage.template, NationalRegionPage.template] {
            XCTAssertEqual(theme.schemaDiagnostics(of: template, against: Routes.schemas()[template] ?? .scalar), [], template)
        }
    }

    func testTheSiteHasADashboardAndAPagePerRegion() throws {
        XCTAssertEqual(try pages().keys.sorted(), ["index.html", "regions/24/index.html", "regions/52/index.html", "regions/53/index.html"])
    }

    func testEachRegionsDateIsStatedWhenTheyDiffer() {
        XCTAssertEqual(NationalViewModels.datesSentence(Self.content.regions),
                       "données au 31/12/2024 pour Région 24 et Région 53\u{202F}; au 30/06/2025 pour Région 52")
    }

    func testOneDateIsStatedWhenTheRegionsAgree() {
        XCTAssertEqual(NationalViewModels.datesSentence([Self.content.regions[0], Self.content.regions[2]]),
                       "données au 31/12/2024 pour toutes les régions")
    }

    /// 2024: Centre 80 000 + Bretagne 30 000 (same date); Pays de la Loire, at another date, has a table of its own;
    /// Bretagne's 2025, after its date, is not shown.
    func testFundingIsSummedOnlyOverRegionsOfTheSameDate() throws {
        let models = NationalViewModels(content: Self.content, theme: try Theme.load(named: "default", from: Self.themes))
        let series = models.fundingSeries()
        XCTAssertEqual(series.map(\.caption), [
            "Financement ACI par année, données au 31/12/2024 pour Région 24 et Région 53",
            "Financement ACI par année, données au 30/06/2025 pour Région 52",
        ])
        XCTAssertEqual(series[0].years.map(\.year), ["2024"])
        XCTAssertEqual(series[0].years[0].maximum, "110\u{202F}000\u{A0}€")
        XCTAssertEqual(series[0].years[0].total, "70\u{202F}000\u{A0}€")
        XCTAssertEqual(series[1].years.map(\.total), ["9\u{202F}000\u{A0}€"])
        XCTAssertNotNil(series[1].years[0].projected)
    }

    func testTheDashboardSumsTheRegions() throws {
        let home = try XCTUnwrap(try pages()["index.html"])
        // 3 + 1 CPTS; 300 + 600 + 400 covered of 6 000; 100 + 7 € paid; 80 000 + 9 500 + 30 000, each region at its year.
        XCTAssertTrue(home.contains("<span class=\"figure\">4</span>"), home)
        XCTAssertTrue(home.contains("1\u{202F}300 habitants sur 6\u{202F}000"), home)
        XCTAssertTrue(home.contains("107\u{A0}€"), home)
        XCTAssertTrue(home.contains("119\u{202F}500\u{A0}€"), home)
        XCTAssertTrue(home.contains("<a href=\"regions/52/\">Région 52</a>"), home)
    }

    func testARegionsPageLinksEachCPTSToTheRegionalSitesOwnPage() throws {
        let page = try XCTUnwrap(try pages()["regions/52/index.html"])
        XCTAssertTrue(page.contains("<a href=\"https://52.example.org/cpts/sud/\">CPTS sud</a>"), page)
        XCTAssertFalse(page.contains("https://24.example.org/cpts/sud/"), page)
        XCTAssertTrue(page.contains("au 30/06/2025"), page)
        XCTAssertTrue(page.contains("href=\"../../data/regions.csv\""), page)
    }

    func testTheNoticeIsOnEveryPage() throws {
        for (path, page) in try pages() { XCTAssertTrue(page.contains("Données illustratives."), path) }
    }

    func testNoPageLinksToARegionalOnlyPage() throws {
        for (path, page) in try pages() {
            for absent in ["recherche/", "feed.xml", "methodologie/"] { XCTAssertFalse(page.contains(absent), "\(path): \(absent)") }
        }
    }

    /// With department shapes, the dashboard has the map of the regions; each region of the site links to its page.
    func testTheDashboardHasTheMapOfTheRegionsWhenShapesAreGiven() throws {
        let theme = try Theme.load(named: "default", from: Self.themes)
        let files = try NationalSite.files(Self.content, theme: theme, departments: try NationalMapTests.departments())
        let home = String(decoding: try XCTUnwrap(files.first { $0.path == "index.html" }).bytes, as: UTF8.self)
        XCTAssertTrue(home.contains("<h2 id=\"carte\">Carte des régions</h2>"), home)
        XCTAssertTrue(home.contains("<a href=\"regions/52/\"><title>Région 52\u{202F}: "), home)
        XCTAssertFalse(try pages()["index.html"]?.contains("id=\"carte\"") ?? true, "no shapes, no map")
    }
}
