@testable import CPTSDomain
import XCTest

/// Ledgers worked out by hand, every figure in a comment. The period convention: a contract year runs from the
/// signature's anniversary to the day before the next one ("du 30/09/2019 au 29/09/2020"); amounts are rounded
/// once, half up, to the euro. Schedules: `RuleFixtures.schedule2019()` (tranche 1: operation 50 000, access
/// 15 000 fixed + 10 000 unscheduled care + 15 000 variable; tranche 3: operation 75 000, access 25 000 + 15 000
/// + 25 000, prevention 17 500 + 17 500) and `RuleFixtures.avenant2()` (signed 20/12/2021, in force 01/04/2022).
final class LedgerTests: XCTestCase {
    func day(_ iso: String) -> Day { Day(iso: iso)! }

    func ledger(population: Int, signature: String, missions: [(id: String, start: String?)], asOf: String,
                schedules: [FundingSchedule]? = nil, indicators: [IndicatorFile] = []) throws -> Ledger {
        let cpts = RuleFixtures.cpts(slug: "sud", population: population, stage: .aciSigned,
                                     dates: [.healthProject: "2019-06-01", .aciSigned: signature], missions: missions)
        let content = RuleFixtures.content([cpts], indicators: indicators, asOf: asOf, schedules: schedules)
        return try XCTUnwrap(FundingCalculator.breakdown(of: cpts, in: content))
    }

    func testAYearInProgressHasPaidItsAdvancesAndEarnedNothingForGood() throws {
        // Tranche 1, signed 15/11/2019, access to care from signature, site dated 30/06/2020.
        let ledger = try ledger(population: 30_000, signature: "2019-11-15", missions: [("acces-soins", "2019-11-15")],
                                asOf: "2020-06-30")
        let year = try XCTUnwrap(ledger.year(1))
        // Year 1: du 15/11/2019 au 14/11/2020, in progress at 30/06/2020.
        XCTAssertEqual(year.start, day("2019-11-15"))
        XCTAssertEqual(year.lastDay, day("2020-11-14"))
        XCTAssertEqual(year.status, .inProgress)
        XCTAssertFalse(year.isProjected)
        // Paid: operation 50 000 at signature + 75 % × (15 000 + 10 000) = 18 750 at signature = 68 750.
        XCTAssertEqual(year.paid, 68_750)
        // To come: the balance, 25 000 − 18 750 = 6 250 at 15/11/2020. Nothing earned for good yet.
        XCTAssertEqual(year.toCome, 6_250)
        XCTAssertNil(year.earned)
        // Fixed part due for the year: 50 000 + 25 000 = 75 000; maximum with the variable 15 000: 90 000.
        XCTAssertEqual(year.fixedTotal, 75_000)
        XCTAssertEqual(year.maximum, 90_000)
        XCTAssertEqual(ledger.currentYear?.year, 1)
        XCTAssertEqual(ledger.paidAsOf, 68_750)
        XCTAssertEqual(ledger.due, 6_250)
        // Years 2 to 5 are projections: 75 000 of fixed part each, 300 000.
        XCTAssertEqual(ledger.years.filter(\.isProjected).map(\.year), [2, 3, 4, 5])
        XCTAssertEqual(ledger.projected, 300_000)
        XCTAssertEqual(ledger.year(2)?.status, .upcoming)
    }

