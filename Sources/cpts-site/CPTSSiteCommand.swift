import ArgumentParser
import CPTSDomain
import Foundation

@main
struct CPTSSiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cpts-site",
        abstract: "Construit le site de suivi des CPTS d’une région à partir de content/.",
        version: VersionText.text,
        subcommands: [Build.self, Check.self, Report.self, PDF.self, Serve.self, New.self],
        defaultSubcommand: Build.self)

    /// Exit codes as documented: 0 success, 1 content errors, 2 usage errors
    /// (swift-argument-parser would use 64 for the latter).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            // A failure's message may quote the arguments as typed, or a path: escaped, like every text printed.
            let code = exitCode(for: error), message = fullMessage(for: error)
            guard code != .success, !message.isEmpty else { exit(withError: error) }
            FileHandle.standardError.write(Data((TerminalText.escaping(message, keepingLineBreaks: true) + "\n").utf8))
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
