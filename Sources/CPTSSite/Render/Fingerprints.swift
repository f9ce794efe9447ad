import CPTSContent
import CPTSDomain

/// What a page was rendered from, folded into one number: when it is unchanged, so is the page.
/// Keys live only in memory, for the rebuilds of one process, so `Hasher`'s per-process seed is fine.
struct Fingerprints {
    let sources: [String: String]
    let diagnosticsByFile: [String: [Diagnostic]]
    /// Site-wide inputs every page depends on: site.yaml, region.yaml, schedules, communes, the theme, the shapes.
    let global: Int
    let everything: Int

    init(sources: [String: String], diagnostics: [Diagnostic], content: SiteContent, theme: Theme, geo: GeoShapes) {
        self.sources = sources
        diagnosticsByFile = Dictionary(grouping: diagnostics, by: \.location.file)
        let perItem = Set(content.cpts.map(\.file) + content.indicators.map(\.file) + content.pages.map(\.file))
        var global = Hasher()
        for (path, text) in sources.sorted(by: { $0.key < $1.key }) where !perItem.contains(path) {
            global.combine(path)
            global.combine(text)
        }
        for (name, file) in theme.templateFiles.sorted(by: { $0.key < $1.key }) {
            global.combine(name)
            global.combine(file.text)
        }
        for asset in theme.assets { global.combine(asset.publishedPath) }
        global.combine(geo.departments.count)
        global.combine(geo.communes.count)
        self.global = global.finalize()

        var everything = Hasher()
        everything.combine(self.global)
        for (path, text) in sources.sorted(by: { $0.key < $1.key }) where perItem.contains(path) {
            everything.combine(path)
            everything.combine(text)
        }
        everything.combine(diagnostics)
        self.everything = everything.finalize()
    }

    func key(for job: SiteRenderer.PageJob) -> Int {
        switch job.inputs {
        case .everything:
            return everything
        case .files(let files):
            var hasher = Hasher()
            hasher.combine(global)
            for file in files {
                hasher.combine(file)
                hasher.combine(sources[file])
                hasher.combine(diagnosticsByFile[file] ?? [])
            }
            return hasher.finalize()
        }
    }
}
