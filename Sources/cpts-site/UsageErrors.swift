import ArgumentParser
import CPTSDomain
import Foundation

/// What swift-argument-parser would print for a help request or a badly written command line, in French: it has
/// no translation, so its errors are read here (the parser's error type is internal: its case is read by
/// reflection, its values from its English message, whose forms are pinned with the package's exact version and
/// checked by `UsageErrorTests`), and the help is `FrenchHelp`'s.
enum UsageErrors {
    struct Output {
        let text: String
        let toStandardError: Bool
        let status: Int32
    }

    /// French unless `--lang en` is given, or the environment says English.
    static func language(of arguments: [String]) -> Language {
        var given: String?
        for (index, argument) in arguments.enumerated() {
            if argument == "--lang", index + 1 < arguments.count { given = arguments[index + 1] }
            if argument.hasPrefix("--lang=") { given = String(argument.dropFirst(7)) }
        }
        return given.flatMap(Language.init(rawValue:)) ?? Language.fromEnvironment(ProcessInfo.processInfo.environment)
    }

    /// The French output for `error`, thrown while parsing `arguments`; nil for what the parser prints without
    /// words to translate (`--version`) and for errors that are not the parser's.
    static func french(for error: Error, arguments: [String]) -> Output? {
        // A command made only of subcommands (`cpts-site new`), run without one, asks for its help.
        if let clean = error as? CleanExit, isHelpRequest(clean), let tool = CommandInfo.tool {
            let path = tool.path(in: arguments)
            return Output(text: FrenchHelp.text(for: tool.command(at: path) ?? tool, path: path), toStandardError: false, status: 0)
        }
        guard String(describing: type(of: error)) == "CommandError", let tool = CommandInfo.tool,
            let parserError = Mirror(reflecting: error).children.first(where: { $0.label == "parserError" })?.value else { return nil }
        let kind = caseName(of: parserError)
        let path = tool.path(in: arguments)
        let command = tool.command(at: path) ?? tool
        switch kind {
        case "helpRequested":
            return Output(text: FrenchHelp.text(for: command, path: path), toStandardError: false, status: 0)
        case "userValidationError":
            let inner = Mirror(reflecting: parserError).children.first?.value
            if let validation = inner as? ValidationError {
                return usageError(validation.message, command: command, path: path)
            }
            // `cpts-site help <commande>`.
            if let clean = inner as? CleanExit, isHelpRequest(clean) {
                return Output(text: FrenchHelp.text(for: command, path: path), toStandardError: false, status: 0)
            }
            return nil
        case "unexpectedExtraValues" where path.isEmpty:
            if let word = arguments.first(where: { !$0.hasPrefix("-") }), !arguments.contains(where: { $0 == "build" }) {
                return unknownCommand(word, tool: tool)
            }
        case "versionRequested", "dumpHelpRequested", "completionScriptRequested", "completionScriptCustomResponse":
            return nil
        default:
            break
        }
        let message = CPTSSiteCommand.message(for: error)
        return usageError(translate(message), command: command, path: path)
    }

    /// `CleanExit.helpRequest`, not a message or a dump.
    static func isHelpRequest(_ clean: CleanExit) -> Bool {
        Mirror(reflecting: clean).children.first { $0.label == "base" }.map { caseName(of: $0.value) } == "helpRequest"
    }

    static func caseName(of value: Any) -> String {
        Mirror(reflecting: value).children.first?.label ?? String(describing: value)
    }

    static func usageError(_ message: String, command: CommandInfo, path: [String]) -> Output {
        let help = FrenchHelp.commandLine(path + ["--help"])
        let text = "error: \(message)\n" + FrenchHelp.fr("Utilisation :") + " " + FrenchHelp.usage(of: command, path: path) + "\n"
            + FrenchHelp.fr("  Voir « \(help) » pour l’aide complète.") + "\n"
        return Output(text: text, toStandardError: true, status: 2)
    }

    /// A first word that is no command: `cpts-site chek` was read as `build chek`.
    static func unknownCommand(_ word: String, tool: CommandInfo) -> Output {
        let names = tool.subcommands.map(\.name).filter { $0 != "help" }
        let message: French = if let suggestion = Suggestion.nearest(to: word, in: names) {
            "commande inconnue \(q: word) (vouliez-vous dire \(q: suggestion) ?)"
        } else {
            "commande inconnue \(q: word) : les commandes sont \(list: names)"
        }
        return usageError(message.text, command: tool, path: [])
    }
}
