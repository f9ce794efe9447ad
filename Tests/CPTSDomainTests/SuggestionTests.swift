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

    /// Every search is paid, whether it finds a suggestion or not: a search that finds none costs as much as one
    /// that does (the link checker used to count only the searches that found one).
    func testASearchThatFindsNothingIsPaidToo() {
        var budget = Suggestion.Budget(units: 1_000_000)
        XCTAssertNil(Suggestion.nearest(to: "couleur", in: ["name", "population", "communes"], budget: &budget))
        XCTAssertGreaterThan(budget.spent, 3, "each candidate looked at is paid")
        let afterOne = budget.spent
        XCTAssertNil(Suggestion.nearest(to: "couleur", in: ["name", "population", "communes"], budget: &budget))
        XCTAssertEqual(budget.spent, 2 * afterOne)
    }

    /// Once the budget is spent, no search suggests anything, however close the candidate.
    func testASpentBudgetSuggestsNothing() {
        var budget = Suggestion.Budget(units: 200)
        XCTAssertEqual(Suggestion.nearest(to: "populaton", in: ["population"], budget: &budget), "population")
        for _ in 0..<10 { _ = Suggestion.nearest(to: "populaton", in: ["population"], budget: &budget) }
        XCTAssertTrue(budget.isSpent)
        XCTAssertNil(Suggestion.nearest(to: "populaton", in: ["population"], budget: &budget))
    }

    /// 1 500 unknown names against 200 candidates (300 000 comparisons) cost at most one budget (a small one here,
    /// for a debug build), and the first searches still find their suggestion.
    func testThousandsOfSearchesCostAtMostOneBudget() {
        let candidates = (0..<200).map { "img/illustration-du-projet-de-sante-numero-\($0).png" }
        var budget = Suggestion.Budget(units: 2_000_000)
        var found = 0
        for index in 0..<1_500 {
            if Suggestion.nearest(to: "img/illustration-du-projet-de-sante-numro-\(index).png", in: candidates, budget: &budget) != nil {
                found += 1
            }
        }
        XCTAssertGreaterThan(found, 0)
        // A search stops as soon as the budget is spent (one row or one candidate over at most); each later one
        // costs its first unit only.
        XCTAssertLessThanOrEqual(budget.spent, 2_000_000 + 1_000 + 1_500)
    }

    /// The banded distance with a bound agrees with the full table wherever the distance is within the bound.
    func testTheBoundedDistanceAgreesWithTheFullTable() {
        let words = ["", "a", "ab", "abc", "population", "populaton", "popluation", "communes", "commune", "née", "nee",
                     "santé-publique", "sante", "kitten", "sitting", "flaw", "lawn", "intention", "execution"]
        for a in words {
            for b in words {
                let full = Self.fullDistance(Array(a.unicodeScalars), Array(b.unicodeScalars))
                for bound in 0...6 {
                    var budget = Suggestion.Budget(units: .max)
                    let banded = Suggestion.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars), atMost: bound, budget: &budget)
                    XCTAssertEqual(banded, full <= bound ? full : nil, "\(a) / \(b) within \(bound)")
                }
            }
        }
    }

    static func fullDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...max(1, b.count) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
