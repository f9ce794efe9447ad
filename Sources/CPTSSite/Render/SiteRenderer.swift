import Foundation
import CPTSContent
import CPTSDomain
import CPTSMarkdown

/// A page as rendered by an earlier build, with the fingerprint of what it was rendered from.
struct RenderedPage: Sendable {
    let key: Int
    let file: OutputFile
}

/// What `serve` keeps of a build to make the next one, each part under the key of what it was made from: the pages,
/// the data files, and each CPTS's site.json entry by slug (it depends on what the CPTS's page depends on).
struct RenderCache: Sendable {
    /// The pages of route table `generation` (`KeyedRoutes`), in its order.
    var pages: [RenderedPage] = []
    var generation = 0
    var exports: (key: Int, files: [OutputFile])?
    var siteJSON: [String: (key: Int, entry: [UInt8])] = [:]

    /// The pages of `routes`, of route table `generation`, that this cache holds under the same keys, in route
    /// order; nil for the routes whose inputs changed. The same table finds its pages by position, in one pass
    /// over integers; another one by path.
    func reused(_ routes: [Route], keys: [Int], generation: Int) -> [RenderedPage?] {
        if generation == self.generation, pages.count == routes.count {
            return pages.indices.map { pages[$0].key == keys[$0] ? pages[$0] : nil }
        }
        let byPath = Dictionary(pages.map { ($0.file.path, $0) }, uniquingKeysWith: { first, _ in first })
        return routes.indices.map { index in byPath[routes[index].path].flatMap { $0.key == keys[index] ? $0 : nil } }
    }
}

/// Turns the content and its figures into the files of the site: the pages of the route table, the theme's assets,
/// the static files and the data files.
struct SiteRenderer: Sendable {
    let content: SiteContent
    let figures: SiteFigures
    let theme: Theme
    let diagnostics: [Diagnostic]
    let geo: GeoShapes
    /// `build --pdf`: report pages link to their PDF.
    var pdfReports = false

    struct Output {
        /// The files of the site, or none when they went straight to a `StagedSite`.
        let files: [OutputFile]
        /// What the next build may reuse; empty when there is none (`previous` nil).
        let cache: RenderCache
        /// Paths of the pages rendered, the routes whose inputs changed.
        let rerendered: [String]
        let fileCount: Int
    }

    /// - Parameters:
    ///   - routes: the route table, with the pages' keys (`KeyedRoutes`, `serve` only) and its generation.
    ///   - previous: what the previous build made, or nil when none will be kept (one-off builds then skip
    ///     fingerprinting, which would hash every content file for nothing, and render every route).
    ///   - site: where to write each file as soon as it is made, keeping none in memory; nil to keep them.
    ///   - exportsKey: what the data files are made from (`ModelDigest` and the diagnostics), to reuse them.
    func render(_ routes: Routes, keys given: [Int]? = nil, generation: Int = 0, reusing previous: RenderCache?,
                into site: StagedSite? = nil, exportsKey: Int? = nil) async throws -> Output {
        let models = ViewModels(content: content, figures: figures, theme: theme, diagnostics: diagnostics,
                                markdown: MarkdownRenderer(options: .init(settings: content.settings)),
                                geo: geo, pdfReports: pdfReports).prepared()
        let misses = MissedKeys()
        let pages = routes.pages
        let keys = given ?? Array(repeating: 0, count: pages.count)
        var kept = given.flatMap { previous?.reused(pages, keys: $0, generation: generation) }
            ?? Array(repeating: nil, count: pages.count)
        let changed = kept.indices.filter { kept[$0] == nil }
        // The exports need no page: they are made while the pages render.
        async let exports = exports(routes: routes, keys: keys, reusing: previous, key: exportsKey, into: site)
        let fresh = try await render(changed.map { pages[$0] }, models: models, misses: misses, into: site)
        let missing = misses.diagnostics(in: theme)
        if !missing.isEmpty { throw ThemeError(diagnostics: missing, sources: theme.sources) }

        var (cache, published, exportCount) = try await exports
        let assets = theme.assets.map { OutputFile(path: $0.publishedPath, bytes: $0.bytes) }
        let rerendered = changed.map { pages[$0].path }
        if let site {
            for file in assets { try site.write(file) }
            for file in content.staticFiles { try site.write(try SiteRenderer.published(file)) }
            return Output(files: [], cache: cache, rerendered: rerendered,
                          fileCount: assets.count + content.staticFiles.count + pages.count + exportCount)
        }
        for (index, file) in zip(changed, fresh) { kept[index] = RenderedPage(key: keys[index], file: file) }
        cache.pages = kept.compactMap { $0 }
        cache.generation = generation

        let html = cache.pages.map(\.file)
        let statics = try content.staticFiles.map(SiteRenderer.published)
        let files = assets + statics + html + published
        return Output(files: files, cache: cache, rerendered: rerendered, fileCount: files.count)
    }

