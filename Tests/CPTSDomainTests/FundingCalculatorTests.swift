@testable import CPTSDomain
import XCTest

final class SizeTrancheTests: XCTestCase {
    func testTrancheBoundariesFollowTheSchedule() {
        let schedule = RuleFixtures.schedule2019()
        let expected = [1: 1, 39_999: 1, 40_000: 2, 79_999: 2, 80_000: 3, 175_000: 3, 175_001: 4, 2_000_000: 4]
        for (population, tranche) in expected {
            XCTAssertEqual(schedule.tranche(for: population).number, tranche, "population \(population)")
        }
    }
}

final class FundingCalculatorTests: XCTestCase {
    let allMissions: [(id: String, start: String?)] = [
        ("acces-soins", "2019-11-15"), ("parcours", "2019-11-15"), ("prevention", "2019-11-15"),
        ("qualite-pertinence", "2019-11-15"), ("accompagnement-professionnels", "2019-11-15"),
    ]

    func signed(population: Int, missions: [(id: String, start: String?)]) -> CPTS {
        RuleFixtures.cpts(slug: "sud", population: population, stage: .aciSigned,
                          dates: [.healthProject: "2019-06-01", .aciSigned: "2019-11-15"], missions: missions)
    }

    func testATrancheFourCPTSWithAllFiveMissionsMayEarn380000EurosAYear() throws {
        let content = RuleFixtures.content([signed(population: 200_000, missions: allMissions)])
        let funding = try XCTUnwrap(FundingCalculator.breakdown(of: content.cpts[0], in: content))
        XCTAssertEqual(funding.tranche.number, 4)
        XCTAssertEqual(funding.years.map(\.maximum), Array(repeating: 380_000, count: 5))
    }

    func testEachTranchesMaximumIsTheSumOfTheSchedulesOwnLines() throws {
        let schedule = RuleFixtures.schedule2019()
        for (population, tranche) in [(30_000, 1), (60_000, 2), (120_000, 3), (200_000, 4)] {
            let content = RuleFixtures.content([signed(population: population, missions: allMissions)])
            let funding = try XCTUnwrap(FundingCalculator.breakdown(of: content.cpts[0], in: content))
            let index = tranche - 1
            let lines = schedule.operation.amounts[index] + schedule.missions.values.map {
                $0.fixed.amounts[index] + $0.variable.amounts[index] + ($0.extra?.amounts[index] ?? 0)
            }.reduce(0, +)
            XCTAssertEqual(funding.years[0].maximum, lines, "tranche \(tranche)")
        }
        // The published 2019 maxima that the reconstructed lines reproduce: T4 380 000 €; T1 sums to 170 000 €.
        let t1 = RuleFixtures.content([signed(population: 30_000, missions: allMissions)])
        XCTAssertEqual(FundingCalculator.breakdown(of: t1.cpts[0], in: t1)?.years[0].maximum, 170_000)
    }

    func testFixedPartsArePaidProRataFromTheMissionsStartInTheFirstYear() throws {
        // Signature 2019-11-15; access to care starts 2020-03-01.
        // Days from 2020-03-01 to 2020-11-15: 259; days in the first contract year (leap): 366.
        // Tranche 2 (60 000 inhabitants): fixed 17 500 × 259 / 366 = 12 383.88… → 12 384; extra 12 000 × 259 / 366 = 8 491.8… → 8 492.
        let content = RuleFixtures.content([signed(population: 60_000, missions: [("acces-soins", "2020-03-01")])])
        let funding = try XCTUnwrap(FundingCalculator.breakdown(of: content.cpts[0], in: content))
        let first = try XCTUnwrap(funding.year(1)?.missions.first)
        XCTAssertEqual(first.fixed, 12_384)
        XCTAssertEqual(first.extra, 8_492)
        XCTAssertEqual(funding.year(2)?.missions.first?.fixed, 17_500)
        XCTAssertEqual(funding.year(1)?.start, Day(iso: "2019-11-15"))
        XCTAssertEqual(funding.year(1)?.end, Day(iso: "2020-11-15"))
    }

    func testAMissionWithoutStartEarnsNoFixedPart() throws {
        let content = RuleFixtures.content([signed(population: 60_000, missions: [("parcours", nil)])])
        let funding = try XCTUnwrap(FundingCalculator.breakdown(of: content.cpts[0], in: content))
        XCTAssertEqual(funding.year(1)?.missions.first?.fixed, 0)
        // The maximum can be reached: the fixed part as paid (none, the mission has not started) and the variable
        // maximum; not the full-year fixed part, which a mission not started cannot be paid.
        XCTAssertEqual(funding.year(1)?.maximum, 60_000 + 0 + 25_000)
    }

    func indicator(_ direction: Direction, value: IndicatorValue?, steps: [(Double?, Int)], mission: String = "acces-soins") -> Indicator {
        let at = RuleFixtures.at("content/indicators/sud.yaml")
        return Indicator(id: Located("i-\(direction)", at: at), mission: Located(mission, at: at), label: "i", unit: nil,
                         direction: Located(direction, at: at), baseline: nil, value: value,
                         steps: steps.map { RewardStep(threshold: $0.0, amount: $0.1, location: at) })
    }

