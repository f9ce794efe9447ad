@testable import CPTSDomain
import XCTest

final class SecrecyTests: XCTestCase {
    // MARK: primary secrecy

    func testCountsFromOneToUnderTheThresholdAreSecret() {
        let secrecy = Secrecy()
        XCTAssertEqual(Secrecy.defaultThreshold, 6)
        XCTAssertEqual((0...7).filter(secrecy.isSecret), [1, 2, 3, 4, 5])
        XCTAssertTrue(secrecy.isSecret(5.5))
        XCTAssertFalse(secrecy.isSecret(0.0))
        XCTAssertFalse(secrecy.isSecret(6.0))
    }

    func testAThresholdOfOneOrZeroHidesNothing() {
        XCTAssertFalse((0...10).contains(where: Secrecy(threshold: 1).isSecret))
        XCTAssertFalse((0...10).contains(where: Secrecy(threshold: 0).isSecret))
        XCTAssertFalse(Secrecy(threshold: 1).table([0, 1, 2]).hidesAnything)
    }

    func testUnitsThatCountPeopleAreJudgedOnTheirFirstWord() {
        for unit in ["patients", "Patients orientés", "médecins", "internes", "professionnels mobilisés"] {
            XCTAssertTrue(Secrecy.countsPeople(unit: unit), unit)
        }
        for unit in [nil, "", "%", "count", "number", "réunions", "créneaux", "pour 10 000 hab."] as [String?] {
            XCTAssertFalse(Secrecy.countsPeople(unit: unit), unit ?? "nil")
        }
    }

    // MARK: secondary secrecy, by example

    func testOneSecretPartHidesTheSmallestOtherPartTooFirstInOrderAmongEquals() {
        let table = Secrecy().table([22, 3, 9, 40, 9])
        XCTAssertEqual(table.parts, [false, true, true, false, false])
        XCTAssertFalse(table.total)
    }

    func testTwoSecretPartsNeedNoMoreSuppression() {
        let table = Secrecy().table([22, 3, 2, 40])
        XCTAssertEqual(table.parts, [false, true, true, false])
        XCTAssertFalse(table.total)
    }

    func testASecretTotalIsHiddenWithItsParts() {
        let table = Secrecy().table([0, 3, 1])
        XCTAssertEqual(table.parts, [false, true, true])
        XCTAssertTrue(table.total)
    }

    func testTiesAreBrokenByKeySoThatTheSameCountsInAnotherOrderHideTheSameCells() {
        let first = Secrecy().members(members([("sage-femme", 3), ("pharmacien", 9), ("infirmier", 9), ("medecin-generaliste", 20)]))
        XCTAssertEqual(first.parts, [true, false, true, false])
        let second = Secrecy().members(members([("pharmacien", 9), ("medecin-generaliste", 20), ("infirmier", 9), ("sage-femme", 3)]))
        XCTAssertEqual(second.parts, [false, false, true, true])
    }

    func testHealthEstablishmentsAreNotPeopleButMayProtectASecretCount() {
        let few = Secrecy().members(members([("medecin-generaliste", 20), ("etablissement-sante", 2)]))
        XCTAssertEqual(few.parts, [false, false])
        let protecting = Secrecy().members(members([("medecin-generaliste", 20), ("sage-femme", 3), ("etablissement-sante", 2)]))
        XCTAssertEqual(protecting.parts, [false, true, true])
    }

    func testAPublishedZeroIsNeverHiddenToProtectAnother() {
        XCTAssertEqual(Secrecy().table([0, 3, 12, 40]).parts, [false, true, true, false])
    }

    func testADensityComputedFromHiddenMembersIsHiddenToo() {
        var cpts = RuleFixtures.cpts(slug: "a", department: "37", population: 50_000)
        cpts.members = members([("medecin-generaliste", 25), ("sage-femme", 2), ("pharmacien", 9)])
        let content = RuleFixtures.content([cpts])
        let secrecy = Secrecy()
        let hidden = secrecy.hiddenFigures(of: cpts, in: content, members: secrecy.members(cpts.members))
        XCTAssertEqual(hidden, ["densite-sage-femme", "densite-pharmacien"])
    }

    func members(_ counts: [(String, Int)]) -> [Member] {
        counts.map { Member(profession: $0.0, count: $0.1, location: RuleFixtures.at("content/cpts/a.md", 12)) }
    }

    func testANegativeThresholdIsAnErrorButZeroIsAccepted() {
        var content = RuleFixtures.content([RuleFixtures.cpts()])
        content.settings.secrecyThresholdLocation = SourceLocation(file: "content/site.yaml", line: 4, column: 19)
        content.settings.secrecyThreshold = -6
        XCTAssertEqual(ContentRules.secrecyThresholdIsNotNegative(content).map { $0.headline(in: .en) },
                       ["content/site.yaml:4:19: error: 'secrecyThreshold' must be positive, not -6"])
        content.settings.secrecyThreshold = 0
        XCTAssertEqual(ContentRules.secrecyThresholdIsNotNegative(content).count, 0)
    }

