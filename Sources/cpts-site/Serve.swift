import ArgumentParser
import CPTSServe
import CPTSSite
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site in memory, serve it on 127.0.0.1, rebuild on every save and reload the pages.")

    @OptionGroup var options: ContentOptions

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: UInt16 = 1313

    @Flag(help: "Print the time of each pipeline stage after each build.")
    var verbose = false

    func run() async throws {
        options.enterSiteFolder()
        let language = options.language
        let server = DevServer(
            options: BuildOptions(contentDirectory: options.contentPath, themesDirectory: options.themes),
            port: port,
            language: language,
            log: { [verbose] outcome, duration, served in
                Console.printDiagnostics(outcome.report, in: language)
                if verbose { Console.printTimings(outcome.report) }
                let milliseconds = Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
                if outcome.report.succeeded {
                    Console.info(.rebuilt(milliseconds: milliseconds, pages: outcome.rerendered), in: language)
                } else {
                    Console.error(.rebuildFailed(milliseconds: milliseconds, servingLastGoodSite: served), in: language)
                }
            })
        do {
            try await server.run { address in
                Console.info(.serving(address: address), in: language)
            }
        } catch DevServer.Failure.portInUse {
            Console.error(.portBusy(port: port), in: language)
            throw ExitCode(1)
        }
    }
}