    func testTheHighestStepReachedIsEarnedInEachDirection() {
        let down = [(Double?(150), 6_000), (100, 9_000)]
        XCTAssertEqual(FundingCalculator.reward(indicator(.down, value: .number(120), steps: down)).earned, 6_000)
        XCTAssertEqual(FundingCalculator.reward(indicator(.down, value: .number(100), steps: down)).earned, 9_000)
        XCTAssertEqual(FundingCalculator.reward(indicator(.down, value: .number(151), steps: down)).earned, 0)
        let up = [(Double?(1), 5_000), (3, 10_000)]
        XCTAssertEqual(FundingCalculator.reward(indicator(.up, value: .number(2), steps: up)).earned, 5_000)
        XCTAssertEqual(FundingCalculator.reward(indicator(.up, value: .number(3), steps: up)).stepReached, 1)
        XCTAssertEqual(FundingCalculator.reward(indicator(.up, value: .number(0.5), steps: up)).stepReached, nil)
        XCTAssertEqual(FundingCalculator.reward(indicator(.up, value: nil, steps: up)).earned, 0)
        XCTAssertEqual(FundingCalculator.reward(indicator(.done, value: .done(true), steps: [(nil, 5_000)])).earned, 5_000)
        XCTAssertEqual(FundingCalculator.reward(indicator(.done, value: .done(false), steps: [(nil, 5_000)])).earned, 0)
    }

    func testTheVariablePartNeverExceedsTheMissionsMaximum() throws {
        let cpts = signed(population: 30_000, missions: [("acces-soins", "2019-11-15")])
        let at = RuleFixtures.at("content/indicators/sud.yaml")
        let indicators = IndicatorFile(slug: "sud", file: at.file, location: at, contractYears: [
            ContractYearIndicators(year: Located(1, at: at), indicators: [
                indicator(.done, value: .done(true), steps: [(nil, 10_000)]),
                indicator(.up, value: .number(9), steps: [(5, 8_000)]),
            ]),
        ])
        let content = RuleFixtures.content([cpts], indicators: [indicators])
        let year = try XCTUnwrap(FundingCalculator.breakdown(of: content.cpts[0], in: content)?.year(1))
        let mission = try XCTUnwrap(year.missions.first)
        XCTAssertEqual(mission.variableUncapped, 18_000)
        XCTAssertEqual(mission.variableEarned, 15_000)
        XCTAssertTrue(mission.isCapped)
        // Tranche 1: operation 50 000 + fixed 15 000 + extra 10 000 + variable 15 000.
        XCTAssertEqual(year.total, 90_000)
    }

    func testALaterYearAdvances75PercentAtItsStartAndPaysTheBalanceAtTheAnniversary() throws {
        let content = RuleFixtures.content([signed(population: 30_000, missions: [("acces-soins", "2019-11-15")])])
        let year = try XCTUnwrap(FundingCalculator.breakdown(of: content.cpts[0], in: content)?.year(2))
        // Operation 50 000 + fixed 15 000 + extra 10 000 = 75 000: advance 56 250, balance 18 750; no indicators given.
        XCTAssertEqual(year.payments, [
            Payment(date: Day(iso: "2020-11-15")!, kind: .advance, amount: 56_250, year: 2),
            Payment(date: Day(iso: "2021-11-15")!, kind: .balance, amount: 18_750, year: 2),
        ])
    }

    func testTheHighestStepReachedIsEarnedNotTheLargestAmount() {
        // Steps out of order in amount (a rule reports it): the CPTS earns the step it reached highest.
        let steps = [(Double?(150), 9_000), (100, 6_000)]
        XCTAssertEqual(FundingCalculator.reward(indicator(.down, value: .number(90), steps: steps)).earned, 6_000)
    }

    func testOnlySignedContractsAreFunded() {
        let content = RuleFixtures.content([RuleFixtures.cpts()])
        XCTAssertNil(FundingCalculator.breakdown(of: content.cpts[0], in: content))
    }

    func testRegionalTotalsAddContractYearsByTheirStartYearAndMission() throws {
        let content = RuleFixtures.content([signed(population: 30_000, missions: [("acces-soins", "2019-11-15")])])
        let funding = try XCTUnwrap(FundingCalculator.breakdown(of: content.cpts[0], in: content))
        let regional = RegionalFunding(breakdowns: [funding, funding])
        XCTAssertEqual(regional.years.map(\.year), [2019, 2020, 2021, 2022, 2023])
        XCTAssertEqual(regional.years[0].operation, 100_000)
        XCTAssertEqual(regional.years[0].missions.map(\.mission), ["acces-soins"])
        XCTAssertEqual(regional.years[0].missions[0].maximum, 2 * (15_000 + 10_000 + 15_000))
        XCTAssertEqual(regional.years[0].maximum, 2 * 90_000)
    }
}
