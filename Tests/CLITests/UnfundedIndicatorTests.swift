import XCTest

/// An indicator of a mission that its contract year's schedule does not fund: the minimal site's CPTS du Sud
/// Lochois (signed 15/11/2019 under the 2019 schedule, year 1 assessed at 31/12/2020) also carries the crisis
/// mission, which that schedule does not have, and its year 1 sets an indicator of it whose value reached its step.
/// Every output says what it earned (0 €) and, where there is room for words, why.
final class UnfundedIndicatorTests: XCTestCase {
    /// The amount cell of such an indicator: 0 €, and why under it.
    static let unfundedEarned = "0\u{A0}€<br><span class=\"earned-note\">(mission non financée cette année)</span>"

    func unfundedSite() throws -> ScratchSite {
        let site = try ScratchSite()
        let cpts = try site.read("content/cpts/sud-lochois.md")
        try site.write("content/cpts/sud-lochois.md", cpts.replacingOccurrences(
            of: "  - id: prevention\n    start: 2020-09-01\n",
            with: "  - id: prevention\n    start: 2020-09-01\n  - id: crises-sanitaires\n    start: 2020-03-01\n"))
        let indicators = try site.read("content/indicators/sud-lochois.yaml")
        let plan = """
                  - id: plan-crise
                    mission: crises-sanitaires
                    label: Plan de gestion de crise rédigé
                    direction: done
                    value: true
                    steps:
                      - { amount: 4000 }
              - year: 2

            """
        try site.write("content/indicators/sud-lochois.yaml", indicators.replacingOccurrences(of: "  - year: 2\n", with: plan))
        let build = try site.run("build")
        XCTAssertEqual(build.status, 0, build.stderr)
        return site
    }

    /// The contents of the cells `data-label="<label>"` of a page, in order (up to their `</td>`).
    func cells(_ label: String, in page: String) -> [String] {
        page.components(separatedBy: "data-label=\"\(label)\">").dropFirst().map { cell in
            String(cell[..<(cell.range(of: "</td>")?.lowerBound ?? cell.endIndex)])
        }
    }

    func testTheCPTSPageSaysWhyAnIndicatorOfAnUnfundedMissionEarnedNothing() throws {
        let page = try unfundedSite().read("public/cpts/sud-lochois/index.html")
        // Year 1 (assessed): ALD and parcours paid their step, dépistage reached none, the crisis plan is unfunded;
        // year 2 is in progress.
        XCTAssertEqual(cells("Montant acquis", in: page),
                       ["6\u{202F}000\u{A0}€", "5\u{202F}000\u{A0}€", "0\u{A0}€", Self.unfundedEarned, "non évalué", "non évalué"])
    }

    /// The report's count of indicators reached agrees with its amounts: each indicator counted reached shows the
    /// amount of its step, or 0 € with the reason it is not paid; the one not counted earned 0 € for reaching none.
    func testTheReportCountsAsReachedWhatItsAmountsSayWasReached() throws {
        let report = try unfundedSite().read("public/cpts/sud-lochois/rapport-annee-1/index.html")
        XCTAssertEqual(cells("Montant acquis", in: report), ["6\u{202F}000\u{A0}€", "5\u{202F}000\u{A0}€", "0\u{A0}€", Self.unfundedEarned])
        let reached = cells("Montant acquis", in: report).filter { $0 != "0\u{A0}€" }.count
        XCTAssertEqual(reached, 3)
        XCTAssertTrue(report.contains(#"<span class="figure">\#(reached) sur 4</span> Indicateurs atteints"#), report)
    }

    func testTheSpreadsheetGivesZeroForAnIndicatorOfAnUnfundedMissionAndSaysWhyInItsColumnNotes() throws {
        let site = try unfundedSite()
        let csv = try site.read("public/data/indicators.csv")
        let row = try XCTUnwrap(csv.split(separator: "\r\n").first { $0.contains(";plan-crise;") }, csv)
        XCTAssertTrue(row.hasPrefix("sud-lochois;1;plan-crise;"), String(row))
        XCTAssertTrue(row.hasSuffix(";0"), String(row))
        let methodology = try site.read("public/methodologie/index.html")
        XCTAssertTrue(methodology.contains("0 pour un indicateur d’une mission que le barème de cette année ne finance pas"))
    }

    /// Both pages write the steps with French typography's narrow no-break space before `:` (and `;`), never the
    /// wider no-break space the report used to put there.
    func testTheReportAndTheCPTSPageWriteRewardStepsAlike() throws {
        let site = try unfundedSite()
        let page = try site.read("public/cpts/sud-lochois/index.html")
        let report = try site.read("public/cpts/sud-lochois/rapport-annee-1/index.html")
        let steps = "≤\u{A0}150\u{A0}patients\u{202F}: 6\u{202F}000\u{A0}€\u{202F}; ≤\u{A0}100\u{A0}patients\u{202F}: 9\u{202F}000\u{A0}€"
        XCTAssertEqual(cells("Paliers", in: page).first, steps)
        XCTAssertEqual(cells("Paliers", in: report).first, steps)
        XCTAssertFalse(report.contains("\u{A0}: "), report)
    }
}
