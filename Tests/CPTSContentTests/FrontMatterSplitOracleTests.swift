@testable import CPTSContent
import CPTSDomain
import XCTest

/// `FrontMatter.split` finds the closing line through `memchr` and compares lines as bytes (issue #27): the same
/// split as the line-by-line one it replaced (`referenceSplit`, kept as the oracle), on every edit of a text.
final class FrontMatterSplitOracleTests: XCTestCase {
    static let text = "---\nname: A\n  --- \nstage: x\t\n--- \t\nCorps « ici »\n---\nfin\n"

    /// The split as it was before issue #27 (commit f1a40ef), over `String` indices and `Substring` comparisons.
    static func referenceSplit(_ text: String, path: String) -> Result<FrontMatter, Diagnostic> {
        if text.utf8.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\t") }) {
            return .failure(.error(.fileEmpty, at: SourceLocation(file: path, line: 1, column: 1)))
        }
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 1
        while true {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let line = Substring(text[lineStart..<lineEnd]).trimmingTrailingSpaces
            if lineNumber == 1 {
                guard line == "---" else {
                    return .failure(.error(.frontMatterMissing, at: SourceLocation(file: path, line: 1, column: 1)))
                }
            } else if line == "---" || line == "..." {
                guard let firstEnd = utf8.firstIndex(of: UInt8(ascii: "\n")) else { break }
                let yamlStart = utf8.index(after: firstEnd)
                let yamlEnd = lineStart > yamlStart ? utf8.index(before: lineStart) : yamlStart
                let body = lineEnd < utf8.endIndex ? String(text[utf8.index(after: lineEnd)...]) : ""
                let bodyStart = BodyStart(line: lineNumber + 1, offset: utf8.count - body.utf8.count)
                return .success(FrontMatter(yaml: String(text[yamlStart..<yamlEnd]), yamlFirstLine: 2, body: body, bodyStart: bodyStart))
            }
            guard lineEnd < utf8.endIndex else { break }
            lineStart = utf8.index(after: lineEnd)
            lineNumber += 1
        }
        return .failure(.error(.frontMatterUnterminated, at: SourceLocation(file: path, line: 1, column: 1)))
    }

    func shown(_ result: Result<FrontMatter, Diagnostic>) -> String {
        switch result {
        case .success(let split): "\(split.yaml.debugDescription) \(split.yamlFirstLine) \(split.body.debugDescription) \(split.bodyStart)"
        case .failure(let diagnostic): "\(diagnostic)"
        }
    }

    func assertSplitsAsBefore(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(shown(FrontMatter.split(text, path: "a.md")), shown(Self.referenceSplit(text, path: "a.md")),
                       text.debugDescription, file: file, line: line)
    }

    func testTheClosingLineMayEndWithSpacesAndTabs() throws {
        guard case .success(let split) = FrontMatter.split(Self.text, path: "a.md") else { return XCTFail("not split") }
        XCTAssertEqual(split.yaml, "name: A\n  --- \nstage: x\t")
        XCTAssertEqual(split.body, "Corps « ici »\n---\nfin\n")
        XCTAssertEqual(split.bodyStart, BodyStart(line: 6, offset: 35))
    }

    func testEveryOneByteEditSplitsAsTheLineByLineSplitDid() {
        let bytes = Array(Self.text.utf8)
        let replacements: [UInt8] = Array(" \t\r\n-.x".utf8) + [0xC2]
        for offset in bytes.indices {
            var removed = bytes
            removed.remove(at: offset)
            assertSplitsAsBefore(String(decoding: removed, as: UTF8.self))
            for replacement in replacements where replacement != bytes[offset] {
                var edited = bytes
                edited[offset] = replacement
                assertSplitsAsBefore(String(decoding: edited, as: UTF8.self))
                edited.insert(replacement, at: offset)
                assertSplitsAsBefore(String(decoding: edited, as: UTF8.self))
            }
        }
        for text in ["", " \n\t", "---", "---\n", "---\n---", "---\n...", "x\n---\n", "--- \u{301}\n---\n", "---\r\n---\r\n"] {
            assertSplitsAsBefore(text)
        }
    }
}
