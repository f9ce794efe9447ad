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

    func testTheTwoSchedulesAreBuiltIn() {
        XCTAssertEqual(BuiltinSchedules.parsed.schedules.map(\.id).sorted(), ["aci-2019", "aci-avenant-2"])
    }

    func testACI2019MaximaMatchThePublishedTrancheFourAndTheReconstructedLines() throws {
        let aci2019 = try schedule("aci-2019")
        XCTAssertEqual((0..<4).map { maximum(aci2019, tranche: $0) }, [170_000, 222_000, 295_000, 380_000])
        XCTAssertEqual(aci2019.socleIDs, ["acces-soins", "parcours", "prevention"])
    }

    /// Tranche 3 from two signed contracts: 131 250 + (90 000 + 35 000) + 2 × 45 000 + 2 × 17 500 + 22 500
    /// + 2 × 15 000 + 2 × 10 000 = 453 750 €; tranche 4, estimated, 577 600 € (580 000 € published).
    func testAvenant2HasTheCrisisMissionInItsSocleAndTheContractsTrancheThreeAmounts() throws {
        let avenant = try schedule("aci-avenant-2")
        XCTAssertEqual(avenant.socleIDs, ["acces-soins", "parcours", "prevention", "crises-sanitaires"])
        XCTAssertEqual(avenant.operation.amounts, [87_500, 105_000, 131_250, 157_500])
        XCTAssertEqual(avenant.operation.status, "sure")
        XCTAssertEqual(maximum(avenant, tranche: 2), 453_750)
        XCTAssertEqual(maximum(avenant, tranche: 3), 577_600)
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
}
