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
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
