import ArgumentParser
import CPTSSite

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the content without writing anything. Exits 1 when there are errors.")

    @OptionGroup var options: ContentOptions

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() async throws {
        let report = await SiteBuilder.build(
            BuildOptions(contentDirectory: options.contentPath, themesDirectory: options.themes, mode: .check))
        Console.printDiagnostics(report)
        let failed = report.diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
        if failed { throw ExitCode(1) }
    }
}
