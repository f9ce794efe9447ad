import ArgumentParser
import CPTSDomain
import Foundation

/// The commands and their options as swift-argument-parser knows them, read from its own description of the tool
/// (`--experimental-dump-help`, JSON), so that the French help below always lists the real options. The words are
/// the commands' own (their French `abstract`, `discussion` and `help:`); only the parser's built-in words (help,
/// version, defaults, values, the section titles) are put into French here.
struct CommandInfo {
    struct Argument {
        enum Kind: String { case positional, option, flag }
        let kind: Kind
        /// `--content`, `-o`: every name, the long one last.
        let names: [String]
        let valueName: String
        let abstract: String
        let defaultValue: String?
        let allValues: [String]
        let isOptional: Bool
        let isShown: Bool
    }

    let name: String
    let abstract: String
    let discussion: String
    let arguments: [Argument]
    let subcommands: [CommandInfo]
    let defaultSubcommand: String?

    /// The whole tool, from the parser's description of it; nil if the parser does not give one.
    static let tool: CommandInfo? = {
        do {
            _ = try CPTSSiteCommand.parseAsRoot(["--experimental-dump-help"])
            return nil
        } catch {
            let json = CPTSSiteCommand.fullMessage(for: error)
            guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
                let command = object["command"] as? [String: Any] else { return nil }
            // The parser's description leaves out the default command: `cpts-site` alone is `cpts-site build`.
            return CommandInfo(command, defaultSubcommand: CPTSSiteCommand.configuration.defaultSubcommand?._commandName)
        }
    }()

    /// Every option that takes a value, anywhere in the tool (`--year`, `-o`): the word after one is its value.
    var optionsWithValues: Set<String> {
        Set(arguments.filter { $0.kind == .option }.flatMap(\.names)).union(subcommands.flatMap(\.optionsWithValues))
    }

    init?(_ json: [String: Any], defaultSubcommand: String? = nil) {
        guard let name = json["commandName"] as? String else { return nil }
        self.name = name
        abstract = json["abstract"] as? String ?? ""
        discussion = json["discussion"] as? String ?? ""
        arguments = (json["arguments"] as? [[String: Any]] ?? []).compactMap(Argument.init)
        subcommands = (json["subcommands"] as? [[String: Any]] ?? []).compactMap { CommandInfo($0) }
        self.defaultSubcommand = defaultSubcommand ?? json["defaultSubcommand"] as? String
    }

    /// The command named by `path` below this one (`["new", "site"]`), if there is one.
    func command(at path: [String]) -> CommandInfo? {
        guard let first = path.first else { return self }
        return subcommands.first { $0.name == first }?.command(at: Array(path.dropFirst()))
    }

    /// The longest run of command names at the start of `arguments` (options skipped, `help` too): the command a
    /// help request or a usage error is about.
    func path(in arguments: [String]) -> [String] {
        var path: [String] = [], current = self
        let valued = optionsWithValues
        for (index, argument) in arguments.enumerated() where !argument.hasPrefix("-") {
            if index > 0 && valued.contains(arguments[index - 1]) { continue }
            if current.name == "cpts-site" && argument == "help" && path.isEmpty { continue }
            guard let next = current.subcommands.first(where: { $0.name == argument && $0.name != "help" }) else { break }
            path.append(argument)
            current = next
        }
        return path
    }
}

extension CommandInfo.Argument {
    init?(_ json: [String: Any]) {
        guard let kindName = json["kind"] as? String, let kind = Kind(rawValue: kindName) else { return nil }
        self.kind = kind
        let names = (json["names"] as? [[String: Any]] ?? []).compactMap { name -> String? in
            guard let text = name["name"] as? String else { return nil }
            return (name["kind"] as? String == "short" ? "-" : "--") + text
        }
        self.names = names.sorted { $0.count < $1.count }
        valueName = json["valueName"] as? String ?? ""
        abstract = json["abstract"] as? String ?? ""
        defaultValue = json["defaultValue"] as? String
        allValues = json["allValues"] as? [String] ?? []
        isOptional = json["isOptional"] as? Bool ?? true
        isShown = json["shouldDisplay"] as? Bool ?? true
    }

    /// `[--content <dossier>]`, `--year <année>`, `[--strict]`, `<slug>`.
    var synopsis: String {
        let preferred = names.last ?? ""
        let core = switch kind {
        case .positional: "<\(valueName)>"
        case .option: "\(preferred) <\(valueName)>"
        case .flag: preferred
        }
        return isOptional ? "[\(core)]" : core
    }

    /// `-o, --output <fichier>`, as the options list shows it.
    var label: String {
        switch kind {
        case .positional: "<\(valueName)>"
        case .option: names.joined(separator: ", ") + " <\(valueName)>"
        case .flag: names.joined(separator: ", ")
        }
    }

    /// The help text, the parser's own words put into French.
    var frenchAbstract: String {
        var text: String = switch names.last {
        case "--help": "Affiche cette aide."
        case "--version": "Affiche la version de cpts-site et des bibliothèques avec lesquelles il est compilé."
        default: abstract
        }
        if !allValues.isEmpty { text += " (valeurs\u{202F}: \(allValues.joined(separator: ", ")))" }
        if let defaultValue, kind != .flag { text += " (par défaut\u{202F}: \(defaultValue))" }
        return text
    }
}
