import Foundation
import XCTest

/// One ledger per CPTS, read by every output: for every CPTS and contract year of the example sites, the golden
/// sites and a generated one, built and reported by the real executable, the CPTS page, the report page,
/// `site.json`, both CSV files and `cpts-site report` give the same periods, statuses and amounts.
/// The pages are read by their stable `data-ledger…` attributes, not by their wording.
final class LedgerAgreementTests: XCTestCase {
    static let statusLabels = ["upcoming": "à venir", "in-progress": "en cours", "ended": "terminée", "assessed": "évaluée"]

    /// `60000` → `60 000 €`, with the narrow no-break space and the no-break space the site uses.
    static func euros(_ amount: Int) -> String {
        var digits = String(amount), groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits = String(digits.dropLast(3))
        }
        groups.insert(digits, at: 0)
        return groups.joined(separator: "\u{202F}") + "\u{A0}€"
    }

    /// `2019-12-05` → `05/12/2019`.
    static func french(_ iso: String) -> String {
        let parts = iso.split(separator: "-")
        return "\(parts[2])/\(parts[1])/\(parts[0])"
    }

    /// One contract year as `site.json` gives it.
    struct Year {
        let number: Int, start: String, lastDay: String, status: String, total: Int, maximum: Int
        let earned: Int?, paid: Int, toCome: Int, fixedTotal: Int, projected: Bool

        init(_ json: [String: Any]) throws {
            number = try XCTUnwrap(json["year"] as? Int)
            start = LedgerAgreementTests.french(try XCTUnwrap(json["start"] as? String))
            lastDay = LedgerAgreementTests.french(try XCTUnwrap(json["lastDay"] as? String))
            status = try XCTUnwrap(LedgerAgreementTests.statusLabels[try XCTUnwrap(json["status"] as? String)])
            total = try XCTUnwrap(json["total"] as? Int)
            maximum = try XCTUnwrap(json["max"] as? Int)
            earned = json["earned"] as? Int
            paid = try XCTUnwrap(json["paid"] as? Int)
            toCome = try XCTUnwrap(json["toCome"] as? Int)
            projected = try XCTUnwrap(json["projected"] as? Bool)
            let missions = try XCTUnwrap(json["missions"] as? [[String: Any]])
            fixedTotal = try XCTUnwrap(json["operation"] as? Int)
                + missions.map { ($0["fixed"] as? Int ?? 0) + ($0["extra"] as? Int ?? 0) }.reduce(0, +)
        }
    }

    /// The text of the first element carrying `data-ledger="<key>"` after `from` in `html`.
    static func cell(_ key: String, in html: Substring) -> String? {
        guard let range = html.range(of: "data-ledger=\"\(key)\">") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "<" })
    }

    /// The part of `html` from the element carrying `data-ledger-year="<year>"` to the end of its table or paragraph.
    static func block(year: Int, in html: String) -> Substring? {
        guard let start = html.range(of: "data-ledger-year=\"\(year)\"") else { return nil }
        let rest = html[start.lowerBound...]
        let end = rest.range(of: "</table>")?.upperBound ?? rest.endIndex
        return rest[..<end]
    }

    func checkSite(content: URL, name: String, file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        let (root, build) = try CLIRunner.buildSite(content, name: name)
        defer { try? FileManager.default.removeItem(at: root) }
        XCTAssertEqual(build.status, 0, build.stderr, file: file, line: line)
        func read(_ path: String) throws -> String {
            try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8).replacingOccurrences(of: "&#39;", with: "'")
        }
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("data/site.json"))) as? [String: Any])
        let cptsCSV = try read("data/cpts.csv"), indicatorsCSV = try read("data/indicators.csv")
        var checked = 0, engaged = 0
        for entry in try XCTUnwrap(json["cpts"] as? [[String: Any]]) {
            let slug = try XCTUnwrap(entry["slug"] as? String)
            guard let funding = entry["funding"] as? [String: Any] else { continue }
            let years = try XCTUnwrap(funding["years"] as? [[String: Any]]).map(Year.init)
            XCTAssertEqual(funding["paid"] as? Int, years.map(\.paid).reduce(0, +), "\(name) \(slug): paid", file: file, line: line)
            engaged += years.filter { $0.status == "en cours" }.map(\.maximum).reduce(0, +)
            let page = try read("cpts/\(slug)/index.html")
            let report = try CLIRunner.run(["report", slug, "--content", content.path], in: CLIRunner.repositoryRoot)
            XCTAssertEqual(report.status, 0, report.stderr, file: file, line: line)
            for year in years {
                let what = "\(name) \(slug) year \(year.number)"
                try checkPage(page, year: year, what: what, file: file, line: line)
                if FileManager.default.fileExists(atPath: root.appendingPathComponent("cpts/\(slug)/rapport-annee-\(year.number)/index.html").path) {
                    try checkReportPage(try read("cpts/\(slug)/rapport-annee-\(year.number)/index.html"), year: year, what: what,
                                        file: file, line: line)
                }
                checkCLI(report.stdout, year: year, what: what, file: file, line: line)
                checkIndicatorsCSV(indicatorsCSV, slug: slug, year: year, what: what, file: file, line: line)
                checked += 1
            }
            // cpts.csv: the first year's maximum and total, the last two columns.
            let row = try XCTUnwrap(cptsCSV.split(separator: "\r\n").first { $0.hasPrefix("\(slug);") }, file: file, line: line)
            let cells = row.split(separator: ";", omittingEmptySubsequences: false)
            let first = try XCTUnwrap(years.first)
            XCTAssertEqual(cells.suffix(2).map(String.init), [String(first.maximum), String(first.total)], "\(name) \(slug): cpts.csv",
                           file: file, line: line)
        }
        // The dashboard's yearly envelope: the maxima of the years in progress, summed.
        let home = try read("index.html")
        XCTAssertTrue(home.contains(Self.euros(engaged)), "\(name): Enveloppe ACI annuelle \(Self.euros(engaged))", file: file, line: line)
        return checked
    }

    func checkPage(_ page: String, year: Year, what: String, file: StaticString, line: UInt) throws {
        // Years not begun are projections: the CPTS page shows only the years begun.
        guard !year.projected else {
            XCTAssertNil(Self.block(year: year.number, in: page), "\(what): projected year on the page", file: file, line: line)
            return
        }
        let table = try XCTUnwrap(Self.block(year: year.number, in: page), "\(what): no table on the CPTS page", file: file, line: line)
        XCTAssertTrue(table.hasPrefix("data-ledger-year=\"\(year.number)\" data-ledger-start=\"\(year.start)\" data-ledger-end=\"\(year.lastDay)\" data-ledger-status=\"\(year.status)\""),
                      "\(what): CPTS page \(table.prefix(160))", file: file, line: line)
        XCTAssertEqual(Self.cell("total", in: table), Self.euros(year.total), "\(what): CPTS page total", file: file, line: line)
        XCTAssertEqual(Self.cell("maximum", in: table), Self.euros(year.maximum), "\(what): CPTS page maximum", file: file, line: line)
        XCTAssertEqual(Self.cell("fixed-total", in: table), Self.euros(year.fixedTotal), "\(what): CPTS page fixed part", file: file, line: line)
    }

    func checkReportPage(_ page: String, year: Year, what: String, file: StaticString, line: UInt) throws {
        XCTAssertTrue(page.contains("data-ledger-year=\"\(year.number)\" data-ledger-start=\"\(year.start)\" data-ledger-end=\"\(year.lastDay)\" data-ledger-status=\"\(year.status)\""),
                      "\(what): report page period and status", file: file, line: line)
        let body = page[...]
        XCTAssertEqual(Self.cell("paid", in: body), Self.euros(year.paid), "\(what): report paid", file: file, line: line)
        XCTAssertEqual(Self.cell("to-come", in: body), Self.euros(year.toCome), "\(what): report to come", file: file, line: line)
        // "Acquis" only for a year ended; before, what the year owes, not earned yet.
        XCTAssertEqual(Self.cell("earned", in: body), year.earned.map(Self.euros), "\(what): report earned", file: file, line: line)
        if year.earned == nil {
            XCTAssertEqual(Self.cell("fixed-total", in: body), Self.euros(year.fixedTotal), "\(what): report due", file: file, line: line)
        }
    }

    func checkCLI(_ output: String, year: Year, what: String, file: StaticString, line: UInt) {
        let heading = "Année \(year.number) du contrat (du \(year.start) au \(year.lastDay), \(year.status))"
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let index = lines.firstIndex(where: { $0.hasPrefix(heading) }) else {
            return XCTFail("\(what): `cpts-site report` has no line \(heading)", file: file, line: line)
        }
        XCTAssertEqual(lines[index].hasSuffix("— prévision, si les missions non démarrées le restent"), year.projected,
                       "\(what): report projection mark", file: file, line: line)
        let block = lines[index...].prefix { !$0.isEmpty }
        let total = block.first { $0.hasPrefix("Total ") }, maximum = block.first { $0.hasPrefix("Maximum théorique") }
        XCTAssertTrue(total?.hasSuffix("  " + Self.euros(year.total)) == true, "\(what): report total \(total ?? "")", file: file, line: line)
        XCTAssertTrue(maximum?.hasSuffix(" " + Self.euros(year.maximum)) == true, "\(what): report maximum \(maximum ?? "")",
                      file: file, line: line)
    }

    /// indicators.csv gives an amount earned only for a contract year assessed.
    func checkIndicatorsCSV(_ csv: String, slug: String, year: Year, what: String, file: StaticString, line: UInt) {
        for row in csv.split(separator: "\r\n") where row.hasPrefix("\(slug);\(year.number);") {
            let earned = row.split(separator: ";", omittingEmptySubsequences: false).last.map(String.init) ?? ""
            XCTAssertEqual(earned.isEmpty, year.status != "évaluée", "\(what): indicators.csv \(row)", file: file, line: line)
        }
    }

    /// The text of a report's PDF, as `pdftotext` (poppler-utils) reads it, its spaces made plain: Chromium's PDF
    /// keeps the narrow no-break spaces of `226 500 €`, and pdftotext may give them as spaces.
    static func pdfText(_ pdf: URL) throws -> String {
        let result = try CLIRunner.run(["-layout", pdf.path, "-"], in: pdf.deletingLastPathComponent(),
                                       program: URL(fileURLWithPath: "/usr/bin/pdftotext"))
        XCTAssertEqual(result.status, 0, result.stderr)
        return plain(result.stdout)
    }

    static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{A0}", with: " ")
    }

    /// The report's PDF, printed by the real headless Chromium (`build --pdf`), says each contract year's period,
    /// status, and what is paid and to come as site.json does.
    func testTheBlaisoisReportPDFsAgreeWithSiteJSON() throws {
        let content = CLIRunner.repositoryRoot.appendingPathComponent("examples/cpts-blaisois/content")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let build = try CLIRunner.run(["build", "--pdf", "--content", content.path, "--themes",
                                       CLIRunner.repositoryRoot.appendingPathComponent("themes").path, "--output", output.path],
                                      in: CLIRunner.repositoryRoot)
        XCTAssertEqual(build.status, 0, build.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("data/site.json"))) as? [String: Any])
        var printed = 0
        for entry in try XCTUnwrap(json["cpts"] as? [[String: Any]]) {
            let slug = try XCTUnwrap(entry["slug"] as? String)
            guard let funding = entry["funding"] as? [String: Any] else { continue }
            for year in try XCTUnwrap(funding["years"] as? [[String: Any]]).map(Year.init) {
                let pdf = output.appendingPathComponent("cpts/\(slug)/rapport-annee-\(year.number)/rapport-annee-\(year.number).pdf")
                guard FileManager.default.fileExists(atPath: pdf.path) else { continue }
                let text = try Self.pdfText(pdf), what = "\(slug) year \(year.number) PDF"
                XCTAssertTrue(text.contains("du \(year.start) au \(year.lastDay) (\(year.status))"), "\(what): period and status\n\(text.prefix(600))")
                for (label, amount) in [("Versé", year.paid), ("À venir", year.toCome)] {
                    let line = text.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(label + " ") }
                    // pdftotext may drop the narrow space before `€`: amounts compared without their spaces.
                    let digits = Self.plain(Self.euros(amount)).replacingOccurrences(of: " ", with: "")
                    XCTAssertTrue(line?.replacingOccurrences(of: " ", with: "").hasSuffix(digits) == true,
                                  "\(what): \(label) \(amount): \(line ?? "none")")
                }
                if let earned = year.earned {
                    let acquis = text.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("Acquis ") }
                    XCTAssertTrue(acquis?.replacingOccurrences(of: " ", with: "")
                                    .hasSuffix(Self.plain(Self.euros(earned)).replacingOccurrences(of: " ", with: "")) == true,
                                  "\(what): Acquis \(earned): \(acquis ?? "none")")
                } else {
                    XCTAssertFalse(text.contains("Acquis "), "\(what): a year not ended shows nothing earned")
                }
                printed += 1
            }
        }
        XCTAssertEqual(printed, 2, "the Blaisois example prints the reports of its years 1 and 2")
    }

    func testTheMainExampleAgreesEverywhere() throws {
        let checked = try checkSite(content: CLIRunner.repositoryRoot.appendingPathComponent("content"), name: "ledger-example")
        XCTAssertGreaterThan(checked, 0)
    }

    func testTheBlaisoisExampleAgreesEverywhere() throws {
        let checked = try checkSite(content: CLIRunner.repositoryRoot.appendingPathComponent("examples/cpts-blaisois/content"),
                                    name: "ledger-blaisois")
        XCTAssertEqual(checked, 5)
    }

    func testTheGoldenSitesAgreeEverywhere() throws {
        for name in ["minimal", "warnings"] {
            let checked = try checkSite(content: CLIRunner.repositoryRoot.appendingPathComponent("Tests/Fixtures/sites/\(name)/content"),
                                        name: "ledger-\(name)")
            XCTAssertEqual(checked, 5, name)
        }
    }

    /// `new site` and `new cpts`, the CPTS then signed on 31/12/2025 with the avenant-2 socle and a report of its
    /// first year: the site's date is today, so whatever the year's status, every output must say the same.
    func testAGeneratedSiteAgreesEverywhere() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-new-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        XCTAssertEqual(try CLIRunner.run(["new", "site", "region"], in: parent).status, 0)
        let site = parent.appendingPathComponent("region")
        XCTAssertEqual(try CLIRunner.run(["new", "cpts", "val-de-loire"], in: site).status, 0)
        let file = site.appendingPathComponent("content/cpts/val-de-loire.md")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacing(/stage: letter-of-intent/, with: "stage: aci-signed")
            .replacing(/letter-of-intent: \d{4}-\d{2}-\d{2}/, with: "letter-of-intent: 2025-01-15\n  health-project: 2025-06-01\n  aci-signed: 2025-12-31")
            .replacing(/legalForm: association-1901/, with: """
                legalForm: association-1901
                missions:
                  - { id: acces-soins, start: 2026-01-15 }
                  - { id: parcours, start: 2026-06-01 }
                  - { id: prevention, start: 2026-06-01 }
                  - { id: crises-sanitaires, start: 2026-03-01 }
                """)
        try Data(text.utf8).write(to: file)
        let reports = site.appendingPathComponent("content/reports/val-de-loire")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        try Data("---\nactions: []\n---\n## Faits marquants\n\nPremière année.\n".utf8).write(to: reports.appendingPathComponent("1.md"))
        let check = try CLIRunner.run(["check"], in: site)
        XCTAssertEqual(check.status, 0, check.stderr)
        let checked = try checkSite(content: site.appendingPathComponent("content"), name: "ledger-new")
        XCTAssertEqual(checked, 5)
    }
}
