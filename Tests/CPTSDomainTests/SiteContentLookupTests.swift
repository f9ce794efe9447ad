@testable import CPTSDomain
import XCTest

/// `SiteContent`'s lookups by slug (a CPTS, its reports), which every CPTS page and every report makes: indexed,
/// so that they stay right when the content is changed after it was made.
final class SiteContentLookupTests: XCTestCase {
    func report(_ slug: String, year: Int) -> ActivityReport {
        let file = "content/reports/\(slug)/\(year).md"
        let at = RuleFixtures.at(file)
        return ActivityReport(slug: Located(slug, at: at), year: Located(year, at: at), file: file, location: at, actions: [],
                              meetings: [], coordinatorFTE: nil, staffFTE: nil, spending: [], members: [], proofs: [], body: "")
    }

    func testACPTSsReportsComeByContractYearWhateverTheirFileOrder() {
        var content = RuleFixtures.content([RuleFixtures.cpts(slug: "a"), RuleFixtures.cpts(slug: "b")])
        content.reports = [report("a", year: 3), report("b", year: 1), report("a", year: 1), report("a", year: 2)]
        XCTAssertEqual(content.reports(for: "a").map(\.year.value), [1, 2, 3])
        XCTAssertEqual(content.reports(for: "b").map(\.file), ["content/reports/b/1.md"])
        XCTAssertEqual(content.reports(for: "c").count, 0)
    }

    func testAReportIsFoundByItsSlugAndYear() {
        var content = RuleFixtures.content([RuleFixtures.cpts(slug: "a")])
        content.reports = [report("a", year: 2), report("b", year: 1)]
        XCTAssertEqual(content.report(for: "a", year: 2)?.file, "content/reports/a/2.md")
        XCTAssertNil(content.report(for: "a", year: 1))
        XCTAssertNil(content.report(for: "b", year: 2))
    }

    func testTwoCPTSFilesOfOneSlugGiveTheFirst() {
        let content = RuleFixtures.content([RuleFixtures.cpts(slug: "a", name: "Première"), RuleFixtures.cpts(slug: "a", name: "Seconde")])
        XCTAssertEqual(content.cpts(slug: "a")?.name, "Première")
        XCTAssertNil(content.cpts(slug: "b"))
    }

    func testTheCPTSLookupFollowsAChangeOfTheCPTS() {
        var content = RuleFixtures.content([RuleFixtures.cpts(slug: "a")])
        content.cpts.append(RuleFixtures.cpts(slug: "b", name: "Ajoutée"))
        content.cpts[0].name = "Renommée"
        XCTAssertEqual(content.cpts(slug: "b")?.name, "Ajoutée")
        XCTAssertEqual(content.cpts(slug: "a")?.name, "Renommée")
    }

    func testTheScheduleInForceForACPTSIsTheOneInForceForTheScheduleItNames() {
        let named = RuleFixtures.cpts(slug: "named")
        var own = RuleFixtures.cpts(slug: "own")
        own.schedule = Located("aci-avenant-2", at: RuleFixtures.at())
        let content = RuleFixtures.content([named, own], asOf: "2023-01-01",
                                           schedules: [RuleFixtures.dated2019(), RuleFixtures.avenant2()])
        let day = Day(iso: "2022-06-01")!
        XCTAssertEqual(content.schedule(for: named, at: day)?.id, "aci-avenant-2")
        XCTAssertEqual(content.schedule(named: "aci-2019", at: day)?.id, "aci-avenant-2")
        XCTAssertEqual(content.schedule(for: own, at: day)?.id, content.schedule(named: "aci-avenant-2", at: day)?.id)
        XCTAssertNil(content.schedule(named: "aci-inconnu", at: day))
    }
}
