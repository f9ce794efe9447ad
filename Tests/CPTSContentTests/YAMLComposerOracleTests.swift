@testable import CPTSContent
import CPTSDomain
import Foundation
import XCTest

/// `YAMLComposer` composes flat documents (issue #27) to the nodes the tree composer made before
/// (`ReferenceYAMLComposer`, kept as the oracle): the same kinds, texts, styles, tags, positions and failures, on
/// every one-byte edit and line edit of a document that uses what YAML allows, and on every YAML text of the fixtures.
final class YAMLComposerOracleTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static let rich = """
        name: "CPTS du « Lochois »"
        department: '37'
        population: 12_000
        stage: !!str aci-signed
        communes: [37132, "37003", '2A004']
        dates: &dates
          diagnostic: 2019-09-01
          aci-signed: 2021-03-15
        planned: [aci-signed]
        again: *dates
        members: {médecin: 3, e\u{301}: 1, K: 2, infirmier: ~}
        ? [a, b]
        : complex
        missions:
          - id: acces-soins
            start: 2021-01-01
            actions: [a, "b", c]
          - {id: prevention, planned: [start]}
        text: |
          Deux lignes
          et « guillemets »
        folded: >
          plié
          ici
        !local tagged: !!map {x: 1}
        empty:
        null: null

        """

    /// A node as text: kind, style, tag and position of it and of every node in it.
    func shape(_ node: Node) -> String {
        let at = "@\(node.mark.line):\(node.mark.column)"
        if let scalar = node.scalar {
            return "S\(scalar.style)\(scalar.tag.map { "<\($0)>" } ?? "")\(at)\(scalar.string.debugDescription)"
        }
        if let mapping = node.mapping {
            return "M\(mapping.tag.map { "<\($0)>" } ?? "")\(at){" + mapping.map { shape($0.key) + ": " + shape($0.value) }.joined(separator: ", ") + "}"
        }
        guard let sequence = node.sequence else { return "?" }
        return "L\(sequence.tag.map { "<\($0)>" } ?? "")\(at)[" + sequence.map(shape).joined(separator: ", ") + "]"
    }

    func shape(_ node: ReferenceNode) -> String {
        let at = "@\(node.mark.line):\(node.mark.column)"
        switch node {
        case .scalar(let scalar):
            return "S\(scalar.style)\(scalar.tag.map { "<\($0)>" } ?? "")\(at)\(scalar.string.debugDescription)"
        case .mapping(let mapping):
            return "M\(mapping.tag.map { "<\($0)>" } ?? "")\(at){" + mapping.map { shape($0.key) + ": " + shape($0.value) }.joined(separator: ", ") + "}"
        case .sequence(let sequence):
            return "L\(sequence.tag.map { "<\($0)>" } ?? "")\(at)[" + sequence.map(shape).joined(separator: ", ") + "]"
        }
    }

    func assertComposesAsTheTreeComposer(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) {
        let flat: String
        do { flat = try YAMLComposer.compose(yaml).map(shape) ?? "nothing" } catch { flat = "\(error)" }
        let tree: String
        do { tree = try ReferenceYAMLComposer.compose(yaml).map(shape) ?? "nothing" } catch { tree = "\(error)" }
        XCTAssertEqual(flat, tree, yaml.debugDescription, file: file, line: line)
    }

    func testTheRichDocumentComposesAsTheTreeComposerDid() throws {
        let root = try XCTUnwrap(YAMLComposer.compose(Self.rich))
        XCTAssertEqual(root["again"]?["aci-signed"]?.scalar?.string, "2021-03-15")
        assertComposesAsTheTreeComposer(Self.rich)
    }

    func testEveryOneByteEditOfTheRichDocumentComposesAsTheTreeComposerDid() {
        let bytes = Array(Self.rich.utf8)
        let replacements: [UInt8] = Array(" ~\"'&!*:\n-[]{},?|#".utf8)
        for offset in bytes.indices {
            var removed = bytes
            removed.remove(at: offset)
            assertComposesAsTheTreeComposer(String(decoding: removed, as: UTF8.self))
            for replacement in replacements where replacement != bytes[offset] {
                var edited = bytes
                edited[offset] = replacement
                assertComposesAsTheTreeComposer(String(decoding: edited, as: UTF8.self))
            }
        }
    }

    func testEveryLineEditOfTheRichDocumentComposesAsTheTreeComposerDid() {
        let lines = Self.rich.split(separator: "\n", omittingEmptySubsequences: false)
        for index in lines.indices {
            var removed = lines
            removed.remove(at: index)
            assertComposesAsTheTreeComposer(removed.joined(separator: "\n"))
            var doubled = lines
            doubled.insert(lines[index], at: index)
            assertComposesAsTheTreeComposer(doubled.joined(separator: "\n"))
            var indented = lines
            indented[index] = "  " + lines[index]
            assertComposesAsTheTreeComposer(indented.joined(separator: "\n"))
        }
    }

    func testEveryYAMLTextOfTheFixturesComposesAsTheTreeComposerDid() throws {
        var count = 0
        let enumerator = FileManager.default.enumerator(atPath: Self.fixtures.path)
        while let relative = enumerator?.nextObject() as? String {
            guard [".yaml", ".yml", ".md"].contains(where: relative.hasSuffix),
                let text = try? String(contentsOf: Self.fixtures.appendingPathComponent(relative), encoding: .utf8)
            else { continue }
            let yaml: String
            if relative.hasSuffix(".md") {
                guard case .success(let split) = FrontMatter.split(text, path: relative) else { continue }
                yaml = split.yaml
            } else {
                yaml = text
            }
            assertComposesAsTheTreeComposer(yaml)
            count += 1
        }
        XCTAssertGreaterThan(count, 50)
    }

    /// Keys compare as strings did: canonically equivalent texts are one key, whatever their bytes.
    func testCanonicallyEquivalentKeysAreADuplicate() {
        XCTAssertThrowsError(try YAMLComposer.compose("\u{E9}: 1\ne\u{301}: 2\n")) { error in
            XCTAssertEqual(error as? YAMLComposer.Failure,
                           .duplicateKey(key: "e\u{301}", first: Node.Mark(line: 1, column: 1), second: Node.Mark(line: 2, column: 1)))
        }
        // Past 16 keys, through hashes: the kelvin sign is K.
        XCTAssertThrowsError(try YAMLComposer.compose((1...40).map { "k\($0): \($0)\n" }.joined() + "\u{212A}: 1\nK: 2\n")) { error in
            XCTAssertEqual(error as? YAMLComposer.Failure,
                           .duplicateKey(key: "K", first: Node.Mark(line: 41, column: 1), second: Node.Mark(line: 42, column: 1)))
        }
    }

    /// An alias adds its anchor's node again: the document holds each node once, however many aliases name it.
    func testAnAliasAddsNoNode() throws {
        let root = try XCTUnwrap(YAMLComposer.compose("a: &x {k: v, l: [1, 2]}\nb: [*x, *x, *x]\n"))
        XCTAssertEqual(root.document.records.count, 11)
        XCTAssertEqual(root["b"]?.sequence?.map(\.index), Array(repeating: root["a"]?.index, count: 3))
    }
}
