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
        XCTAssertEqual(source.diagnostics.map(\.headline),
                       ["content/cpts/x.md:2:8: error: file is not valid UTF-8 (byte 0xE2)"])
        XCTAssertTrue(source.text.hasPrefix("a: 1\nnom: Ch"))
    }
}

final class FrontMatterTests: XCTestCase {
    func testSplitsYAMLAndBodyWithTheirFirstLines() throws {
        let split = try FrontMatter.split("---\nname: A\n---\n# Titre\n", path: "f.md").get()
        XCTAssertEqual(split.yaml, "name: A")
        XCTAssertEqual(split.yamlFirstLine, 2)
        XCTAssertEqual(split.body, "# Titre\n")
        XCTAssertEqual(split.bodyFirstLine, 4)
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
        let root = try XCTUnwrap(reader.compose("name: A\nmembers:\n  infirmier: beaucoup\n"))
        let members = try XCTUnwrap(root["members"])
        XCTAssertNil(reader.integer(try XCTUnwrap(members["infirmier"]), "members.infirmier"))
        XCTAssertEqual(reader.diagnostics.map(\.headline),
                       ["f.md:4:14: error: 'members.infirmier' must be a whole number, found 'beaucoup'"])
    }

    func testHugeNumbersAreReportedNotTruncated() throws {
        let reader = YAMLReader(path: "f.yaml")
        let root = try XCTUnwrap(reader.compose("population: 99999999999999999999999\n"))
        XCTAssertNil(reader.integer(try XCTUnwrap(root["population"]), "population"))
        XCTAssertEqual(reader.diagnostics.map(\.code), ["number-too-large"])
    }

    func testUnknownKeysWarnWithASuggestionAndMissingOnesAreErrors() throws {
        let reader = YAMLReader(path: "f.yaml")
        let root = try XCTUnwrap(reader.compose("titel: A\n"))
        _ = reader.mapping(root, "site.yaml", known: ["title", "asOf"], required: ["title"])
        XCTAssertEqual(reader.diagnostics.map(\.headline), [
            "f.yaml:1:1: warning: unknown key 'titel' in site.yaml",
            "f.yaml:1:1: error: site.yaml lacks the required key 'title'",
        ])
        XCTAssertEqual(reader.diagnostics.first?.note, "did you mean 'title'?")
    }
}
