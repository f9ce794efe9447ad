@testable import CPTSContent
import CPTSDomain
import XCTest

final class SourceTextTests: XCTestCase {
    func testAByteOrderMarkIsDroppedSilently() {
        let source = SourceText(bytes: [0xEF, 0xBB, 0xBF] + Array("name: x\n".utf8), path: "f.yaml")
        XCTAssertEqual(source.text, "name: x\n")
        XCTAssertEqual(source.diagnostics, [])
    }

    func testCRLFLineEndsBecomeLF() {
        let source = SourceText(bytes: Array("a: 1\r\nb: 2\r\nc: 3\rd: 4".utf8), path: "f.yaml")
        XCTAssertEqual(source.text, "a: 1\nb: 2\nc: 3\nd: 4")
    }

    func testInvalidUTF8IsAnErrorAtItsLineAndColumn() {
        let bytes = Array("a: 1\nnom: Ch".utf8) + [0xE2, 0x28] + Array("teau\n".utf8)
        let source = SourceText(bytes: bytes, path: "content/cpts/x.md")
        XCTAssertEqual(source.diagnostics.map { $0.headline(in: .en) },
                       ["content/cpts/x.md:2:8: error: file is not valid UTF-8 (byte 0xE2): it looks saved as Latin-1 (Windows, Excel)"])
        XCTAssertTrue(source.text.hasPrefix("a: 1\nnom: Ch"))
    }

    /// Excel's "CSV" is Windows-1252: a lone é (0xE9) followed by ASCII. The French note says how to save as UTF-8.
    func testALatin1FileIsToldHowToSaveAsUTF8() {
        let bytes = Array("code;name\n37003;Ambois".utf8) + [0xE9] + Array("e\n".utf8)
        let diagnostic = SourceText(bytes: bytes, path: "content/geo/communes.csv").diagnostics.first
        XCTAssertEqual(diagnostic?.text(in: .fr), "le fichier n’est pas en UTF-8\u{202F}: il semble enregistré en Latin-1 (Windows, Excel)")
        XCTAssertEqual(diagnostic?.note(in: .fr),
                       "dans Excel, choisissez «\u{202F}Enregistrer sous…\u{202F}» puis «\u{202F}CSV UTF-8\u{202F}»\u{202F}; dans un éditeur de texte, enregistrez en UTF-8")
        let truncated = Array("nom: Ch".utf8) + [0xE2, 0x80] + Array("teau\n".utf8)
        XCTAssertEqual(SourceText(bytes: truncated, path: "f.md").diagnostics.first?.message, .encodingInvalid(byte: 0xE2, latin1: false),
                       "a broken UTF-8 sequence is not taken for Latin-1")
    }

    /// Excel's "Unicode text" and Notepad's "Unicode" are UTF-16: called so, not Latin-1, with or without a byte
    /// order mark.
    func testAUTF16FileIsCalledUTF16() {
        let text = "code;name\n37003;Amboise\n"
        let withMark: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let bigEndian: [UInt8] = text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        for bytes in [withMark, bigEndian] {
            let diagnostics = SourceText(bytes: bytes, path: "content/geo/communes.csv").diagnostics
            XCTAssertEqual(diagnostics.map { $0.headline(in: .fr) },
                           ["content/geo/communes.csv:1:1: error: le fichier est enregistré en UTF-16, et non en UTF-8"])
        }
        XCTAssertEqual(SourceText(bytes: Array("code;name\n".utf8), path: "f.csv").diagnostics, [])
    }
}

final class FrontMatterTests: XCTestCase {
    func testSplitsYAMLAndBodyWithTheirFirstLines() throws {
        let split = try FrontMatter.split("---\nname: A\n---\n# Titre\n", path: "f.md").get()
        XCTAssertEqual(split.yaml, "name: A")
        XCTAssertEqual(split.yamlFirstLine, 2)
        XCTAssertEqual(split.body, "# Titre\n")
        XCTAssertEqual(split.bodyStart, BodyStart(line: 4, offset: 16))
    }

    /// The body's offset is in UTF-8 bytes, as the model digest cuts the file's bytes.
    func testTheBodyOffsetCountsUTF8Bytes() throws {
        let text = "---\nname: Écueillé\n---\n# Titre\n"
        let split = try FrontMatter.split(text, path: "f.md").get()
        XCTAssertEqual(split.bodyStart, BodyStart(line: 4, offset: text.utf8.count - "# Titre\n".utf8.count))
        XCTAssertEqual(split.bodyStart.offset, 25)
    }

