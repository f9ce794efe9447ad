import Foundation

/// What a golden test prints when output and golden file differ: a unified diff (`diff -u`), golden file first,
/// so that `-` lines are expected and `+` lines are what the tool printed.
enum GoldenDiff {
    /// The unified diff of `expected` and `actual`, labelled with `name`; nil when they are equal.
    static func of(expected: Data, actual: Data, name: String) -> String? {
        guard expected != actual else { return nil }
        guard let expectedText = String(data: expected, encoding: .utf8), let actualText = String(data: actual, encoding: .utf8) else {
            return "\(name): binary files differ (\(expected.count) bytes expected, \(actual.count) built)"
        }
        return unified(expectedText, actualText, name: name)
    }

    static func of(expected: String, actual: String, name: String) -> String? {
        expected == actual ? nil : unified(expected, actual, name: name)
    }

    /// Runs `diff -u` on the two texts written to a scratch folder.
    static func unified(_ expected: String, _ actual: String, name: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("golden-diff-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let golden = folder.appendingPathComponent("golden"), built = folder.appendingPathComponent("actual")
            try Data(expected.utf8).write(to: golden)
            try Data(actual.utf8).write(to: built)
            let result = try CLIRunner.run(["diff", "-u", "--label", "golden/\(name)", "--label", "actual/\(name)",
                                            golden.path, built.path],
                                           in: folder, program: URL(fileURLWithPath: "/usr/bin/env"))
            return result.stdout.isEmpty ? "\(name) differs: \(result.stderr)" : result.stdout
        } catch {
            return "\(name) differs (no diff: \(error))"
        }
    }
}
