import Foundation
import XCTest

/// Inputs kept from `make fuzz` runs (`Tests/Fixtures/fuzz-regressions/`), replayed through the real
/// `cpts-site check` and `build`: a crash or a hang found once must never come back. Each file is in the
/// fuzzer's own form (Fuzz/Sources/ContentFuzzer/Harness.swift): its first byte picks the content file it
/// replaces in the minimal site, the rest are that file's bytes; for a page in folders, the first line is its path
/// under `pages/`; for names of static files, a list of names, one a line, each a file of `static/` that the CPTS
/// page shows as an image.
final class HostileFuzzRegressionTests: XCTestCase {
    /// The fuzzer's kinds, in the order of its `FuzzKind`: where the bytes go under `content/`.
    static let paths = ["cpts/vierzon.md", "site.yaml", "region.yaml", "indicators/sud-lochois.yaml",
                        "pages/methodologie.md", "schedules/aci-2019.yaml", "diagnostics/vierzon.yaml",
                        "geo/communes.csv", "cpts/vierzon.md", "reports/sud-lochois/1.md", "pages/", "static/"]
    static let markdown = 8, pageFolder = 10, staticNames = 11
    /// The `markdown` kind is Markdown alone, under a fixed front matter.
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
            let site = try ScratchSite()
            try Self.write(kind: kind, Array(input.dropFirst()), into: site)
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

    /// Puts an input's bytes where its kind says, as the fuzzer does (`FuzzKind`).
    static func write(kind: Int, _ bytes: [UInt8], into site: ScratchSite) throws {
        var files: [(String, [UInt8])]
        switch kind {
        case markdown:
            files = [(paths[kind], Array(markdownHead.utf8) + bytes)]
        case pageFolder:
            let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            let path = listedPath(Substring(String(decoding: bytes[..<newline], as: UTF8.self)), parts: 4) ?? "page"
            files = [("pages/" + path + ".md", Array(bytes[min(newline + 1, bytes.endIndex)...]))]
        case staticNames:
            var seen = Set<String>()
            let names = String(decoding: bytes, as: UTF8.self).split(separator: "\n").compactMap { listedPath($0, parts: 6) }
                .filter { seen.insert($0).inserted }.prefix(64)
            files = names.map { ("static/" + $0, Array("x".utf8)) }
            let images = names.map { "![image](<\($0)>)\n\n![autre](<x\($0)>)\n" }.joined()
            files.append((paths[markdown], Array((markdownHead + images).utf8)))
        default:
            files = [(paths[kind], bytes)]
        }
        for (path, bytes) in files {
            let url = site.url("content/" + path)
            // A name that is also a folder's (`a` and `a/b`): the first one written wins, as on a disk.
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(bytes).write(to: url)
        }
    }

    /// A path as the listing of a folder can give it (`FuzzKind.listedPath`): no empty, hidden or NUL part.
    static func listedPath(_ text: Substring, parts: Int) -> String? {
        let kept = text.split(separator: "/").filter { !$0.hasPrefix(".") && !$0.contains("\0") }.prefix(parts)
        return kept.isEmpty ? nil : kept.joined(separator: "/")
    }
}
