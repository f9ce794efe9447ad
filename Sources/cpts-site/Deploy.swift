import ArgumentParser
import CPTSContent
import CPTSDomain
import CPTSSite
import Foundation

/// `cpts-site deploy`: publishes the site with rsync, only when the content is clean. `check --strict` must pass
/// (no error, no warning), then the site is built and its links checked, then rsync copies it.
///
/// rsync `--delay-updates` puts every new file in place at the end of the transfer, so that visitors never see a
/// half-updated site; `--delete-after` then removes stale files. `--checksum` sends only the files whose content
/// changed, and without `--times` an unchanged file is not even touched: every build rewrites `public/`, so its
/// files' dates say nothing, and deploying the same site twice changes nothing.
struct Deploy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Publie le site dans un dossier ou sur un serveur (rsync), seulement si le contenu est sans erreur ni avertissement.",
        discussion: """
            Vérifie le contenu comme «\u{202F}check --strict\u{202F}», construit le site, vérifie ses liens, puis le copie avec \
            rsync\u{202F}: seuls les fichiers modifiés sont envoyés, tous mis en place ensemble à la fin, puis les fichiers \
            périmés sont supprimés. Chaque changement est affiché. Vers un serveur, rsync passe par ssh.
            """)

    @OptionGroup var options: ContentOptions

    @Argument(help: ArgumentHelp("Où publier\u{202F}: un dossier (/var/www/cpts/) ou un serveur (utilisateur@hôte:/var/www/cpts/).",
                                 valueName: "destination"))
    var destination: String

    @Option(help: ArgumentHelp("Le dossier où le site est construit avant d’être publié.", valueName: "dossier"))
    var output = "public"

    @Flag(name: .customLong("dry-run"), help: "Affiche ce qui changerait, sans rien changer.")
    var dryRun = false

    func validate() throws {
        guard !destination.isEmpty else {
            throw ValidationError("la destination est vide\u{202F}: nommez un dossier ou un serveur, par exemple «\u{202F}cpts-site deploy /var/www/cpts/\u{202F}»")
        }
    }

    func run() async throws {
        let language = options.language
        // A local destination is read from where the command was typed, before moving into the site's folder.
        let target = RsyncTarget(destination, workingDirectory: FileManager.default.currentDirectoryPath)
        options.enterSiteFolder()
        guard let rsync = Rsync.executable() else {
            Console.error(.rsyncMissing, in: language)
            throw ExitCode(1)
        }
        let content = try await checkStrictly()
        try await buildAndCheckLinks(baseURL: content.settings.baseURL)
        Console.info(dryRun ? .deployDryRun(destination: destination) : .deploying(destination: destination), in: language)
        let result = Rsync.run(rsync, from: output, to: target.argument, dryRun: dryRun) { change in
            Console.info(change.text(in: language))
        }
        guard result.status == 0 else {
            Console.printDetail(result.errors, from: "rsync", in: language)
            Console.error(.deployFailed(destination: destination, reason: Rsync.reason(status: result.status, remote: target.isRemote)),
                          in: language)
            throw ExitCode(1)
        }
        Console.info(result.changes == 0 ? .upToDate(destination: destination)
                                         : .changes(count: result.changes, dryRun: dryRun), in: language)
    }

    /// `check --strict`: any error or warning refuses the deploy, before `public/` is touched.
    private func checkStrictly() async throws -> SiteContent {
        Console.info(.deployChecking(folder: options.contentPath), in: options.language)
        let checked = await SiteSession(options: BuildOptions(contentDirectory: options.contentPath, themesDirectory: options.themes,
                                                              mode: .check)).build()
        Console.printDiagnostics(checked.report, in: options.language)
        guard let content = checked.content, checked.report.diagnostics.isEmpty else {
            Console.error(.deployRefusedContent, in: options.language)
            throw ExitCode(1)
        }
        return content
    }

    private func buildAndCheckLinks(baseURL: String) async throws {
        Console.info(.deployBuilding(output: DisplayedPath.escaping(output)), in: options.language)
        let report = await SiteBuilder.build(
            BuildOptions(contentDirectory: options.contentPath, outputDirectory: output, themesDirectory: options.themes))
        Console.printDiagnostics(report, in: options.language)
        guard report.succeeded else {
            Console.error(.buildFailed(output: DisplayedPath.escaping(output)), in: options.language)
            throw ExitCode(1)
        }
        Console.printWriteNotices(report, output: output, in: options.language)
        let checker = LinkChecker(outputDirectory: output, displayPath: ContentOptions.relativeToWorkingDirectory(output),
                                  basePath: LinkChecker.basePath(fromBaseURL: baseURL))
        let links = checker.check()
        Console.info(.linksChecked(links: links.linksChecked, pages: links.pagesChecked, folder: checker.displayPath,
                                   broken: links.diagnostics.count), in: options.language)
        Console.printDiagnostics(links.diagnostics, sources: links.sources, in: options.language)
        guard links.diagnostics.isEmpty else {
            Console.error(.deployRefusedLinks, in: options.language)
            throw ExitCode(1)
        }
    }
}
