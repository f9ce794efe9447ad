import XCTest

/// The end-to-end tests fail on a sanitizer's report even when they expect the run to fail: the reports' heads are
/// found wherever they sit in what a run printed, and nothing the tool prints itself is taken for one.
final class SanitizerReportsTests: XCTestCase {
    /// The head of a report printed by a racy C program built with the toolchain's ThreadSanitizer runtime.
    static let threadReport = """
        ==================
        WARNING: ThreadSanitizer: data race (pid=16532)
          Write of size 4 at 0x55e8615de8f0 by thread T2:
            #0 bump /tmp/tsan5/racy.c:4:42 (racy+0xfba73)
        """

    func testAThreadSanitizerReportAfterDiagnosticsIsFoundFromItsHeadLine() throws {
        let output = "content/cpts/vierzon.md:3:13: error: le département «\u{202F}99\u{202F}» n’existe pas\n" + Self.threadReport
        let report = try XCTUnwrap(SanitizerReports.first(in: output))
        XCTAssertTrue(report.hasPrefix("WARNING: ThreadSanitizer: data race (pid=16532)\n"), String(report))
    }

    func testAnAddressSanitizerOrLeakSanitizerReportIsFound() {
        for head in ["==4242==ERROR: AddressSanitizer: heap-use-after-free on address 0x602000000010",
                     "==4242==ERROR: LeakSanitizer: detected memory leaks"] {
            XCTAssertEqual(SanitizerReports.first(in: "Construction…\n\(head)\n").map(String.init), "\(head)\n")
        }
    }

    func testTheToolsOwnErrorsAreNoReport() {
        let output = "error: le site n’a pas été construit\nWARNING: 3 avertissements\nFATAL: ce n’est pas un rapport\n"
        XCTAssertNil(SanitizerReports.first(in: output))
    }
}
