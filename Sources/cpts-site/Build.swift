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

    func run() async throws {
        options.enterSiteFolder()
        let report = await SiteBuilder.build(
            BuildOptions(contentDirectory: options.contentPath, outputDirectory: output, themesDirectory: options.themes))
        Console.printDiagnostics(report, in: options.language)
        if verbose { Console.printTimings(report) }
        guard report.succeeded else {
            Console.error(.buildFailed(output: DisplayedPath.escaping(output)), in: options.language)
            throw ExitCode(1)
        }
        Console.info(.built(files: report.filesWritten, output: DisplayedPath.escaping(output)), in: options.language)
    }
}