    func testAZeroIsPublished() {
        XCTAssertFalse(Secrecy().table([0, 0, 12]).hidesAnything)
    }

    // MARK: secondary secrecy, every small table

    /// Every table of 1 to 4 parts valued 0 to 8, under every threshold from 0 to 9: primary cells are hidden, no
    /// hidden cell follows from the published cells (and the total when published), and the suppression is the
    /// smallest possible, the extra part being the smallest published one (first in order among equals).
    func testEveryTableOfUpToFourSmallPartsIsSafeAndMinimal() {
        var checked = 0
        for threshold in 0...9 {
            let secrecy = Secrecy(threshold: threshold)
            for parts in Self.tables(maxParts: 4, maxValue: 8) {
                let table = secrecy.table(parts)
                let total = parts.reduce(0, +)
                let context = "\(parts) under \(threshold)"
                for (index, value) in parts.enumerated() where secrecy.isSecret(value) {
                    XCTAssertTrue(table.parts[index], "primary part \(index) published: \(context)")
                }
                if secrecy.isSecret(total) { XCTAssertTrue(table.total, "primary total published: \(context)") }
                XCTAssertTrue(Self.isSafe(parts, hiddenParts: table.parts, totalHidden: table.total), "unsafe: \(context)")
                let primary = parts.map(secrecy.isSecret)
                let minimum = Self.smallestSafeSuppression(parts, primary: primary, primaryTotal: secrecy.isSecret(total))
                let hiddenCount = table.parts.filter { $0 }.count + (table.total ? 1 : 0)
                XCTAssertEqual(hiddenCount, minimum, "not minimal: \(context) hides \(table)")
                let extra = parts.indices.filter { table.parts[$0] && !primary[$0] }
                if let cell = extra.first {
                    XCTAssertEqual(extra.count, 1, context)
                    let published = parts.indices.filter { !primary[$0] && parts[$0] > 0 }
                    XCTAssertEqual(cell, published.min { (parts[$0], $0) < (parts[$1], $1) }, "not the smallest: \(context)")
                }
                checked += 1
            }
        }
        XCTAssertEqual(checked, 10 * (9 + 81 + 729 + 6561))
    }

    // MARK: the oracle

    static func tables(maxParts: Int, maxValue: Int) -> [[Int]] {
        var all: [[Int]] = []
        var level: [[Int]] = [[]]
        for _ in 1...maxParts {
            level = level.flatMap { prefix in (0...maxValue).map { prefix + [$0] } }
            all += level
        }
        return all
    }

    /// Whether `count` non-negative integers can sum to `sum`, by search.
    static func canFill(_ count: Int, _ sum: Int) -> Bool {
        if count == 0 { return sum == 0 }
        return sum >= 0 && (0...sum).contains { canFill(count - 1, sum - $0) }
    }

    /// A hidden cell is determined when every table of non-negative integers that agrees with the published cells
    /// (and with the total, when it is published) gives it the same value.
    static func isSafe(_ parts: [Int], hiddenParts: [Bool], totalHidden: Bool) -> Bool {
        let hidden = parts.indices.filter { hiddenParts[$0] }
        if totalHidden {
            // Without the total, a hidden part can take any other value; the total follows when no part is hidden.
            return !hidden.isEmpty
        }
        let hiddenSum = hidden.map { parts[$0] }.reduce(0, +)
        return hidden.allSatisfy { cell in
            (0...hiddenSum).contains { other in other != parts[cell] && canFill(hidden.count - 1, hiddenSum - other) }
        }
    }

    /// The fewest cells (parts and total) a safe table hides, among those hiding at least the primary cells: the
    /// primary cells plus k others, for the smallest k that some choice of k cells makes safe.
    static func smallestSafeSuppression(_ parts: [Int], primary: [Bool], primaryTotal: Bool) -> Int {
        let cells = primary + [primaryTotal]
        let others = cells.indices.filter { !cells[$0] }
        let primaryCount = cells.filter { $0 }.count
        // Hiding nothing is safe: there is no hidden cell to compute (possible only without primary cells).
        if primaryCount == 0 { return 0 }
        for extra in 0...others.count {
            for choice in combinations(of: others, taking: extra) {
                var hidden = cells
                for cell in choice { hidden[cell] = true }
                if isSafe(parts, hiddenParts: Array(hidden.dropLast()), totalHidden: hidden[parts.count]) {
                    return primaryCount + extra
                }
            }
        }
        return cells.count
    }

    static func combinations(of items: [Int], taking count: Int) -> [[Int]] {
        if count == 0 { return [[]] }
        guard let first = items.first else { return [] }
        let rest = Array(items.dropFirst())
        return combinations(of: rest, taking: count - 1).map { [first] + $0 } + combinations(of: rest, taking: count)
    }
}
