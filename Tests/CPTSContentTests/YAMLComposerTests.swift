import CPTSDomain
import Foundation
import XCTest

@testable import CPTSContent

/// `YAMLComposer` over Debian's libyaml: positions, duplicate keys, aliases, errors, and every scalar a string.
final class YAMLComposerTests: XCTestCase {
    typealias Mark = Node.Mark

    func compose(_ yaml: String) throws -> Node {
        try XCTUnwrap(try YAMLComposer.compose(yaml))
    }

    func failure(_ yaml: String) -> YAMLComposer.Failure? {
        do {
            _ = try YAMLComposer.compose(yaml)
            return nil
        } catch {
            return error
        }
    }

    func keyNode(_ key: String, in node: Node) -> Node? {
        guard let mapping = node.mapping else { return nil }
        return mapping.first { $0.key.scalar?.string == key }?.key
    }

    func testKeysAndValuesInBlockStyleCarryTheirLineAndColumn() throws {
        let root = try compose("name: A\nmembers:\n  infirmier: 3\n")
        XCTAssertEqual(root.mark, Mark(line: 1, column: 1))
        XCTAssertEqual(keyNode("members", in: root)?.mark, Mark(line: 2, column: 1))
        let members = try XCTUnwrap(root["members"])
        XCTAssertEqual(members.mark, Mark(line: 3, column: 3))
        XCTAssertEqual(keyNode("infirmier", in: members)?.mark, Mark(line: 3, column: 3))
        XCTAssertEqual(members["infirmier"]?.mark, Mark(line: 3, column: 14))
    }

    func testColumnsCountUnicodeScalarsNotBytes() throws {
        let root = try compose("région: « Centre »\n")
        XCTAssertEqual(root["région"]?.mark, Mark(line: 1, column: 9))
    }

    func testKeysAndValuesInFlowStyleCarryTheirLineAndColumn() throws {
        let root = try compose("{a: [1, 2], b: x}\n")
        XCTAssertEqual(keyNode("a", in: root)?.mark, Mark(line: 1, column: 2))
        let list = try XCTUnwrap(root["a"])
        XCTAssertEqual(list.mark, Mark(line: 1, column: 5))
        guard let items = list.sequence else { return XCTFail("not a list: \(list.mark)") }
        XCTAssertEqual(items.map(\.mark), [Mark(line: 1, column: 6), Mark(line: 1, column: 9)])
        XCTAssertEqual(keyNode("b", in: root)?.mark, Mark(line: 1, column: 13))
        XCTAssertEqual(root["b"]?.mark, Mark(line: 1, column: 16))
    }

    func testPositionsInAFrontMatterCountTheLinesAboveIt() throws {
        let reader = YAMLReader(path: "cpts/a.md", lineOffset: 1)
        let root = try XCTUnwrap(reader.compose("name: A\ndates: {diagnostic: 2019-09-01}\n", .frontMatter))
        let dates = try XCTUnwrap(root["dates"])
        XCTAssertEqual(reader.location(of: try XCTUnwrap(dates["diagnostic"])),
                       SourceLocation(file: "cpts/a.md", line: 3, column: 21))
    }

    func testEveryScalarIsAString() throws {
        let root = try compose("a: yes\nb: 1.0\nc: ~\nd: null\ne: 0x1F\nf: 2019-09-01\n")
        guard let mapping = root.mapping else { return XCTFail("not a mapping") }
        XCTAssertEqual(mapping.map { $0.value.scalar?.string }, ["yes", "1.0", "~", "null", "0x1F", "2019-09-01"])
        XCTAssertEqual(mapping.map { $0.value.scalar?.style }, Array(repeating: .plain, count: 6))
    }

    func testScalarStylesAreKept() throws {
        let root = try compose("a: 'x'\nb: \"y\"\nc: |\n  z\n")
        XCTAssertEqual(root["a"]?.scalar?.style, .singleQuoted)
        XCTAssertEqual(root["b"]?.scalar?.style, .doubleQuoted)
        XCTAssertEqual(root["c"]?.scalar?.style, .literal)
        XCTAssertEqual(root["c"]?.scalar?.string, "z\n")
    }

