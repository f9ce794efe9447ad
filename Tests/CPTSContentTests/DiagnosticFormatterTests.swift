import CPTSContent
import CPTSDomain
import XCTest

final class DiagnosticFormatterTests: XCTestCase {
    func testQuotesTheLineOfEachDiagnosticWithACaret() {
        let text = "a: 1\nnom: Château\n\nfin: é"
        let formatter = DiagnosticFormatter(sources: ["f.yaml": text], language: .en)
        func format(_ line: Int, _ column: Int) -> String {
            formatter.format(.warning(.valueEmpty(key: "m"), at: SourceLocation(file: "f.yaml", line: line, column: column)))
        }
        XCTAssertEqual(format(2, 6), "f.yaml:2:6: warning: 'm' must not be empty\nnom: Château\n     ^")
        XCTAssertEqual(format(4, 6), "f.yaml:4:6: warning: 'm' must not be empty\nfin: é\n     ^", "the last line, without a line end")
        XCTAssertEqual(format(3, 1), "f.yaml:3:1: warning: 'm' must not be empty", "an empty line is not quoted")
        XCTAssertEqual(format(5, 1), "f.yaml:5:1: warning: 'm' must not be empty", "past the end")
        XCTAssertEqual(format(0, 1), "f.yaml:0:1: warning: 'm' must not be empty")
    }

    /// A content file must not drive the terminal: control characters in the quoted line, in the values of the
    /// message and in its note are written as escapes, as in paths; the caret stays under its character.
    func testControlCharactersAreEscapedInEveryPartOfADiagnostic() {
        let text = "nom: \u{1B}[2J\u{9B}1m\r\u{7F}\tx\u{202E}y: \u{1B}c\n"
        let formatter = DiagnosticFormatter(sources: ["f.yaml": text], language: .en)
        let value = "\u{1B}[2J\n0 errors\u{7}"
        let shown = formatter.format(.error(.valueUnknown(key: "k", written: value, suggestion: value, known: [value]),
                                            at: SourceLocation(file: "f.yaml", line: 1, column: 16)))
        let escapedValue = #"\u{1B}[2J\n0 errors\u{7}"#
        XCTAssertEqual(shown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), [
            "f.yaml:1:16: error: unknown k '\(escapedValue)'",
            #"nom: \u{1B}[2J\u{9B}1m\r\u{7F}"# + "\tx" + #"\u{202E}y: \u{1B}c"#,
            String(repeating: " ", count: 30) + "\t^",
            "note: did you mean '\(escapedValue)'?",
        ])
        XCTAssertFalse(shown.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" || (0x7F...0x9F).contains($0.value) })
    }

    /// Each quoted line used to be found by rescanning the file from its start: 2 000 warnings in a 10 MB file
    /// took over a minute. Line starts are indexed once per file.
    /// Quoting 2 000 lines of a 10 MB file rescanned it from its start for each (over a minute): the file's line
    /// starts are found once, and each quoted line is the one its diagnostic names.
    func testThousandsOfDiagnosticsInALargeFileScanItOnce() {
        let lineCount = 200_000
        let text = (1...lineCount).map { "description: la ligne \($0) du fichier, assez longue pour peser\n" }.joined()
        XCTAssertGreaterThan(text.utf8.count, 10_000_000)
        let diagnostics = (0..<2_000).map { index in
            Diagnostic.warning(.valueEmpty(key: "w\(index)"), at: SourceLocation(file: "big.yaml", line: lineCount - index, column: 14))
        }
        let formatter = DiagnosticFormatter(sources: ["big.yaml": text])
        let report = formatter.report(diagnostics)
        XCTAssertEqual(formatter.lineScans, 1, "formatting should not rescan the file per diagnostic")
        XCTAssertEqual(report.components(separatedBy: "\ndescription: la ligne ").count - 1, 2_000)
        XCTAssertTrue(report.contains("\ndescription: la ligne \(lineCount) du fichier"))
        XCTAssertTrue(report.contains("\ndescription: la ligne \(lineCount - 1_999) du fichier"))
        XCTAssertFalse(report.contains("\ndescription: la ligne \(lineCount - 2_000) du fichier"))
    }
}
