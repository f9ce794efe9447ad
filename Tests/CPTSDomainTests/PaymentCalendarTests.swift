@testable import CPTSDomain
import XCTest

/// Payment calendars worked out by hand from the ACI annex, art. 9.1 (operation in full at signature the first
/// year; each mission's fixed part advanced 75 % at its start, pro rata to the anniversary; at each anniversary
/// the balance of the year ended and 75 % of the year starting; the variable part after the year has ended).
/// Rounding: once, to the nearest euro, halves up: each pro-rata line, and each advance from the unrounded amounts. Tranche 1 of the 2019 schedule: operation 50 000,
/// access 15 000 fixed + 10 000 unscheduled care, pathways 17 500, prevention 10 000.
final class PaymentCalendarTests: XCTestCase {
    func day(_ iso: String) -> Day { Day(iso: iso)! }

    func pay(_ date: String, _ kind: Payment.Kind, _ amount: Int, year: Int, _ mission: String? = nil) -> Payment {
        Payment(date: day(date), kind: kind, amount: amount, year: year, mission: mission)
    }

    func testMissionsStartingMonthsAfterSignatureAreAdvancedAtTheirOwnStart() throws {
        let cpts = RuleFixtures.cpts(slug: "sud", population: 30_000, stage: .aciSigned,
                                     dates: [.healthProject: "2019-06-01", .aciSigned: "2019-11-15"],
                                     missions: [("acces-soins", "2020-03-01"), ("prevention", "2020-09-01")])
        let content = RuleFixtures.content([cpts], asOf: "2021-12-31")
        let funding = try XCTUnwrap(FundingCalculator.breakdown(of: cpts, in: content))
        // Year 1: 15/11/2019 → 15/11/2020, 366 days (29/02/2020 inside).
        // Access from 01/03/2020: 259 days left. Fixed 15 000 × 259 / 366 = 10 614.75 → 10 615;
        //   extra 10 000 × 259 / 366 = 7 076.50… → 7 077; advance rounded once, from the unrounded amounts:
        //   0.75 × 25 000 × 259 / 366 = 13 268.44 → 13 268 (not 75 % of the rounded 17 692, 13 269).
        // Prevention from 01/09/2020: 75 days left. Fixed 10 000 × 75 / 366 = 2 049.18 → 2 049;
        //   advance 0.75 × 10 000 × 75 / 366 = 1 536.89 → 1 537.
        // Balance at 15/11/2020: (17 692 − 13 268) + (2 049 − 1 537) = 4 424 + 512 = 4 936 (operation already paid).
        // Year 2: 75 % × (50 000 + 15 000 + 10 000 + 10 000 = 85 000) = 63 750 at 15/11/2020, balance 21 250.
        // Year 3 (in progress at 31/12/2021): advance 63 750 at 15/11/2021, balance 21 250 at 15/11/2022.
        XCTAssertEqual(Array(funding.calendar.prefix(8)), [
            pay("2019-11-15", .operation, 50_000, year: 1),
            pay("2020-03-01", .fixedAdvance, 13_268, year: 1, "acces-soins"),
            pay("2020-09-01", .fixedAdvance, 1_537, year: 1, "prevention"),
            pay("2020-11-15", .balance, 4_936, year: 1),
            pay("2020-11-15", .advance, 63_750, year: 2),
            pay("2021-11-15", .balance, 21_250, year: 2),
            pay("2021-11-15", .advance, 63_750, year: 3),
            pay("2022-11-15", .balance, 21_250, year: 3),
        ])
        // Paid by 31/12/2021: 50 000 + 13 268 + 1 537 + 4 936 + 63 750 + 21 250 + 63 750 = 218 491.
        XCTAssertEqual(funding.paidAsOf, 218_491)
        XCTAssertEqual(funding.calendar.map { $0.isPaid(asOf: funding.asOf) }.filter { $0 }.count, 7)
    }

