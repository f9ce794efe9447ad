import ArgumentParser
import CPTSContent
import CPTSDomain
import CPTSSite
import Foundation

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Vérifie le contenu sans rien écrire. Code de sortie 1 s’il y a des erreurs.",
        discussion: """
            Avec --links, vérifie aussi un site construit\u{202F}: chaque lien interne, ancre et fichier de ses pages \
            doit mener à un fichier de ce dossier. Les liens commençant par «\u{202F}/\u{202F}» sont lus sous le \
            chemin de baseURL (site.yaml).
            """)

    @OptionGroup var options: ContentOptions

    @Flag(help: "Compte les avertissements comme des erreurs.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("Vérifie aussi les liens du site construit dans ce dossier.", valueName: "dossier"))
    var links: String?

    func run() async throws {
        options.enterSiteFolder()
        if NationalLoader.isNational(root: options.contentPath) { return try checkNational() }
        var check = BuildOptions(contentDirectory: options.contentPath, themesDirectory: options.themes, mode: .check)
        check.contentLoaded = Allocator.fit(cptsCount:)
        let checked = await SiteSession(options: check).build()
        var report = checked.report
        if let links {
            // Root-relative links (the 404 page's) are served under baseURL's path.
            let baseURL: String?
            if let content = checked.content { baseURL = content.settings.baseURL } else {
                baseURL = await ContentLoader.load(from: options.contentPath).content?.settings.baseURL
            }
            let basePath = baseURL.map { LinkChecker.basePath(fromBaseURL: $0) } ?? "/"
            let checker = LinkChecker(outputDirectory: links, displayPath: ContentOptions.relativeToWorkingDirectory(links),
                                      basePath: basePath)
            let linkReport = checker.check()
            report.diagnostics += linkReport.diagnostics
            report.sources.merge(linkReport.sources) { content, _ in content }
            let broken = linkReport.diagnostics.count
            Console.info(.linksChecked(links: linkReport.linksChecked, pages: linkReport.pagesChecked, folder: checker.displayPath,
                                       broken: broken), in: options.language)
        }
        Console.printDiagnostics(report, in: options.language)
        if report.diagnostics.isEmpty, let content = checked.content {
            Console.info(.checkClean(cpts: content.cpts.count, reports: content.reports.count, pages: content.pages.count), in: options.language)
        }
        let failed = report.diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
        if failed { throw ExitCode(1) }
    }

    /// A national content folder (`kind: national`): its regional files read, then the rules across regions.
    func checkNational() throws {
        let (content, diagnostics, sources) = NationalLoader.load(from: options.contentPath)
        let all = diagnostics + (content.map(NationalRules.validate) ?? [])
        Console.printDiagnostics(all, sources: sources, in: options.language)
        if all.isEmpty, let content {
            Console.info(.checkCleanNational(regions: content.regions.count, cpts: content.regions.map(\.cpts.count).reduce(0, +)),
                         in: options.language)
        }
        if all.contains(where: { $0.severity == .error || (strict && $0.severity == .warning) }) { throw ExitCode(1) }
    }
}