    /// A file of `static/`, read to be published at its path. The loader checked that it stays inside the content
    /// folder and its size; it is read by the path it resolved to then.
    static func published(_ file: StaticFile) throws -> OutputFile {
        guard let data = FileManager.default.contents(atPath: file.source), data.count <= file.size + 1024 * 1024 else {
            throw ThemeError(diagnostic: .error(.staticFileUnreadable(path: DisplayedPath.escaping(file.path)), at: file.location))
        }
        return OutputFile(path: file.path, bytes: [UInt8](data))
    }

    /// The site's data files (site.json, CSV, search index, feed, sitemap). With a `site`, each is streamed into
    /// it as it is made and none is returned. Otherwise (`serve`) they are returned, in a cache with the site.json
    /// entry of each CPTS, to be reused while `exportsKey` stays the same.
    func exports(routes: Routes, keys: [Int], reusing previous: RenderCache?, key exportsKey: Int? = nil,
                 into site: StagedSite? = nil) throws -> (cache: RenderCache, files: [OutputFile], count: Int)
    {
        // Made from the same model and diagnostics as last time: the same files.
        if let exportsKey, let previous, let stored = previous.exports, stored.key == exportsKey {
            return (RenderCache(exports: stored, siteJSON: previous.siteJSON), stored.files, stored.files.count)
        }
        let (kept, entry) = siteJSONEntries(routes: routes, keys: keys, reusing: previous)
        let url = SiteURL(baseURL: content.settings.baseURL)
        let exports = [
            Sitemap.export(routes: routes, url: url),
            Export(Sitemap.robots(url: url)),
            Export(AtomFeed.file(content: content, url: url)),
            SearchIndex.export(content: content, figures: figures),
            SiteJSON.export(content: content, figures: figures, diagnostics: diagnostics, entry: entry),
            SpreadsheetCSV.cptsExport(content: content, figures: figures),
            SpreadsheetCSV.indicatorsExport(content: content, figures: figures),
        ]
        if let site {
            for export in exports { try site.stream(export) }
            return (RenderCache(), [], exports.count)
        }
        let files = exports.map(\.file)
        return (RenderCache(exports: exportsKey.map { ($0, files) }, siteJSON: kept), files, files.count)
    }

    /// Each CPTS's site.json entry, as bytes. A one-off build writes each straight into site.json, keeping none
    /// (no `entry` then); otherwise they are made (or reused from `previous`) and kept under their page's key.
    func siteJSONEntries(routes: Routes, keys: [Int], reusing previous: RenderCache?)
        -> (kept: [String: (key: Int, entry: [UInt8])], entry: ((CPTS) -> [UInt8])?)
    {
        let (content, figures, diagnostics) = (self.content, self.figures, self.diagnostics)
        guard let previous else { return ([:], nil) }
        let pageKeys = Dictionary(zip(routes.pages.map(\.path), keys), uniquingKeysWith: { first, _ in first })
        var kept: [String: (key: Int, entry: [UInt8])] = [:]
        for cpts in content.cpts {
            let slug = cpts.slug.value
            let key = pageKeys[Routes.file(of: Routes.cpts(slug))] ?? 0
            if let reused = previous.siteJSON[slug], reused.key == key {
                kept[slug] = reused
            } else {
                kept[slug] = (key, SiteJSON.entry(for: cpts, figures: figures, content: content, diagnostics: diagnostics))
            }
        }
        return (kept, { kept[$0.slug.value]?.entry ?? Array("null".utf8) })
    }

    /// Pages are independent: they are rendered on every core, then put back in route order. With a `site`, each
    /// page is written as soon as it is rendered and none is kept. A few pages per core are in flight at a time: a
    /// task per page of a national site, all started at once, would hold 100 000 of them in memory.
    func render(_ routes: [Route], models: ViewModels, misses: MissedKeys, into site: StagedSite?) async throws -> [OutputFile] {
        let theme = self.theme
        let window = 8 * max(ProcessInfo.processInfo.activeProcessorCount, 1)
        return try await withThrowingTaskGroup(of: (Int, OutputFile?).self) { group in
            func start(_ index: Int) {
                let route = routes[index]
                group.addTask {
                    let file = OutputFile(path: route.path, bytes: try theme.renderBytes(route.template, route.viewModel(models).templateValue, misses: misses))
                    guard let site else { return (index, file) }
                    try site.write(file)
                    return (index, nil)
                }
            }
            var files = [OutputFile?](repeating: nil, count: routes.count)
            var next = 0
            while next < min(window, routes.count) { start(next); next += 1 }
            for try await (index, file) in group {
                files[index] = file
                if next < routes.count { start(next); next += 1 }
            }
            return files.compactMap { $0 }
        }
    }
}
