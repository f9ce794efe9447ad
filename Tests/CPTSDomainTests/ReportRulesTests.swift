@testable import CPTSDomain
import XCTest

/// The rules of the annual activity reports, on in-memory content: a CPTS signed on 15/11/2019, a site dated
/// 31/12/2020 (contract year 1 ended on 14/11/2020, year 2 in progress).
final class ReportRulesTests: XCTestCase {
    static let file = "content/reports/test/1.md"

    func at(_ line: Int, _ column: Int = 1, file: String = ReportRulesTests.file) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    func signed() -> CPTS {
        RuleFixtures.cpts(stage: .aciSigned, dates: [.healthProject: "2019-06-01", .aciSigned: "2019-11-15"],
                          missions: [("acces-soins", "2020-03-01"), ("parcours", "2020-09-01"), ("prevention", "2020-09-01")])
    }

    func indicator(_ id: String, mission: String, value: Double?, steps: [Double], year: Int = 1) -> Indicator {
        Indicator(id: Located(id, at: at(10)), mission: Located(mission, at: at(11)), label: id, unit: nil,
                  direction: Located(.up, at: at(12)), baseline: 0, value: value.map(IndicatorValue.number),
                  steps: steps.enumerated().map { RewardStep(threshold: $1, amount: 1000 * ($0 + 1), location: at(13)) })
    }

    func action(_ title: String, mission: String = "acces-soins", status: ActionStatus, start: String? = nil,
                end: String? = nil, indicators: [String] = [], line: Int = 5) -> ReportAction {
        ReportAction(mission: Located(mission, at: at(line, 14)), title: title, status: Located(status, at: at(line + 1, 13)),
                     start: start.map { Located(Day(iso: $0)!, at: at(line + 2, 12)) },
                     end: end.map { Located(Day(iso: $0)!, at: at(line + 3, 10)) }, participants: nil, results: [],
                     indicators: indicators.map { Located($0, at: at(line + 4, 18)) }, location: at(line))
    }

    func report(slug: String = "test", year: Int = 1, actions: [ReportAction] = [], meetings: [Meeting] = [],
                proofs: [Proof] = []) -> ActivityReport {
        let file = "content/reports/\(slug)/\(year).md"
        return ActivityReport(slug: Located(slug, at: at(1, file: file)), year: Located(year, at: at(1, file: file)), file: file,
                              location: at(1, file: file), actions: actions, meetings: meetings, coordinatorFTE: nil,
                              staffFTE: nil, spending: [], members: [], proofs: proofs, body: "")
    }

    func diagnostics(_ reports: [ActivityReport], cpts: [CPTS]? = nil, indicators: [IndicatorFile] = []) -> [Diagnostic] {
        var content = RuleFixtures.content(cpts ?? [signed()], indicators: indicators)
        content.reports = reports
        let names = ["missionIsKnown", "reportBelongsToACPTS", "reportYearIsInContract", "reportActionMissionIsCarried",
                     "reportIndicatorIsKnown", "reportDatesAreInContractYear", "reportStatusMatchesDates"]
        return ContentRules.all.filter { names.contains($0.name) }.flatMap { $0.check(content) }
    }

    func testAValidReportHasNoDiagnostics() {
        let file = IndicatorFile(slug: "test", file: "content/indicators/test.yaml", location: at(1), contractYears: [
            ContractYearIndicators(year: Located(1, at: at(2)), indicators: [indicator("ald", mission: "acces-soins", value: 3, steps: [1])]),
        ])
        let meeting = Meeting(date: Located(Day(iso: "2020-02-06")!, at: at(20)), kind: Located(.generalAssembly, at: at(20)),
                              title: nil, attendance: Located(40, at: at(20)), location: at(20))
        let found = diagnostics([report(actions: [action("Cellule", status: .done, start: "2020-03-01", end: "2020-10-31", indicators: ["ald"])],
                                        meetings: [meeting], proofs: [Proof(indicator: Located("ald", at: at(30)), items: ["CPAM"])])],
                                indicators: [file])
        XCTAssertEqual(found, [])
    }

    func testAReportOfACPTSSignedAfterAsOfIsReportedOnceNotAlsoForItsDates() {
        let late = RuleFixtures.cpts(stage: .aciSigned, dates: [.healthProject: "2019-06-01", .aciSigned: "2099-12-31"],
                                     missions: [("acces-soins", "2020-03-01"), ("parcours", "2020-09-01"), ("prevention", "2020-09-01")])
        let found = diagnostics([report(actions: [action("Cellule", status: .done, start: "2020-03-01", end: "2020-10-31")])],
                                cpts: [late])
        XCTAssertEqual(found.map(\.code), ["report-contract-not-signed"])
    }

