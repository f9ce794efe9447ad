import XCTest

/// Statistical secrecy (`secrecyThreshold:` in site.yaml): a small count of people is never published, on any page
/// or in any data file, and one more part of a table with a total is hidden so that it cannot be subtracted back.
final class StatisticalSecrecyTests: XCTestCase {
    /// Distinctive counts of people, made secret by a threshold above them: a diagnostic figure, two indicator
    /// values a year apart (whose change would give one back from the other).
    static let secretCounts = [73_519, 73_518, 73_517]

    func secretSite() throws -> ScratchSite {
        let site = try ScratchSite()
        try site.write("content/site.yaml", try site.read("content/site.yaml") + "secrecyThreshold: 100000\n")
        try site.write("content/diagnostics/vierzon.yaml", try site.read("content/diagnostics/vierzon.yaml")
            + "  - { id: patients-ald-sans-medecin-traitant, value: 73519 }\n")
        var indicators = try site.read("content/indicators/sud-lochois.yaml")
        indicators = indicators.replacingOccurrences(of: "value: 120\n", with: "value: 73517\n")
        indicators = indicators.replacingOccurrences(of: "value: 95\n", with: "value: 73518\n")
        try site.write("content/indicators/sud-lochois.yaml", indicators)
        return site
    }

    func testASecretCountAppearsInNoFileOfTheBuiltSite() throws {
        let site = try secretSite()
        let build = try site.run("build")
        XCTAssertEqual(build.status, 0, build.stderr)
        let files = try site.snapshot("public")
        // Every output is read: pages, site.json, the spreadsheets, the search index, the feed, the sitemap.
        for path in ["index.html", "cpts/vierzon/index.html", "cpts/sud-lochois/rapport-annee-2/index.html", "data/site.json",
                     "data/indicators.csv", "data/cpts.csv", "sitemap.xml"] {
            XCTAssertNotNil(files[path], "\(path) among \(files.keys.sorted())")
        }
        for count in Self.secretCounts {
            let (high, low) = (count / 1000, String(count % 1000))
            let spellings = ["\(count)", "\(high)\u{202F}\(low)", "\(high)\u{A0}\(low)", "\(high) \(low)", "\(high)&#xA0;\(low)",
                             "\(high)&#x202F;\(low)", "\(high)&nbsp;\(low)", "\(high),\(low)"]
            for (path, data) in files {
                for spelling in spellings {
                    XCTAssertNil(data.firstRange(of: Data(spelling.utf8)), "\(count) written as «\(spelling)» in \(path)")
                }
            }
        }
        // The check can fail: the same site with the default threshold publishes them.
        try site.write("content/site.yaml", try site.read("content/site.yaml").replacingOccurrences(of: "secrecyThreshold: 100000\n", with: ""))
        XCTAssertEqual(try site.run("build").status, 0)
        XCTAssertTrue(try site.read("public/data/indicators.csv").contains("73517"))
    }

    func testASecretCountReadsSecretStatistiqueOnPagesAndInTheSpreadsheet() throws {
        let site = try secretSite()
        XCTAssertEqual(try site.run("build").status, 0)
        let page = try site.read("public/cpts/vierzon/index.html")
        XCTAssertTrue(page.contains("secret statistique"), page)
        let csv = try site.read("public/data/indicators.csv")
        let ald = csv.split(separator: "\r\n").filter { $0.contains("ald-sans-medecin-traitant") }
        XCTAssertEqual(ald.count, 2, csv)
        for line in ald { XCTAssertTrue(line.contains(";secret statistique;secret statistique;"), String(line)) }
        let report = try site.read("public/cpts/sud-lochois/rapport-annee-2/index.html")
        XCTAssertTrue(report.contains("secret statistique"), report)
    }

    /// Members by profession with their total: a secret 3 alone would be the total minus the others; the smallest
    /// other count (9) is hidden too, on the CPTS page and in the activity report that shows the same members.
    func testOneSecretMemberCountHidesTheSmallestOtherOneUnderAPublishedTotal() throws {
        let site = try ScratchSite()
        for path in ["content/cpts/sud-lochois.md", "content/reports/sud-lochois/2.md"] {
            try site.write(path, try site.read(path).replacingOccurrences(of: "  infirmier: 40\n", with: "  infirmier: 40\n  sage-femme: 3\n"))
        }
        let build = try site.run("build")
        XCTAssertEqual(build.status, 0, build.stderr)
        let page = try site.read("public/cpts/sud-lochois/index.html")
        XCTAssertTrue(page.contains("Membres par profession (74 au total)"), page)
        XCTAssertTrue(page.contains(#"<th scope="row">Pharmaciens</th><td class="num count">secret statistique</td>"#), page)
        XCTAssertTrue(page.contains(#"<th scope="row">Sages-femmes</th><td class="num count">secret statistique</td>"#), page)
        XCTAssertTrue(page.contains(#"<td class="num count">22</td>"#), page)
        let report = try site.read("public/cpts/sud-lochois/rapport-annee-2/index.html")
        XCTAssertEqual(report.components(separatedBy: #"data-label="Année 2">secret statistique<"#).count - 1, 2, report)
        XCTAssertTrue(report.contains(#"data-label="Année 2">74<"#), report)
        // Last year's 8 pharmacists are published, but not the change that would give this year's count back.
        XCTAssertFalse(report.contains(#"data-label="Évolution">+1<"#), report)
    }

    func testTheMethodologyPageStatesTheRuleAndTheThreshold() throws {
        let site = try ScratchSite()
        XCTAssertEqual(try site.run("build").status, 0)
        let page = try site.read("public/methodologie/index.html")
        XCTAssertTrue(page.contains("Secret statistique\u{202F}: un nombre de personnes de 1 à 5"), page)
        XCTAssertTrue(page.contains("Le seuil de ce site est de 6"), page)
    }

    func testAThresholdOfOnePublishesEveryCount() throws {
        let site = try ScratchSite()
        try site.write("content/cpts/sud-lochois.md",
                       try site.read("content/cpts/sud-lochois.md").replacingOccurrences(of: "  infirmier: 40\n", with: "  infirmier: 40\n  sage-femme: 3\n"))
        try site.write("content/site.yaml", try site.read("content/site.yaml") + "secrecyThreshold: 1\n")
        XCTAssertEqual(try site.run("build").status, 0)
        let page = try site.read("public/cpts/sud-lochois/index.html")
        XCTAssertFalse(page.contains("<td class=\"num count\">secret statistique"), page)
        XCTAssertTrue(page.contains(#"<th scope="row">Sages-femmes</th><td class="num count">3</td>"#), page)
        XCTAssertTrue(try site.read("public/methodologie/index.html").contains("ce site n’applique aucun seuil"))
    }
}
