import ArgumentParser
import Foundation

/// Options shared by the commands that read content.
struct ContentOptions: ParsableArguments {
    @Option(help: "The content folder.")
    var content = "content"

    @Option(help: "The themes folder (default: themes/ beside the content folder).")
    var themes: String?

    /// The content folder as diagnostics show it: relative to the working directory when it lies below it.
    var contentPath: String { Self.relativeToWorkingDirectory(content) }

    static func relativeToWorkingDirectory(_ path: String) -> String {
        guard path.hasPrefix("/") else { return path }
        let cwd = FileManager.default.currentDirectoryPath
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
