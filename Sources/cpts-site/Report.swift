import ArgumentParser
import CPTSContent
import CPTSDomain
import CPTSSite

struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Affiche le financement d’une CPTS, année de contrat par année de contrat.")

    @OptionGroup var options: ContentOptions

    @Argument(help: "Le nom court de la CPTS (son nom de fichier dans content/cpts/, sans .md).")
    var slug: String

    @Option(help: ArgumentHelp("Seulement cette année de contrat (1 à 5).", valueName: "année"))
    var year: Int?

    func validate() throws {
        if let year, !(1...FundingCalculator.contractYears).contains(year) {
            throw ValidationError("--year doit être compris entre 1 et \(FundingCalculator.contractYears)")
        }
    }

    func run() async throws {
        options.enterSiteFolder()
        // The same load and validation as `check`: a report on content with errors would show figures the
        // rules reject. Warnings are printed and do not stop it.
        let checked = await SiteSession(options: BuildOptions(contentDirectory: options.contentPath, themesDirectory: options.themes,
                                                              mode: .check)).build()
        Console.printDiagnostics(checked.report, in: options.language)
        guard let content = checked.content, !checked.report.diagnostics.hasErrors else { throw ExitCode(1) }
        guard let cpts = content.cpts.first(where: { $0.slug.value == slug }) else {
            Console.error(.noSuchCPTS(slug: slug, folder: options.contentPath,
                                      suggestion: Suggestion.nearest(to: slug, in: content.cpts.map(\.slug.value))), in: options.language)
            throw ExitCode(1)
        }
        // The ledger, the one the build's compute stage makes (`SiteFigures`): the CLI computes nothing of its own.
        guard let funding = FundingCalculator.breakdown(of: cpts, in: content) else {
            // As of the site's date: a contract signed later has no funding yet.
            let asOf = FrenchFormat.shortDate(content.settings.asOf)
            let stage = content.stageAsOf(cpts).map { "étape «\u{202F}\($0.label)\u{202F}»" } ?? DomainLabels.noStage.lowercasedFirst
            var text = "\(cpts.name)\u{202F}: pas de contrat ACI signé au \(asOf) (\(stage)), donc pas encore de financement ACI."
            if cpts.isSignedAfter(content.settings.asOf), let signature = cpts.signature {
                text += " Signature à venir le \(FrenchFormat.shortDate(signature))."
            }
            Console.info(text)
            return
        }
        Console.info(FundingTable(cpts: cpts, funding: funding, content: content, onlyYear: year).text)
    }
}
