import Foundation
import XCTest

/// Runs the built `cpts-site` executable the way a user does, in a folder of its own.
struct CLIRunner {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The folder holding the test bundle and the products built with it.
    static var productsDirectory: URL {
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
    }

    /// The binary under test: `CPTS_SITE_BINARY` when set (the release or a sanitizer build, as `make test` and
    /// `make sanitize` run these tests), else the debug build made with the tests.
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["CPTS_SITE_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path, relativeTo: repositoryRoot).standardizedFileURL
        }
        return productsDirectory.appendingPathComponent("cpts-site")
    }

    /// The repository root, to reach `themes/` and `Tests/Fixtures/`.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// Builds the site of `content` with the repository's themes into a new temporary folder named after `name`,
    /// which the caller removes.
    static func buildSite(_ content: URL, name: String) throws -> (output: URL, result: Result) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        let result = try run(["build", "--content", content.path, "--themes", repositoryRoot.appendingPathComponent("themes").path,
                              "--output", output.path], in: repositoryRoot)
        return (output, result)
    }

    /// Runs `program` (cpts-site by default) with `environment` added to the test's own.
    static func run(_ arguments: [String], in directory: URL, program: URL = executable,
                    environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = directory
        // Messages are French unless a test asks otherwise (`--lang en`, or `LANG` in `environment`), whatever the
        // locale of the machine running the tests.
        let pinned = ProcessInfo.processInfo.environment.merging(["LC_ALL": "", "LANG": "C.UTF-8"]) { _, pinned in pinned }
        process.environment = pinned.merging(environment) { _, added in added }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes to the end at the same time before waiting: reading one, then the other, blocks for
        // good once the child fills the other pipe (thousands of diagnostics on standard error do).
        let errData = LockedBytes()
        let errRead = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errData.set(err.fileHandleForReading.readDataToEndOfFile())
            errRead.signal()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        errRead.wait()
        process.waitUntilExit()
        let result = Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                            stderr: String(decoding: errData.get(), as: UTF8.self))
        SanitizerReports.assertNone(in: result.stderr, "\(program.lastPathComponent) \(arguments.joined(separator: " "))")
        return result
    }

    final class LockedBytes: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func set(_ new: Data) { lock.withLock { data = new } }
        func get() -> Data { lock.withLock { data } }
    }
}

/// A scratch site on disk: a copy of a fixture site with the repository's themes, removed afterwards.
final class ScratchSite {
    let root: URL

    init(copying site: String = "minimal") throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("cpts-site-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let fixtures = CLIRunner.repositoryRoot.appendingPathComponent("Tests/Fixtures/sites/\(site)")
        for entry in try FileManager.default.contentsOfDirectory(atPath: fixtures.path) {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(entry), to: root.appendingPathComponent(entry))
        }
        try FileManager.default.copyItem(at: CLIRunner.repositoryRoot.appendingPathComponent("themes"),
                                         to: root.appendingPathComponent("themes"))
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    func write(_ path: String, _ text: String) throws {
        try FileManager.default.createDirectory(at: url(path).deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url(path))
    }

    func read(_ path: String) throws -> String { try String(contentsOf: url(path), encoding: .utf8) }

    func remove(_ path: String) throws { try FileManager.default.removeItem(at: url(path)) }

    func run(_ arguments: String...) throws -> CLIRunner.Result { try CLIRunner.run(arguments, in: root) }

    /// Every file below `path` with its bytes, to compare trees.
    func snapshot(_ path: String) throws -> [String: Data] {
        try Self.snapshot(of: url(path))
    }

    static func snapshot(of base: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { return [:] }
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = base.appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: full.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = try Data(contentsOf: full)
            }
        }
        return files
    }
}

/// A synthetic site made by the benchmark's generator (`bench/generate.py`): real files, big enough that a
/// build takes a while. Removed when the test ends.
enum GeneratedSite {
    static func make(cpts: Int, for test: XCTestCase) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cpts-site-generated-\(UUID().uuidString)")
        let generator = CLIRunner.repositoryRoot.appendingPathComponent("bench/generate.py")
        let result = try CLIRunner.run(["python3", generator.path, "--cpts", String(cpts), "--out", root.path],
                                       in: CLIRunner.repositoryRoot, program: URL(fileURLWithPath: "/usr/bin/env"))
        guard result.status == 0 else { throw GenerationFailed(description: result.stderr) }
        test.addTeardownBlock { try? FileManager.default.removeItem(at: root) }
        return root
    }

    struct GenerationFailed: Error, CustomStringConvertible {
        let description: String
    }
}
