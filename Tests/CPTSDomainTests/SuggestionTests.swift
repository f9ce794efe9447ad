@testable import CPTSDomain
import XCTest

final class SuggestionTests: XCTestCase {
    func testSuggestsTheNearestKnownKeyForATypo() {
        XCTAssertEqual(Suggestion.nearest(to: "populaton", in: ["name", "population", "communes"]), "population")
        XCTAssertEqual(Suggestion.nearest(to: "health-projet", in: Stage.allCases.map(\.rawValue)), "health-project")
        XCTAssertEqual(Suggestion.nearest(to: "preventoin", in: Mission.ids), "prevention")
        XCTAssertEqual(DiagnosticMessage.missionUnknown(id: "preventoin", suggestion: "prevention", listKnown: true).note(in: .fr),
                       "vouliez-vous dire «\u{202F}prevention\u{202F}»\u{202F}?")
    }

    func testSuggestsNothingForAnUnrelatedWord() {
        XCTAssertNil(Suggestion.nearest(to: "couleur", in: ["name", "population", "communes"]))
    }
}
