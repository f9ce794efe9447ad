import CPTSContent
import CPTSDomain

/// A build under way: the report its stages fill in, and the clock that times them for `--verbose`.
struct BuildRun {
    /// Thrown by a stage that stops the build, once it has put its diagnostics in the report.
    struct Stopped: Error {}

    var report = BuildReport()
    var clock = StageClock()

    /// Records why the build stops, to be thrown.
    mutating func stop(_ diagnostic: Diagnostic) -> Stopped {
        stop(([diagnostic], [:]))
    }

    /// Records why the build stops, with the texts the diagnostics quote, to be thrown.
    mutating func stop(_ failure: (diagnostics: [Diagnostic], sources: [String: String])) -> Stopped {
        report.diagnostics += failure.diagnostics
        report.sources.merge(failure.sources) { content, _ in content }
        return Stopped()
    }

    /// The outcome: the report with its timings and its diagnostics in order, and what was rendered, if anything.
    func finish(succeeded: Bool, _ output: SiteRenderer.Output? = nil, content: SiteContent? = nil) -> BuildOutcome {
        var report = report
        report.timings = clock.timings
        report.diagnostics = report.diagnostics.sortedForReport()
        report.succeeded = succeeded
        return BuildOutcome(report: report, files: output?.files ?? [], rerendered: output?.rerendered ?? [],
                            content: content)
    }
}

/// What `serve`'s session keeps from one build to the next, so that a save redoes only what it changed.
struct BuildMemory: Sendable {
    /// The parses of the content files, by file stamp.
    var parses = ParseCache()
    /// Each content text's hash and its part of the model digest.
    var digest = ModelDigest()
    /// What the rules and the figures gave for a model digest: reused while it does not change.
    var model: (digest: Int, rules: [Diagnostic], figures: SiteFigures)?
    /// The figures' values hashed, for the same model digest as `model`.
    var figureDigests: (digest: Int, digests: FigureDigests)?
    /// Each CPTS file's front matter hashed, for the pages' keys.
    var frontMatters = FrontMatterHashes()
    /// The theme as last loaded, with the files it was made from: reused while they stay the same.
    var theme: (sources: Theme.Sources, theme: Theme)?
    /// The pages, the data files and the site.json entries, each under the key of what it was made from.
    var rendered = RenderCache()
    /// The route table and its pages' keys, kept while the model, the diagnostics and the site-wide inputs stay the
    /// same.
    var routes: KeyedRoutes?
    /// The site-wide content files hashed (`InputDigests.sharedFiles`), under the model digest and the number of
    /// items.
    var sharedFiles: (digest: Int, value: Int)?
    /// The shapes hashed (`InputDigests.geoDigest`), with the shapes: the load reuses them while their files stay
    /// the same, and arrays of the same storage compare at once.
    var geo: (departments: [GeoFeature], communes: [GeoFeature], digest: Int)?
}

/// The content as validated, with what the next stages need to know of it.
struct SiteModel {
    let content: SiteContent
    let geo: GeoShapes
    /// Each content text's hash by path (`serve` only), for the pages' keys.
    let sourceHashes: [String: Int]
    /// Each CPTS file's front matter hashed, by path (`serve` only), for the pages' keys.
    let frontMatters: [String: Int]
    /// `ModelDigest` of the content (`serve` only).
    let digest: Int?
    /// The rules' diagnostics.
    let rules: [Diagnostic]
    /// The figures of the build before, when the model did not change since.
    let keptFigures: SiteFigures?
}

/// The site as rendered: its routes, its files (or their count, when written), and the staging folder they are in
/// (`build`).
struct RenderedSite {
    let routes: Routes
    let output: SiteRenderer.Output
    let staged: StagedSite?
}
