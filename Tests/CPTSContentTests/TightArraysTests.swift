@testable import CPTSContent
import XCTest

final class TightArraysTests: XCTestCase {
    func testCompactMapTightGivesWhatCompactMapGivesInTheSameOrder() {
        let written = ["1", "x", "3", "", "5", "6", "7"]
        XCTAssertEqual(written.compactMapTight { Int($0) }, written.compactMap { Int($0) })
        XCTAssertEqual([String]().compactMapTight { Int($0) }, [])
    }

    /// Five values kept out of five: storage for five (as the allocator rounds it), not the eight that growing by
    /// doubling leaves.
    func testCompactMapTightKeepsLessStorageThanGrowingByDoubling() {
        let indicators = Array(1...5)
        let tight = indicators.compactMapTight { $0 }, doubled = indicators.compactMap { $0 }
        XCTAssertGreaterThanOrEqual(tight.capacity, 5)
        XCTAssertLessThan(tight.capacity, doubled.capacity)
    }
}