    func testADocumentWithoutValueComposesToNothing() throws {
        XCTAssertNil(try YAMLComposer.compose(""))
        XCTAssertNil(try YAMLComposer.compose("\n\n"))
        XCTAssertNil(try YAMLComposer.compose("# only a comment\n"))
    }

    func testASecondDocumentIsAnErrorAtItsStart() {
        XCTAssertEqual(failure("a: 1\n---\nb: 2\n"),
                       .syntax(problem: "but found another document", mark: Mark(line: 2, column: 1),
                               context: "expected a single document in the stream", contextMark: Mark(line: 1, column: 1)))
    }

    /// `[a, a, …]` makes a node of every three bytes: past `maximumNodes` the document is refused at the first
    /// value over, before the list is built.
    func testAListOfMoreThanAMillionValuesIsRefusedAtTheFirstOneOver() {
        let count = YAMLComposer.maximumNodes  // with the list itself, one value too many
        let yaml = "[" + String(repeating: "a, ", count: count - 1) + "a]"
        XCTAssertThrowsError(try YAMLComposer.compose(yaml)) { error in
            XCTAssertEqual(error as? YAMLComposer.Failure, .tooManyNodes(mark: Mark(line: 1, column: 2 + 3 * (count - 1))))
        }
        XCTAssertNotNil(try? YAMLComposer.compose("[" + String(repeating: "a, ", count: count - 2) + "a]"))
    }

    func testADuplicateKeyIsReportedAtItsSecondOccurrence() {
        XCTAssertEqual(failure("a: 1\nb:\n  c: 2\na: 3\n"),
                       .duplicateKey(key: "a", first: Mark(line: 1, column: 1), second: Mark(line: 4, column: 1)))
    }

    func testADuplicateKeyInFlowStyleIsReportedAtItsSecondOccurrence() {
        XCTAssertEqual(failure("{a: 1, 'a': 2}\n"),
                       .duplicateKey(key: "a", first: Mark(line: 1, column: 2), second: Mark(line: 1, column: 8)))
    }

    func testADuplicateKeyAmongManyKeysIsFound() {
        let yaml = (1...200).map { "k\($0): \($0)\n" }.joined() + "k150: again\n"
        XCTAssertEqual(failure(yaml),
                       .duplicateKey(key: "k150", first: Mark(line: 150, column: 1), second: Mark(line: 201, column: 1)))
    }

    func testKeysWithDifferentTagsAreDifferentKeys() throws {
        XCTAssertNotNil(try compose("!!int 1: x\n1: y\n"))
        XCTAssertEqual(failure("!!str a: x\na: y\n"),
                       .duplicateKey(key: "a", first: Mark(line: 1, column: 1), second: Mark(line: 2, column: 1)))
    }

    func testADuplicateKeyIsADiagnosticAtTheSecondKey() throws {
        let reader = YAMLReader(path: "site.yaml")
        XCTAssertNil(reader.compose("title: A\nasOf: 2020-01-01\ntitle: B\n", .file("site.yaml")))
        XCTAssertEqual(reader.diagnostics.map { $0.headline(in: .en) }, ["site.yaml:3:1: error: duplicate key 'title'"])
        XCTAssertEqual(reader.diagnostics.first?.note(in: .en), "first given at line 1")
    }

    func testAnAliasIsItsAnchorsNodeWithItsPosition() throws {
        let root = try compose("a: &x {k: v}\nb: *x\n")
        let aliased = try XCTUnwrap(root["b"])
        XCTAssertEqual(aliased["k"]?.scalar?.string, "v")
        XCTAssertEqual(aliased.mark, Mark(line: 1, column: 4))
    }

    func testALaterAnchorOfTheSameNameReplacesTheFirst() throws {
        let root = try compose("a: &x 1\nb: &x 2\nc: *x\n")
        XCTAssertEqual(root["c"]?.scalar?.string, "2")
    }

    func testAnUndefinedAliasIsASyntaxError() {
        XCTAssertEqual(failure("a: *nowhere\n"),
                       .syntax(problem: "found undefined alias", mark: Mark(line: 1, column: 4), context: nil, contextMark: nil))
    }

