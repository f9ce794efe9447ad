import CPTSContent
import Foundation
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
    /// What `serve` keeps from one build to the next; nil for one-off builds, which keep nothing.
    private var memory: BuildMemory?
    /// How many times this session parsed a theme's templates (and checked them): once, then at each save of a
    /// theme file, in `serve`.
    private(set) var themesParsed = 0
    /// How many times this session made its route table (`KeyedRoutes`), and how many routes the last build keyed
    /// again on a table it kept: what `serve` does for every page, and for the pages of an edit.
    private(set) var routeTablesMade = 0
    private(set) var routesKeyedAgain = 0
    /// Where a one-off build keeps the rendered texts from the load to their pages (`TextSpill`), when it can.
    private var spill: TextSpill?

    public init(options: BuildOptions) {
        self.options = options
        memory = options.mode == .memory ? BuildMemory() : nil
    }

    /// The stages, in the order they run, as `--verbose` times them. Each one reports into `run`, and stops the
    /// build by throwing once its diagnostics are in the report.
    public func build() async -> BuildOutcome {
        var run = BuildRun()
        do {
            let loaded = try await load(&run)
            let model = try await validate(loaded, &run)
            if options.mode == .check { return run.finish(succeeded: true, content: model.content) }
            let figures = compute(model, &run)
            let site = try await render(model, figures, &run)
            try await print(site, &run)
            try write(site, &run)
            return run.finish(succeeded: true, site.output)
        } catch {
            return run.finish(succeeded: false)
        }
    }

    /// 1. Load: read content/ into the model, with every reading problem. Only `serve` reuses the parses of the
    /// files that did not change, and keeps every text, for the pages' keys; other builds keep only those
    /// diagnostics quote.
    private func load(_ run: inout BuildRun) async throws -> LoadedContent {
        // An output inside the content would be read back into the next build (`static/` publishes it whole).
        if options.mode == .build, options.outputIsInsideContent {
            throw run.stop(.error(.outputInsideContent(output: DisplayedPath.escaping(options.outputDirectory),
                                                       content: DisplayedPath.escaping(options.contentDirectory)),
                                  at: SourceLocation(file: options.outputDirectory, line: 1, column: 1)))
        }
        // A build renders each Markdown text here, from the parse that finds its warnings; `check` renders none.
        // A one-off build writes their HTML beside the output until their pages: it weighed a third of its memory.
        spill = options.mode == .build && memory == nil
            ? TextSpill(in: URL(fileURLWithPath: options.outputDirectory).standardizedFileURL.deletingLastPathComponent().path)
            : nil
        let (loaded, cache) = await ContentLoader.load(from: options.contentDirectory, reusing: memory?.parses,
                                                       keepingTexts: memory != nil,
                                                       rendering: options.mode == .check ? nil : Routes.bodyPlacements,
                                                       spillingTo: spill)
        memory?.parses = cache
        run.report.sources = loaded.sources
        run.report.diagnostics = loaded.diagnostics
        run.clock.lap("load")
        guard let content = loaded.content else { throw BuildRun.Stopped() }
        options.contentLoaded?(content.cpts.count)
        return loaded
    }

    /// 2. Validate: the ACI and consistency rules. In `serve`, a save that changed only projets de santé texts
    /// keeps the rules' verdict (and the figures) of the build before.
    private func validate(_ loaded: LoadedContent, _ run: inout BuildRun) async throws -> SiteModel {
        guard var content = loaded.content else { throw BuildRun.Stopped() }
        if let baseURL = options.baseURL { content.settings.baseURL = baseURL }
        // Each changed text hashed once, for the model digest and the pages' keys; one-off builds key nothing.
        let digest = memory?.digest.update(content, sources: loaded.sources)
        let hashes = memory?.digest.hashes ?? [:]
        memory?.frontMatters.update(content, sources: loaded.sources, textHashes: hashes)
        let kept = memory?.model.flatMap { $0.digest == digest ? $0 : nil }
        let rules: [Diagnostic]
        if let kept { rules = kept.rules } else { rules = await ContentRules.validateConcurrently(content) }
        // The theme is looked for at each build: its folder may appear while the content stays the same.
        let checked = rules + Theme.existenceDiagnostics(content.settings, themesDirectory: options.themesDirectory)
        run.report.diagnostics += checked
        if memory == nil {
            // The load kept only the texts of the files it found problems in: the rules may point into others.
            let unread = Set(checked.map(\.location.file)).subtracting(run.report.sources.keys)
            run.report.sources.merge(ContentLoader.texts(of: unread, in: options.contentDirectory)) { kept, _ in kept }
        }
        run.clock.lap("validate")
        if run.report.diagnostics.hasErrors { throw BuildRun.Stopped() }
        return SiteModel(content: content, geo: loaded.geo, sourceHashes: hashes, frontMatters: memory?.frontMatters.hashes ?? [:],
                         digest: digest, rules: rules,
                         keptFigures: kept?.figures)
    }

    /// 3. Compute: funding and coverage figures.
    private func compute(_ model: SiteModel, _ run: inout BuildRun) -> SiteFigures {
        let figures = model.keptFigures ?? SiteFigures(content: model.content)
        if let digest = model.digest {
            memory?.model = (digest, model.rules, figures)
            // Hashed once per computation of the figures, for the keys of the pages that show them.
            if memory?.figureDigests?.digest != digest || model.keptFigures == nil {
                memory?.figureDigests = (digest, FigureDigests(figures))
            }
        }
        run.clock.lap("compute")
        return figures
    }

    /// 4. Render: the routes' pages, the feeds and the exports. `serve` keeps them in memory and renders only the
    /// routes whose inputs changed; `build` writes each file into the staging folder as soon as it is made, so
    /// that the render and write stages overlap and no site, however large, has to fit in memory.
    private func render(_ model: SiteModel, _ figures: SiteFigures, _ run: inout BuildRun) async throws -> RenderedSite {
        let staged: StagedSite?
        do {
            staged = memory != nil ? nil : try StagedSite(output: options.outputDirectory)
        } catch {
            throw run.stop(writeFailed(error))
        }
        let diagnostics = run.report.diagnostics
        do {
            let theme = try loadTheme(named: model.content.settings.theme.value)
            let (routes, keys, generation) = keyedRoutes(model, figures, diagnostics, theme: theme)
            let output = try await SiteRenderer(content: model.content, figures: figures, theme: theme, diagnostics: diagnostics,
                                                geo: model.geo, pdfReports: options.pdfReports)
                .render(routes, keys: keys, generation: generation, reusing: memory?.rendered, into: staged,
                        exportsKey: model.digest.map { [$0, diagnostics.hashValue].hashValue })
            memory?.rendered = output.cache
            // A text that could not be read back left its page wrong: the site is not swapped in.
            if let code = spill?.readFailure { throw AtomicWriter.WriteError(.write, options.outputDirectory, code: code) }
            spill = nil
            run.clock.lap("render")
            return RenderedSite(routes: routes, output: output, staged: staged)
        } catch {
            staged?.abandon()
            throw run.stop(renderFailed(error))
        }
    }

    /// The route table, and in `serve` the pages' keys (`KeyedRoutes`): the table of the save before when it still
    /// stands, with the routes that read a changed text keyed again; a one-off build makes the table and keys nothing.
    private func keyedRoutes(_ model: SiteModel, _ figures: SiteFigures, _ diagnostics: [Diagnostic], theme: Theme)
        -> (routes: Routes, keys: [Int]?, generation: Int)
    {
        let content = model.content
        guard memory != nil, let digest = model.digest else {
            return (Routes(content: content, figures: figures, diagnostics: diagnostics), nil, 0)
        }
        let changed = memory?.digest.takeChanged() ?? []
        let site = InputDigests.siteDigest(shared: sharedFiles(model, digest: digest), content: content, theme: theme,
                                           geo: geoDigest(model.geo))
        let digests = InputDigests(sourceHashes: model.sourceHashes, frontMatters: model.frontMatters,
                                   figures: memory?.figureDigests?.digests ?? FigureDigests(figures), diagnostics: diagnostics,
                                   site: site)
        // Taken out of the memory, so that its keys are changed in place rather than copied.
        let kept = memory?.routes
        memory?.routes = nil
        if var table = kept, table.stands(for: content, digest: digest, diagnostics: diagnostics, site: site) {
            routesKeyedAgain = table.rekey(changed, content: content, digests: digests)
            memory?.routes = table
            return (table.routes, table.keys, table.generation)
        }
        let table = KeyedRoutes(content: content, figures: figures, diagnostics: diagnostics, digest: digest, digests: digests,
                                generation: (kept?.generation ?? 0) + 1)
        routeTablesMade += 1
        routesKeyedAgain = table.keys.count
        memory?.routes = table
        return (table.routes, table.keys, table.generation)
    }

    /// The site-wide content files hashed, once per model digest and number of items (a file that failed to parse
    /// is no item), in `serve`.
    private func sharedFiles(_ model: SiteModel, digest: Int) -> Int {
        let content = model.content
        let key = [digest, content.cpts.count, content.reports.count, content.indicators.count,
                   content.territoryDiagnostics.count, content.pages.count].hashValue
        if let kept = memory?.sharedFiles, kept.digest == key { return kept.value }
        let shared = InputDigests.sharedFiles(sourceHashes: model.sourceHashes, content: content)
        memory?.sharedFiles = (key, shared)
        return shared
    }

    /// The shapes hashed, once per shapes read (`serve` only).
    private func geoDigest(_ geo: GeoShapes) -> Int {
        if let kept = memory?.geo, kept.departments == geo.departments, kept.communes == geo.communes { return kept.digest }
        let digest = InputDigests.geoDigest(geo)
        memory?.geo = (geo.departments, geo.communes, digest)
        return digest
    }

    /// The theme, its templates checked against the pages' models. `serve` reads its files at every build (a
    /// template may have been saved) but parses and checks them again only when they changed.
    private func loadTheme(named name: String) throws -> Theme {
        let sources = try Theme.read(named: name, from: options.themesDirectory)
        if let kept = memory?.theme, kept.sources == sources { return kept.theme }
        let theme = try Theme.make(sources)
        themesParsed += 1
        // Every branch of every page template read against its page's typed model, before any page is made.
        try theme.checkSchemas(Routes.schemas())
        memory?.theme = (sources, theme)
        return theme
    }

    /// 5. Print: with `--pdf`, each activity report to PDF beside its page, from the staged site, so that the
    /// PDFs are swapped in with it, or the build fails and nothing changes.
    private func print(_ site: RenderedSite, _ run: inout BuildRun) async throws {
        guard options.pdfReports, let staged = site.staged else { return }
        let reports = site.routes.pages.compactMap { route in route.pdf.map { (page: route.path, pdf: $0) } }
        do {
            let pdfs = try await ReportPrinter.print(pages: reports.map(\.page), in: staged.staging.url.path)
            for (report, pdf) in zip(reports, pdfs) {
                try staged.write(OutputFile(path: report.pdf, bytes: pdf))
            }
        } catch let failure as ReportPrinter.PageFailure {
            staged.abandon()
            throw run.stop(.error(.pdfFailed(page: failure.page, reason: failure.failure.reason), at: reportSource(of: failure.page)))
        } catch {
            staged.abandon()
            throw run.stop(writeFailed(error))
        }
        run.clock.lap("print")
    }

    /// 6. Write: what is left of it — stale files out, then the staging folder swapped in, only when complete.
    private func write(_ site: RenderedSite, _ run: inout BuildRun) throws {
        guard let staged = site.staged else { return }
        do {
            try staged.commit()
            run.report.filesWritten = site.output.fileCount
            run.report.writtenThrough = staged.linkTarget
            run.report.stagingFolderCreated = staged.createdStagingFolder
        } catch {
            staged.abandon()
            throw run.stop(writeFailed(error))
        }
        run.clock.lap("write")
    }

    /// Why rendering failed: the theme's own diagnostics, a file that could not be written, or anything else.
    private func renderFailed(_ error: Error) -> (diagnostics: [Diagnostic], sources: [String: String]) {
        switch error {
        case let error as ThemeError: (error.diagnostics, error.sources)
        case let error as AtomicWriter.WriteError: ([writeFailed(error)], [:])
        default:
            ([.error(.renderFailed(reason: "\(error)"), at: SourceLocation(file: options.themesDirectory, line: 1, column: 1))], [:])
        }
    }

    /// The report file a report page is made from (`cpts/<slug>/rapport-annee-<n>/index.html` →
    /// `reports/<slug>/<n>.md`), as a whole file: printing it failed, not one of its lines.
    private func reportSource(of page: String) -> SourceLocation {
        let parts = page.split(separator: "/")
        guard parts.count >= 3, let year = parts[2].split(separator: "-").last else {
            return SourceLocation(folder: options.contentDirectory + "/reports")
        }
        return SourceLocation(folder: "\(options.contentDirectory)/reports/\(parts[1])/\(year).md")
    }

    /// A path below the working directory, as the user sees it: relative.
    static func shown(_ path: String) -> String {
        let here = FileManager.default.currentDirectoryPath
        let prefix = here.hasSuffix("/") ? here : here + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// At the output folder itself, with no line: nothing in it is at fault.
    private func writeFailed(_ error: Error) -> Diagnostic { Self.writeFailed(error, output: options.outputDirectory) }

    /// A write error, or a refusal to replace the output folder, as a diagnostic at `output`.
    static func writeFailed(_ error: Error, output outputDirectory: String) -> Diagnostic {
        let folder = SourceLocation(folder: outputDirectory)
        if let failure = error as? AtomicWriter.WriteError {
            return .error(.writeFailed(step: failure.action, path: DisplayedPath.escaping(Self.shown(failure.path)),
                                       reason: SystemReason(errno: failure.code)), at: folder)
        }
        guard let refusal = error as? AtomicWriter.OutputRefusal else {
            return .error(.writeFailed(step: .write, path: DisplayedPath.escaping(outputDirectory),
                                       reason: SystemReason(errno: AtomicWriter.posixCode(of: error))), at: folder)
        }
        let shown = DisplayedPath.escaping(outputDirectory)
        return switch refusal {
        case .notGenerated: .error(.outputNotGenerated(folder: shown), at: folder)
        case .notAFolder: .error(.outputNotAFolder(folder: shown), at: folder)
        case .danglingLink(let target): .error(.outputLinkDangling(folder: shown, target: DisplayedPath.escaping(target)), at: folder)
        case .stagingImpossible(let staging, let code):
            .error(.outputStagingImpossible(folder: shown, staging: DisplayedPath.escaping(staging), reason: SystemReason(errno: code)),
                   at: folder)
        }
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
