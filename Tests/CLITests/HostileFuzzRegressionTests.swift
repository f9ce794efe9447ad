import Foundation
import XCTest

/// Inputs kept from `make fuzz` runs (`Tests/Fixtures/fuzz-regressions/`), replayed through the real
/// `cpts-site check` and `build`: a crash or a hang found once must never come back. Each file is in the
/// fuzzer's own form (Fuzz/Sources/ContentFuzzer/Harness.swift): its first byte picks the content file it
/// replaces in the minimal site, the rest are that file's bytes.
final class HostileFuzzRegressionTests: XCTestCase {
    /// The fuzzer's kinds, in the order of its `FuzzKind`: where the bytes go under `content/`.
    static let paths = ["cpts/vierzon.md", "site.yaml", "region.yaml", "indicators/sud-lochois.yaml",
                        "pages/methodologie.md", "schedules/aci-2019.yaml", "diagnostics/vierzon.yaml",
                        "geo/communes.csv", "cpts/vierzon.md"]
    /// The last kind is Markdown alone, under a fixed front matter.
    static let markdownHead = "---\nname: CPTS de Vierzon\ndepartment: \"18\"\npopulation: 120000\nstage: health-project\n"
        + "dates:\n  letter-of-intent: 2019-01-10\n  diagnostic: 2019-09-01\n  health-project: 2020-02-01\n---\n"

    func testEveryKeptFuzzInputIsReportedWithoutCrashOrHang() throws {
        let folder = CLIRunner.repositoryRoot.appendingPathComponent("Tests/Fixtures/fuzz-regressions")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, HostileFuzzRegressionTests.paths.count, "one kept input per kind at least")
        for name in names {
            let input = try Data(contentsOf: folder.appendingPathComponent(name))
            guard let selector = input.first else { continue }
            let kind = Int(selector) % HostileFuzzRegressionTests.paths.count
            var bytes = Data(input.dropFirst())
            if kind == HostileFuzzRegressionTests.paths.count - 1 { bytes = Data(HostileFuzzRegressionTests.markdownHead.utf8) + bytes }
            let site = try ScratchSite()
            let path = site.url("content/" + HostileFuzzRegressionTests.paths[kind])
            try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
            try bytes.write(to: path)
            for command in ["check", "build"] {
                let result = try Hostile.run([command], in: site.root, timeout: 60)
                XCTAssertFalse(result.timedOut, "\(name): \(command) hung")
                XCTAssertNil(result.signal, "\(name): \(command) crashed\n\(result.stderr.prefix(2000))")
                XCTAssertTrue([0, 1].contains(result.status), "\(name): \(command) exited \(result.status)")
                if result.status == 1 {
                    // A failure is explained: at least one diagnostic in the file:line:column form.
                    XCTAssertNotNil(result.stderr.firstMatch(of: #/[^\s:]+:\d+:\d+: error: /#), "\(name): \(result.stderr.prefix(2000))")
                }
            }
        }
    }
}