    func testAMissionStartingLateIsPaidProRataAndItsAdvanceIsRoundedOnce() throws {
        // Tranche 3, signed 30/09/2019. Year 1: du 30/09/2019 au 29/09/2020, 366 days (29/02/2020 inside).
        // Access from 14/10/2019: 352 days left. Fixed 25 000 × 352 / 366 = 24 043.72 → 24 044;
        // extra 15 000 × 352 / 366 = 14 426.23 → 14 426; sum 38 470.
        // Advance: 0.75 × 40 000 × 352 / 366 = 28 852.46 → 28 852 (75 % of the rounded 38 470 would be 28 853).
        // Balance at 30/09/2020: 38 470 − 28 852 = 9 618.
        // Prevention from 30/03/2021, in year 2 (du 30/09/2020 au 29/09/2021, 365 days): 184 days left.
        // Fixed 17 500 × 184 / 365 = 8 821.92 → 8 822; advance 0.75 × 17 500 × 184 / 365 = 6 616.44 → 6 616.
        // Year 2 advance at 30/09/2020: 75 % × (75 000 + 40 000) = 86 250;
        // balance at 30/09/2021: (75 000 + 40 000 + 8 822) − 86 250 − 6 616 = 30 956.
        let ledger = try ledger(population: 100_000, signature: "2019-09-30",
                                missions: [("acces-soins", "2019-10-14"), ("prevention", "2021-03-30")], asOf: "2020-12-31")
        let first = try XCTUnwrap(ledger.year(1)), second = try XCTUnwrap(ledger.year(2))
        XCTAssertEqual(first.lastDay, day("2020-09-29"))
        XCTAssertEqual(first.missions.map(\.fixed), [24_044, 0])
        XCTAssertEqual(first.missions.map(\.extra), [14_426, 0])
        XCTAssertEqual(first.payments.map(\.amount), [75_000, 28_852, 9_618])
        // Maximum théorique, reachable: 75 000 + 38 470 + variable 25 000 + 17 500 = 155 970.
        XCTAssertEqual(first.maximum, 155_970)
        XCTAssertEqual(first.maximumFixed, first.fixedTotal)
        // Ended at 31/12/2020, no indicators given: ended, not assessed; earned for good: 75 000 + 38 470 = 113 470.
        XCTAssertEqual(first.status, .ended)
        XCTAssertEqual(first.earned, 113_470)
        XCTAssertEqual(second.payments.map(\.date), [day("2020-09-30"), day("2021-03-30"), day("2021-09-30")])
        XCTAssertEqual(second.payments.map(\.amount), [86_250, 6_616, 30_956])
        XCTAssertEqual(second.missions.map(\.fixed), [25_000, 8_822])
        // Year 2 maximum: 75 000 + 40 000 + 8 822 + 25 000 + 17 500 = 166 322.
        XCTAssertEqual(second.maximum, 166_322)
        XCTAssertEqual(second.status, .inProgress)
    }

    func testAYearCrossingTheAvenantIsPaidUnderTheScheduleInForceAtItsStart() throws {
        // Tranche 1, signed 01/06/2021, access from signature, site dated 31/12/2022 (avenant 2 known).
        // Year 1: du 01/06/2021 au 31/05/2022, across 01/04/2022: paid under the 2019 schedule, in force at its start:
        // 50 000 + 15 000 + 10 000 = 75 000.
        // Year 2 (from 01/06/2022) under avenant 2, signed before 31/12/2021 so operation raised: 50 000 + 37 500 =
        // 87 500; access 56 250 (no separate extra line). Advance 75 % × 143 750 = 107 812.5 → 107 813 at 01/06/2022;
        // balance 143 750 − 107 813 = 35 937 at 01/06/2023.
        let ledger = try ledger(population: 30_000, signature: "2021-06-01", missions: [("acces-soins", "2021-06-01")],
                                asOf: "2022-12-31", schedules: [RuleFixtures.dated2019(), RuleFixtures.avenant2()])
        let first = try XCTUnwrap(ledger.year(1)), second = try XCTUnwrap(ledger.year(2))
        XCTAssertEqual(first.scheduleID, "aci-2019")
        XCTAssertEqual(first.lastDay, day("2022-05-31"))
        XCTAssertEqual(first.fixedTotal, 75_000)
        XCTAssertEqual(second.scheduleID, "aci-avenant-2")
        XCTAssertEqual(second.scheduleLabel, "ACI avenant 2")
        XCTAssertEqual(second.operation, 87_500)
        XCTAssertEqual(second.payments.map(\.amount), [107_813, 35_937])
        XCTAssertEqual(second.status, .inProgress)
    }

