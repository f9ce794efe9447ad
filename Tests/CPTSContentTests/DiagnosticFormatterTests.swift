import CPTSContent
import CPTSDomain
import XCTest

final class DiagnosticFormatterTests: XCTestCase {
    func testQuotesTheLineOfEachDiagnosticWithACaret() {
        let text = "a: 1\nnom: Château\n\nfin: é"
        let formatter = DiagnosticFormatter(sources: ["f.yaml": text])
        func format(_ line: Int, _ column: Int) -> String {
            formatter.format(.warning("x", at: SourceLocation(file: "f.yaml", line: line, column: column), "m"))
        }
        XCTAssertEqual(format(2, 6), "f.yaml:2:6: warning: m\nnom: Château\n     ^")
        XCTAssertEqual(format(4, 6), "f.yaml:4:6: warning: m\nfin: é\n     ^", "the last line, without a line end")
        XCTAssertEqual(format(3, 1), "f.yaml:3:1: warning: m", "an empty line is not quoted")
        XCTAssertEqual(format(5, 1), "f.yaml:5:1: warning: m", "past the end")
        XCTAssertEqual(format(0, 1), "f.yaml:0:1: warning: m")
    }

    /// Each quoted line used to be found by rescanning the file from its start: 2 000 warnings in a 10 MB file
    /// took over a minute. Line starts are indexed once per file.
    func testThousandsOfDiagnosticsInALargeFileAreFormattedInLinearTime() {
        let lineCount = 200_000
        let text = String(repeating: "description: un texte assez long pour peser cinquante octets\n", count: lineCount)
        XCTAssertGreaterThan(text.utf8.count, 10_000_000)
        let diagnostics = (0..<2_000).map { index in
            Diagnostic.warning("x", at: SourceLocation(file: "big.yaml", line: lineCount - index, column: 14), "w\(index)")
        }
        let started = Date()
        let report = DiagnosticFormatter(sources: ["big.yaml": text]).report(diagnostics)
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, "formatting should not rescan the file per diagnostic")
        XCTAssertEqual(report.components(separatedBy: "\ndescription: un texte").count - 1, 2_000)
    }
}
