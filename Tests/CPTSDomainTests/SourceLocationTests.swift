@testable import CPTSDomain
import XCTest

final class SourceLocationTests: XCTestCase {
    func testALocationInASharedFileGivesBackItsPathLineAndColumn() {
        let file = SourceLocation.File("content/indicators/blaisois.yaml")
        let location = SourceLocation(file: file, line: 12, column: 7)
        XCTAssertEqual(location.file, "content/indicators/blaisois.yaml")
        XCTAssertEqual(location.line, 12)
        XCTAssertEqual(location.column, 7)
        XCTAssertEqual(location.description, "content/indicators/blaisois.yaml:12:7")
    }

    func testLocationsOfOnePathAreEqualAndHashAlikeWhetherTheyShareItsFileOrNot() {
        let file = SourceLocation.File("content/cpts/blaisois.md")
        let shared = SourceLocation(file: file, line: 3, column: 13)
        let own = SourceLocation(file: "content/cpts/blaisois.md", line: 3, column: 13)
        XCTAssertEqual(shared, own)
        XCTAssertEqual(shared.hashValue, own.hashValue)
        XCTAssertEqual(Set([shared, own, SourceLocation(file: file, line: 3, column: 13)]).count, 1)
        XCTAssertNotEqual(shared, SourceLocation(file: file, line: 3, column: 14))
        XCTAssertNotEqual(shared, SourceLocation(file: "content/cpts/vendomois.md", line: 3, column: 13))
    }

    func testLocationsAreOrderedByPathThenLineThenColumn() {
        let a = SourceLocation.File("content/cpts/a.md"), b = SourceLocation.File("content/cpts/b.md")
        let locations = [SourceLocation(file: b, line: 1, column: 1), SourceLocation(file: a, line: 2, column: 1),
                         SourceLocation(file: a, line: 1, column: 9), SourceLocation(file: a, line: 1, column: 2)]
        XCTAssertEqual(locations.sorted().map(\.description),
                       ["content/cpts/a.md:1:2", "content/cpts/a.md:1:9", "content/cpts/a.md:2:1", "content/cpts/b.md:1:1"])
    }

    func testSettingTheFileOfOneLocationLeavesTheOthersOfItsFileAlone() {
        let file = SourceLocation.File("content/cpts/a.md")
        var moved = SourceLocation(file: file, line: 4, column: 2)
        let kept = SourceLocation(file: file, line: 4, column: 2)
        moved.file = "content/cpts/b.md"
        XCTAssertEqual(moved.description, "content/cpts/b.md:4:2")
        XCTAssertEqual(kept.description, "content/cpts/a.md:4:2")
    }

    func testLineAndColumnBeyond32BitsAreClamped() {
        let location = SourceLocation(file: "a.md", line: Int.max, column: -5_000_000_000)
        XCTAssertEqual(location.line, Int(Int32.max))
        XCTAssertEqual(location.column, Int(Int32.min))
    }

    /// Every value read from content carries one: a reference to its file's path and two 32-bit numbers.
    func testALocationTakesSixteenBytes() {
        XCTAssertEqual(MemoryLayout<SourceLocation>.size, 16)
        XCTAssertEqual(MemoryLayout<Located<String>>.stride, 32)
    }
}
