import ArgumentParser
import CPTSContent
import CPTSDomain
import CPTSSite
import Foundation

/// `cpts-site pdf <slug> --year N`: the activity report of a CPTS for one contract year, as a PDF printed by
/// headless Chromium from the page the site publishes.
struct PDF: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf",
        abstract: "Imprime en PDF le rapport d’activité d’une CPTS pour une année de contrat (Chromium requis).")

    @OptionGroup var options: ContentOptions

    @Argument(help: "Le nom court de la CPTS (son nom de fichier dans content/cpts/, sans .md).")
    var slug: String

    @Option(help: ArgumentHelp("L’année de contrat du rapport (1 à 5)\u{202F}: content/reports/<slug>/<année>.md.", valueName: "année"))
    var year: Int

    @Option(name: .shortAndLong, help: ArgumentHelp("Le PDF à écrire (par défaut rapport-<slug>-annee-<année>.pdf).", valueName: "fichier"))
    var output: String?

    /// The slug first, as `new cpts` checks it: it names folders of the built site (`pdf ../../../x` printed any
    /// `x/rapport-annee-1/index.html` found there).
    func validate() throws {
        try SlugArgument.validate(slug)
        if !(1...FundingCalculator.contractYears).contains(year) {
            throw ValidationError("--year doit être compris entre 1 et \(FundingCalculator.contractYears)")
        }
    }

    func run() async throws {
        options.enterSiteFolder()
        guard ReportPrinter.chromium() != nil else {
            Console.error("Chromium est introuvable\u{202F}: installez le paquet Debian «\u{A0}chromium\u{A0}» (apt-get install chromium) "
                + "ou indiquez son chemin dans la variable CPTS_CHROMIUM, puis relancez la commande.")
            throw ExitCode(1)
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cpts-site-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let site = scratch.appendingPathComponent("site").path
        let report = await SiteBuilder.build(
            BuildOptions(contentDirectory: options.contentPath, outputDirectory: site, themesDirectory: options.themes))
        Console.printDiagnostics(report, in: options.language)
        guard report.succeeded else {
            Console.error("le site ne se construit pas\u{202F}: corrigez les erreurs ci-dessus")
            throw ExitCode(1)
        }
        let page = Routes.reportFile(slug: slug, year: year)
        guard FileManager.default.fileExists(atPath: site + "/" + page) else {
            await explainMissingReport()
            throw ExitCode(1)
        }
        let destination = output ?? "rapport-\(slug)-annee-\(year).pdf"
        let pdf: [UInt8]
        do {
            pdf = try await ReportPrinter.print(pages: [page], in: site).first ?? []
        } catch {
            let reason = (error as? ReportPrinter.PageFailure)?.failure.reason ?? SystemReason(error: error)
            Console.error("l’impression du rapport a échoué\u{202F}: \(reason.fr)")
            throw ExitCode(1)
        }
        do {
            try Data(pdf).write(to: URL(fileURLWithPath: destination))
        } catch {
            Console.error("le PDF «\u{202F}\(destination)\u{202F}» n’a pas pu être écrit\u{202F}: \(SystemReason(error: error).fr)")
            throw ExitCode(1)
        }
        Console.info("rapport écrit dans \(destination)")
    }

    /// Why the built site has no report page: no such CPTS, a CPTS without a contract signed by the site's date
    /// (it has no contract year, so a report file would be refused), or no report file for the year.
    func explainMissingReport() async {
        let content = await ContentLoader.load(from: options.contentPath).content
        if let content {
            guard let cpts = content.cpts.first(where: { $0.slug.value == slug }) else {
                Console.error(.noSuchCPTS(slug: slug, folder: options.contentPath,
                                          suggestion: Suggestion.nearest(to: slug, in: content.cpts.map(\.slug.value))), in: options.language)
                return
            }
            let asOf = content.settings.asOf
            guard cpts.isSigned(by: asOf) else {
                let why = cpts.signature.map { "signature prévue le \(FrenchFormat.shortDate($0))" }
                    ?? "pas de date de signature dans \(options.contentPath)/cpts/\(slug).md"
                Console.error("\(cpts.name) n’a pas de contrat ACI signé au \(FrenchFormat.shortDate(asOf)) (\(why))\u{202F}: "
                    + "elle n’a donc pas d’année de contrat, ni de rapport d’activité à imprimer")
                return
            }
        }
        Console.error("pas de rapport d’activité publié pour la CPTS «\u{A0}\(slug)\u{A0}», année \(year) du contrat\u{202F}: "
            + "écrivez-le dans \(options.contentPath)/reports/\(slug)/\(year).md")
    }
}
