import CPTSContent
import CPTSDomain

/// `serve`'s route table and its pages' keys (`InputDigests`), kept from one save to the next.
///
/// The table is made from the model — every content file but the projets de santé's texts (`ModelDigest`) — the
/// figures (made from the model) and the diagnostics; its routes read their CPTS from their page's slice, never a
/// captured copy. While those inputs and the site-wide ones stay the same, the table stands, and only the routes that
/// read a file whose text changed are keyed again: a projet de santé edited keys again its CPTS's page and its
/// reports' pages, instead of making every route and hashing every listing's rows at each save.
struct KeyedRoutes: Sendable {
    let routes: Routes
    /// Each route's key, in the table's order.
    private(set) var keys: [Int]
    /// Counts the tables made anew: the render cache holds the pages of one table in its order (`RenderCache`).
    let generation: Int
    /// What the table and the keys were made from: the model digest, the diagnostics, the site-wide digest
    /// (`InputDigests.site`), and the item files in the order of the content's lists, since the routes' inputs are
    /// positions in them.
    private let digest: Int
    private let diagnostics: [Diagnostic]
    private let site: Int
    private let files: [String]
    /// By file, the routes whose input reads it whole. A page that reads a CPTS for its front matter only (a list,
    /// the methodology) is keyed on the front matter's hash, which changes only with the model digest.
    private let readers: [String: [Int]]

    /// A table made anew, and every key.
    init(content: SiteContent, figures: SiteFigures, diagnostics: [Diagnostic], digest: Int, digests: InputDigests,
         generation: Int) {
        routes = Routes(content: content, figures: figures, diagnostics: diagnostics)
        keys = routes.pages.map { digests.key(for: $0.input, in: content) }
        self.generation = generation
        self.digest = digest
        self.diagnostics = diagnostics
        site = digests.site
        var files: [String] = []
        Self.forEachItemFile(of: content) { files.append($0) }
        self.files = files
        var readers: [String: [Int]] = [:]
        for (index, route) in routes.pages.enumerated() {
            let input = route.input
            let read = (input.wholeCPTS ? input.cpts.map { content.cpts[$0].file } : []) + input.reports.map { content.reports[$0].file }
                + input.indicators.map { content.indicators[$0].file } + input.territories.map { content.territoryDiagnostics[$0].file }
                + input.pages.map { content.pages[$0].file }
            for file in read { readers[file, default: []].append(index) }
        }
        self.readers = readers
    }

    /// Whether the table still stands for `content`: made from the same model, diagnostics and site-wide inputs,
    /// with the same files at the same positions (a file that failed to parse would move the others).
    func stands(for content: SiteContent, digest: Int, diagnostics: [Diagnostic], site: Int) -> Bool {
        guard digest == self.digest, site == self.site, diagnostics == self.diagnostics else { return false }
        var position = 0
        var same = true
        Self.forEachItemFile(of: content) { file in
            same = same && position < files.count && files[position] == file
            position += 1
        }
        return same && position == files.count
    }

    /// Keys again the routes that read one of `changed`, the paths whose text changed since the keys were made;
    /// returns how many were keyed again.
    @discardableResult
    mutating func rekey(_ changed: Set<String>, content: SiteContent, digests: InputDigests) -> Int {
        let stale = Set(changed.flatMap { readers[$0] ?? [] })
        for index in stale { keys[index] = digests.key(for: routes.pages[index].input, in: content) }
        return stale.count
    }

    /// The files of the content's items (CPTS, reports, indicators, territorial diagnostics, free pages), list by
    /// list, in order.
    private static func forEachItemFile(of content: SiteContent, _ body: (String) -> Void) {
        // By position: a whole CPTS copied out of its list for its path would cost a retain of each of its fields.
        for index in content.cpts.indices { body(content.cpts[index].file) }
        for index in content.reports.indices { body(content.reports[index].file) }
        for index in content.indicators.indices { body(content.indicators[index].file) }
        for index in content.territoryDiagnostics.indices { body(content.territoryDiagnostics[index].file) }
        for index in content.pages.indices { body(content.pages[index].file) }
    }
}
