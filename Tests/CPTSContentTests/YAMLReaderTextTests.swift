@testable import CPTSContent
import CPTSDomain
import XCTest

/// `YAMLReader.text` and `CPTSReader.isINSEECode` read bytes first (issue #27), with the same results as on characters.
final class YAMLReaderTextTests: XCTestCase {
    func read(_ yaml: String) throws -> (String?, [String]) {
        let reader = YAMLReader(path: "f.yaml")
        let root = try XCTUnwrap(reader.compose(yaml, .file("f.yaml")))
        let value = reader.text(try XCTUnwrap(root["t"]), "t")
        return (value, reader.diagnostics.map(\.code))
    }

    func testATextOfWhitespaceAloneIsEmptyWhateverItsSpaces() throws {
        for yaml in ["t: ' '\n", "t: \"\\t \\n\"\n", "t: \"\\u00A0\\u202F\"\n", "t: \"\\u2028 \"\n"] {
            XCTAssertEqual(try read(yaml).1, ["value-empty"], yaml)
        }
        XCTAssertEqual(try read("t: \" \\u00A0x\"\n").0, " \u{00A0}x")
        XCTAssertEqual(try read("t: \"\\u0301 \"\n").1, [])
    }

    func testMarkupIsFoundWhereverTheTextHasAnAngleBracket() throws {
        XCTAssertEqual(try read("t: a <b>gras</b>\n").1, ["text-markup"])
        XCTAssertEqual(try read("t: \"« <i>x »\"\n").1, ["text-markup"])
        XCTAssertEqual(try read("t: 3 < 4\n").1, [])
    }

    func testINSEECodesAreFiveDigitsOrCorsicanLettersAsBytes() {
        XCTAssertTrue(CPTSReader.isINSEECode("37003"))
        XCTAssertTrue(CPTSReader.isINSEECode("2A004"))
        for code in ["3700", "370031", "37 03", "3700\u{FF13}", "37003\u{301}", "2C004", "2a004", "٣7003"] {
            XCTAssertFalse(CPTSReader.isINSEECode(code), code)
        }
    }
}
