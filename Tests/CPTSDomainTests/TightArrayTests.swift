import CPTSDomain
import XCTest

final class TightArrayTests: XCTestCase {
    func testTightKeepsTheSameElementsInTheSameOrder() {
        var appended: [String] = []
        for word in ["a", "b", "c", "d", "e"] { appended.append(word) }
        XCTAssertEqual(appended.tight(), ["a", "b", "c", "d", "e"])
        XCTAssertEqual([String]().tight(), [])
    }

    /// A list appended to one by one, as the event reader reads a contract year's indicators: its storage shrinks to
    /// what the allocator rounds five values to.
    func testTightKeepsLessStorageThanAppendingOneByOne() {
        var appended: [Int] = []
        for value in 1...5 { appended.append(value) }
        let tight = appended.tight()
        XCTAssertGreaterThanOrEqual(tight.capacity, 5)
        XCTAssertLessThan(tight.capacity, appended.capacity)
    }
}
