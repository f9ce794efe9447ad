@testable import CPTSDomain
import XCTest

final class SuggestionTests: XCTestCase {
    func testSuggestsTheNearestKnownKeyForATypo() {
        XCTAssertEqual(Suggestion.nearest(to: "populaton", in: ["name", "population", "communes"]), "population")
        XCTAssertEqual(Suggestion.nearest(to: "health-projet", in: Stage.allCases.map(\.rawValue)), "health-project")
        XCTAssertEqual(Suggestion.note(for: "preventoin", in: Mission.ids), "did you mean 'prevention'?")
    }

    func testSuggestsNothingForAnUnrelatedWord() {
        XCTAssertNil(Suggestion.nearest(to: "couleur", in: ["name", "population", "communes"]))
    }
}
