import Foundation
import XCTest

/// A national-size content folder (1 000 CPTS from the benchmark's generator) whose every commune code is
/// seven characters long: thousands of errors, each printed with its source line, and the exit status says
/// failure, from folders of different path lengths (the release binary's crash depended on them).
final class NationalScaleTests: XCTestCase {
    /// Makes every commune code of every CPTS file seven characters long: `"01001"` → `"010010X"`.
    func breakCommuneCodes(in root: URL) throws -> Int {
        let folder = root.appendingPathComponent("content/cpts")
        var broken = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let file = folder.appendingPathComponent(name)
            let text = try String(contentsOf: file, encoding: .utf8)
            let changed = text.replacing(/"(\d[\dAB]\d{3})"/) { match in
                broken += 1
                return "\"\(match.1)0X\""
            }
            try Data(changed.utf8).write(to: file)
        }
        return broken
    }

    func testThousandsOfErrorsInAThousandCPTSAreAllReportedFromAnyFolder() throws {
        let generated = try GeneratedSite.make(cpts: 1000, for: self)
        let broken = try breakCommuneCodes(in: generated)
        XCTAssertGreaterThan(broken, 2000)
        for depth in ["a", "a-much-longer-folder-name-that-shifts-every-path/b/c/d"] {
            let root = generated.appendingPathComponent(depth)
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: generated.appendingPathComponent("content"),
                                             to: root.appendingPathComponent("content"))
            for command in ["check", "build"] {
                let result = try CLIRunner.run([command], in: root)
                XCTAssertEqual(result.status, 1, "\(command) in \(depth): \(result.stderr.suffix(2000))")
                // `build` adds a line saying that public/ was left as it was.
                let summary = try XCTUnwrap(result.stderr.split(separator: "\n").last { $0.contains(" erreurs, ") },
                                            String(result.stderr.suffix(500)))
                // French groups thousands with a narrow no-break space: `2 001 erreurs, 0 avertissement`.
                let errors = try XCTUnwrap(summary.firstMatch(of: /^([\d\u{202F}]+) erreurs, [\d\u{202F}]+ avertissements?$/)
                    .flatMap { Int($0.1.filter(\.isNumber)) },
                                           String(summary))
                XCTAssertGreaterThanOrEqual(errors, broken, "\(command) in \(depth)")
                // Every error quotes its line: the headline, the line itself, the caret.
                let carets = result.stderr.split(separator: "\n").filter { $0.hasSuffix("^") }.count
                XCTAssertGreaterThanOrEqual(carets, broken, "\(command) in \(depth): lines not quoted")
                XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("public").path),
                               "\(command) in \(depth) wrote a site despite errors")
            }
        }
    }
}
