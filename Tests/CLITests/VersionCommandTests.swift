import Foundation
import XCTest

/// `cpts-site --version` shows VERSION and the libraries built in: the generated Version.swift cannot drift
/// from the VERSION file or from the pins in Package.swift without this test failing.
final class VersionCommandTests: XCTestCase {
    func repositoryFile(_ path: String) throws -> String {
        try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent(path), encoding: .utf8)
    }

    /// The `exact:` pin of a package in Package.swift.
    func pin(_ repository: String) throws -> String {
        let manifest = try repositoryFile("Package.swift")
        let line = try XCTUnwrap(manifest.split(separator: "\n").first { $0.contains("/\(repository).git\"") })
        let exact = try XCTUnwrap(line.range(of: "exact: \""))
        return String(line[exact.upperBound...].prefix { $0 != "\"" })
    }

    func testVersionShowsTheVersionFileAndTheLibraries() throws {
        let result = try CLIRunner.run(["--version"], in: CLIRunner.repositoryRoot)
        XCTAssertEqual(result.status, 0, result.stderr)
        let version = try repositoryFile("VERSION").trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(result.stdout, """
            cpts-site \(version)
            compilé avec\u{202F}:
              libcmark-gfm \(try pkgConfigVersion("libcmark-gfm"))
              libyaml \(try pkgConfigVersion("yaml-0.1"))
              mimalloc \(try mimallocVersion())
              swift-argument-parser \(try pin("swift-argument-parser"))
              FlyingFox \(try pin("FlyingFox"))

            """)
        XCTAssertFalse(result.stdout.contains("mustache"), "swift-mustache is a test dependency, not in the binary")
    }

    /// The version of an installed C library, as its pkg-config file gives it.
    func pkgConfigVersion(_ module: String) throws -> String {
        let result = try CLIRunner.run(["pkg-config", "--modversion", module], in: CLIRunner.repositoryRoot,
                                       program: URL(fileURLWithPath: "/usr/bin/env"))
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// MI_MALLOC_VERSION from the installed header (209 → 2.0.9): mimalloc ships no pkg-config file on Debian.
    func mimallocVersion() throws -> String {
        let header = try String(contentsOfFile: "/usr/include/mimalloc.h", encoding: .utf8)
        let line = try XCTUnwrap(header.split(separator: "\n").first { $0.hasPrefix("#define MI_MALLOC_VERSION ") })
        let number = try XCTUnwrap(Int(line.split(separator: " ")[2]))
        return "\(number / 100).\(number % 100 / 10).\(number % 10)"
    }

}
