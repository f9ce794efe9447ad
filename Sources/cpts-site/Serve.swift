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
        let server = DevServer(
            options: BuildOptions(contentDirectory: options.contentPath, themesDirectory: options.themes),
            port: port,
            log: { [verbose] outcome, duration in
                Console.printDiagnostics(outcome.report)
                if verbose { Console.printTimings(outcome.report) }
                let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
                if outcome.report.succeeded {
                    Console.info("built in \(milliseconds) ms: \(outcome.rerendered.count) page(s) rendered"
                        + (outcome.rerendered.count <= 5 ? " (\(outcome.rerendered.joined(separator: ", ")))" : ""))
                } else {
                    Console.error("build failed in \(milliseconds) ms; the last good site is still served")
                }
            })
        try await server.run { address in
            Console.info("Serving the site at \(address) — Ctrl-C to stop")
        }
    }
}