    func testASiteDatedBeforeTheAvenantWasSignedNeverAppliesIt() throws {
        // Tranche 3, signed 30/09/2019. Years 4 (from 30/09/2022) and 5 start after avenant 2 takes effect
        // (01/04/2022), but a site dated 31/12/2019 does not know it (signed 20/12/2021): every year is paid under
        // the 2019 schedule, operation 75 000, not 75 000 + 56 250 = 131 250.
        let before = try ledger(population: 100_000, signature: "2019-09-30", missions: [("acces-soins", "2019-09-30")],
                                asOf: "2019-12-31", schedules: [RuleFixtures.dated2019(), RuleFixtures.avenant2()])
        XCTAssertEqual(before.years.map(\.scheduleID), Array(repeating: "aci-2019", count: 5))
        XCTAssertEqual(before.years.map(\.operation), Array(repeating: 75_000, count: 5))
        XCTAssertEqual(before.years.map(\.isProjected), [false, true, true, true, true])
        // Dated 20/12/2021, the day it is signed, the site knows it: years 4 and 5 under avenant 2, 131 250.
        let after = try ledger(population: 100_000, signature: "2019-09-30", missions: [("acces-soins", "2019-09-30")],
                               asOf: "2021-12-20", schedules: [RuleFixtures.dated2019(), RuleFixtures.avenant2()])
        XCTAssertEqual(after.years.map(\.scheduleID), ["aci-2019", "aci-2019", "aci-2019", "aci-avenant-2", "aci-avenant-2"])
        XCTAssertEqual(after.year(4)?.operation, 131_250)
    }

    func testAContractSignedOn29FebruaryKeepsOnePeriodConvention() throws {
        // Signed 29/02/2020. Anniversaries: 28/02/2021, 28/02/2022, 28/02/2023, 29/02/2024, 28/02/2025.
        // Year 1: du 29/02/2020 au 27/02/2021 (365 days); year 4: du 28/02/2023 au 28/02/2024 (366 days).
        // Site dated 31/03/2021: year 1 ended (no indicators given), year 2 in progress, years 3 to 5 to come.
        let ledger = try ledger(population: 30_000, signature: "2020-02-29", missions: [("acces-soins", "2020-02-29")],
                                asOf: "2021-03-31")
        XCTAssertEqual(ledger.years.map(\.start), ["2020-02-29", "2021-02-28", "2022-02-28", "2023-02-28", "2024-02-29"].map(day))
        XCTAssertEqual(ledger.years.map(\.lastDay), ["2021-02-27", "2022-02-27", "2023-02-27", "2024-02-28", "2025-02-27"].map(day))
        XCTAssertEqual(ledger.years.map(\.status), [.ended, .inProgress, .upcoming, .upcoming, .upcoming])
        // Each year's last day is the day before the next one's first day: no day in two years, none in none.
        for (year, next) in zip(ledger.years, ledger.years.dropFirst()) {
            XCTAssertEqual(year.lastDay.days(to: next.start), 1)
        }
    }

    func testACrisisMissionsFirstYearIsPaidTheFirstYearAmountOfTheSchedule() throws {
        // Tranche 3, signed 01/06/2022 under avenant 2 (after 31/12/2021: no operation raise), site dated 31/12/2023.
        // Crisis mission from signature: year 1 pays its first-year amount, 45 000 (the plan written), advanced 75 %
        // = 33 750 at signature; year 2 the update amount, 22 500. Access 90 000 each year.
        // Year 2 advance at 01/06/2023: 75 % × (75 000 + 90 000 + 22 500 = 187 500) = 140 625.
        let ledger = try ledger(population: 100_000, signature: "2022-06-01",
                                missions: [("acces-soins", "2022-06-01"), ("crises-sanitaires", "2022-06-01")],
                                asOf: "2023-12-31", schedules: [RuleFixtures.dated2019(), RuleFixtures.avenant2()])
        let first = try XCTUnwrap(ledger.year(1)), second = try XCTUnwrap(ledger.year(2))
        XCTAssertEqual(first.missions.first { $0.mission == "crises-sanitaires" }?.fixed, 45_000)
        XCTAssertTrue(first.payments.contains(Payment(date: day("2022-06-01"), kind: .fixedAdvance, amount: 33_750, year: 1,
                                                     mission: "crises-sanitaires")))
        XCTAssertEqual(second.missions.first { $0.mission == "crises-sanitaires" }?.fixed, 22_500)
        XCTAssertEqual(second.payments.first, Payment(date: day("2023-06-01"), kind: .advance, amount: 140_625, year: 2))
    }

