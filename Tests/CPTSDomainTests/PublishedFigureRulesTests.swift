@testable import CPTSDomain
import XCTest

/// The figures the pages publish (`PublishedFigureRules`): a CPTS of tranche 1 signed on 15/11/2019, access to care
/// from signature, the site dated 31/12/2020: year 1 (du 15/11/2019 au 14/11/2020) ended and assessed, year 2 in
/// progress, years 3 to 5 to come.
final class PublishedFigureRulesTests: XCTestCase {
    let at = RuleFixtures.at("content/indicators/sud.yaml")

    func indicator(_ id: String, mission: String, amount: Int) -> Indicator {
        Indicator(id: Located(id, at: at), mission: Located(mission, at: at), label: id, unit: nil,
                  direction: Located(.done, at: at), baseline: nil, value: .done(true),
                  steps: [RewardStep(threshold: nil, amount: amount, location: at)])
    }

    func ledger() throws -> Ledger {
        let cpts = RuleFixtures.cpts(slug: "sud", population: 30_000, stage: .aciSigned,
                                     dates: [.healthProject: "2019-06-01", .aciSigned: "2019-11-15"],
                                     missions: [("acces-soins", "2019-11-15")])
        let indicators = IndicatorFile(slug: "sud", file: at.file, location: at, contractYears: [
            ContractYearIndicators(year: Located(1, at: at), indicators: [
                indicator("carried", mission: "acces-soins", amount: 5_000),
                // A mission the CPTS does not carry: the ledger pays it nothing, whatever its steps say.
                indicator("unfunded", mission: "crises-sanitaires", amount: 3_000),
            ]),
            ContractYearIndicators(year: Located(2, at: at), indicators: [indicator("carried", mission: "acces-soins", amount: 5_000)]),
        ])
        let content = RuleFixtures.content([cpts], indicators: [indicators], asOf: "2020-12-31")
        return try XCTUnwrap(FundingCalculator.breakdown(of: content.cpts[0], in: content))
    }

    func testAnAssessedIndicatorEarnsWhatTheLedgerPaysIt() throws {
        XCTAssertEqual(PublishedFigureRules.earned(indicator: "carried", in: try ledger().year(1)), 5_000)
    }

    func testAnIndicatorTheLedgerDoesNotPayEarnsNothingInAnAssessedYear() throws {
        let ledger = try ledger()
        XCTAssertEqual(PublishedFigureRules.earned(indicator: "unfunded", in: ledger.year(1)), 0)
        XCTAssertEqual(ledger.year(1)?.variableEarned, 5_000)
    }

    func testAnIndicatorOfAMissionTheYearDoesNotFundIsUnfundedWithTheStepItReached() throws {
        let year = try ledger().year(1)
        XCTAssertEqual(PublishedFigureRules.outcome(indicator: "unfunded", in: year), .unfunded(stepReached: 0))
        XCTAssertTrue(PublishedFigureRules.outcome(indicator: "unfunded", in: year).isReached)
        XCTAssertEqual(PublishedFigureRules.outcome(indicator: "unfunded", in: year).earned, 0)
    }

    func testAnIndicatorOfAFundedMissionIsPaidTheStepItReached() throws {
        let outcome = PublishedFigureRules.outcome(indicator: "carried", in: try ledger().year(1))
        XCTAssertEqual(outcome, .paid(amount: 5_000, stepReached: 0))
        XCTAssertFalse(outcome.isUnfunded)
    }

    func testAnIndicatorIsNeitherReachedNorUnfundedBeforeItsYearIsAssessed() throws {
        let outcome = PublishedFigureRules.outcome(indicator: "carried", in: try ledger().year(2))
        XCTAssertEqual(outcome, .notAssessed)
        XCTAssertFalse(outcome.isReached)
        XCTAssertFalse(outcome.isUnfunded)
    }

    func testADateAfterTheSiteDateIsForthcomingAndTheSiteDateItselfIsNot() throws {
        let asOf = try XCTUnwrap(Day(iso: "2020-12-31"))
        XCTAssertTrue(DateRules.isForthcoming(try XCTUnwrap(Day(iso: "2021-01-01")), asOf: asOf))
        XCTAssertFalse(DateRules.isForthcoming(asOf, asOf: asOf))
    }

    func testAStageAfterTheSiteDateIsMarkedPlannedOrUpcoming() throws {
        let asOf = try XCTUnwrap(Day(iso: "2020-12-31")), later = try XCTUnwrap(Day(iso: "2021-03-01"))
        XCTAssertEqual(DateRules.stageMark(later, planned: true, asOf: asOf), "prévu")
        XCTAssertEqual(DateRules.stageMark(later, planned: false, asOf: asOf), "à venir")
        XCTAssertNil(DateRules.stageMark(asOf, planned: true, asOf: asOf))
    }

    func testAnIndicatorEarnsNothingYetBeforeItsYearIsAssessed() throws {
        let ledger = try ledger()
        XCTAssertEqual(ledger.year(2)?.status, .inProgress)
        XCTAssertNil(PublishedFigureRules.earned(indicator: "carried", in: ledger.year(2)))
        XCTAssertNil(PublishedFigureRules.earned(indicator: "carried", in: nil))
    }

    func testTheRegionalFundingTableStopsAtTheSiteYear() throws {
        let funding = RegionalFunding(breakdowns: [try ledger()])
        XCTAssertEqual(funding.years.map(\.year), [2019, 2020, 2021, 2022, 2023])
        XCTAssertEqual(PublishedFigureRules.fundingYears(funding, asOf: Day(iso: "2020-12-31")!).map(\.year), [2019, 2020])
    }

    func testACPTSPageDetailsTheContractYearsBegunAtTheSiteDate() throws {
        XCTAssertEqual(PublishedFigureRules.detailedYears(try ledger()).map(\.year), [1, 2])
    }
}