    func testAReportForAnUnknownCPTSIsAnErrorWithASuggestion() {
        let found = diagnostics([report(slug: "tset")])
        XCTAssertEqual(found.map(\.code), ["report-without-cpts"])
        XCTAssertEqual(found.first?.note(in: .en), "did you mean 'test'?")
    }

    func testAReportForAYearNotBegunOrOutsideTheContractIsAnError() {
        XCTAssertEqual(diagnostics([report(year: 3)]).map(\.code), ["report-year-not-begun"])
        XCTAssertEqual(diagnostics([report(year: 6)]).map(\.code), ["report-year-out-of-range"])
        XCTAssertEqual(diagnostics([report(year: 2)]).map(\.code), [], "year 2 began on 15/11/2020")
        let unsigned = RuleFixtures.cpts()
        XCTAssertEqual(diagnostics([report()], cpts: [unsigned]).map(\.code), ["report-contract-not-signed"])
    }

    func testAnActionOfAMissionNotCarriedOrUnknownIsAnError() {
        let found = diagnostics([report(actions: [action("Revue", mission: "qualite-pertinence", status: .planned),
                                                  action("Soirée", mission: "preventoin", status: .planned, line: 12)])])
        XCTAssertEqual(found.sortedForReport().map(\.code), ["report-mission-not-carried", "mission-unknown"])
        let unknown = found.first { $0.code == "mission-unknown" }
        XCTAssertEqual(unknown?.location, at(12, 14))
        XCTAssertEqual(unknown?.note(in: .en), "did you mean 'prevention'?")
    }

    func testAnIndicatorNotSetForTheReportsYearIsAnError() {
        let found = diagnostics([report(actions: [action("Cellule", status: .planned, indicators: ["ald"])])])
        XCTAssertEqual(found.map(\.code), ["report-indicator-unknown"])
        XCTAssertEqual(found.first?.location, at(9, 18))
    }

    func testAnActionDatedOutsideItsContractYearIsAnError() {
        let found = diagnostics([report(actions: [
            action("Après", status: .done, start: "2020-11-20", end: "2020-12-01"),
            action("Avant", status: .done, start: "2019-01-10", end: "2019-06-30", line: 12),
            action("Sur deux années", status: .done, start: "2019-10-01", end: "2020-02-01", line: 19),
        ])])
        XCTAssertEqual(found.map(\.code), ["report-action-outside-year", "report-action-outside-year"])
        XCTAssertEqual(found.map { $0.text(in: .en) }, [
            "action 'Après' starts on 2020-11-20, after contract year 1 (2019-11-15 to 2020-11-14)",
            "action 'Avant' ended on 2019-06-30, before contract year 1 (2019-11-15 to 2020-11-14)",
        ])
    }

    func testAStatusThatContradictsTheDatesIsReported() {
        let found = diagnostics([report(year: 2, actions: [
            action("Finie demain", status: .done, start: "2020-12-01", end: "2021-03-01"),
            action("Oubliée", status: .planned, start: "2020-01-06", end: "2020-03-31", line: 12),
            action("Pas commencée", status: .inProgress, start: "2021-02-01", line: 19),
            action("Prévue récemment", status: .planned, start: "2020-11-20", end: "2020-12-15", line: 26),
        ])])
        XCTAssertEqual(found.map(\.code), ["report-action-outside-year", "report-action-done-in-future",
                                           "report-action-status-stale", "report-action-status-stale"])
        XCTAssertEqual(found.filter { $0.code == "report-action-done-in-future" }.map(\.severity), [.error])
        XCTAssertEqual(found.filter { $0.code == "report-action-status-stale" }.map(\.severity), [.warning, .warning])
    }

    func testEveryReportRuleIsListed() {
        let names = Set(ContentRules.all.map(\.name))
        for name in ["reportBelongsToACPTS", "reportYearIsInContract", "reportActionMissionIsCarried",
                     "reportIndicatorIsKnown", "reportDatesAreInContractYear", "reportStatusMatchesDates"] {
            XCTAssertTrue(names.contains(name), name)
        }
    }
}

