@testable import CPTSSite
import CPTSDomain
import CPTSMarkdown
import XCTest

/// The reward steps the CPTS page and the report both show (`ViewModels.rewardSteps`): written with the policy
/// French typography applies to prose (`FrenchTypography`), a narrow no-break space before `:` and `;`.
final class RewardStepsTypographyTests: XCTestCase {
    let at = SourceLocation(file: "content/indicators/test.yaml", line: 1, column: 1)

    func indicator(direction: Direction, unit: String?, steps: [(Double?, Int)]) -> Indicator {
        Indicator(id: Located("i", at: at), mission: Located("parcours", at: at), label: "i", unit: unit,
                  direction: Located(direction, at: at), baseline: nil, value: nil,
                  steps: steps.map { RewardStep(threshold: $0.0, amount: $0.1, location: at) })
    }

    func testRewardStepsAreTypesetAsFrenchTypographyTypesetsProse() {
        for indicator in [
            indicator(direction: .down, unit: "patients", steps: [(150, 6_000), (100, 9_000)]),
            indicator(direction: .up, unit: "%", steps: [(55, 2_000), (60, 4_000)]),
            indicator(direction: .done, unit: nil, steps: [(nil, 5_000)]),
        ] {
            let steps = ViewModels.rewardSteps(of: indicator)
            XCTAssertEqual(FrenchTypography.apply(steps), steps)
            XCTAssertFalse(steps.contains("\u{A0}:") || steps.contains(" :") || steps.contains(" ;"), steps)
        }
    }

    func testAnActionsRewardStepReadsSiRealiseWithANarrowNoBreakSpaceBeforeItsColon() {
        XCTAssertEqual(ViewModels.rewardSteps(of: indicator(direction: .done, unit: nil, steps: [(nil, 5_000)])),
                       "si réalisé\u{202F}: 5\u{202F}000\u{A0}€")
    }
}
