import Foundation
import XCTest

/// The second example site (`examples/cpts-blaisois/`, dated 31/12/2021): one signed CPTS with activity reports for
/// contract years 1 and 2. It builds without a warning, links both reports, and each report states the same money
/// as `site.json` for its year.
final class ReportExampleTests: XCTestCase {
    static let content = CLIRunner.repositoryRoot.appendingPathComponent("examples/cpts-blaisois/content")

    func testTheReportsExampleBuildsWithBothReportsAndTheirMoneyAgreesWithSiteJSON() throws {
        let (root, result) = try CLIRunner.buildSite(Self.content, name: "reports-example")
        defer { try? FileManager.default.removeItem(at: root) }
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "", "the reports example should build without any warning")
        let cptsPage = try String(contentsOf: root.appendingPathComponent("cpts/blaisois/index.html"), encoding: .utf8)
        let data = try Data(contentsOf: root.appendingPathComponent("data/site.json"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(json["asOf"] as? String, "2021-12-31")
        let blaisois = try XCTUnwrap((json["cpts"] as? [[String: Any]])?.first { $0["slug"] as? String == "blaisois" })
        let funding = try XCTUnwrap(blaisois["funding"] as? [String: Any])
        let payments = try XCTUnwrap(funding["payments"] as? [[String: Any]])
        for year in [1, 2] {
            XCTAssertTrue(cptsPage.contains("href=\"../../cpts/blaisois/rapport-annee-\(year)/\""), "year \(year) not linked")
            let page = try String(contentsOf: root.appendingPathComponent("cpts/blaisois/rapport-annee-\(year)/index.html"), encoding: .utf8)
            XCTAssertTrue(page.contains("<p class=\"report-year\" data-ledger-year=\"\(year)\""), page)
            XCTAssertTrue(page.contains(">Année \(year) du contrat"), page)
            XCTAssertTrue(page.contains("illustratif"))
            let paid = payments.filter { ($0["year"] as? Int) == year && ($0["status"] as? String) == "paid" }
                .compactMap { $0["amount"] as? Int }.reduce(0, +)
            XCTAssertGreaterThan(paid, 0)
            let shown = "<tr><th scope=\"row\">Versé</th><td class=\"num\" data-ledger=\"paid\">\(Self.euros(paid))</td></tr>"
            XCTAssertTrue(page.contains(shown), "year \(year): \(shown) not found")
        }
        // Contract year 1's colorectal screening reached no step: carried into year 2.
        let second = try String(contentsOf: root.appendingPathComponent("cpts/blaisois/rapport-annee-2/index.html"), encoding: .utf8)
        XCTAssertTrue(second.contains("Non atteint en année\u{A0}1, reporté"), second)
        XCTAssertTrue(second.contains("année\u{A0}1\u{202F}: 33,2\u{A0}%"), "the previous year's value is shown")
        // Between two percentages the change is in points: +1,4 % would be a relative change (#24).
        XCTAssertTrue(second.contains("<span class=\"status-on-time\">+1,4\u{A0}point</span>"), "the change is shown in points")
    }

    /// The example lists one CPTS of Centre-Val de Loire: the region's published counts (14 CPTS, 57 % at
    /// 31/12/2019) count CPTS it does not list, and set beside its own 1 CPTS and 4 % they compared two things.
    func testTheExampleDoesNotSetTheRegionsPublishedCountsBesideItsOneCPTS() throws {
        let (root, result) = try CLIRunner.buildSite(Self.content, name: "reports-example-home")
        defer { try? FileManager.default.removeItem(at: root) }
        XCTAssertEqual(result.status, 0, result.stderr)
        let home = try String(contentsOf: root.appendingPathComponent("index.html"), encoding: .utf8)
        for claim in ["Chiffre publié", "Chiffres publiés", "Prévision au", "57\u{A0}%"] {
            XCTAssertFalse(home.contains(claim), "the dashboard shows '\(claim)'")
        }
        let about = try String(contentsOf: root.appendingPathComponent("a-propos/index.html"), encoding: .utf8)
        XCTAssertTrue(about.contains("ne recense qu’une CPTS de la région"), "the example says what its regional figures count")
    }

    /// A chart a report shows as an image says what it counts in its own visible text, not only in its `<title>`
    /// (which a printed page and most readers never see).
    func testEachChartOfTheExampleReportsHasAVisibleTitle() throws {
        let reports = Self.content.appendingPathComponent("reports/blaisois")
        let static_ = Self.content.appendingPathComponent("static")
        var charts = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: reports.path) {
            let text = try String(contentsOf: reports.appendingPathComponent(file), encoding: .utf8)
            for image in text.matches(of: /!\[[^\]]*\]\(([^)]+\.svg)\)/) {
                let svg = try String(contentsOf: static_.appendingPathComponent(String(image.output.1)), encoding: .utf8)
                let title = try XCTUnwrap(svg.firstMatch(of: /<title>([^<:]+)/)).output.1.trimmingCharacters(in: .whitespaces)
                let shown = svg.matches(of: /<text[^>]*>([^<]+)<\/text>/).map { String($0.output.1) }
                XCTAssertTrue(shown.contains(title), "\(image.output.1): no visible title saying '\(title)' among \(shown)")
                charts += 1
            }
        }
        XCTAssertGreaterThan(charts, 0)
    }

    static func euros(_ value: Int) -> String {
        var digits = String(value), groups: [String] = []
        while digits.count > 3 { groups.insert(String(digits.suffix(3)), at: 0); digits.removeLast(3) }
        groups.insert(digits, at: 0)
        return groups.joined(separator: "\u{202F}") + "\u{A0}€"
    }
}