/// The year-over-year figures of a report: values by year, change, and indicators not reached the year before.
final class IndicatorHistoryTests: XCTestCase {
    func indicator(_ id: String, mission: String, value: Double, steps: [Double]) -> Indicator {
        let at = RuleFixtures.at("content/indicators/test.yaml")
        return Indicator(id: Located(id, at: at), mission: Located(mission, at: at), label: id, unit: nil,
                         direction: Located(.up, at: at), baseline: 0, value: .number(value),
                         steps: steps.enumerated().map { RewardStep(threshold: $1, amount: 1000 * ($0 + 1), location: at) })
    }

    func testHistoryGivesValuesChangeAndCarriesWhatWasNotReached() {
        let at = RuleFixtures.at("content/indicators/test.yaml")
        let cpts = RuleFixtures.cpts(stage: .aciSigned, dates: [.healthProject: "2019-06-01", .aciSigned: "2019-11-15"],
                                     missions: [("acces-soins", "2020-03-01"), ("parcours", "2020-09-01"), ("prevention", "2020-09-01")])
        let file = IndicatorFile(slug: "test", file: "content/indicators/test.yaml", location: at, contractYears: [
            ContractYearIndicators(year: Located(1, at: at), indicators: [
                indicator("parcours", mission: "parcours", value: 2, steps: [1, 3]),
                indicator("depistage", mission: "prevention", value: 51.5, steps: [55, 60]),
                indicator("vaccination", mission: "prevention", value: 10, steps: [20]),
            ]),
            ContractYearIndicators(year: Located(2, at: at), indicators: [
                indicator("parcours", mission: "parcours", value: 3, steps: [1, 3]),
                indicator("depistage", mission: "prevention", value: 56, steps: [55, 60]),
            ]),
        ])
        let content = RuleFixtures.content([cpts], indicators: [file])
        let ledger = FundingCalculator.breakdown(of: content.cpts[0], in: content)
        let histories = IndicatorHistory.histories(slug: "test", year: 2, in: content, ledger: ledger)
        XCTAssertEqual(histories.map(\.id), ["parcours", "depistage", "vaccination"])
        XCTAssertEqual(histories.map(\.change), [1, 4.5, nil])
        XCTAssertEqual(histories.map(\.notReachedLastYear), [false, true, true])
        XCTAssertEqual(histories.map(\.setThisYear), [true, true, false])
        XCTAssertEqual(histories[0].values.map(\.year), [1, 2])
        XCTAssertEqual(histories[0].values.map(\.value), [.number(2), .number(3)])
        XCTAssertEqual(IndicatorHistory.histories(slug: "test", year: 1, in: content, ledger: ledger).map(\.change), [nil, nil, nil])
    }

    /// A CPTS signed on 15/11/2019 that carries the crisis mission, which the 2019 schedule does not fund: year 1
    /// (assessed at 31/12/2020) has one indicator of it that reached its step and one that did not.
    func unfundedHistories(ledger withLedger: Bool = true) -> [IndicatorHistory] {
        let at = RuleFixtures.at("content/indicators/test.yaml")
        let cpts = RuleFixtures.cpts(stage: .aciSigned, dates: [.healthProject: "2019-06-01", .aciSigned: "2019-11-15"],
                                     missions: [("acces-soins", "2020-03-01"), ("crises-sanitaires", "2020-03-01")])
        let file = IndicatorFile(slug: "test", file: "content/indicators/test.yaml", location: at, contractYears: [
            ContractYearIndicators(year: Located(1, at: at), indicators: [
                indicator("plan-reached", mission: "crises-sanitaires", value: 2, steps: [1]),
                indicator("plan-missed", mission: "crises-sanitaires", value: 0, steps: [1]),
            ]),
            ContractYearIndicators(year: Located(2, at: at), indicators: []),
        ])
        let content = RuleFixtures.content([cpts], indicators: [file])
        let ledger = withLedger ? FundingCalculator.breakdown(of: content.cpts[0], in: content) : nil
        return IndicatorHistory.histories(slug: "test", year: 2, in: content, ledger: ledger)
    }

    func testAnIndicatorOfAnUnfundedMissionIsCarriedAsTheLedgerAssessedItsStep() {
        // Not paid either way: what carries it is the step its value reached, as the ledger recorded it.
        let histories = unfundedHistories()
        XCTAssertEqual(histories.map(\.id), ["plan-missed"])
        XCTAssertEqual(histories.map(\.notReachedLastYear), [true])
    }

    func testNothingIsCarriedWithoutALedgerToHaveAssessedTheYearBefore() {
        XCTAssertEqual(unfundedHistories(ledger: false).map(\.id), [])
    }
}
