import ArgumentParser
import CPTSDomain
import Foundation

@main
struct CPTSSiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cpts-site",
        abstract: "Construit le site de suivi des CPTS d’une région à partir de content/.",
        version: VersionText.text,
        subcommands: [Build.self, Check.self, Deploy.self, Report.self, PDF.self, Serve.self, New.self],
        defaultSubcommand: Build.self)

    /// Exit codes as documented: 0 success, 1 content errors, 2 usage errors
    /// (swift-argument-parser would use 64 for the latter).
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            // The status is decided, and its text written, in a function of its own: every string it made is
            // released before the process exits (LeakSanitizer reports what an exit leaves referenced only from an
            // async frame).
            if let status = report(error, arguments: arguments) { Foundation.exit(status) }
            exit(withError: error)
        }
    }

    /// Writes what `error` says to the user and returns the exit status; nil for what swift-argument-parser
    /// prints and ends itself (help and version in English, with `--lang en`).
    static func report(_ error: Error, arguments: [String]) -> Int32? {
        // Help and usage errors in French (swift-argument-parser has no translation); in English with --lang en.
        // A message may quote the arguments as typed, or a path: escaped, like every text printed.
        if UsageErrors.language(of: arguments) == .fr, let output = UsageErrors.french(for: error, arguments: arguments) {
            let text = TerminalText.escaping(output.text, keepingLineBreaks: true)
            (output.toStandardError ? FileHandle.standardError : FileHandle.standardOutput).write(Data(text.utf8))
            return output.status
        }
        let code = exitCode(for: error), message = fullMessage(for: error)
        guard code != .success, !message.isEmpty else { return nil }
        FileHandle.standardError.write(Data((TerminalText.escaping(message, keepingLineBreaks: true) + "\n").utf8))
        return code == .validationFailure ? 2 : code.rawValue
    }
}
