import CPTSDomain
import ArgumentParser
import CPTSSite

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load, validate, compute, render and write the site.")

    @OptionGroup var options: ContentOptions

    @Option(help: "Where to write the site. It is replaced only when the build succeeds.")
    var output = "public"

    @Flag(help: "Print the time of each pipeline stage.")
    var verbose = false

    @Flag(help: "Also print each activity report to rapport-annee-<n>.pdf beside its page (needs Chromium).")
    var pdf = false

    func run() async throws {
        options.enterSiteFolder()
        if pdf, ReportPrinter.chromium() == nil {
            Console.error("--pdf\u{202F}: Chromium est introuvable\u{202F}; installez le paquet Debian «\u{A0}chromium\u{A0}» ou indiquez son chemin dans CPTS_CHROMIUM")
            throw ExitCode(1)
        }
        let report = await SiteBuilder.build(
            BuildOptions(contentDirectory: options.contentPath, outputDirectory: output, themesDirectory: options.themes,
                         pdfReports: pdf))
        Console.printDiagnostics(report, in: options.language)
        if verbose { Console.printTimings(report) }
        guard report.succeeded else {
            Console.error(.buildFailed(output: DisplayedPath.escaping(output)), in: options.language)
            throw ExitCode(1)
        }
        Console.info(.built(files: report.filesWritten, output: DisplayedPath.escaping(output)), in: options.language)
    }
}
