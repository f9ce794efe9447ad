import Foundation
import XCTest

/// A site never shows the future as done: built by the real executable from the minimal site (dated 31/12/2020).
final class AsOfSiteTests: XCTestCase {
    func json(_ site: ScratchSite) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try site.read("public/data/site.json").utf8)) as? [String: Any])
    }

    func entry(_ slug: String, in json: [String: Any]) throws -> [String: Any] {
        try XCTUnwrap((json["cpts"] as? [[String: Any]])?.first { $0["slug"] as? String == slug })
    }

    /// Signed on 03/02/2021, after the site's date: its stage there is the validated health project, it has no
    /// funding yet, its signature is shown as to come, and it still has a road to its contract.
    func testACPTSSignedAfterAsOfIsShownAtItsStageOnThatDateWithoutFunding() throws {
        let site = try ScratchSite()
        let file = "content/cpts/sud-lochois.md"
        try site.write(file, try site.read(file).replacingOccurrences(of: "aci-signed: 2019-11-15", with: "aci-signed: 2021-02-03"))
        // A contract not signed yet has no activity report (a rule says so): the fixture's reports go.
        try FileManager.default.removeItem(at: site.url("content/reports"))
        let build = try site.run("build")
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertTrue(build.stderr.contains("warning: l’étape «\u{202F}aci-signed\u{202F}» est datée du 03/02/2021, après la date du site (31/12/2020)"), build.stderr)
        let json = try json(site)
        let sud = try entry("sud-lochois", in: json)
        XCTAssertEqual(sud["stage"] as? String, "health-project")
        XCTAssertTrue(sud["funding"] is NSNull)
        XCTAssertEqual((json["region"] as? [String: Any])?["signed"] as? Int, 0)
        let page = try site.read("public/cpts/sud-lochois/index.html")
        XCTAssertTrue(page.contains("<dt>Étape</dt><dd>Projet de santé validé</dd>"), page)
        XCTAssertTrue(page.contains("<span class=\"date\">03/02/2021</span> Contrat ACI signé (à venir)"), page)
        XCTAssertFalse(page.contains("fiche-financement"), "no funding before the signature")
        XCTAssertTrue(page.contains("fiche-chemin"), "not signed at the site's date: the road is shown")
    }

    /// On a site dated 31/12/2022, avenant 2 is in force: a CPTS at the letter-of-intent stage shows its aid
    /// (tranche 1: 15 000 €, contested amounts).
    func testALetterOfIntentShowsTheAidOfTheScheduleInForce() throws {
        let site = try ScratchSite()
        try site.write("content/site.yaml", try site.read("content/site.yaml").replacingOccurrences(of: "asOf: 2020-12-31", with: "asOf: 2022-12-31"))
        // The signed contract then needs the crisis mission, socle since 03/09/2022.
        let file = "content/cpts/sud-lochois.md"
        try site.write(file, try site.read(file).replacingOccurrences(of: "    planned: [deployed]                 # a forecast: the site is dated 31/12/2020\n", with: "")
            .replacingOccurrences(of: "  - id: prevention\n", with: "  - id: crises-sanitaires\n    start: 2022-10-01\n  - id: prevention\n"))
        let build = try site.run("build")
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertEqual(try entry("bourges", in: try json(site))["letterOfIntentAid"] as? Int, 15_000)
        let page = try site.read("public/cpts/bourges/index.html")
        XCTAssertTrue(page.contains("<dt>Aide à la lettre d’intention (avenant 2, montant contesté)</dt><dd>15\u{202F}000\u{A0}€</dd>"), page)
    }

    func testALetterOfIntentHasNoAidUnderTheScheduleOf2019() throws {
        let site = try ScratchSite()
        XCTAssertEqual(try site.run("build").status, 0)
        XCTAssertTrue(try entry("bourges", in: try json(site))["letterOfIntentAid"] is NSNull)
    }
}
