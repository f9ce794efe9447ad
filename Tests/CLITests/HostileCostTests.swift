import Foundation
import XCTest

/// Hostile inputs whose cost once grew faster than their size (issue #23): megabytes of `&`, a YAML list of
/// millions of values, thousands of names to suggest a near one for. Each input is made here, at run time; each
/// run must end with its diagnostics in a bounded amount of memory. Times are only guarded against a hang (a run
/// is killed after `hangGuard`), never asserted: the machine running the tests may be loaded.
final class HostileCostTests: XCTestCase {
    /// The most memory a run may take, in KB: 500 MB, or 2 GB under a sanitizer (AddressSanitizer's shadow memory
    /// and quarantine, ThreadSanitizer's shadow memory).
    static var memoryLimitKB: Int {
        let binary = CLIRunner.executable.path
        return binary.contains(".build-address") || binary.contains(".build-thread") ? 2_000_000 : 500_000
    }

    static let hangGuard: TimeInterval = 600

    /// A run's outcome and its maximum resident set size, as `/usr/bin/time` reads it from the kernel.
    struct Measured {
        var status: Int32
        var stdout: String
        var stderr: String
        var maximumKB: Int
    }

    /// Runs cpts-site with `arguments` in `site` under `/usr/bin/time`, killed after `hangGuard`.
    static func measure(_ arguments: [String], in site: ScratchSite) throws -> Measured {
        let marker = "cpts-site-max-rss-kb="
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments = ["-f", marker + "%M", CLIRunner.executable.path] + arguments
        process.currentDirectoryURL = site.root
        process.environment = ProcessInfo.processInfo.environment.merging(["LC_ALL": "", "LANG": "C.UTF-8"]) { _, pinned in pinned }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let killer = DispatchWorkItem { if process.isRunning { process.interrupt(); kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + hangGuard, execute: killer)
        let errData = CLIRunner.LockedBytes()
        let errRead = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errData.set(err.fileHandleForReading.readDataToEndOfFile())
            errRead.signal()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        errRead.wait()
        process.waitUntilExit()
        killer.cancel()
        var stderr = String(decoding: errData.get(), as: UTF8.self)
        SanitizerReports.assertNone(in: stderr, "cpts-site \(arguments.joined(separator: " "))")
        var maximum = Int.max
        if let range = stderr.range(of: marker, options: .backwards) {
            maximum = Int(stderr[range.upperBound...].prefix { $0.isNumber }) ?? Int.max
            stderr = String(stderr[..<range.lowerBound])
            // `time` says so before its own line when the command fails.
            if let said = stderr.range(of: "Command exited with non-zero status ", options: .backwards) {
                stderr = String(stderr[..<said.lowerBound])
            }
        }
        return Measured(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                        stderr: stderr, maximumKB: maximum)
    }

    func assertBounded(_ run: Measured, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertLessThan(run.maximumKB, Self.memoryLimitKB, "maximum resident set size, KB", file: file, line: line)
    }

    // MARK: - Markdown and YAML that expand

    /// cmark-gfm makes a node of almost every `&` or `"`: 10 MB of them took 1.9 GB. The text is refused, at the
    /// first character over the budget, before cmark sees it.
    func testTenMegabytesOfAmpersandsOrQuotesInAPageAreRefusedAtTheFirstOneOverTheBudget() throws {
        for mark in ["&", "\""] {
            let site = try ScratchSite()
            try site.write("content/pages/marques.md", "---\ntitle: Marques\n---\n" + String(repeating: mark, count: 10_000_000) + "\n")
            let run = try Self.measure(["check"], in: site)
            XCTAssertEqual(run.status, 1, mark)
            XCTAssertTrue(run.stderr.contains(
                "content/pages/marques.md:4:500001: error: le texte compte plus de 500\u{202F}000 caractères de mise en forme"),
                String(run.stderr.prefix(2_000)))
            assertBounded(run)
        }
    }

    /// `[a, a, a, …]` makes a YAML node of every three bytes: 40 MB took 2.1 GB. The millionth value is the last.
    func testAFortyMegabyteYAMLListIsRefusedAtItsMillionthValue() throws {
        let site = try ScratchSite()
        let items = String(repeating: "a, ", count: 13_000_000)
        try site.write("content/pages/liste.md", "---\ntitle: Liste\nextra: [" + items + "a]\n---\nTexte.\n")
        let run = try Self.measure(["check"], in: site)
        XCTAssertEqual(run.status, 1)
        // Nodes: the mapping, `title`, `Liste`, `extra`, the list, then the items: the 999 996th item is one too many.
        let column = "extra: [".count + 1 + 3 * (1_000_001 - 5 - 1)
        XCTAssertTrue(run.stderr.contains("content/pages/liste.md:3:\(column): error: ce YAML compte plus de 1\u{202F}000\u{202F}000 valeurs"),
                      String(run.stderr.prefix(2_000)))
        assertBounded(run)
    }

    // MARK: - Suggestions

    /// 1 500 missing images against 200 static files took 26 s: every search now pays from one budget.
    func testFifteenHundredMissingImagesAmongTwoHundredStaticFilesAreEachReported() throws {
        let site = try ScratchSite()
        for index in 0..<200 {
            try site.write("content/static/img/illustration-du-projet-de-sante-numero-\(index).png", "png")
        }
        let images = (0..<1_500).map { "![Image](img/illustration-du-projet-de-sante-manquante-\($0).png)\n\n" }.joined()
        try site.write("content/pages/images.md", "---\ntitle: Images\n---\n" + images)
        let run = try Self.measure(["check"], in: site)
        XCTAssertEqual(run.status, 0, String(run.stderr.suffix(500)))
        XCTAssertEqual(run.stderr.components(separatedBy: "illustration-du-projet-de-sante-manquante-").count - 1, 1_500 * 2,
                       "each warning names its image in its headline and its quoted line")
        XCTAssertTrue(run.stderr.hasSuffix("1\u{202F}500 avertissements\n"), String(run.stderr.suffix(300)))
        assertBounded(run)
    }

    /// 300 000 unknown keys took 14 to 16 s; each is reported, with or without a suggestion.
    func testThreeHundredThousandUnknownKeysAreEachReported() throws {
        let site = try ScratchSite()
        let keys = (0..<300_000).map { "cle-inconnue-\($0): 1\n" }.joined()
        try site.write("content/pages/cles.md", "---\ntitle: Clés\n" + keys + "---\nTexte.\n")
        let run = try Self.measure(["check"], in: site)
        XCTAssertEqual(run.status, 0, String(run.stderr.suffix(500)))
        XCTAssertTrue(run.stderr.hasSuffix("300\u{202F}000 avertissements\n"), String(run.stderr.suffix(300)))
        assertBounded(run)
    }

    /// `check --links` over a hand-made page: 45 000 broken links, 1 300 missing anchors (each a search among the
    /// target's ids), and one tag of 120 000 attributes (each compared with all those before it, once).
    func testLinkCheckOfTensOfThousandsOfBrokenLinksReportsEachOne() throws {
        let site = try ScratchSite()
        let ids = (0..<2_000).map { "<h2 id=\"section-du-document-\($0)\">x</h2>\n" }.joined()
        let anchors = (0..<1_300).map { "<a href=\"#section-manquante-du-document-\($0)\">x</a>\n" }.joined()
        let broken = (0..<45_000).map { "<a href=\"pages/page-introuvable-numero-\($0).html\">x</a>\n" }.joined()
        let attributes = (0..<120_000).map { " data-a\($0)=\"x\"" }.joined()
        try site.write("public/index.html", "<!DOCTYPE html>\n<p" + attributes + " id=\"debut\">x</p>\n" + ids + anchors + broken)
        let run = try Self.measure(["check", "--links", "public"], in: site)
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stderr.components(separatedBy: "» de index.html ne mène nulle part").count - 1, 45_000)
        XCTAssertEqual(run.stderr.components(separatedBy: "l’ancre «\u{202F}#section-manquante-du-document-").count - 1, 1_300)
        XCTAssertTrue(run.stderr.hasSuffix("46\u{202F}300 erreurs, 0 avertissement\n"), String(run.stderr.suffix(300)))
        assertBounded(run)
    }
}
