import XCTest

/// What a sanitizer build prints when it finds a bug, so that a run whose exit status a test does not look at (a
/// failure expected anyway, a `serve` stopped by the test, a build killed on purpose) still fails the test.
///
/// Under `make sanitize-thread` ThreadSanitizer stops the process at its first report (`halt_on_error=1`) with
/// status 66; AddressSanitizer exits with status 1 and LeakSanitizer with 23, the statuses of a usage error and of
/// nothing of ours: only the report's text tells them apart from an expected failure.
enum SanitizerReports {
    /// The heads of the reports: `WARNING: ThreadSanitizer: data race (pid=…)`, `FATAL: ThreadSanitizer: …` (its
    /// runtime giving up), `==…==ERROR: AddressSanitizer: …`, `==…==ERROR: LeakSanitizer: detected memory leaks`.
    static let heads = ["WARNING: ThreadSanitizer:", "FATAL: ThreadSanitizer:", "ERROR: AddressSanitizer:",
                        "ERROR: LeakSanitizer:"]

    /// The first report `output` holds, from its head on, or nil.
    static func first(in output: String) -> Substring? {
        let starts = heads.compactMap { output.range(of: $0)?.lowerBound }
        guard let start = starts.min() else { return nil }
        let line = output[..<start].lastIndex(of: "\n").map { output.index(after: $0) } ?? output.startIndex
        return output[line...].prefix(6000)
    }

    /// Fails the running test when `output` (what a run of cpts-site printed) holds a sanitizer's report.
    static func assertNone(in output: String, _ what: @autoclosure () -> String, file: StaticString = #filePath,
                           line: UInt = #line) {
        if let report = first(in: output) {
            XCTFail("\(what()) printed a sanitizer report:\n\(report)", file: file, line: line)
        }
    }
}
