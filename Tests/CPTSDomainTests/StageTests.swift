@testable import CPTSDomain
import XCTest

final class StageTests: XCTestCase {
    func testAStageOrderIsItsPositionAmongAllStages() {
        XCTAssertEqual(Stage.allCases.map(\.order), Array(Stage.allCases.indices))
    }

    func testAConstitutedCPTSHasAValidatedHealthProject() {
        XCTAssertEqual(Stage.allCases.filter(\.isConstituted), [.healthProject, .aciSigned])
    }

    func testStageAtADateFollowsTheDatedStages() {
        let cpts = RuleFixtures.cpts(stage: .aciSigned, dates: [
            .letterOfIntent: "2018-03-01", .healthProject: "2019-06-01", .aciSigned: "2019-11-15",
        ])
        XCTAssertNil(cpts.stage(at: Day(iso: "2018-02-28")!))
        XCTAssertEqual(cpts.stage(at: Day(iso: "2018-03-01")!), .letterOfIntent)
        XCTAssertEqual(cpts.stage(at: Day(iso: "2019-10-01")!), .healthProject)
        XCTAssertEqual(cpts.stage(at: Day(iso: "2019-12-31")!), .aciSigned)
    }
}
