import Foundation
import XCTest

/// The example site, built and reported by the real executable: every payment of every signed contract is said
/// the same way by `site.json`, the CPTS's page and `cpts-site report` (date, amount, paid or to come, kind).
final class ExamplePaymentsTests: XCTestCase {
    static let content = CLIRunner.repositoryRoot.appendingPathComponent("content")

    /// `60000` → `60 000 €`, with the narrow no-break space and the no-break space the site uses.
    func euros(_ amount: Int) -> String {
        var digits = String(amount), groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits = String(digits.dropLast(3))
        }
        groups.insert(digits, at: 0)
        return groups.joined(separator: "\u{202F}") + "\u{A0}€"
    }

    /// `2019-12-05` → `05/12/2019`.
    func french(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        return "\(parts[2])/\(parts[1])/\(parts[0])"
    }

    /// How each kind's French label begins, on the page and in the report alike.
    let labelStarts = ["operation": "Fonctionnement de l’année", "fixed-advance": "Avance de 75\u{A0}% de la part fixe",
                       "advance": "Avance de 75\u{A0}% de l’année", "balance": "Solde de l’année",
                       "variable": "Part variable de l’année"]

    func testSiteJSONPagesAndReportSayTheSameAboutEveryPayment() throws {
        let (root, build) = try CLIRunner.buildSite(Self.content, name: "example-payments")
        defer { try? FileManager.default.removeItem(at: root) }
        XCTAssertEqual(build.status, 0, build.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("data/site.json"))) as? [String: Any])
        XCTAssertEqual(json["asOf"] as? String, "2019-12-31")
        let entries = try XCTUnwrap(json["cpts"] as? [[String: Any]])
        var checked = 0
        for entry in entries {
            let slug = try XCTUnwrap(entry["slug"] as? String)
            guard let funding = entry["funding"] as? [String: Any] else { continue }
            let payments = try XCTUnwrap(funding["payments"] as? [[String: Any]])
            XCTAssertFalse(payments.isEmpty, slug)

            // site.json: statuses follow the dates, and `paid` adds up what is paid.
            let paid = payments.filter { $0["status"] as? String == "paid" }
            XCTAssertEqual(paid.count, payments.filter { ($0["date"] as? String ?? "") <= "2019-12-31" }.count, slug)
            XCTAssertEqual(funding["paid"] as? Int, paid.compactMap { $0["amount"] as? Int }.reduce(0, +), slug)
            // Nothing variable is paid or earned: every contract year is still in progress at 31/12/2019.
            XCTAssertFalse(payments.contains { $0["kind"] as? String == "variable" }, slug)

            // The page's calendar, row by row.
            let page = try String(contentsOf: root.appendingPathComponent("cpts/\(slug)/index.html"), encoding: .utf8)
                .replacingOccurrences(of: "&#39;", with: "'")
            let pattern = try NSRegularExpression(pattern: "<tr><td data-label=\"Date\">([^<]*)</td><th scope=\"row\">([^<]*)</th><td class=\"num\" data-label=\"Montant\">([^<]*)</td><td class=\"[^\"]*\" data-label=\"État\">([^<]*)</td></tr>")
            let rows = pattern.matches(in: page, range: NSRange(page.startIndex..., in: page)).map { match in
                (1...4).map { String(page[Range(match.range(at: $0), in: page)!]) }
            }
            // The report's calendar, line by line (date, amount, status, label, separated by two spaces or more).
            let report = try CLIRunner.run(["report", slug, "--content", Self.content.path], in: CLIRunner.repositoryRoot)
            XCTAssertEqual(report.status, 0, report.stderr)
            let lines = report.stdout.components(separatedBy: "\n").drop { !$0.hasPrefix("Calendrier des versements") }.dropFirst()
                .map { $0.trimmingCharacters(in: .whitespaces).components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
                .filter { !$0.isEmpty }
            XCTAssertTrue(report.stdout.contains("Calendrier des versements au 31/12/2019 (\(euros(funding["paid"] as? Int ?? -1)) versés)"), report.stdout)
            XCTAssertTrue(page.contains("Calendrier des versements (\(euros(funding["paid"] as? Int ?? -1)) versés au 31/12/2019)"), slug)

            XCTAssertEqual(rows.count, payments.count, slug)
            XCTAssertEqual(lines.count, payments.count, slug)
            for (index, payment) in payments.enumerated() where index < rows.count && index < lines.count {
                let date = french(try XCTUnwrap(payment["date"] as? String))
                let amount = euros(try XCTUnwrap(payment["amount"] as? Int))
                let status = payment["status"] as? String == "paid" ? "versé" : "à venir"
                let start = try XCTUnwrap(labelStarts[payment["kind"] as? String ?? ""], slug)
                XCTAssertEqual([rows[index][0], rows[index][2], rows[index][3]], [date, amount, status], "\(slug) payment \(index)")
                XCTAssertEqual([lines[index][0], lines[index][1], lines[index][2]], [date, amount, status], "\(slug) payment \(index)")
                XCTAssertEqual(rows[index][1], lines[index][3], "\(slug) payment \(index): page and report word it differently")
                XCTAssertTrue(rows[index][1].hasPrefix(start), "\(slug) payment \(index): '\(rows[index][1])' is not a \(start)…")
                if let mission = payment["mission"] as? String {
                    XCTAssertEqual(payment["kind"] as? String, "fixed-advance", slug)
                    XCTAssertFalse(mission.isEmpty)
                }
            }
            checked += 1
        }
        XCTAssertGreaterThanOrEqual(checked, 4, "the example should have signed contracts")
    }

    /// The example's figures at 31/12/2019 do not move: 14 constituted out of 32, 57 %, and no contract signed
    /// after that date funded.
    func testTheExampleHasNoStageAfterItsDate() throws {
        let check = try CLIRunner.run(["check", "--strict", "--content", Self.content.path], in: CLIRunner.repositoryRoot)
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertEqual(check.stderr, "")
    }
}
