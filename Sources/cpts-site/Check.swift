import ArgumentParser
import CPTSContent
import CPTSSite
import Foundation

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the content without writing anything. Exits 1 when there are errors.",
        discussion: """
            With --links, also checks a built site: every internal link, anchor and asset of its HTML pages \
            must resolve to a file of that folder. Links starting with '/' are resolved under the path of \
            site.yaml's baseURL.
            """)

    @OptionGroup var options: ContentOptions

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("Also check the links of a built site in this folder.", valueName: "output"))
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
