import Foundation
import XCTest

/// `cpts-site pdf <slug> --year N`, with a stand-in for Chromium given through `CPTS_CHROMIUM`.
final class PDFCommandTests: XCTestCase {
    /// A slug leading out of the built site (`../../../x`) printed any `x/rapport-annee-1/index.html` found there:
    /// it is refused as `new cpts` refuses it, before the site is even built.
    func testASlugThatIsNotOneIsRefusedBeforeAnything() throws {
        let site = try ScratchSite()
        let chromium = try fakeChromium(in: site, body: "echo ran > \"$(dirname \"$0\")/ran\"\nexit 1")
        for slug in ["../../../x", "-x", "Sud-Lochois", "sud/lochois"] {
            let result = try CLIRunner.run(["pdf", "--year", "1", "--", slug], in: site.root, environment: ["CPTS_CHROMIUM": chromium])
            XCTAssertEqual(result.status, 2, "\(slug): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("«\u{202F}\(slug)\u{202F}» n’est pas un nom court valide"), "\(slug): \(result.stderr)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.url("ran").path), "Chromium was started")
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.url("public").path))
    }

    /// A CPTS without a signed contract has no contract year: `pdf` says so rather than asking for a report file
    /// that the rules would then refuse. A signed one without the year's report is asked for the file.
    func testACPTSWithoutASignatureIsSaidToHaveNoContractYear() throws {
        let site = try ScratchSite()
        let chromium = try fakeChromium(in: site, body: "exit 1")
        let unsigned = try CLIRunner.run(["pdf", "bourges", "--year", "1"], in: site.root, environment: ["CPTS_CHROMIUM": chromium])
        XCTAssertEqual(unsigned.status, 1, unsigned.stderr)
        XCTAssertTrue(unsigned.stderr.contains("n’a pas de contrat ACI signé au 31/12/2020 (pas de date de signature dans content/cpts/bourges.md)"),
                      unsigned.stderr)
        XCTAssertTrue(unsigned.stderr.contains("pas d’année de contrat"), unsigned.stderr)
        XCTAssertFalse(unsigned.stderr.contains("reports/bourges"), unsigned.stderr)
        let signed = try CLIRunner.run(["pdf", "sud-lochois", "--year", "4"], in: site.root, environment: ["CPTS_CHROMIUM": chromium])
        XCTAssertEqual(signed.status, 1, signed.stderr)
        XCTAssertTrue(signed.stderr.contains("écrivez-le dans content/reports/sud-lochois/4.md"), signed.stderr)
        let unknown = try CLIRunner.run(["pdf", "bourge", "--year", "1"], in: site.root, environment: ["CPTS_CHROMIUM": chromium])
        XCTAssertEqual(unknown.status, 1, unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("«\u{202F}bourges\u{202F}»"), unknown.stderr)
    }

    /// A Chromium that ignores SIGTERM after the timeout is killed after a short grace period: `pdf` fails in a
    /// few seconds, instead of waiting forever, and leaves no Chromium running.
    func testAChromiumIgnoringSIGTERMIsKilledAfterTheTimeout() throws {
        let site = try ScratchSite()
        let chromium = try fakeChromium(in: site, body: "echo $$ > \"$(dirname \"$0\")/pid\"\ntrap '' TERM\nexec sleep 120")
        let started = Date()
        let result = try runWithin(seconds: 60, ["pdf", "sud-lochois", "--year", "1"], in: site.root,
                                   environment: ["CPTS_CHROMIUM": chromium, "CPTS_PDF_TIMEOUT": "1"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("l’impression du rapport a échoué"), result.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 30, "pdf waited on a Chromium that ignores SIGTERM")
        let pid = try XCTUnwrap(Int32(site.read("pid").trimmingCharacters(in: .whitespacesAndNewlines)))
        let alive = kill(pid, 0) == 0
        if alive { kill(pid, SIGKILL) }
        XCTAssertFalse(alive, "the fake Chromium (pid \(pid)) was left running")
    }

    /// An executable shell script at `<site>/chromium` running `body`.
    func fakeChromium(in site: ScratchSite, body: String) throws -> String {
        let path = site.url("chromium").path
        try site.write("chromium", "#!/bin/sh\n\(body)\n")
        XCTAssertEqual(chmod(path, 0o755), 0)
        return path
    }

    /// Runs cpts-site like `CLIRunner.run`, but kills it, and fails, if it has not finished within `seconds`: the bug
    /// this guards against is a wait without end.
    func runWithin(seconds: TimeInterval, _ arguments: [String], in directory: URL,
                   environment: [String: String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let pinned = ProcessInfo.processInfo.environment.merging(["LC_ALL": "", "LANG": "C.UTF-8"]) { _, pinned in pinned }
        process.environment = pinned.merging(environment) { _, added in added }
        let errors = directory.appendingPathComponent("stderr.txt")
        FileManager.default.createFile(atPath: errors.path, contents: nil)
        let handle = try FileHandle(forWritingTo: errors)
        defer { try? handle.close() }
        process.standardError = handle
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            XCTFail("cpts-site \(arguments.joined(separator: " ")) still ran after \(Int(seconds)) s")
        }
        process.waitUntilExit()
        let text = FileManager.default.contents(atPath: errors.path).map { String(decoding: $0, as: UTF8.self) } ?? ""
        SanitizerReports.assertNone(in: text, "cpts-site \(arguments.joined(separator: " "))")
        return (process.terminationStatus, text)
    }
}