    func testACrisisMissionStartingInYearTwoIsPaidItsFirstYearAmountThenProRata() throws {
        // Same contract, the crisis mission from 01/12/2023, in year 2 (du 01/06/2023 au 31/05/2024, 366 days):
        // 183 days left (30 + 31 + 31 + 29 + 31 + 30 + 1… counted: 01/12/2023 → 01/06/2024 = 183).
        // First-year amount pro rata: 45 000 × 183 / 366 = 22 500 exactly; year 3 the update amount, 22 500.
        let ledger = try ledger(population: 100_000, signature: "2022-06-01",
                                missions: [("acces-soins", "2022-06-01"), ("crises-sanitaires", "2023-12-01")],
                                asOf: "2023-12-31", schedules: [RuleFixtures.dated2019(), RuleFixtures.avenant2()])
        XCTAssertEqual(ledger.year(1)?.missions.first { $0.mission == "crises-sanitaires" }?.fixed, 0)
        XCTAssertEqual(ledger.year(2)?.missions.first { $0.mission == "crises-sanitaires" }?.fixed, 22_500)
        XCTAssertEqual(ledger.year(3)?.missions.first { $0.mission == "crises-sanitaires" }?.fixed, 22_500)
        XCTAssertEqual(day("2023-12-01").days(to: day("2024-06-01")), 183)
    }

    func testTheRegionsMoneyIsTheSumOfTheLedgersAndEarnsOnlyEndedYears() throws {
        // Two tranche-1 contracts, access from signature, site dated 30/06/2020: one signed 15/11/2019 (year in
        // progress), one signed 01/01/2019 (year 1 ended 31/12/2019, no indicators: earned 75 000).
        let a = RuleFixtures.cpts(slug: "a", population: 30_000, stage: .aciSigned,
                                  dates: [.healthProject: "2019-06-01", .aciSigned: "2019-11-15"],
                                  missions: [("acces-soins", "2019-11-15")])
        let b = RuleFixtures.cpts(slug: "b", population: 30_000, stage: .aciSigned,
                                  dates: [.healthProject: "2018-06-01", .aciSigned: "2019-01-01"],
                                  missions: [("acces-soins", "2019-01-01")])
        let content = RuleFixtures.content([a, b], asOf: "2020-06-30")
        let ledgers = [a, b].compactMap { FundingCalculator.breakdown(of: $0, in: content) }
        let region = RegionalFunding(breakdowns: ledgers)
        // 2019: both first years start in 2019; only b's has ended: earned 75 000; totals 75 000 + 75 000.
        let y2019 = try XCTUnwrap(region.years.first { $0.year == 2019 })
        XCTAssertEqual(y2019.total, 150_000)
        XCTAssertEqual(y2019.earned, 75_000)
        XCTAssertFalse(y2019.projected)
        XCTAssertEqual(y2019.missions.first?.earned, 25_000)
        // 2020: b's year 2 (in progress) and a's year 2 (from 15/11/2020, projected): nothing earned.
        let y2020 = try XCTUnwrap(region.years.first { $0.year == 2020 })
        XCTAssertEqual(y2020.earned, 0)
        XCTAssertTrue(y2020.projected)
        // Enveloppe annuelle: the maxima of the years in progress, 90 000 + 90 000.
        XCTAssertEqual(region.engaged, 180_000)
        XCTAssertEqual(region.paid, ledgers.map(\.paidAsOf).reduce(0, +))
    }

    func testSignedByAsOfIsOneDecision() {
        let signed = RuleFixtures.cpts(stage: .aciSigned, dates: [.healthProject: "2019-06-01", .aciSigned: "2019-11-15"])
        XCTAssertTrue(signed.isSigned(by: day("2019-11-15")))
        XCTAssertFalse(signed.isSigned(by: day("2019-11-14")))
        XCTAssertTrue(signed.isSignedAfter(day("2019-11-14")))
        let notSigned = RuleFixtures.cpts(stage: .healthProject, dates: [.healthProject: "2019-06-01", .aciSigned: "2019-11-15"])
        XCTAssertFalse(notSigned.isSigned(by: day("2020-01-01")))
    }
}
