import ArgumentParser
import CPTSDomain
import Foundation

/// `--lang fr|en`: the language of messages. Without it, English when `LC_ALL` or `LANG` starts with `en`, French
/// otherwise.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: "The language of messages: fr or en (default: from LC_ALL or LANG, else fr).")
    var lang: Language?

    var language: Language { lang ?? Language.fromEnvironment(ProcessInfo.processInfo.environment) }
}

extension Language: ExpressibleByArgument {}

/// Options shared by the commands that read content.
struct ContentOptions: ParsableArguments {
    @Option(help: "The content folder.")
    var content = "content"

    @Option(help: "The themes folder (default: themes/ beside the content folder).")
    var themes: String?

    @OptionGroup var languageOption: LanguageOption

    var language: Language { languageOption.language }

    /// The content folder as diagnostics show it: relative to the working directory when it lies below it.
    var contentPath: String { Self.relativeToWorkingDirectory(content) }

    static func relativeToWorkingDirectory(_ path: String) -> String {
        guard path.hasPrefix("/") else { return path }
        let cwd = FileManager.default.currentDirectoryPath
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
