import ArgumentParser
import CPTSServe
import CPTSSite
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Construit le site en mémoire, le sert sur 127.0.0.1, le reconstruit à chaque enregistrement et recharge les pages.")

    @OptionGroup var options: ContentOptions

    @Option(help: "Le port d’écoute (0 en choisit un libre).")
    var port: UInt16 = 1313

    @Flag(help: "Affiche la durée de chaque étape après chaque construction.")
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