    func testAContractSignedOn29FebruaryHasAnniversariesOn28FebruaryAnd29InLeapYears() throws {
        let cpts = RuleFixtures.cpts(slug: "sud", population: 30_000, stage: .aciSigned,
                                     dates: [.healthProject: "2019-06-01", .aciSigned: "2020-02-29"],
                                     missions: [("acces-soins", "2020-08-31")])
        let content = RuleFixtures.content([cpts], asOf: "2021-03-31")
        let funding = try XCTUnwrap(FundingCalculator.breakdown(of: cpts, in: content))
        XCTAssertEqual(funding.years.map(\.end), ["2021-02-28", "2022-02-28", "2023-02-28", "2024-02-29", "2025-02-28"].map(day))
        // Year 1: 29/02/2020 → 28/02/2021, 365 days. Access from 31/08/2020: 30 + 31 + 30 + 31 + 31 + 28 = 181 days left.
        // Fixed 15 000 × 181 / 365 = 7 438.36 → 7 438; extra 10 000 × 181 / 365 = 4 958.90 → 4 959; sum 12 397.
        // Advance, rounded once: 0.75 × 25 000 × 181 / 365 = 9 297.95 → 9 298; balance 12 397 − 9 298 = 3 099.
        // Year 2 advance: 75 % × (50 000 + 15 000 + 10 000) = 56 250.
        XCTAssertEqual(Array(funding.calendar.prefix(5)), [
            pay("2020-02-29", .operation, 50_000, year: 1),
            pay("2020-08-31", .fixedAdvance, 9_298, year: 1, "acces-soins"),
            pay("2021-02-28", .balance, 3_099, year: 1),
            pay("2021-02-28", .advance, 56_250, year: 2),
            pay("2022-02-28", .balance, 18_750, year: 2),
        ])
        XCTAssertEqual(funding.year(1)?.status, .ended)
        XCTAssertEqual(funding.year(2)?.status, .inProgress)
    }

    func testAContractCrossingTheAvenantIsPaidUnderEachScheduleFromItsDate() throws {
        let cpts = RuleFixtures.cpts(slug: "sud", population: 30_000, stage: .aciSigned,
                                     dates: [.healthProject: "2021-01-10", .aciSigned: "2021-06-15"],
                                     missions: [("acces-soins", "2021-06-15"), ("parcours", "2021-06-15"),
                                                ("prevention", "2021-06-15")])
        let content = RuleFixtures.content([cpts], asOf: "2023-12-31",
                                           schedules: [RuleFixtures.dated2019(), RuleFixtures.avenant2()])
        let funding = try XCTUnwrap(FundingCalculator.breakdown(of: cpts, in: content))
        // Year 1 starts 15/06/2021, before avenant 2 applies (01/04/2022): the 2019 schedule.
        // Years 2 (15/06/2022) and after: avenant 2.
        XCTAssertEqual(funding.years.map(\.scheduleID), ["aci-2019"] + Array(repeating: "aci-avenant-2", count: 4))
        // Year 1: operation 50 000 at signature; advances 75 % × (15 000 + 10 000) = 18 750, 75 % × 17 500 = 13 125,
        //   75 % × 10 000 = 7 500, all at signature (the missions start that day); balance 6 250 + 4 375 + 2 500 = 13 125.
        // Year 2, avenant 2, tranche 1, signed before 31/12/2021: operation 50 000 + 37 500 = 87 500;
        //   fixed 56 250 + 22 500 + 10 000 = 88 750; due 176 250; advance 75 % = 132 187.5 → 132 188; balance 44 062.
        XCTAssertEqual(Array(funding.calendar.prefix(9)), [
            pay("2021-06-15", .operation, 50_000, year: 1),
            pay("2021-06-15", .fixedAdvance, 18_750, year: 1, "acces-soins"),
            pay("2021-06-15", .fixedAdvance, 13_125, year: 1, "parcours"),
            pay("2021-06-15", .fixedAdvance, 7_500, year: 1, "prevention"),
            pay("2022-06-15", .balance, 13_125, year: 1),
            pay("2022-06-15", .advance, 132_188, year: 2),
            pay("2023-06-15", .balance, 44_062, year: 2),
            pay("2023-06-15", .advance, 132_188, year: 3),
            pay("2024-06-15", .balance, 44_062, year: 3),
        ])
    }

