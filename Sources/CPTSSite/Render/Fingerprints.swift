import CPTSContent
import CPTSDomain

/// What a page was rendered from, folded into one number: when it is unchanged, so is the page.
/// Keys live only in memory, for the rebuilds of one process, so `Hasher`'s per-process seed is fine.
struct Fingerprints {
    /// One hash per content file, computed once: pages combine the hashes of the files they depend on.
    let sourceHashes: [String: Int]
    let diagnosticsByFile: [String: [Diagnostic]]
    /// Site-wide inputs every page depends on: site.yaml, region.yaml, schedules, communes, the theme, the shapes,
    /// and the free pages' titles (in every page's navigation).
    let global: Int

    init(sourceHashes: [String: Int], diagnostics: [Diagnostic], content: SiteContent, theme: Theme, geo: GeoShapes) {
        self.sourceHashes = sourceHashes
        diagnosticsByFile = Dictionary(grouping: diagnostics, by: \.location.file)
        let perItem = Set(content.cpts.map(\.file) + content.indicators.map(\.file) + content.pages.map(\.file))
        // Summed, whatever the order of the files: nothing to sort on every save.
        var shared = 0
        for (path, hash) in sourceHashes where !perItem.contains(path) {
            var file = Hasher()
            file.combine(path)
            file.combine(hash)
            shared &+= file.finalize()
        }
        var global = Hasher()
        global.combine(shared)
        for (name, file) in theme.templateFiles.sorted(by: { $0.key < $1.key }) {
            global.combine(name)
            global.combine(file.text)
        }
        for asset in theme.assets { global.combine(asset.publishedPath) }
        // Every page's navigation lists the free pages by title.
        for page in content.pages {
            global.combine(page.slug.value)
            global.combine(page.title)
        }
        // The shapes themselves, not their number: a redrawn border changes the map (a region's shapes hash in a
        // few milliseconds).
        global.combine(geo.departments)
        global.combine(geo.communes)
        self.global = global.finalize()
    }

    func key(for route: Route) -> Int {
        switch route.inputs {
        case .summary(let digest):
            var hasher = Hasher()
            hasher.combine(global)
            hasher.combine(digest)
            return hasher.finalize()
        case .files(let files):
            var hasher = Hasher()
            hasher.combine(global)
            for file in files {
                hasher.combine(file)
                hasher.combine(sourceHashes[file])
                hasher.combine(diagnosticsByFile[file] ?? [])
            }
            return hasher.finalize()
        }
    }
}
