import ArgumentParser
import CPTSDomain
import Foundation

/// `--lang fr|en`: the language of messages. Without it, English when `LC_ALL` or `LANG` starts with `en`, French
/// otherwise.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: ArgumentHelp("Langue des messages (par défaut selon LC_ALL ou LANG, sinon fr).", valueName: "langue"))
    var lang: Language?

    var language: Language { lang ?? Language.fromEnvironment(ProcessInfo.processInfo.environment) }
}

extension Language: ExpressibleByArgument {}

/// Options shared by the commands that read content.
struct ContentOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Le dossier de contenu (par défaut content/ ici, ou dans le plus proche dossier parent qui contient content/site.yaml).",
                                valueName: "dossier"))
    var content: String?

    @Option(help: ArgumentHelp("Le dossier des thèmes (par défaut themes/ à côté du dossier de contenu).", valueName: "dossier"))
    var themes: String?

    @OptionGroup var languageOption: LanguageOption

    var language: Language { languageOption.language }

    /// The content folder as diagnostics show it: relative to the working directory when it lies below it.
    var contentPath: String { Self.relativeToWorkingDirectory(content ?? "content") }

    /// Without `--content`, run from inside a site's `content/` (or any folder below the site's): the nearest folder
    /// above that holds `content/site.yaml` becomes the working directory, so that `content/`, `themes/` and
    /// `public/` are the site's, and the command says which site it uses. Nothing changes when the working directory
    /// has a `content` folder of its own, or when no folder above is a site.
    func enterSiteFolder() {
        guard content == nil else { return }
        let manager = FileManager.default
        let here = URL(fileURLWithPath: manager.currentDirectoryPath).standardizedFileURL
        guard !manager.fileExists(atPath: here.appendingPathComponent("content").path) else { return }
        var folder = here
        while folder.path != "/" {
            folder = folder.deletingLastPathComponent()
            if manager.fileExists(atPath: folder.appendingPathComponent("content/site.yaml").path),
                manager.changeCurrentDirectoryPath(folder.path) {
                Console.info(.siteFound(folder: folder.path), in: language)
                return
            }
        }
    }

    static func relativeToWorkingDirectory(_ path: String) -> String {
        guard path.hasPrefix("/") else { return path }
        let cwd = FileManager.default.currentDirectoryPath
        let prefix = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
