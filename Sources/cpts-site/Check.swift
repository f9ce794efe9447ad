import ArgumentParser
import CPTSContent
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

    @Option(name: .long, help: ArgumentHelp("Vérifie aussi les liens du site construit dans ce dossier.", valueName: "output"))
    var links: String?

    func run() async throws {
        options.enterSiteFolder()
        var report = await SiteBuilder.build(
            BuildOptions(contentDirectory: options.contentPath, themesDirectory: options.themes, mode: .check))
        if let links {
            // Root-relative links (the 404 page's) are served under baseURL's path.
            let loaded = await ContentLoader.load(from: options.contentPath)
            let basePath = loaded.content.map { LinkChecker.basePath(fromBaseURL: $0.settings.baseURL) } ?? "/"
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
        let failed = report.diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
        if failed { throw ExitCode(1) }
    }
}
