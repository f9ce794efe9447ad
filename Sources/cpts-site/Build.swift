import CPTSDomain
import ArgumentParser
import CPTSSite
import CPTSContent

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lit, vérifie, calcule, met en page et écrit le site.")

    @OptionGroup var options: ContentOptions

    @Option(help: ArgumentHelp("Où écrire le site. Il n’est remplacé que si la construction réussit.", valueName: "dossier"))
    var output = "public"

    @Flag(help: "Affiche la durée de chaque étape de la construction.")
    var verbose = false

    @Flag(help: "Imprime aussi chaque rapport d’activité en PDF, rapport-annee-<n>.pdf à côté de sa page (Chromium requis).")
    var pdf = false

    func run() async throws {
        options.enterSiteFolder()
        if pdf, ReportPrinter.chromium() == nil {
            Console.error("--pdf\u{202F}: Chromium est introuvable\u{202F}; installez le paquet Debian «\u{A0}chromium\u{A0}» ou indiquez son chemin dans CPTS_CHROMIUM")
            throw ExitCode(1)
        }
        if NationalLoader.isNational(root: options.contentPath) { return try buildNational() }
        var build = BuildOptions(contentDirectory: options.contentPath, outputDirectory: output,
                                 themesDirectory: options.themes, pdfReports: pdf)
        build.contentLoaded = Allocator.fit(cptsCount:)
        let report = await SiteBuilder.build(build)
        Console.printDiagnostics(report, in: options.language)
        if verbose { Console.printTimings(report) }
        guard report.succeeded else {
            Console.error(.buildFailed(output: DisplayedPath.escaping(output)), in: options.language)
            throw ExitCode(1)
        }
        Console.info(.built(files: report.filesWritten, output: DisplayedPath.escaping(output)), in: options.language)
        Console.printWriteNotices(report, output: output, in: options.language)
    }

    /// A national content folder: checked as `check` does, then its pages and data files written (`NationalSite`:
    /// the dashboard, a page per region, `data/site.json` and `data/regions.csv`).
    func buildNational() throws {
        var (content, diagnostics, sources) = NationalLoader.load(from: options.contentPath)
        var all = diagnostics + (content.map(NationalRules.validate) ?? [])
        var files = 0
        if let content, !all.hasErrors {
            let written = NationalSite.write(content, to: output, themesDirectory: BuildOptions(
                contentDirectory: options.contentPath, outputDirectory: output, themesDirectory: options.themes).themesDirectory,
                contentRoot: options.contentPath)
            all += written.diagnostics
            sources.merge(written.sources) { first, _ in first }
            files = written.files
        }
        Console.printDiagnostics(all, sources: sources, in: options.language)
        guard let content, !all.hasErrors else {
            Console.error(.buildFailed(output: DisplayedPath.escaping(output)), in: options.language)
            throw ExitCode(1)
        }
        Console.info(.nationalDataWritten(regions: content.regions.count, cpts: content.regions.map(\.cpts.count).reduce(0, +),
                                          files: files, output: DisplayedPath.escaping(output)), in: options.language)
    }
}
