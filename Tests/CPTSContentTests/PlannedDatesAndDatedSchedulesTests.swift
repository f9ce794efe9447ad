@testable import CPTSContent
import CPTSDomain
import XCTest

/// `planned:` in a CPTS's front matter, and the dated keys of a schedule file, as the readers take them.
final class PlannedDatesAndDatedSchedulesTests: XCTestCase {
    let page = """
        ---
        name: CPTS du Sud
        department: "37"
        population: 45000
        stage: health-project
        dates:
          health-project: 2019-06-01
          aci-signed: 2020-02-03
        planned: [aci-signed]
        missions:
          - id: acces-soins
            start: 2019-12-16
            deployed: 2021-01-15
            planned: [deployed, deploied]
        ---
        Texte.
        """

    func testPlannedListsTheForecastStagesAndMissionDates() throws {
        let (cpts, diagnostics) = CPTSReader.read(page, path: "content/cpts/sud.md", slug: "sud")
        let read = try XCTUnwrap(cpts)
        XCTAssertEqual(read.plannedStages, [.aciSigned])
        XCTAssertEqual(read.missions.map(\.plannedStart), [false])
        XCTAssertEqual(read.missions.map(\.plannedDeployed), [true])
        // A planned stage is not a stage reached.
        XCTAssertEqual(read.stage(at: Day(iso: "2030-01-01")!), .healthProject)
        XCTAssertEqual(diagnostics.map { $0.headline(in: .en) }, [
            "content/cpts/sud.md:14:25: error: unknown date 'deploied' in a mission's 'planned'",
        ])
        XCTAssertEqual(diagnostics.first?.note(in: .en), "did you mean 'deployed'?")
    }

    func testAScheduleReadsItsDateItsSocleFromADayItsRaiseAndItsPublishedMaxima() throws {
        let yaml = """
            id: test
            effective: 2022-04-01
            tranches: [40000, 80000, 175001]
            operation: [50000, 60000, 75000, 90000]
            operationRaise: { amounts: [37500, 45000, 56250, 67500], signedBefore: 2021-12-31, paid: once }
            missions:
              acces-soins: { fixed: [1, 2, 3, 4], variable: [1, 2, 3, 4] }
              crises-sanitaires: { fixed: [1, 2, 3, 4], variable: [0, 0, 0, 0] }
            socle: [acces-soins, { id: crises-sanitaires, from: 2022-09-03 }]
            letterOfIntentAid: { amounts: [15000, 17500, 25000, 30000], status: contested }
            publishedMaxima: { amounts: { 1: 185000, 4: 380000 } }
            """
        let (schedule, diagnostics) = ScheduleReader.read(yaml, path: "content/schedules/test.yaml")
        XCTAssertEqual(diagnostics, [])
        let read = try XCTUnwrap(schedule)
        XCTAssertEqual(read.effective, Day(iso: "2022-04-01"))
        XCTAssertEqual(read.socleIDs, ["acces-soins", "crises-sanitaires"])
        XCTAssertEqual(read.socleSince, ["crises-sanitaires": Day(iso: "2022-09-03")!])
        XCTAssertEqual(read.operationRaise?.paid, .once)
        XCTAssertEqual(read.operationRaise?.signedBefore, Day(iso: "2021-12-31"))
        XCTAssertEqual(read.letterOfIntentAid?.status, "contested")
        XCTAssertEqual(read.publishedMaxima?.amounts, [1: 185_000, 4: 380_000])
    }

    func testARaiseMustSayHowItIsPaid() {
        let yaml = """
            id: test
            tranches: [40000, 80000, 175001]
            operation: [50000, 60000, 75000, 90000]
            operationRaise: { amounts: [1, 2, 3, 4], signedBefore: 2021-12-31, paid: annually }
            missions: {}
            socle: []
            """
        let (schedule, diagnostics) = ScheduleReader.read(yaml, path: "content/schedules/test.yaml")
        XCTAssertNil(schedule?.operationRaise)
        XCTAssertEqual(diagnostics.map { $0.text(in: .en) }, ["unknown operationRaise.paid 'annually'"])
    }
}
