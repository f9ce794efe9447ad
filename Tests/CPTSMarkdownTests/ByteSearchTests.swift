import CPTSMarkdown
import XCTest

final class ByteSearchTests: XCTestCase {
    func testFindsANeedleAfterAPartialMatch() {
        XCTAssertTrue("un ! puis ![image](a.png)".containsBytes("!["))
    }

    func testDoesNotFindANeedleCutByTheEnd() {
        XCTAssertFalse("se termine par !".containsBytes("!["))
    }

    func testComparesAccentedTextByItsUTF8Bytes() {
        XCTAssertTrue("La santé : café".containsBytes("é :"))
        XCTAssertFalse("Prevention".containsBytes("é"))
    }

    func testWorksOnASubstring() {
        let text = "avant <b> après"
        XCTAssertTrue(text[text.index(text.startIndex, offsetBy: 5)...].containsBytes("<b>"))
        XCTAssertFalse(text[..<text.index(text.startIndex, offsetBy: 5)].containsBytes("<"))
    }
}
