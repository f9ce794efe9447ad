import CPTSContent
import CPTSDomain

/// The whole build, one direction: load → validate → compute → render → write.
public enum SiteBuilder {
    /// One build from scratch.
    public static func build(_ options: BuildOptions) async -> BuildReport {
        await SiteSession(options: options).build().report
    }
}

/// A build that remembers what it parsed and rendered, so that the next build redoes only what changed:
/// `build` runs one, `serve` keeps one per site and runs it on every save.
public actor SiteSession {
    public let options: BuildOptions
    private var parseCache = ParseCache()
    private var pageCache: [String: RenderedPage] = [:]
    /// What the rules and the figures gave for a model digest (`serve` only): reused while it does not change.
    private var lastModel: (digest: Int, rules: [Diagnostic], figures: SiteFigures)?

    public init(options: BuildOptions) {
        self.options = options
    }

    /// The stages, in the order they run.
    public func build() async -> BuildOutcome {
        var report = BuildReport()
        var clock = StageClock()

        // 1. Load: read content/ into the model, with every reading problem.
        // Only `serve` builds again: other builds keep no cache, and skip the file stamps that feed it.
        // `serve` keeps every text, for the pages' keys; other builds keep only those diagnostics quote.
        let (loaded, cache) = await ContentLoader.load(from: options.contentDirectory,
                                                       reusing: options.mode == .memory ? parseCache : nil,
                                                       keepingTexts: options.mode == .memory)
        parseCache = cache
        report.sources = loaded.sources
        report.diagnostics = loaded.diagnostics
        clock.lap("load")
        guard var content = loaded.content else { return finish(report, clock) }
        if let baseURL = options.baseURL { content.settings.baseURL = baseURL }

        // In `serve`, a save that changed only projets de santé texts keeps the rules' verdict and the figures.
        // Each text hashed once, for the model digest and the pages' keys; one-off builds key nothing.
        let sourceHashes = options.mode == .memory ? loaded.sources.mapValues(\.hashValue) : [:]
        let digest = options.mode == .memory ? ModelDigest.of(content, sources: loaded.sources, hashes: sourceHashes) : nil
        let unchanged = digest != nil && lastModel?.digest == digest

        // 2. Validate: the ACI and consistency rules.
        let rules = unchanged ? lastModel!.rules : await ContentRules.validateConcurrently(content)
        // The theme is looked for at each build: its folder may appear while the content stays the same.
        let checked = rules + Theme.existenceDiagnostics(content.settings, themesDirectory: options.themesDirectory)
        report.diagnostics += checked
        if options.mode != .memory {
            // The load kept only the texts of the files it found problems in: the rules may point into others.
            let unread = Set(checked.map(\.location.file)).subtracting(report.sources.keys)
            report.sources.merge(ContentLoader.texts(of: unread, in: options.contentDirectory)) { kept, _ in kept }
        }
        clock.lap("validate")
        if report.diagnostics.hasErrors { return finish(report, clock) }
        if options.mode == .check { return finish(report, clock, succeeded: true, content: content) }

        // 3. Compute: funding and coverage figures.
        let figures = unchanged ? lastModel!.figures : SiteFigures(content: content)
        if let digest { lastModel = (digest, rules, figures) }
        clock.lap("compute")

        // 4. Render: pages, feeds and exports. `serve` keeps them in memory (unchanged pages come from the previous
        // build); `build` writes each one into the staging folder as soon as it is made, so that the render and
        // write stages overlap and no site, however large, has to fit in memory.
        let staged: StagedSite?
        do {
            staged = options.mode == .memory ? nil : try StagedSite(output: options.outputDirectory)
        } catch {
            return finish(writeFailed(error, report), clock)
        }
        let rendered: SiteRenderer.Output
        do {
            let theme = try Theme.load(named: content.settings.theme.value, from: options.themesDirectory)
            rendered = try await SiteRenderer(content: content, figures: figures, theme: theme,
                                              diagnostics: report.diagnostics, geo: loaded.geo,
                                              sourceHashes: sourceHashes, pdfReports: options.pdfReports)
                .render(reusing: options.mode == .memory ? pageCache : nil, into: staged,
                        exportsKey: digest.map { [$0, report.diagnostics.hashValue].hashValue })
        } catch let error as ThemeError {
            staged?.abandon()
            report.diagnostics += error.diagnostics
            report.sources.merge(error.sources) { content, _ in content }
            return finish(report, clock)
        } catch let error as AtomicWriter.WriteError {
            staged?.abandon()
            return finish(writeFailed(error, report), clock)
        } catch {
            staged?.abandon()
            report.diagnostics.append(.error(.renderFailed(reason: "\(error)"), at: SourceLocation(file: options.themesDirectory, line: 1, column: 1)))
            return finish(report, clock)
        }
        pageCache = rendered.pages
        clock.lap("render")
        guard let staged else {
            return finish(report, clock, succeeded: true, files: rendered.files, rerendered: rendered.rerendered)
        }

        // 5. Print: with `--pdf`, each activity report to PDF beside its page, from the staged site, so that the
        // PDFs are swapped in with it, or the build fails and nothing changes.
        if options.pdfReports {
            do {
                for page in SiteRenderer.reportPages(of: content) {
                    let pdf = try ReportPrinter.print(page: staged.staging.url.path + "/" + page.folder + "index.html")
                    try staged.write(OutputFile(path: page.folder + ViewModels.reportPDFName(year: page.year), bytes: pdf))
                }
            } catch {
                staged.abandon()
                report.diagnostics.append(.error(.pdfFailed(reason: "\(error)"),
                                                 at: SourceLocation(file: options.contentDirectory + "/reports", line: 1, column: 1)))
                return finish(report, clock)
            }
            clock.lap("print")
        }

        // 6. Write: what is left of it — stale files out, then the staging folder swapped in, only when complete.
        do {
            try staged.commit()
            report.filesWritten = rendered.fileCount
        } catch {
            staged.abandon()
            return finish(writeFailed(error, report), clock)
        }
        clock.lap("write")
        return finish(report, clock, succeeded: true, files: rendered.files, rerendered: rendered.rerendered)
    }

    private func writeFailed(_ error: Error, _ report: BuildReport) -> BuildReport {
        var report = report
        report.diagnostics.append(.error(.writeFailed(reason: "\(error)"), at: SourceLocation(file: options.outputDirectory, line: 1, column: 1)))
        return report
    }

    private func finish(_ report: BuildReport, _ clock: StageClock, succeeded: Bool = false,
                        files: [OutputFile] = [], rerendered: [String] = [], content: SiteContent? = nil) -> BuildOutcome {
        var report = report
        report.timings = clock.timings
        report.diagnostics = report.diagnostics.sortedForReport()
        report.succeeded = succeeded
        return BuildOutcome(report: report, files: files, rerendered: rerendered, content: content)
    }
}

/// A build's report, its files (when rendered) and the pages it had to render anew.
public struct BuildOutcome: Sendable {
    public let report: BuildReport
    public let files: [OutputFile]
    /// Paths of the pages rendered by this build; the others were unchanged and reused.
    public let rerendered: [String]
    /// The validated content, when a check found no error (`cpts-site report` computes from it).
    public var content: SiteContent? = nil
}
