@testable import CPTSDomain
import XCTest

final class TerritoryComparisonTests: XCTestCase {
    func content(members: [(String, Int)] = [("medecin-generaliste", 25)]) -> SiteContent {
        var cpts = RuleFixtures.cpts(slug: "a", department: "37", population: 50_000)
        cpts.members = members.map { Member(profession: $0.0, count: $0.1, location: RuleFixtures.at("content/cpts/a.md", 12)) }
        let at = RuleFixtures.at("content/diagnostics/a.yaml")
        var content = RuleFixtures.content([cpts])
        content.territoryDiagnostics = [TerritoryDiagnostic(slug: "a", file: at.file, location: at, source: "Rézone CPTS", year: 2019, figures: [
            TerritoryValue(id: Located("part-patients-sans-medecin-traitant", at: at), value: Located(15, at: at), source: nil, year: nil),
            TerritoryValue(id: Located("depistage-cancer-sein", at: at), value: Located(60, at: at), source: "CRCDC", year: 2018),
        ])]
        content.region.references = ReferenceValues(
            france: ["part-patients-sans-medecin-traitant": Located(10, at: at)],
            region: ["part-patients-sans-medecin-traitant": Located(12, at: at), "densite-medecin-generaliste": Located(8, at: at),
                     "depistage-cancer-sein": Located(54, at: at)],
            departments: ["37": ["part-patients-sans-medecin-traitant": Located(14, at: at)]])
        return content
    }

    func testFiguresComeWithTheirReferencesAndSourcesInCatalogueOrder() throws {
        let content = content()
        let comparisons = TerritoryComparisons.of(content.cpts[0], in: content)
        XCTAssertEqual(comparisons.map(\.figure.id), ["part-patients-sans-medecin-traitant", "depistage-cancer-sein", "densite-medecin-generaliste"])
        let share = comparisons[0]
        XCTAssertEqual([share.department, share.region, share.france], [14, 12, 10])
        XCTAssertEqual(share.source, "Rézone CPTS")
        XCTAssertEqual(share.year, 2019)
        XCTAssertEqual(comparisons[1].source, "CRCDC")
        XCTAssertEqual(comparisons[1].year, 2018)
    }

    func testTheUnfavourableGapIsMeasuredAgainstTheMostFavourableReference() {
        let content = content()
        let comparisons = TerritoryComparisons.of(content.cpts[0], in: content)
        // 15 % without a médecin traitant against 10 % in France: 50 % worse.
        XCTAssertEqual(comparisons[0].unfavourableGap ?? 0, 0.5, accuracy: 1e-9)
        // A screening rate above the region's is not unfavourable.
        XCTAssertNil(comparisons[1].unfavourableGap)
    }

    func testDensitiesAreComputedFromMembersPer10000Inhabitants() {
        let content = content(members: [("medecin-generaliste", 25), ("infirmier", 60)])
        let comparisons = TerritoryComparisons.of(content.cpts[0], in: content)
        let doctors = comparisons.first { $0.figure.id == "densite-medecin-generaliste" }
        XCTAssertEqual(doctors?.value, 5)
        XCTAssertEqual(doctors?.region, 8)
        XCTAssertEqual(doctors?.computed, true)
        XCTAssertEqual(comparisons.first { $0.figure.id == "densite-infirmier" }?.value, 12)
    }
}

final class RoadToContractTests: XCTestCase {
    func road(_ stage: Stage, _ dates: [Stage: String], missions: [(id: String, start: String?)] = [], population: Int = 50_000) -> RoadToContract? {
        let cpts = RuleFixtures.cpts(population: population, stage: stage, dates: dates, missions: missions)
        return RoadToContract.of(cpts, in: RuleFixtures.content([cpts]))
    }

    func testEachStageMarksTheStepsDoneSoFar() throws {
        let expectations: [(Stage, [Stage: String], [Bool])] = [
            (.letterOfIntent, [.letterOfIntent: "2019-01-10"], [true, true, false, false, false]),
            (.preProject, [.letterOfIntent: "2019-01-10", .preProject: "2019-03-01"], [true, true, false, false, false]),
            (.diagnostic, [.letterOfIntent: "2019-01-10", .diagnostic: "2019-06-01"], [true, true, true, false, false]),
            (.healthProject, [.letterOfIntent: "2019-01-10", .healthProject: "2019-11-01"], [true, true, true, true, false]),
        ]
        for (stage, dates, done) in expectations {
            let road = try XCTUnwrap(self.road(stage, dates), "\(stage)")
            XCTAssertEqual(road.steps.map(\.done), done, "\(stage)")
        }
        let dated = try XCTUnwrap(road(.diagnostic, [.letterOfIntent: "2019-01-10", .diagnostic: "2019-06-01"]))
        XCTAssertEqual(dated.steps.map(\.date), [nil, Day(iso: "2019-01-10"), Day(iso: "2019-06-01"), nil, nil])
    }

    func testASignedCPTSHasNoRoadLeft() {
        XCTAssertNil(road(.aciSigned, [.healthProject: "2019-06-01", .aciSigned: "2019-11-15"]))
    }

    func testTheRoadTellsTheSocleAndTheEnvelopeOfTheTranche() throws {
        let road = try XCTUnwrap(self.road(.healthProject, [.healthProject: "2019-06-01"],
                                           missions: [("acces-soins", nil), ("qualite-pertinence", nil)], population: 50_000))
        XCTAssertEqual(road.requirements.map(\.mission.id), ["acces-soins", "parcours", "prevention"])
        XCTAssertEqual(road.requirements.first?.startWithinMonths, 6)
        XCTAssertEqual(road.plannedMissions, ["acces-soins", "qualite-pertinence"])
        XCTAssertEqual(road.tranche.number, 2)
        // Tranche 2: operation 60 000 + access (17 500 + 12 000 + 17 500) + pathways 2 × 25 000
        // + prevention 2 × 15 000 + quality 2 × 10 000 = 207 000.
        XCTAssertEqual(road.envelope, 207_000)
    }
}

final class DepartmentNameTests: XCTestCase {
    func testADepartmentGoesByItsNameOrByItsCodeWhenTheRegionDoesNotListIt() {
        let region = RuleFixtures.content([]).region
        XCTAssertEqual(region.departmentName("37"), "Indre-et-Loire")
        XCTAssertEqual(region.departmentName("41"), "41")
    }
}
