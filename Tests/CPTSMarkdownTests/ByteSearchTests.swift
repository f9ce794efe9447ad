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

final class ByteSearchEdgeTests: XCTestCase {
    func testAnEmptyNeedleIsFoundEvenInAnEmptyText() {
        XCTAssertTrue("".containsBytes(""))
        XCTAssertTrue("abc".containsBytes(""))
    }

    func testAnEmptyTextHoldsNoNeedle() {
        XCTAssertFalse("".containsBytes("<"))
        XCTAssertFalse("".containsBytes("<thead>"))
    }

    func testFindsANeedleAtTheVeryStartAndTheVeryEnd() {
        XCTAssertTrue("<thead> puis du texte".containsBytes("<thead>"))
        XCTAssertTrue("du texte puis <thead>".containsBytes("<thead>"))
        XCTAssertTrue("<".containsBytes("<"))
        XCTAssertTrue("texte&".containsBytes("&"))
        XCTAssertTrue("&texte".containsBytes("&"))
    }

    func testANeedleLongerThanTheTextIsNotFound() {
        XCTAssertFalse("<the".containsBytes("<thead>"))
    }

    func testFindsANeedleSplitAcrossAPartialMatch() {
        XCTAssertTrue("<th<the<thead>".containsBytes("<thead>"))
        XCTAssertFalse("<th<the<thea d>".containsBytes("<thead>"))
    }

    func testFindsANonASCIINeedleAfterOtherNonASCIIText() {
        XCTAssertTrue("« guillemets » et “autres” : café".containsBytes("café"))
        // The first byte of `é` (0xC3) begins `è` too: a partial match that must not be taken.
        XCTAssertFalse("crème".containsBytes("é"))
        XCTAssertTrue("crème brûlée".containsBytes("ée"))
    }

    func testFindsANeedleInASubstringOnlyWithinItsBounds() {
        let text = "<b>milieu</b>"
        let middle = text[text.index(text.startIndex, offsetBy: 3)..<text.index(text.startIndex, offsetBy: 9)]
        XCTAssertEqual(middle, "milieu")
        XCTAssertFalse(middle.containsBytes("<"))
        XCTAssertFalse(middle.containsBytes(">"))
        XCTAssertTrue(middle.containsBytes("lieu"))
        XCTAssertFalse(middle.containsBytes("lieu<"))
    }

    func testFindsANeedleInALongText() {
        let long = String(repeating: "abcdefgh", count: 100_000)
        XCTAssertFalse(long.containsBytes("<"))
        XCTAssertTrue((long + "<").containsBytes("<"))
        XCTAssertTrue((long + "h<thead>").containsBytes("h<thead>"))
    }

    func testOffsetsOfABufferSearch() {
        let haystack: [UInt8] = Array("a<b<c".utf8)
        haystack.withUnsafeBufferPointer { buffer in
            XCTAssertEqual(ByteSearch.firstOffset(of: UInt8(ascii: "<"), in: buffer), 1)
            XCTAssertNil(ByteSearch.firstOffset(of: UInt8(ascii: ">"), in: buffer))
            Array("<c".utf8).withUnsafeBufferPointer { XCTAssertEqual(ByteSearch.firstOffset(of: $0, in: buffer), 3) }
            Array("".utf8).withUnsafeBufferPointer { XCTAssertEqual(ByteSearch.firstOffset(of: $0, in: buffer), 0) }
        }
        [UInt8]().withUnsafeBufferPointer { empty in
            XCTAssertNil(ByteSearch.firstOffset(of: UInt8(ascii: "<"), in: empty))
        }
    }
}