    func testARaisePaidOnceGoesOnlyToTheFirstYearUnderTheSchedule() throws {
        let cpts = RuleFixtures.cpts(slug: "sud", population: 30_000, stage: .aciSigned,
                                     dates: [.healthProject: "2021-01-10", .aciSigned: "2021-06-15"],
                                     missions: [("acces-soins", "2021-06-15")])
        let content = RuleFixtures.content([cpts], asOf: "2023-12-31",
                                           schedules: [RuleFixtures.dated2019(), RuleFixtures.avenant2(raisePaid: .once)])
        let funding = try XCTUnwrap(FundingCalculator.breakdown(of: cpts, in: content))
        // 50 000 under 2019; 50 000 + 37 500 the first year under avenant 2; then 50 000.
        XCTAssertEqual(funding.years.map(\.operation), [50_000, 87_500, 50_000, 50_000, 50_000])
    }

    func testAContractSignedAfterAsOfHasNoFundingYet() {
        let cpts = RuleFixtures.cpts(slug: "sud", population: 30_000, stage: .aciSigned,
                                     dates: [.healthProject: "2019-06-01", .aciSigned: "2020-02-03"],
                                     missions: [("acces-soins", "2020-02-03")])
        let content = RuleFixtures.content([cpts], asOf: "2019-12-31")
        XCTAssertNil(FundingCalculator.breakdown(of: cpts, in: content))
        XCTAssertEqual(content.stageAsOf(cpts), .healthProject)
        let coverage = CoverageCalculator.at(content.settings.asOf, in: content)
        XCTAssertEqual(coverage.signed, 0)
        XCTAssertEqual(coverage.constituted, 1)
    }

    func yearEndingOn2020_01_01(asOf: String) throws -> ContractYearFunding {
        let cpts = RuleFixtures.cpts(slug: "sud", population: 30_000, stage: .aciSigned,
                                     dates: [.healthProject: "2018-06-01", .aciSigned: "2019-01-01"],
                                     missions: [("acces-soins", "2019-01-01")])
        let at = RuleFixtures.at("content/indicators/sud.yaml")
        let done = Indicator(id: Located("plan", at: at), mission: Located("acces-soins", at: at), label: "plan",
                             unit: nil, direction: Located(.done, at: at), baseline: nil, value: .done(true),
                             steps: [RewardStep(threshold: nil, amount: 5_000, location: at)])
        let file = IndicatorFile(slug: "sud", file: at.file, location: at, contractYears: [
            ContractYearIndicators(year: Located(1, at: at), indicators: [done]),
        ])
        let content = RuleFixtures.content([cpts], indicators: [file], asOf: asOf)
        return try XCTUnwrap(FundingCalculator.breakdown(of: cpts, in: content)?.year(1))
    }

    func testAYearEndingTheDayAfterAsOfIsInProgressAndEarnsNoVariablePart() throws {
        // Year 1: 01/01/2019 → 01/01/2020; on 31/12/2019 it is not over, whatever its indicators say.
        let year = try yearEndingOn2020_01_01(asOf: "2019-12-31")
        XCTAssertEqual(year.status, .inProgress)
        XCTAssertFalse(year.assessed)
        XCTAssertEqual(year.variableEarned, 0)
        XCTAssertFalse(year.payments.contains { $0.kind == .variable })
        // Operation 50 000 + fixed 15 000 + extra 10 000, nothing variable.
        XCTAssertEqual(year.total, 75_000)
    }

    func testAYearEndedOnAsOfHasItsVariablePartPaidAtTheAnniversary() throws {
        let year = try yearEndingOn2020_01_01(asOf: "2020-01-01")
        XCTAssertEqual(year.status, .assessed)
        XCTAssertEqual(year.variableEarned, 5_000)
        XCTAssertEqual(year.payments.last, pay("2020-01-01", .variable, 5_000, year: 1))
    }
}
