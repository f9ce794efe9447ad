@testable import CPTSSite
import XCTest

final class JSONValueTests: XCTestCase {
    func testKeysKeepTheirOrderAndNumbersTheirShortestForm() {
        let value = JSONValue.object([("b", .integer(1)), ("a", .number(0.571068)), ("c", .array([.string("é<\"")])), ("d", .null)])
        XCTAssertEqual(value.document, "{\n  \"b\": 1,\n  \"a\": 0.571068,\n  \"c\": [\n    \"é\\u003c\\\"\"\n  ],\n  \"d\": null\n}\n")
        XCTAssertEqual(JSONValue.number(0.5), "0.5")
        XCTAssertEqual(JSONValue.number(2), "2")
        XCTAssertEqual(JSONValue.number(-0.25), "-0.25")
    }

    func testANumberBeyondTheMillionthsOfAnIntIsWrittenWhole() {
        XCTAssertEqual(JSONValue.number(9_300_000_000_000.4), "9300000000000")
        XCTAssertEqual(JSONValue.number(-1e15), "-1000000000000000")
        XCTAssertEqual(JSONValue.number(1e30), "1e+30")
        XCTAssertEqual(JSONValue.number(999_999.999_999_5), "1000000")
    }

    func testAStringIsQuotedWithItsQuotesAndBackslashesEscaped() {
        XCTAssertEqual(JSONValue.quoted(""), #""""#)
        XCTAssertEqual(JSONValue.quoted(#"a"b\c"#), #""a\"b\\c""#)
    }

    func testControlCharactersAreEscapedAndDeleteIsNot() {
        XCTAssertEqual(JSONValue.quoted("\n\r\t\u{0}\u{1}\u{1F}\u{7F}"), "\"\\n\\r\\t\\u0000\\u0001\\u001f\u{7F}\"")
    }

    func testAngleBracketsAndAmpersandsAreWrittenAsUnicodeEscapes() {
        XCTAssertEqual(JSONValue.quoted("</script><!-- & -->"), #""\u003c/script\u003e\u003c!-- \u0026 --\u003e""#)
    }

    func testNonASCIITextIsCopiedAsItIs() {
        XCTAssertEqual(JSONValue.quoted("é 👩‍⚕️ 🇫🇷\u{202F}x"), "\"é 👩‍⚕️ 🇫🇷\u{202F}x\"")
        XCTAssertEqual(JSONValue.quoted("Éducation & santé <2020>"), #""Éducation \u0026 santé \u003c2020\u003e""#)
    }
}

extension JSONValue {
    /// The whole document as `write(to:)` makes it.
    var document: String {
        var out = ExportBuffer()
        write(to: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }
}
