import ArgumentParser
import CPTSContent
import CPTSDomain
import CPTSSite
import Foundation

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start new content: a whole site, or a CPTS in the current site.",
        subcommands: [NewSite.self, NewCPTS.self])
}

struct NewSite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site", abstract: "Create a ready-to-edit site skeleton that builds at once.")

    @Argument(help: "The folder to create.")
    var directory: String

    @OptionGroup var languageOption: LanguageOption

    /// An empty path wrote `/content`, `/themes` and `/.gitignore`: the folder is named, and is not the root.
    func validate() throws {
        guard !directory.isEmpty else {
            throw ValidationError("the folder to create is empty: name a new folder, e.g. 'cpts-site new site mon-site'")
        }
        let resolved = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().path
        guard resolved != "/" && !resolved.isEmpty else {
            throw ValidationError("'\(directory)' is the root folder: name a new folder")
        }
    }

    func run() throws {
        let manager = FileManager.default
        if let entries = try? manager.contentsOfDirectory(atPath: directory), !entries.isEmpty {
            Console.error(.folderNotEmpty(folder: directory), in: languageOption.language)
            throw ExitCode(1)
        }
        for (path, text) in SiteSkeleton.files(asOf: Scaffold.today()) {
            try Scaffold.write(text, to: directory + "/" + path)
        }
        // The site gets its own copy of the default theme, to edit without recompiling.
        try manager.createDirectory(atPath: directory + "/themes", withIntermediateDirectories: true)
        try manager.copyItem(atPath: BuiltinThemes.directory + "/default", toPath: directory + "/themes/default")
        // The French guide, which the comments of the new files point to.
        if manager.fileExists(atPath: BuiltinThemes.guide) {
            try manager.copyItem(atPath: BuiltinThemes.guide, toPath: directory + "/GUIDE.md")
        }
        Console.info(.siteCreated(folder: directory), in: languageOption.language)
    }
}

struct NewCPTS: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cpts", abstract: "Create content/cpts/<slug>.md, every key explained, and an empty indicators file.")

    @OptionGroup var options: ContentOptions

    @Argument(help: "The CPTS's slug: lowercase letters, digits and '-' (it becomes its URL).")
    var slug: String

    func validate() throws {
        guard ContentRules.isValidSlug(slug) else {
            throw ValidationError("'\(slug)' is not a valid slug: use lowercase letters a-z, digits and '-'")
        }
    }

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
        try Scaffold.write(CPTSSkeleton.page(slug: slug, department: department, date: date), to: page)
        try Scaffold.write(CPTSSkeleton.indicators, to: indicators)
        Console.info(.cptsCreated(page: page, indicators: indicators), in: options.language)
    }
}

enum Scaffold {
    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url, options: .withoutOverwriting)
    }

    /// Today as `YYYY-MM-DD`, in the local calendar.
    static func today() -> String {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)?.description ?? "2000-01-01"
    }
}
