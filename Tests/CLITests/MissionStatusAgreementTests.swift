import Foundation
import XCTest

/// The CPTS page and `check` read one mission status: a mission the page shows late is one `check --strict` warns
/// about, and the other way round.
final class MissionStatusAgreementTests: XCTestCase {
    func testAMissionThePageShowsLateIsAWarningOfCheckStrict() throws {
        let site = try ScratchSite()
        try site.write("content/site.yaml", try site.read("content/site.yaml").replacingOccurrences(of: "asOf: 2020-12-31", with: "asOf: 2021-12-31"))
        let file = "content/cpts/sud-lochois.md"
        try site.write(file, try site.read(file).replacingOccurrences(of: "    deployed: 2021-01-15\n", with: "")
            .replacingOccurrences(of: "    planned: [deployed]                 # a forecast: the site is dated 31/12/2020\n", with: ""))
        XCTAssertEqual(try site.run("build").status, 0)
        let page = try site.read("public/cpts/sud-lochois/index.html")
        XCTAssertTrue(page.contains("Déploiement en retard (échéance\u{202F}: 15/05/2021)"), page)

        let check = try site.run("check", "--strict")
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stderr.contains(
            "content/cpts/sud-lochois.md:18:12: warning: la mission «\u{202F}acces-soins\u{202F}» n’est pas déployée au 31/12/2021, et sa date limite de déploiement ACI (15/05/2021) est passée"),
            check.stderr)
        // As many late rows on the page as missions `check` warns about.
        let lateRows = page.components(separatedBy: "class=\"status-late\">Déploiement en retard").count - 1
        let warnings = check.stderr.components(separatedBy: "n’est pas déployée au 31/12/2021").count - 1
        XCTAssertEqual(lateRows, 3)
        XCTAssertEqual(warnings, lateRows)
    }
}
