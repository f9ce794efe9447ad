import CPTSContent
import CPTSDomain

/// The digest of each page's input (`PageInput`), `serve`'s key for the page: when it is unchanged, so is the page.
/// Keys live only in memory, for the rebuilds of one process, so `Hasher`'s per-process seed is fine.
///
/// Content items are hashed by their file's text (each parsed value is a pure function of its file's text), a CPTS
/// read for its front matter by the text before its body; figures by their values; captured values by their
/// digest. Nothing is hashed for a page that its `PageInput` does not list, and the page is made from that list.
struct InputDigests {
    /// One hash per content file (`ModelDigest`), and the hash of each CPTS file's front matter.
    let sourceHashes: [String: Int]
    let frontMatters: [String: Int]
    let diagnosticsByFile: [String: [Diagnostic]]
    /// Every diagnostic, for the validation page.
    let allDiagnostics: Int
    /// The figures of each CPTS, by slug, and the region's (`FigureDigests`).
    let figures: FigureDigests
    /// Site-wide inputs every page depends on: site.yaml, region.yaml, schedules, communes, the theme, the shapes,
    /// the static files' paths, and the menu of free pages (in every page's navigation).
    let site: Int

    init(sourceHashes: [String: Int], frontMatters: [String: Int], figures: FigureDigests, diagnostics: [Diagnostic],
         content: SiteContent, theme: Theme, geo: GeoShapes) {
        let site = Self.siteDigest(shared: Self.sharedFiles(sourceHashes: sourceHashes, content: content), content: content,
                                   theme: theme, geo: Self.geoDigest(geo))
        self.init(sourceHashes: sourceHashes, frontMatters: frontMatters, figures: figures, diagnostics: diagnostics, site: site)
    }

    /// With the site-wide digest already made (`siteDigest(shared:content:theme:geo:)`).
    init(sourceHashes: [String: Int], frontMatters: [String: Int], figures: FigureDigests, diagnostics: [Diagnostic], site: Int) {
        self.sourceHashes = sourceHashes
        self.frontMatters = frontMatters
        self.figures = figures
        diagnosticsByFile = Dictionary(grouping: diagnostics, by: \.location.file)
        allDiagnostics = diagnostics.hashValue
        self.site = site
    }

    /// The site-wide content files (site.yaml, region.yaml, schedules, communes), hashed: every file that is no
    /// page's item. It changes only with the model digest, which hashes them whole.
    static func sharedFiles(sourceHashes: [String: Int], content: SiteContent) -> Int {
        // Files that are some page's item rather than site-wide.
        let items = Set(content.cpts.map(\.file) + content.indicators.map(\.file) + content.pages.map(\.file)
            + content.reports.map(\.file) + content.territoryDiagnostics.map(\.file))
        // Summed, whatever the order of the files: nothing to sort on every save.
        var shared = 0
        for (path, hash) in sourceHashes where !items.contains(path) {
            var file = Hasher()
            file.combine(path)
            file.combine(hash)
            shared &+= file.finalize()
        }
        return shared
    }

    /// The shapes themselves, not their number: a redrawn border changes the map (a region's shapes hash in a few
    /// milliseconds, which `serve` spends only when the load read them again).
    static func geoDigest(_ geo: GeoShapes) -> Int {
        var hasher = Hasher()
        hasher.combine(geo.departments)
        hasher.combine(geo.communes)
        return hasher.finalize()
    }

    /// Every site-wide input: the shared files (`sharedFiles`), the theme, the static files' paths, the menu and the
    /// shapes (`geoDigest`).
    static func siteDigest(shared: Int, content: SiteContent, theme: Theme, geo: Int) -> Int {
        var global = Hasher()
        global.combine(shared)
        global.combine(theme.templatesDigest)
        for asset in theme.assets { global.combine(asset.publishedPath) }
        for file in content.staticFiles { global.combine(file.path) }
        // Every page's navigation lists the menu's pages by title.
        for entry in ViewModels.menu(of: content.pages) {
            global.combine(entry.slug.value)
            global.combine(entry.title)
        }
        global.combine(geo)
        return global.finalize()
    }

    /// The digest of `input`, made of the same items, in the same order, as `ViewModels.slice(_:)` gives the page.
    func key(for input: PageInput, in content: SiteContent) -> Int {
        var hasher = Hasher()
        hasher.combine(site)
        hasher.combine(input.wholeCPTS)
        for position in input.cpts {
            let cpts = content.cpts[position]
            hasher.combine(cpts.file)
            if input.wholeCPTS { file(cpts.file, into: &hasher) } else { hasher.combine(frontMatters[cpts.file]) }
            if input.figures { hasher.combine(figures.cpts[cpts.slug.value]) }
        }
        for position in input.reports { file(content.reports[position].file, into: &hasher) }
        for position in input.indicators { file(content.indicators[position].file, into: &hasher) }
        for position in input.territories { file(content.territoryDiagnostics[position].file, into: &hasher) }
        for position in input.pages { file(content.pages[position].file, into: &hasher) }
        hasher.combine(input.region ? figures.region : 0)
        hasher.combine(input.allDiagnostics ? allDiagnostics : 0)
        hasher.combine(input.rows)
        hasher.combine(input.captured)
        return hasher.finalize()
    }

    /// A file of the input: its text, and the diagnostics located in it (those the page may show).
    private func file(_ path: String, into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(sourceHashes[path])
        hasher.combine(diagnosticsByFile[path] ?? [])
    }
}

/// The figures' values, hashed once per computation of the figures: `serve` keeps them while the model digest is
/// the same, as it keeps the figures.
struct FigureDigests: Sendable {
    var cpts: [String: Int] = [:]
    var region = 0

    init() {}

    init(_ figures: SiteFigures) {
        cpts = Dictionary(uniqueKeysWithValues: figures.slugs.map { ($0, figures[slug: $0].hashValue) })
        var hasher = Hasher()
        hasher.combine(figures.coverage)
        hasher.combine(figures.series)
        hasher.combine(figures.milestones)
        // The region's funding is the sum of the CPTS's ledgers.
        for slug in figures.slugs.sorted() { hasher.combine(cpts[slug]) }
        region = hasher.finalize()
    }
}
