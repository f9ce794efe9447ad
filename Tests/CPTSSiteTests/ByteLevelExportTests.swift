import CPTSDomain
@testable import CPTSSite
import Foundation
import XCTest

/// The exports written at the byte level (`JSONWriter`, `SpreadsheetCSV`) write the same bytes as the String-based
/// writers they replaced, kept here as references, one escaping rule per test.
final class ByteLevelExportTests: XCTestCase {
    func testJSONControlCharactersAreEscapedAsBefore() {
        for byte in UInt8(0)..<0x20 {
            let text = "a" + String(UnicodeScalar(byte)) + "b"
            XCTAssertEqual(JSONWriter.quoted(text), Reference.quoted(text), "byte \(byte)")
        }
        XCTAssertEqual(JSONWriter.quoted("\u{0}\u{1F}"), #""\u0000\u001f""#)
    }

    func testJSONQuotesAndBackslashesAreEscapedAsBefore() {
        for text in [#"""#, #"\"#, #"\\""#, #"a"b"c\d"#, #"fin\"#, #""début"#] {
            XCTAssertEqual(JSONWriter.quoted(text), Reference.quoted(text), text)
        }
    }

    func testJSONLineAndParagraphSeparatorsAreKeptAsTheyWere() {
        // Not escaped before (JSON allows them in strings): still written as they are.
        XCTAssertEqual(JSONWriter.quoted("a\u{2028}b\u{2029}c"), "\"a\u{2028}b\u{2029}c\"")
        XCTAssertEqual(JSONWriter.quoted("a\u{2028}b\u{2029}c"), Reference.quoted("a\u{2028}b\u{2029}c"))
    }

    func testJSONNonASCIIAndMarkupCharactersAreWrittenAsBefore() {
        for text in ["é", "« Projet de santé »\u{202F}: 185\u{202F}000\u{00A0}€", "👩‍⚕️<b>&amp;</b>🇫🇷", "\u{7F}\u{80}\u{FFFF}",
                     String(repeating: "santé ", count: 10_000) + "<"] {
            XCTAssertEqual(JSONWriter.quoted(text), Reference.quoted(text))
        }
    }

    func testJSONEveryASCIIByteBetweenTextIsWrittenAsBefore() {
        let text = String(decoding: (UInt8(0)..<0x80).flatMap { [$0, UInt8(ascii: "x"), 0xC3, 0xA9] }, as: UTF8.self)
        XCTAssertEqual(JSONWriter.quoted(text), Reference.quoted(text))
    }

    func testJSONIntegersAreWrittenAsStringOfThem() {
        for value in [0, 7, -7, 10, 99, 100, 185_000, -1_000_000, Int.max, Int.min] {
            XCTAssertEqual(json { $0.integer(value) }, String(value) + "\n")
        }
    }

    func testJSONNumbersAreWrittenAsBefore() {
        let values: [Double] = [0, -0.0, 0.5, 2, -0.25, 0.571068, 0.000001, 0.0000004, -0.0000004, 1.05, 10.1, 123.000100,
                                -3.5, 1e12, 0.1 + 0.2, .nan, .infinity, -.infinity, 99.9999995, 5e-7]
        for value in values {
            XCTAssertEqual(JSONWriter.number(value), Reference.number(value), "\(value)")
            XCTAssertEqual(SpreadsheetCSV.decimal(value), Reference.number(value).replacingOccurrences(of: ".", with: ","), "\(value)")
        }
    }

    func testJSONIndentationAndEmptyContainersAreWrittenAsBefore() {
        let written = json { json in
            json.beginObject()
            json.key("a"); json.beginObject(); json.endObject()
            json.key("b"); json.beginArray(); json.endArray()
            json.key("c"); json.beginArray(); json.item(); json.beginObject()
            json.key("d"); json.beginArray(); json.item(); json.bool(true); json.item(); json.null(); json.endArray()
            json.endObject(); json.endArray()
            json.key("e"); json.prerendered(Array("{\n      \"x\": 1\n    }".utf8))
            json.key("f"); json.bool(false)
            json.endObject()
        }
        XCTAssertEqual(written, """
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
        var apart = ExportBuffer()
        apart.writeJSON(depth: 2) { json in json.beginArray(); json.item(); json.integer(1); json.endArray() }
        XCTAssertEqual(String(decoding: apart.bytes, as: UTF8.self), "[\n      1\n    ]")
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

    // MARK: JSONWriter, site.json's writer without a tree

    func testJSONWriterWritesAPrettyPrintedDocumentWithKeysInTheirOrder() throws {
        let written = json { json in
            json.beginObject()
            json.key("text"); json.string("« Loches » : <b>&\"\\\n\u{1}")
            json.key("count"); json.integer(-185_000)
            json.key("share"); json.number(-0.571068)
            json.key("none"); json.null()
            json.key("yes"); json.bool(true)
            json.key("no"); json.bool(false)
            json.key("empty"); json.beginObject(); json.endObject()
            json.key("list"); json.beginArray(); json.endArray()
            json.key("items")
            json.beginArray()
            json.item(); json.integer(1)
            json.item(); json.beginObject(); json.key(escaping: "a\"<b")
            json.beginArray(); json.item(); json.string("x"); json.item(); json.null(); json.endArray(); json.endObject()
            json.item(); json.beginArray(); json.item(); json.beginObject(); json.endObject(); json.endArray()
            json.endArray()
            json.endObject()
        }
        XCTAssertEqual(written, #"""
            {
              "text": "« Loches » : \u003cb\u003e\u0026\"\\\n\u0001",
              "count": -185000,
              "share": -0.571068,
              "none": null,
              "yes": true,
              "no": false,
              "empty": {},
              "list": [],
              "items": [
                1,
                {
                  "a\"\u003cb": [
                    "x",
                    null
                  ]
                },
                [
                  {}
                ]
              ]
            }

            """#)
        let read = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: Any])
        XCTAssertEqual(read["text"] as? String, "« Loches » : <b>&\"\\\n\u{1}")
    }

    func testJSONWriterIndentsDeeperThanItsTableOfSpaces() {
        // Arrays 45 deep, each holding the one below and an object: `[[…, {"k": null}], {"k": null}]`.
        func write(_ depth: Int, _ json: inout JSONWriter) {
            guard depth > 0 else { json.integer(7); return }
            json.beginArray()
            json.item(); write(depth - 1, &json)
            json.item(); json.beginObject(); json.key("k"); json.null(); json.endObject()
            json.endArray()
        }
        func expected(_ depth: Int, at level: Int) -> String {
            guard depth > 0 else { return "7" }
            let inner = String(repeating: "  ", count: level + 1)
            return "[\n" + inner + expected(depth - 1, at: level + 1) + ",\n" + inner + "{\n" + inner + "  \"k\": null\n" + inner
                + "}\n" + String(repeating: "  ", count: level) + "]"
        }
        XCTAssertEqual(json { write(45, &$0) }, expected(45, at: 0) + "\n")
    }

    func testJSONWriterOptionalsAreWrittenAsNull() {
        let written = json { json in
            json.beginArray()
            json.item(); json.string(nil as String?)
            json.item(); json.integer(nil as Int?)
            json.item(); json.number(nil as Double?)
            json.item(); json.day(nil as Day?)
            json.item(); json.integer(3 as Int?)
            json.endArray()
        }
        XCTAssertEqual(written, "[\n  null,\n  null,\n  null,\n  null,\n  3\n]\n")
    }

    func testJSONWriterNumbersAreWrittenAsTheStringBasedWriterWroteThem() {
        let integers = [0, 7, -7, 10, -10, 99, 100, 1_000_000, -1_000_000, 4_294_967_296, Int.max, Int.min]
        let numbers: [Double] = [0, -0.0, 0.5, -0.5, 2, -2, 0.000001, -0.000001, 0.0000004, 1.05, -1234.5678, 1e12, -1e12,
                                 0.1 + 0.2, 99.9999995, .nan, .infinity, -.infinity]
        for value in integers {
            XCTAssertEqual(json { $0.integer(value) }, String(value) + "\n")
        }
        for value in numbers {
            XCTAssertEqual(json { $0.number(value) }, Reference.number(value) + "\n", "\(value)")
        }
    }

    func testJSONWriterDaysAreWrittenAsTheirDescription() throws {
        for (year, month, day) in [(1, 1, 1), (9, 3, 4), (99, 10, 10), (999, 12, 31), (2019, 2, 5), (2020, 2, 29), (9999, 12, 31)] {
            let date = try XCTUnwrap(Day(year: year, month: month, day: day))
            XCTAssertEqual(json { $0.day(date) }, "\"\(date.description)\"\n")
        }
    }

    func testJSONWriterAValueWrittenApartAtItsDepthIsSplicedAsWrittenInPlace() {
        func entry(_ json: inout JSONWriter) {
            json.beginObject(); json.key("a"); json.beginArray(); json.item(); json.integer(1); json.endArray()
            json.key("b"); json.beginObject(); json.endObject(); json.endObject()
        }
        var apart = ExportBuffer()
        apart.writeJSON(depth: 2) { entry(&$0) }
        let spliced = json { json in
            json.beginObject(); json.key("cpts"); json.beginArray()
            json.item(); json.prerendered(apart.bytes); json.item(); json.prerendered(apart.bytes)
            json.endArray(); json.endObject()
        }
        let inPlace = json { json in
            json.beginObject(); json.key("cpts"); json.beginArray()
            json.item(); entry(&json); json.item(); entry(&json)
            json.endArray(); json.endObject()
        }
        XCTAssertEqual(spliced, inPlace)
    }

    func testJSONWriterKeepsTheSinkOfTheBufferItWritesInto() throws {
        var parts: [[UInt8]] = []
        var out = ExportBuffer { parts.append($0); return true }
        let text = String(repeating: "santé ", count: 1000)
        out.writeJSON { json in
            json.beginArray()
            for _ in 0..<400 { json.item(); json.string(text) }
            json.endArray()
        }
        XCTAssertTrue(out.finish())
        XCTAssertGreaterThan(parts.count, 1)
        var whole = ExportBuffer()
        whole.writeJSON { json in
            json.beginArray()
            for _ in 0..<400 { json.item(); json.string(text) }
            json.endArray()
        }
        XCTAssertEqual(Array(parts.joined()), whole.bytes)
        XCTAssertEqual(try JSONSerialization.jsonObject(with: Data(whole.bytes)) as? [String], Array(repeating: text, count: 400))
    }

    /// `serve` keeps each CPTS's entry as bytes and splices it: the same site.json as a build writing it in place.
    func testSiteJSONFromCachedEntriesIsTheSiteJSONWrittenInPlace() async throws {
        for site in ["minimal", "warnings"] {
            let folder = ExportTests.repository.appendingPathComponent("Tests/Fixtures/sites/\(site)/content").path
            let renderer = try await SitePages.load(contentFolder: folder).renderer
            let (content, figures, diagnostics) = (renderer.content, renderer.figures, renderer.diagnostics)
            let inPlace = SiteJSON.export(content: content, figures: figures, diagnostics: diagnostics).file.bytes
            let cached = SiteJSON.export(content: content, figures: figures, diagnostics: diagnostics) {
                SiteJSON.entry(for: $0, figures: figures, content: content, diagnostics: diagnostics)
            }.file.bytes
            XCTAssertEqual(String(decoding: cached, as: UTF8.self), String(decoding: inPlace, as: UTF8.self), site)
        }
    }

    /// site.json lists the CPTS in the order of their slugs whatever the content's order (positions sorted, not
    /// the CPTS): reversed content lists them in the same order.
    func testSiteJSONListsTheCPTSInSlugOrderWhateverTheContentOrder() async throws {
        let folder = ExportTests.repository.appendingPathComponent("Tests/Fixtures/sites/warnings/content").path
        let renderer = try await SitePages.load(contentFolder: folder).renderer
        var content = renderer.content
        let diagnostics = renderer.diagnostics
        XCTAssertGreaterThan(content.cpts.count, 1)
        let inOrder = SiteJSON.export(content: content, figures: renderer.figures, diagnostics: diagnostics).file.bytes
        content.cpts.reverse()
        let reversed = SiteJSON.export(content: content, figures: SiteFigures(content: content), diagnostics: diagnostics).file.bytes
        func slugs(_ bytes: [UInt8]) throws -> [String] {
            let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
            return try XCTUnwrap(document["cpts"] as? [[String: Any]]).compactMap { $0["slug"] as? String }
        }
        XCTAssertEqual(try slugs(reversed), content.cpts.map(\.slug.value).sorted())
        XCTAssertEqual(try slugs(reversed), try slugs(inOrder))
    }

    // MARK: CSVWriter, the CSV files' writer without an array of cells

    func testCSVWriterIntegersAreWrittenAsTheirStrings() {
        for value in [0, 7, -1, -12, 185_000, -1_000_000, Int.max, Int.min] {
            XCTAssertEqual(csvRow { $0.cell(value) }, csv(String(value)) + "\r\n", "\(value)")
            XCTAssertEqual(csvRow { $0.cell(value as Int?) }, csv(String(value)) + "\r\n", "\(value)")
        }
        XCTAssertEqual(csvRow { $0.cell(nil as Int?); $0.cell(nil as Int?) }, ";\r\n")
    }

    func testCSVWriterDecimalsAreWrittenAsSpreadsheetDecimals() {
        let values: [Double] = [0, -0.0, 0.5, -0.5, -3.5, 12.25, -1234.5678, 0.000001, -0.0000004, 1e12, -1e12, 0.1 + 0.2,
                                .nan, .infinity]
        for value in values {
            XCTAssertEqual(csvRow { $0.cell(decimal: value) }, csv(SpreadsheetCSV.decimal(value)) + "\r\n", "\(value)")
        }
        XCTAssertEqual(csvRow { $0.cell(decimal: -3.5) }, "-3,5\r\n")
    }

    func testCSVWriterDatesAreWrittenAsShortFrenchDates() throws {
        for (year, month, day) in [(1, 1, 1), (999, 12, 31), (2019, 2, 5), (2019, 11, 30), (9999, 12, 31)] {
            let date = try XCTUnwrap(Day(year: year, month: month, day: day))
            XCTAssertEqual(csvRow { $0.cell(date) }, FrenchFormat.shortDate(date) + "\r\n")
        }
        XCTAssertEqual(csvRow { $0.cell(nil as Day?); $0.cell("x") }, ";x\r\n")
    }

    func testCSVWriterRowsAreTheRowsOfTheSameCellsAsText() throws {
        let date = try XCTUnwrap(Day(year: 2020, month: 3, day: 1))
        let written = csvRow { csv in
            csv.cell("=HYPERLINK(\"x\";\"y\")"); csv.cell(-12); csv.cell(decimal: -3.25); csv.cell(date); csv.cell("")
            csv.cell("dit \"oui\""); csv.cell("a;b"); csv.cell("ligne\nsuivante"); csv.cell("@SUM(A1)"); csv.cell(nil as Int?)
            csv.endRow()
            csv.cell("« é »")
        }
        var out = ExportBuffer()
        SpreadsheetCSV.row(["=HYPERLINK(\"x\";\"y\")", "-12", "-3,25", "01/03/2020", "", "dit \"oui\"", "a;b", "ligne\nsuivante",
                            "@SUM(A1)", ""], to: &out)
        SpreadsheetCSV.row(["« é »"], to: &out)
        XCTAssertEqual(written, String(decoding: out.bytes, as: UTF8.self))
    }

    func testCSVWriterAnEncodedCellIsWrittenAsTheSameCellAsText() {
        let cells = ["", "oui", "Cher", "=1+1", "-3,5", "a;b", "dit \"oui\"", "ligne\nsuivante", "\tx", "Pré-projet", "secret statistique"]
        for cell in cells {
            XCTAssertEqual(csvRow { $0.cell("x"); $0.cell(encoded: SpreadsheetCSV.encoded(cell)) },
                           csvRow { $0.cell("x"); $0.cell(cell) }, cell.debugDescription)
        }
    }

    func testCSVWriterLinesLongerThanItsPendingBlockAreWrittenWhole() {
        // Cells of every size around the pending block's, quoted or not, over enough lines to fill it many times.
        let long = String(repeating: "é", count: 12_000)
        let cells = [long, "a;" + long, String(repeating: "x", count: 16_384), "dit \"" + long + "\"", "court"]
        let written = csvRow { csv in
            for line in 0..<40 {
                for cell in cells { csv.cell(cell); csv.cell(line); csv.cell(encoded: SpreadsheetCSV.encoded(cell)) }
                csv.endRow()
            }
        }
        var out = ExportBuffer()
        for line in 0..<40 { SpreadsheetCSV.row(cells.flatMap { [$0, String(line), $0] }, to: &out) }
        out.append(0x0D)
        out.append(0x0A)
        XCTAssertEqual(written, String(decoding: out.bytes, as: UTF8.self))
    }

    func testCPTSPositionsAreInSlugOrderWhateverTheContentOrder() {
        let orders = [["a", "a-b", "ab", "b"], ["b", "a", "ab", "a-b"], ["cpts-000010", "cpts-00001", "cpts-000001"],
                      ["équipe", "zeta", "Zeta", "0123456789abcdefg"], ["x"], []]
        for slugs in orders {
            let all = slugs.map(Self.cpts)
            XCTAssertEqual(SpreadsheetCSV.sortedBySlug(all).map { slugs[$0] }, slugs.sorted(), "\(slugs)")
        }
    }

    func testCPTSInSlugOrderKeepTheirPositions() {
        let slugs = ["a", "a-b", "ab", "b", "b"]
        XCTAssertEqual(SpreadsheetCSV.sortedBySlug(slugs.map(Self.cpts)), [0, 1, 2, 3, 4])
    }

    private static func cpts(_ slug: String) -> CPTS {
        let at = SourceLocation(file: "f", line: 1, column: 1)
        return CPTS(slug: Located(slug, at: at), file: "f", name: slug, department: Located("37", at: at), population: nil, communes: [],
                    stage: Located(.healthProject, at: at), dates: [:], schedule: nil, legalForm: nil, members: [], missions: [],
                    body: "", location: at)
    }

    /// The bytes `body` writes as a document: its value and a final newline.
    private func json(_ body: (inout JSONWriter) -> Void) -> String {
        var out = ExportBuffer()
        out.writeJSON(body)
        out.append(UInt8(ascii: "\n"))
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// The line(s) `body` writes, the last one ended.
    private func csvRow(_ body: (inout CSVWriter) -> Void) -> String {
        var out = ExportBuffer()
        out.writeCSV { csv in
            body(&csv)
            csv.endRow()
        }
        return String(decoding: out.bytes, as: UTF8.self)
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