    /// Each reader keeps where its body starts, for the Markdown scan's lines.
    func testEachReaderKeepsWhereItsBodyStarts() {
        let text = "---\ntitle: A\nname: B\ndepartment: \"37\"\nstage: letter-of-intent\n---\n# Titre\n"
        XCTAssertEqual(PageReader.read(text.replacingOccurrences(of: "name: B\ndepartment: \"37\"\nstage: letter-of-intent\n", with: ""),
                                       path: "p.md", slug: "p").0?.bodyStart.line, 4)
        XCTAssertEqual(CPTSReader.read(text.replacingOccurrences(of: "title: A\n", with: ""), path: "c.md", slug: "c").0?.bodyStart.line, 6)
        XCTAssertEqual(ReportReader.read("---\n---\n\n# Bilan\n", path: "r/1.md", slug: "c", name: "1").0?.bodyStart,
                       BodyStart(line: 3, offset: 8))
    }

    func testAMissingOpeningLineIsReported() {
        XCTAssertThrowsError(try FrontMatter.split("name: A\n", path: "f.md").get()) { error in
            XCTAssertEqual((error as? Diagnostic)?.code, "front-matter-missing")
        }
    }

    func testAnUnterminatedFrontMatterIsReported() {
        XCTAssertThrowsError(try FrontMatter.split("---\nname: A\n", path: "f.md").get()) { error in
            XCTAssertEqual((error as? Diagnostic)?.code, "front-matter-unterminated")
        }
    }
}

final class YAMLReaderTests: XCTestCase {
    func testTypeErrorsPointAtTheValueBelowTheFrontMattersFirstLine() throws {
        let reader = YAMLReader(path: "f.md", lineOffset: 1)
        let root = try XCTUnwrap(reader.compose("name: A\nmembers:\n  infirmier: beaucoup\n", .frontMatter))
        let members = try XCTUnwrap(root["members"])
        XCTAssertNil(reader.integer(try XCTUnwrap(members["infirmier"]), "members.infirmier"))
        XCTAssertEqual(reader.diagnostics.map { $0.headline(in: .en) },
                       ["f.md:4:14: error: 'members.infirmier' must be a whole number, found 'beaucoup'"])
    }

    func testHugeNumbersAreReportedNotTruncated() throws {
        let reader = YAMLReader(path: "f.yaml")
        let root = try XCTUnwrap(reader.compose("population: 99999999999999999999999\n", .file("f.yaml")))
        XCTAssertNil(reader.integer(try XCTUnwrap(root["population"]), "population"))
        XCTAssertEqual(reader.diagnostics.map(\.code), ["number-too-large"])
    }

    func testUnknownKeysWarnWithASuggestionAndMissingOnesAreErrors() throws {
        let reader = YAMLReader(path: "f.yaml")
        let root = try XCTUnwrap(reader.compose("title: A\nasof: 2020-01-01\n", .file("site.yaml")))
        _ = reader.mapping(root, .file("site.yaml"), known: ["title", "asOf", "theme"], required: ["title", "theme"])
        XCTAssertEqual(reader.diagnostics.map { $0.headline(in: .en) }, [
            "f.yaml:2:1: warning: unknown key 'asof' in site.yaml",
            "f.yaml:1:1: error: site.yaml lacks the required key 'theme'",
        ])
        XCTAssertEqual(reader.diagnostics.first?.note(in: .en), "did you mean 'asOf'?")
    }

    /// A required key misspelt is one error at the misspelling, with the suggestion, not a warning there and an
    /// error elsewhere.
    func testAMisspeltRequiredKeyIsOneErrorAtTheMisspelling() throws {
        let reader = YAMLReader(path: "f.yaml")
        let root = try XCTUnwrap(reader.compose("asOf: 2020-01-01\ntitel: A\n", .file("site.yaml")))
        _ = reader.mapping(root, .file("site.yaml"), known: ["title", "asOf"], required: ["title"])
        XCTAssertEqual(reader.diagnostics.map { $0.headline(in: .en) }, [
            "f.yaml:2:1: error: site.yaml lacks the required key 'title', and the key 'titel' is unknown",
        ])
        XCTAssertEqual(reader.diagnostics.first?.note(in: .en), "did you mean 'title'? The value of 'titel' is not read")
    }
}