    func testMergeKeysStayPlainKeys() throws {
        let root = try compose("base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n")
        let other = try XCTUnwrap(root["other"])
        XCTAssertEqual(other["<<"]?["x"]?.scalar?.string, "1")
        XCTAssertNil(other["x"])
    }

    /// Ten levels of ten aliases each would copy ten billion nodes.
    static let billionLaughs: String = {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    /// The bound is checked by where the composer stops (the alias that passes 100 000 copied nodes), not by a
    /// time limit, which a loaded machine could trip.
    func testABillionLaughsIsRefusedWithOneDiagnosticAtTheAliasThatPassesTheBound() throws {
        let reader = YAMLReader(path: "bomb.yaml")
        XCTAssertNil(reader.compose(Self.billionLaughs, .file("bomb.yaml")))
        XCTAssertEqual(reader.diagnostics.map(\.code), ["yaml-aliases-too-large"])
        // The aliases of a1 … a3 copy 12 330 nodes; the eighth *a3 of a4 (11 111 nodes each) passes 100 000.
        XCTAssertEqual(reader.diagnostics.first?.location, SourceLocation(file: "bomb.yaml", line: 5, column: 45))
    }

    func testAliasesBelowTheBoundAreComposed() throws {
        let root = try compose("a: &a [x, x]\nb: [*a, *a, *a]\n")
        guard let copies = try XCTUnwrap(root["b"]).sequence else { return XCTFail("not a list") }
        XCTAssertEqual(copies.count, 3)
    }

    func testNestingDeeperThanTheBoundIsRefused() {
        let depth = YAMLComposer.maximumDepth
        XCTAssertNotNil(try? YAMLComposer.compose(String(repeating: "[", count: depth) + String(repeating: "]", count: depth)))
        XCTAssertEqual(failure(String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)),
                       .tooDeep(mark: Mark(line: 1, column: depth + 1)))
    }

    func testAnAliasNestingDeeperThanTheBoundIsRefused() {
        let depth = YAMLComposer.maximumDepth
        let deep = String(repeating: "[", count: depth - 1) + String(repeating: "]", count: depth - 1)
        XCTAssertEqual(failure("a: &deep \(deep)\nb: [*deep]\n"), .tooDeep(mark: Mark(line: 2, column: 5)))
    }

    func testASyntaxErrorCarriesLibyamlsProblemContextAndPosition() {
        XCTAssertEqual(failure("a: \"open\nb: 2\n"),
                       .syntax(problem: "found unexpected end of stream", mark: Mark(line: 3, column: 1),
                               context: "while scanning a quoted scalar", contextMark: Mark(line: 1, column: 4)))
    }

    func testASyntaxErrorIsADiagnosticInPlainFrench() throws {
        let reader = YAMLReader(path: "cpts/a.md", lineOffset: 1)
        XCTAssertNil(reader.compose("name: A\n  population: 3\n", .frontMatter))
        XCTAssertEqual(reader.diagnostics.map { $0.headline(in: .fr) },
                       ["cpts/a.md:3:13: error: erreur de syntaxe YAML (en anglais\u{202F}: mapping values are not allowed in this context)"])
    }

    func testATabIndentationIsASyntaxError() {
        guard case .syntax(let problem, let mark, _, _) = failure("dates:\n  a: 1\n\tb: 2\n") else { return XCTFail("no syntax error") }
        XCTAssertTrue(problem.contains("tab"), problem)
        XCTAssertEqual(mark.line, 3)
    }

    func testAControlCharacterMakesTheYAMLUnreadable() {
        XCTAssertEqual(failure("a: 1\u{0}2\n"), .unreadable(problem: "control characters are not allowed"))
    }

    /// As with Yams: libyaml skips it as a character of the first line (`SourceText` removes it before anyway).
    func testAByteOrderMarkIsSkippedAndCountedInTheFirstLinesColumns() throws {
        let root = try compose("\u{FEFF}a: 1\n")
        XCTAssertEqual(keyNode("a", in: root)?.mark, Mark(line: 1, column: 2))
        XCTAssertEqual(root["a"]?.scalar?.string, "1")
    }
}
