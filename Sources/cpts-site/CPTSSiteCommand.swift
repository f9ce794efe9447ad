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
            if exitCode(for: error) == .validationFailure {
                // The message quotes the arguments as typed: escaped, like every text printed.
                let message = TerminalText.escaping(fullMessage(for: error), keepingLineBreaks: true)
                FileHandle.standardError.write(Data((message + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
