@testable import CPTSSite
import XCTest

final class JSONWriterTests: XCTestCase {
    func testKeysKeepTheirOrderAndNumbersTheirShortestForm() {
        var out = ExportBuffer()
        out.writeJSON { json in
            json.beginObject()
            json.key("b"); json.integer(1)
            json.key("a"); json.number(0.571068)
            json.key("c"); json.beginArray(); json.item(); json.string("é<\""); json.endArray()
            json.key("d"); json.null()
            json.endObject()
        }
        out.append(UInt8(ascii: "\n"))
        XCTAssertEqual(String(decoding: out.bytes, as: UTF8.self), "{\n  \"b\": 1,\n  \"a\": 0.571068,\n  \"c\": [\n    \"é\\u003c\\\"\"\n  ],\n  \"d\": null\n}\n")
        XCTAssertEqual(JSONWriter.number(0.5), "0.5")
        XCTAssertEqual(JSONWriter.number(2), "2")
        XCTAssertEqual(JSONWriter.number(-0.25), "-0.25")
    }

    func testANumberBeyondTheMillionthsOfAnIntIsWrittenWhole() {
        XCTAssertEqual(JSONWriter.number(9_300_000_000_000.4), "9300000000000")
        XCTAssertEqual(JSONWriter.number(-1e15), "-1000000000000000")
        XCTAssertEqual(JSONWriter.number(1e30), "1e+30")
        XCTAssertEqual(JSONWriter.number(999_999.999_999_5), "1000000")
    }

    func testAStringIsQuotedWithItsQuotesAndBackslashesEscaped() {
        XCTAssertEqual(JSONWriter.quoted(""), #""""#)
        XCTAssertEqual(JSONWriter.quoted(#"a"b\c"#), #""a\"b\\c""#)
    }

    func testControlCharactersAreEscapedAndDeleteIsNot() {
        XCTAssertEqual(JSONWriter.quoted("\n\r\t\u{0}\u{1}\u{1F}\u{7F}"), "\"\\n\\r\\t\\u0000\\u0001\\u001f\u{7F}\"")
    }

    func testAngleBracketsAndAmpersandsAreWrittenAsUnicodeEscapes() {
        XCTAssertEqual(JSONWriter.quoted("</script><!-- & -->"), #""\u003c/script\u003e\u003c!-- \u0026 --\u003e""#)
    }

    func testNonASCIITextIsCopiedAsItIs() {
        XCTAssertEqual(JSONWriter.quoted("é 👩‍⚕️ 🇫🇷\u{202F}x"), "\"é 👩‍⚕️ 🇫🇷\u{202F}x\"")
        XCTAssertEqual(JSONWriter.quoted("Éducation & santé <2020>"), #""Éducation \u0026 santé \u003c2020\u003e""#)
    }
}
