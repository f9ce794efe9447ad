@testable import CPTSContent
import CPTSDomain
import Foundation
import XCTest

/// The schedules shipped with the tool, read from their real files.
final class BuiltinSchedulesTests: XCTestCase {
    func schedule(_ id: String) throws -> FundingSchedule {
        XCTAssertEqual(BuiltinSchedules.parsed.diagnostics, [], "the built-in schedules must read without a diagnostic")
        return try XCTUnwrap(BuiltinSchedules.parsed.schedules.first { $0.id == id }, "no built-in schedule '\(id)'")
    }

    /// Operation plus the fixed, extra and variable lines of every mission, for one tranche (0-based).
    func maximum(_ schedule: FundingSchedule, tranche: Int) -> Int {
        schedule.operation.amounts[tranche] + schedule.missions.values.map {
            $0.fixed.amounts[tranche] + $0.variable.amounts[tranche] + ($0.extra?.amounts[tranche] ?? 0)
        }.reduce(0, +)
    }

    /// Each says the day it was signed, distinct from the day it takes effect: a site dated before never applies it.
    /// The crisis mission's first year (the plan written) is data: 45 000 € at tranche 3, 22 500 € the later years.
    func testTheSchedulesCarryTheirSignatureDatesAndTheCrisisMissionsFirstYear() throws {
        XCTAssertEqual(try schedule("aci-2019").signed, Day(iso: "2019-06-20"))
        let avenant = try schedule("aci-avenant-2")
        XCTAssertEqual(avenant.signed, Day(iso: "2021-12-20"))
        XCTAssertEqual(avenant.effective, Day(iso: "2022-04-01"))
        XCTAssertFalse(avenant.isKnown(at: Day(iso: "2021-12-19")!))
        XCTAssertTrue(avenant.isKnown(at: Day(iso: "2021-12-20")!))
        XCTAssertEqual(avenant.missions["crises-sanitaires"]?.firstYear?.amounts[2], 45_000)
        XCTAssertEqual(avenant.missions["crises-sanitaires"]?.fixed.amounts[2], 22_500)
        XCTAssertNil(avenant.missions["acces-soins"]?.firstYear)
    }

    func testTheTwoSchedulesAreBuiltIn() {
        XCTAssertEqual(BuiltinSchedules.parsed.schedules.map(\.id).sorted(), ["aci-2019", "aci-avenant-2"])
    }

    func testACI2019MaximaMatchThePublishedTrancheFourAndTheReconstructedLines() throws {
        let aci2019 = try schedule("aci-2019")
        XCTAssertEqual((0..<4).map { maximum(aci2019, tranche: $0) }, [170_000, 222_000, 295_000, 380_000])
        XCTAssertEqual(aci2019.socleIDs, ["acces-soins", "parcours", "prevention"])
    }

    /// Tranche 3 from two signed contracts, for a contract signed before 31/12/2021: (75 000 + 56 250 raise)
    /// + (90 000 + 35 000) + 2 × 45 000 + 2 × 17 500 + 22 500 + 2 × 15 000 + 2 × 10 000 = 453 750 €; tranche 4,
    /// estimated, 577 600 € (580 000 € published).
    func testAvenant2HasTheCrisisMissionInItsSocleAndTheContractsTrancheThreeAmounts() throws {
        let avenant = try schedule("aci-avenant-2")
        XCTAssertEqual(avenant.socleIDs, ["acces-soins", "parcours", "prevention", "crises-sanitaires"])
        let raise = try XCTUnwrap(avenant.operationRaise)
        // 2019 operation + 75 %: 87 500 / 105 000 / 131 250 / 157 500 €.
        XCTAssertEqual(zip(avenant.operation.amounts, raise.amounts.amounts).map(+), [87_500, 105_000, 131_250, 157_500])
        XCTAssertEqual(raise.amounts.status, "sure")
        XCTAssertEqual(raise.signedBefore, Day(iso: "2021-12-31"))
        XCTAssertEqual(raise.paid, .yearly)
        XCTAssertEqual(maximum(avenant, tranche: 2) + raise.amounts.amounts[2], 453_750)
        XCTAssertEqual(avenant.sumOfLines(SizeTranche(number: 4)), 577_600)
        XCTAssertEqual(avenant.publishedMaxima?.amounts[4], 580_000)
        XCTAssertEqual(avenant.missions["acces-soins"]?.fixed.amounts[2], 90_000)
        XCTAssertEqual(avenant.missions["acces-soins"]?.variable.amounts[2], 35_000)
        XCTAssertEqual(avenant.missions["crises-sanitaires"]?.fixed.amounts[2], 22_500)
        // Every line says where it comes from; estimated tranches say so.
        for (id, mission) in avenant.missions {
            for line in [mission.fixed, mission.variable] {
                XCTAssertNotNil(line.source, id)
                XCTAssertNotNil(line.status, id)
            }
        }
        XCTAssertEqual(avenant.missions["parcours"]?.fixed.status, "estimated")
    }

    /// The avenant takes over from 01/04/2022, the day after its publication; the crisis mission is socle from
    /// 03/09/2022; its letter-of-intent aid is contested.
    func testAvenant2AppliesFromItsDateAndItsCrisisMissionIsSocleFromSeptember2022() throws {
        let avenant = try schedule("aci-avenant-2"), aci2019 = try schedule("aci-2019")
        XCTAssertEqual(aci2019.effective, Day(iso: "2019-08-25"))
        XCTAssertEqual(avenant.effective, Day(iso: "2022-04-01"))
        XCTAssertEqual(avenant.socleSince, ["crises-sanitaires": Day(iso: "2022-09-03")!])
        XCTAssertEqual(avenant.socleIDs(at: Day(iso: "2022-09-02")!), ["acces-soins", "parcours", "prevention"])
        XCTAssertEqual(avenant.letterOfIntentAid?.amounts, [15_000, 17_500, 25_000, 30_000])
        XCTAssertEqual(avenant.letterOfIntentAid?.status, "contested")
        XCTAssertEqual(aci2019.publishedMaxima?.amounts, [1: 185_000, 4: 380_000])
    }
}
