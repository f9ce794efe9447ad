import CPTSDomain

/// `--help` in French, laid out like swift-argument-parser's (which has no translation): the abstract, the
/// discussion, the usage line, the arguments, the options and the commands, wrapped at 80 columns.
enum FrenchHelp {
    static let width = 80
    static let labelWidth = 24

    /// The help of the command at `path` (`[]` for cpts-site itself, `["new", "site"]`).
    static func text(for command: CommandInfo, path: [String]) -> String {
        var sections: [String] = []
        if !command.abstract.isEmpty { sections.append(wrap(command.abstract, indent: 0)) }
        if !command.discussion.isEmpty { sections.append(wrap(command.discussion, indent: 0)) }
        sections.append(fr("Utilisation :") + "\n" + wrap(usage(of: command, path: path), indent: 6, first: 2))
        let shown = command.arguments.filter(\.isShown)
        let positionals = shown.filter { $0.kind == .positional }, options = shown.filter { $0.kind != .positional }
        if !positionals.isEmpty { sections.append(list(fr("Arguments :"), positionals.map { ($0.label, $0.frenchAbstract) })) }
        if !options.isEmpty { sections.append(list(fr("Options :"), options.map { ($0.label, $0.frenchAbstract) })) }
        let subcommands = command.subcommands.map { sub in
            (sub.name + (sub.name == command.defaultSubcommand ? fr(" (par défaut)") : ""),
             sub.name == "help" ? fr("Affiche l’aide d’une commande.") : sub.abstract)
        }
        if !subcommands.isEmpty {
            sections.append(list(fr("Commandes :"), subcommands))
            let helpCommand = commandLine(path + ["<commande>", "--help"])
            sections.append(fr("Voir « \(helpCommand) » pour l’aide d’une commande."))
        }
        return sections.joined(separator: "\n\n") + "\n"
    }

    /// `cpts-site report [--content <dossier>] … <slug> [--year <année>]`; `cpts-site new <commande>`.
    static func usage(of command: CommandInfo, path: [String]) -> String {
        if !command.subcommands.isEmpty && command.arguments.allSatisfy({ $0.kind == .flag }) {
            let parts = command.defaultSubcommand == nil ? ["<commande>"] : ["[<commande>]", "[<options>]"]
            return commandLine(path + parts)
        }
        let synopses = command.arguments.filter { $0.isShown && $0.names.last != "--help" && $0.names.last != "--version" }.map(\.synopsis)
        return commandLine(path + synopses)
    }

    /// A French literal, typeset (narrow no-break spaces, apostrophes).
    static func fr(_ text: French) -> String { text.text }

    static func commandLine(_ words: [String]) -> String { (["cpts-site"] + words).joined(separator: " ") }

    /// A titled list of labels and their texts, each text wrapped beside its label (or below a long label).
    static func list(_ title: String, _ items: [(String, String)]) -> String {
        var lines = [title]
        for (label, text) in items {
            let head = "  " + label
            if head.count + 2 <= labelWidth {
                let padded = head.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
                lines.append(padded + wrap(text, indent: labelWidth, first: labelWidth).dropFirst(labelWidth))
            } else {
                lines.append(head)
                lines.append(wrap(text, indent: labelWidth, first: labelWidth))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `text` broken into lines of at most `width` columns at spaces (never at no-break spaces), the first line
    /// indented by `first`, the others by `indent`.
    static func wrap(_ text: String, indent: Int, first: Int? = nil) -> String {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(repeating: " ", count: lines.isEmpty ? (first ?? indent) : indent)
            var empty = true
            for word in paragraph.split(separator: " ") {
                if !empty && line.count + 1 + word.count > width {
                    lines.append(line)
                    line = String(repeating: " ", count: indent)
                    empty = true
                }
                line += (empty ? "" : " ") + word
                empty = false
            }
            lines.append(line)
        }
        return lines.map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n")
    }
}
