@testable import CPTSSite
import XCTest

/// A generated file is written only inside the output folder.
final class OutputFileTests: XCTestCase {
    func testARelativePathOfNamedComponentsIsContained() {
        for path in ["index.html", "cpts/sud-lochois/index.html", "a/.well-known/b", "x/..y/z", "é/…/.../f"] {
            XCTAssertTrue(OutputFile.isContained(path), path)
        }
    }

    func testAnEmptyAbsoluteDottedOrBackslashedPathIsNotContained() {
        for path in ["", "/", "/etc/passwd", "a//b", "a/", ".", "..", "a/./b", "a/../b", "../a", "a/..", "a\\b", "a\u{0}b"] {
            XCTAssertFalse(OutputFile.isContained(path), path)
        }
    }
}
