@testable import CPTSDomain
import XCTest

final class CoverageCalculatorTests: XCTestCase {
    let cpts = [
        RuleFixtures.cpts(slug: "a", department: "37", population: 100_000, stage: .aciSigned,
                          dates: [.letterOfIntent: "2018-01-10", .healthProject: "2019-06-01", .aciSigned: "2019-11-15"],
                          missions: [("acces-soins", "2019-12-01"), ("parcours", "2020-01-01"), ("prevention", "2020-01-01")]),
        RuleFixtures.cpts(slug: "b", department: "18", population: 80_000, stage: .healthProject,
                          dates: [.letterOfIntent: "2019-02-01", .healthProject: "2020-02-01"]),
        RuleFixtures.cpts(slug: "c", department: "18", population: 30_000, stage: .diagnostic,
                          dates: [.letterOfIntent: "2019-03-01", .diagnostic: "2019-09-01"]),
    ]

    func testFiguresAtADateCountOnlyStagesReachedByThen() {
        let figures = CoverageCalculator.at(Day(iso: "2019-12-31")!, in: RuleFixtures.content(cpts))
        XCTAssertEqual(figures.countByStage, [.aciSigned: 1, .letterOfIntent: 1, .diagnostic: 1])
        XCTAssertEqual(figures.constituted, 1)
        XCTAssertEqual(figures.signed, 1)
        XCTAssertEqual(figures.populationCovered, 100_000)
        XCTAssertEqual(figures.coverage, 0.25)
        XCTAssertEqual(figures.constitutedShare, 0.25)
        let later = CoverageCalculator.at(Day(iso: "2020-02-01")!, in: RuleFixtures.content(cpts))
        XCTAssertEqual(later.constituted, 2)
        XCTAssertEqual(later.coverage, 0.45)
    }

    /// A CPTS of a department the region does not list counts for the region, in no department's row; its
    /// communes of the region's departments still count there.
    func testAnInhabitantOutsideTheRegionsDepartmentsCountsForTheRegionOnly() {
        let outside = RuleFixtures.cpts(slug: "e", department: "41", population: 40_000, communes: ["41001", "37002"],
                                        stage: .aciSigned, dates: [.aciSigned: "2019-01-01"])
        let communes = [Commune(code: "41001", name: "C", department: "41", population: 25_000),
                        Commune(code: "37002", name: "D", department: "37", population: 15_000)]
        let figures = CoverageTimeline(RuleFixtures.content([outside], communes: communes)).at(Day(iso: "2019-12-31")!)
        XCTAssertEqual(figures.signed, 1)
        XCTAssertEqual(figures.signedPopulation, 40_000)
        XCTAssertEqual(figures.byDepartment.map(\.code), ["18", "37"])
        XCTAssertEqual(figures.byDepartment.map(\.cpts), [0, 0])
        XCTAssertEqual(figures.byDepartment.map(\.populationCovered), [0, 15_000])
        XCTAssertEqual(figures.byDepartment.map(\.signedPopulation), [0, 15_000])
    }

    func testByDepartmentAttributesEachCommuneToItsOwnDepartment() {
        let straddling = RuleFixtures.cpts(slug: "d", department: "37", population: 50_000, communes: ["37001", "18001"],
                                           stage: .healthProject, dates: [.healthProject: "2019-01-01"])
        let communes = [Commune(code: "37001", name: "A", department: "37", population: 30_000),
                        Commune(code: "18001", name: "B", department: "18", population: 20_000)]
        let figures = CoverageCalculator.at(Day(iso: "2019-12-31")!, in: RuleFixtures.content([straddling], communes: communes))
        XCTAssertEqual(figures.byDepartment.map(\.code), ["18", "37"])
        XCTAssertEqual(figures.byDepartment.map(\.populationCovered), [20_000, 30_000])
        XCTAssertEqual(figures.byDepartment.map(\.constituted), [0, 1])
        XCTAssertEqual(figures.byDepartment[0].coverage, 20_000.0 / 250_000.0)
        XCTAssertEqual(figures.populationCovered, 50_000)
    }

    /// A written population differing from its communes' sum (486 more here) is shared between the communes'
    /// departments in proportion, so that departments add up to the region.
    func testAWrittenPopulationIsSharedBetweenDepartmentsSoThatTheyAddUpToTheRegion() {
        let straddling = RuleFixtures.cpts(slug: "d", department: "37", population: 50_486, communes: ["37001", "18001"],
                                           stage: .healthProject, dates: [.healthProject: "2019-01-01"])
        let communes = [Commune(code: "37001", name: "A", department: "37", population: 30_000),
                        Commune(code: "18001", name: "B", department: "18", population: 20_000)]
        let figures = CoverageCalculator.at(Day(iso: "2019-12-31")!, in: RuleFixtures.content([straddling], communes: communes))
        // 50 486 × 30 000 / 50 000 = 30 291.6 and 50 486 × 20 000 / 50 000 = 20 194.4: floors 30 291 + 20 194 = 50 485;
        // the one inhabitant left goes to the largest remainder (0.6, department 37).
        XCTAssertEqual(figures.byDepartment.map(\.populationCovered), [20_194, 30_292])
        XCTAssertEqual(figures.byDepartment.map(\.populationCovered).reduce(0, +), figures.populationCovered)
        XCTAssertEqual(figures.populationCovered, 50_486)
    }

    func testTheMonthlySeriesRunsFromTheFirstStageToTheSitesDate() {
        let series = CoverageCalculator.monthlySeries(in: RuleFixtures.content(cpts, asOf: "2020-02-15"))
        XCTAssertEqual(series.first?.date, Day(iso: "2018-01-31"))
        XCTAssertEqual(series.last?.date, Day(iso: "2020-02-15"))
        XCTAssertEqual(series.count, 26)
        XCTAssertEqual(series.map(\.constituted).last, 2)
        XCTAssertEqual(series[16].date, Day(iso: "2019-05-31"))
        XCTAssertEqual(series[16].constituted, 0)
        XCTAssertEqual(series[17].constituted, 1)
    }

    func testMilestonesAreComparedWithTheFiguresAtTheirDate() {
        var content = RuleFixtures.content(cpts, asOf: "2020-03-31")
        let at = RuleFixtures.at("content/region.yaml")
        content.region.milestones = [
            Milestone(date: Day(iso: "2020-06-30")!, kind: .forecast, cpts: 3, coverage: Located(0.6, at: at), location: at),
            Milestone(date: Day(iso: "2019-12-31")!, kind: .published, cpts: 2, coverage: Located(0.3, at: at), location: at),
        ]
        let comparisons = CoverageCalculator.milestones(in: content)
        XCTAssertEqual(comparisons.map(\.milestone.kind), [.published, .forecast])
        XCTAssertEqual(comparisons[0].cptsDifference, -1)
        XCTAssertEqual(comparisons[0].coverageDifference ?? 0, -0.05, accuracy: 1e-9)
        XCTAssertNil(comparisons[1].computed)
    }
}
