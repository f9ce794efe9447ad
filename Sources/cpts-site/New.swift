import ArgumentParser
import CPTSContent
import CPTSDomain
import CPTSSite
import Foundation

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Crée du contenu\u{202F}: un site entier, ou une CPTS dans le site courant.",
        subcommands: [NewSite.self, NewCPTS.self])
}

struct NewSite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site", abstract: "Crée un site prêt à compléter, qui se construit tout de suite.")

    @Argument(help: ArgumentHelp("Le dossier à créer.", valueName: "dossier"))
    var directory: String

    @OptionGroup var languageOption: LanguageOption

    /// An empty path wrote `/content`, `/themes` and `/.gitignore`: the folder is named, and is not the root.
    func validate() throws {
        guard !directory.isEmpty else {
            throw ValidationError("le nom du dossier à créer est vide\u{202F}: nommez un nouveau dossier, par exemple «\u{202F}cpts-site new site mon-site\u{202F}»")
        }
        let resolved = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().path
        guard resolved != "/" && !resolved.isEmpty else {
            throw ValidationError("«\u{202F}\(directory)\u{202F}» est le dossier racine\u{202F}: nommez un nouveau dossier")
        }
    }

    func run() throws {
        let manager = FileManager.default
        if let entries = try? manager.contentsOfDirectory(atPath: directory), !entries.isEmpty {
            Console.error(.folderNotEmpty(folder: directory), in: languageOption.language)
            throw ExitCode(1)
        }
        try Scaffold.reporting(in: languageOption.language) {
            for (path, text) in SiteSkeleton.files(asOf: Scaffold.today()) {
                try Scaffold.write(text, to: directory + "/" + path)
            }
            // The site gets its own copy of the default theme, to edit without recompiling.
            try Scaffold.step(directory + "/themes/default") {
                try manager.createDirectory(atPath: directory + "/themes", withIntermediateDirectories: true)
                try manager.copyItem(atPath: BuiltinThemes.directory + "/default", toPath: directory + "/themes/default")
            }
            // The French guide and content reference, whose sections the comments of the new files name.
            for (source, name) in [(BuiltinThemes.guide, "GUIDE.md"), (BuiltinThemes.reference, "REFERENCE.md")]
            where manager.fileExists(atPath: source) {
                try Scaffold.step(directory + "/" + name) { try manager.copyItem(atPath: source, toPath: directory + "/" + name) }
            }
        }
        Console.info(.siteCreated(folder: directory), in: languageOption.language)
    }
}

struct NewCPTS: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cpts", abstract: "Crée content/cpts/<slug>.md, chaque clé expliquée, et un fichier d’indicateurs vide.")

    @OptionGroup var options: ContentOptions

    @Argument(help: "Le nom court de la CPTS\u{202F}: lettres minuscules, chiffres et tirets (il devient son adresse).")
    var slug: String

    func validate() throws { try SlugArgument.validate(slug) }

    func run() async throws {
        let loaded = await ContentLoader.load(from: options.contentPath)
        guard let region = loaded.content?.region, let department = region.departments.first else {
            Console.printDiagnostics(loaded.diagnostics, sources: loaded.sources, in: options.language)
            Console.error(.fixSiteFirst(folder: options.contentPath), in: options.language)
            throw ExitCode(1)
        }
        let page = "\(options.contentPath)/cpts/\(slug).md", indicators = "\(options.contentPath)/indicators/\(slug).yaml"
        for path in [page, indicators] where FileManager.default.fileExists(atPath: path) {
            Console.error(.fileExists(path: path), in: options.language)
            throw ExitCode(1)
        }
        // Dated no later than the site (`asOf`), so that the site counts the CPTS it lists.
        let today = Scaffold.today()
        let date = loaded.content.map { min(today, $0.settings.asOf.description) } ?? today
        try Scaffold.reporting(in: options.language) {
            try Scaffold.write(CPTSSkeleton.page(slug: slug, department: department, date: date), to: page)
            try Scaffold.write(CPTSSkeleton.indicators, to: indicators)
        }
        Console.info(.cptsCreated(page: page, indicators: indicators), in: options.language)
    }
}

/// A CPTS's slug given on the command line (`new cpts <slug>`, `pdf <slug>`): it becomes a file name and a path
/// in the site, so it is checked before anything is read or written.
enum SlugArgument {
    /// Lowercase letters, digits and dashes (`ContentRules.isValidSlug`), not starting with a dash: `-x` would be
    /// read as an option by every command, and `../x` would lead outside the content folder.
    static func validate(_ slug: String) throws {
        guard ContentRules.isValidSlug(slug), !slug.hasPrefix("-") else {
            throw ValidationError("«\u{202F}\(slug)\u{202F}» n’est pas un nom court valide\u{202F}: utilisez des lettres minuscules a-z, "
                + "des chiffres et des tirets, sans commencer par un tiret")
        }
    }
}

enum Scaffold {
    /// A file or folder `new` could not make, with the system's reason.
    struct Failure: Error {
        let path: String
        let reason: SystemReason
    }

    static func write(_ text: String, to path: String) throws {
        try step(path) {
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        }
    }

    /// Runs `make`, which makes `path`; a Foundation error becomes a `Failure` naming `path`.
    static func step(_ path: String, _ make: () throws -> Void) throws {
        do { try make() } catch { throw Failure(path: path, reason: SystemReason(error: error)) }
    }

    /// Runs `make`; a `Failure` is printed in `language` (never Foundation's English dump) and ends the command.
    static func reporting(in language: Language, _ make: () throws -> Void) throws {
        do {
            try make()
        } catch let failure as Failure {
            Console.error(.notCreated(path: DisplayedPath.escaping(failure.path), reason: failure.reason), in: language)
            throw ExitCode(1)
        }
    }

    /// Today as `YYYY-MM-DD`, in the local calendar.
    static func today() -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)?.description ?? "2000-01-01"
    }
}
