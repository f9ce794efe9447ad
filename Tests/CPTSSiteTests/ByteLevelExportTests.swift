@testable import CPTSSite
import Foundation
import XCTest

/// The exports written at the byte level (`JSONValue`, `SpreadsheetCSV`) write the same bytes as the String-based
/// writers they replaced, kept here as references, one escaping rule per test.
final class ByteLevelExportTests: XCTestCase {
    func testJSONControlCharactersAreEscapedAsBefore() {
        for byte in UInt8(0)..<0x20 {
            let text = "a" + String(UnicodeScalar(byte)) + "b"
            XCTAssertEqual(JSONValue.quoted(text), Reference.quoted(text), "byte \(byte)")
        }
        XCTAssertEqual(JSONValue.quoted("\u{0}\u{1F}"), #""\u0000\u001f""#)
    }

    func testJSONQuotesAndBackslashesAreEscapedAsBefore() {
        for text in [#"""#, #"\"#, #"\\""#, #"a"b"c\d"#, #"fin\"#, #""début"#] {
            XCTAssertEqual(JSONValue.quoted(text), Reference.quoted(text), text)
        }
    }

    func testJSONLineAndParagraphSeparatorsAreKeptAsTheyWere() {
        // Not escaped before (JSON allows them in strings): still written as they are.
        XCTAssertEqual(JSONValue.quoted("a\u{2028}b\u{2029}c"), "\"a\u{2028}b\u{2029}c\"")
        XCTAssertEqual(JSONValue.quoted("a\u{2028}b\u{2029}c"), Reference.quoted("a\u{2028}b\u{2029}c"))
    }

    func testJSONNonASCIIAndMarkupCharactersAreWrittenAsBefore() {
        for text in ["é", "« Projet de santé »\u{202F}: 185\u{202F}000\u{00A0}€", "👩‍⚕️<b>&amp;</b>🇫🇷", "\u{7F}\u{80}\u{FFFF}",
                     String(repeating: "santé ", count: 10_000) + "<"] {
            XCTAssertEqual(JSONValue.quoted(text), Reference.quoted(text))
        }
    }

    func testJSONEveryASCIIByteBetweenTextIsWrittenAsBefore() {
        let text = String(decoding: (UInt8(0)..<0x80).flatMap { [$0, UInt8(ascii: "x"), 0xC3, 0xA9] }, as: UTF8.self)
        XCTAssertEqual(JSONValue.quoted(text), Reference.quoted(text))
    }

    func testJSONIntegersAreWrittenAsStringOfThem() {
        for value in [0, 7, -7, 10, 99, 100, 185_000, -1_000_000, Int.max, Int.min] {
            XCTAssertEqual(JSONValue.integer(value).document, String(value) + "\n")
        }
    }

    func testJSONNumbersAreWrittenAsBefore() {
        let values: [Double] = [0, -0.0, 0.5, 2, -0.25, 0.571068, 0.000001, 0.0000004, -0.0000004, 1.05, 10.1, 123.000100,
                                -3.5, 1e12, 0.1 + 0.2, .nan, .infinity, -.infinity, 99.9999995, 5e-7]
        for value in values {
            XCTAssertEqual(JSONValue.number(value), Reference.number(value), "\(value)")
            XCTAssertEqual(SpreadsheetCSV.decimal(value), Reference.number(value).replacingOccurrences(of: ".", with: ","), "\(value)")
        }
    }

    func testJSONIndentationAndEmptyContainersAreWrittenAsBefore() {
        let value = JSONValue.object([("a", .object([])), ("b", .array([])), ("c", .array([.object([("d", .array([.bool(true), .null]))])])),
                                      ("e", .prerendered("{\n      \"x\": 1\n    }")), ("f", .bool(false))])
        XCTAssertEqual(value.document, """
            {
              "a": {},
              "b": [],
              "c": [
                {
                  "d": [
                    true,
                    null
                  ]
                }
              ],
              "e": {
                  "x": 1
                },
              "f": false
            }

            """)
        XCTAssertEqual(JSONValue.array([.integer(1)]).text(atDepth: 2), "[\n      1\n    ]")
    }

    func testCSVCellsWithoutSeparatorOrQuoteAreWrittenAsTheyAre() {
        for cell in ["", "CPTS de Blois", "185 000", "31/12/2019", "« oui »", "x'y"] {
            XCTAssertEqual(csv(cell), Reference.csv(cell), cell)
            XCTAssertEqual(csv(cell), cell)
        }
    }

    func testCSVCellsWithSeparatorsQuotesOrLineBreaksAreQuotedWithQuotesDoubled() {
        for cell in ["a;b", #"dit "oui""#, #"""#, #""""#, "ligne\nsuivante", "retour\rchariot", #"fin""#, #""début;"#] {
            XCTAssertEqual(csv(cell), Reference.csv(cell), cell.debugDescription)
        }
        XCTAssertEqual(csv(#"a"b;c"#), #""a""b;c""#)
    }

    func testCSVFormulasAreDefusedAsBeforeInsideTheQuotes() {
        for cell in ["=HYPERLINK(\"http://x\";\"y\")", "@SUM(A1:A9)", "+1+1", "-2+3", "\tx", "\r=1", "=", "-1", "-3,5", "=a;b", "=\"\""] {
            XCTAssertEqual(csv(cell), Reference.csv(cell), cell.debugDescription)
        }
        XCTAssertEqual(csv("=a;b"), #""'=a;b""#)
    }

    func testCSVRowsEndWithCarriageReturnAndLineFeed() {
        var out = ExportBuffer()
        SpreadsheetCSV.row(["a", "b;c", ""], to: &out)
        XCTAssertEqual(String(decoding: out.bytes, as: UTF8.self), "a;\"b;c\";\r\n")
    }

    private func csv(_ cell: String) -> String {
        var out = ExportBuffer()
        SpreadsheetCSV.append(cell, to: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// The writers as they were before the byte-level ones (commit 0a6737f).
    enum Reference {
        static func quoted(_ text: String) -> String {
            var out = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "<": out += "\\u003c"
                case ">": out += "\\u003e"
                case "&": out += "\\u0026"
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16)
                        out += "\\u00" + (hex.count == 1 ? "0" : "") + hex
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        }

        static func number(_ value: Double) -> String {
            guard value.isFinite else { return "null" }
            let scaled = (value * 1_000_000).rounded()
            let sign = scaled < 0 ? "-" : ""
            let magnitude = Int(scaled.magnitude)
            var fraction = String(magnitude % 1_000_000)
            fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            return sign + String(magnitude / 1_000_000) + (fraction.isEmpty ? "" : "." + fraction)
        }

        static func csv(_ cell: String) -> String {
            let text = SpreadsheetCSV.defused(cell)
            guard text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
    }
}
