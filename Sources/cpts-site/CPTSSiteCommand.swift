import ArgumentParser
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
            // Help and usage errors in French (swift-argument-parser has no translation); in English with --lang en.
            if UsageErrors.language(of: arguments) == .fr, let output = UsageErrors.french(for: error, arguments: arguments) {
                (output.toStandardError ? FileHandle.standardError : FileHandle.standardOutput).write(Data(output.text.utf8))
                Foundation.exit(output.status)
            }
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
