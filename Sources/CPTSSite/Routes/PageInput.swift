import CPTSDomain

/// What one page is made from: the content items it may read, by kind and position in the content, and the plain
/// values its route's function captures. The page's function receives a `ViewModels` sliced to exactly this input
/// (`ViewModels.slice(_:)`): a page cannot read what its input does not list, so `serve`, which keys the page on the
/// input's digest (`InputDigests`), cannot leave it stale by omission — it would render it wrongly in every build
/// instead, which the golden sites catch.
///
/// Besides its input, every page reads the site-wide data (settings, region, schedules, communes, the menu of
/// free pages, the theme, the shapes, the static files' paths), folded into one digest (`InputDigests.site`).
struct PageInput: Sendable {
    /// CPTS, by position in `content.cpts`: their front matter only (a list, a running head, a place's name), the
    /// projet de santé's text left out…
    var cpts: [Int] = []
    /// … or whole: with their text, and the diagnostics of their files (the CPTS pages).
    var wholeCPTS = false
    /// Activity reports, indicator files and territorial diagnostics, by position in the content: whole.
    var reports: [Int] = []
    var indicators: [Int] = []
    var territories: [Int] = []
    /// Free pages, by position in `content.pages`: whole.
    var pages: [Int] = []
    /// The figures of `cpts`.
    var figures = false
    /// The region's figures: coverage now and month by month, the milestones, the funding of every contract.
    var region = false
    /// Every diagnostic of the build (the validation page); otherwise only those of the files above.
    var allDiagnostics = false
    /// CPTS as lists show them (search, department), instead of CPTS.
    var rows: [ListedCPTS]?
    /// The digest of the values the route's function captures besides the items above (a department's coverage
    /// row, a report's year).
    var captured = 0

    /// The whole of a CPTS, as its page and its reports' pages read it: its file, reports, indicators, territorial
    /// diagnostic, figures and the diagnostics of those files.
    static func whole(_ cpts: Int, of content: SiteContent, index: ContentIndex) -> PageInput {
        let slug = content.cpts[cpts].slug.value
        return PageInput(cpts: [cpts], wholeCPTS: true, reports: index.reports[slug] ?? [],
                         indicators: index.indicators[slug].map { [$0] } ?? [],
                         territories: index.territories[slug].map { [$0] } ?? [], figures: true)
    }
}

/// Positions of each CPTS's files in the content, by slug, found once for the whole route table.
struct ContentIndex {
    let reports: [String: [Int]]
    let indicators: [String: Int]
    let territories: [String: Int]

    init(_ content: SiteContent) {
        var reports: [String: [Int]] = [:]
        for (position, report) in content.reports.enumerated() { reports[report.slug.value, default: []].append(position) }
        // In contract year order, as `SiteContent.reports(for:)` gives them.
        self.reports = reports.mapValues { $0.sorted { content.reports[$0].year.value < content.reports[$1].year.value } }
        indicators = Self.first(content.indicators.map(\.slug))
        territories = Self.first(content.territoryDiagnostics.map(\.slug))
    }

    /// The first position of each slug, as `SiteContent` finds a CPTS's file: later duplicates are for the rules.
    static func first(_ slugs: [String]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, slug) in slugs.enumerated() where index[slug] == nil { index[slug] = position }
        return index
    }
}

/// A CPTS as a list shows it (dashboard, department, search): every value its row reads, so that a list is made
/// from these rows only and keyed on them.
struct ListedCPTS: Hashable, Sendable {
    let slug: String
    let name: String
    let department: String
    let stage: Stage?
    let population: Int
    /// Whether any of its communes is known by name (the search page then searches communes too).
    let hasCommunes: Bool
    /// Its communes' codes, which the dashboard's map draws.
    let communes: [String]

    init(_ cpts: CPTS, figures: SiteFigures, content: SiteContent) {
        slug = cpts.slug.value
        name = cpts.name
        department = cpts.department.value
        stage = figures[cpts].stage
        population = figures[cpts].population
        hasCommunes = cpts.communes.contains { content.communes[$0.value] != nil }
        communes = cpts.communes.map(\.value)
    }

    /// In the order readers look a CPTS up in (`TerritoryOrder.sorted`).
    static func sorted(_ rows: [ListedCPTS]) -> [ListedCPTS] {
        rows.map { (TerritoryOrder.key($0.name), $0) }.sorted { lhs, rhs in
            if lhs.0 != rhs.0 { return lhs.0 < rhs.0 }
            if lhs.1.name != rhs.1.name { return lhs.1.name < rhs.1.name }
            return lhs.1.slug < rhs.1.slug
        }.map(\.1)
    }
}

extension CPTS {
    /// The CPTS without the projet de santé's text, nor what is read from it: what its front matter says.
    var frontMatter: CPTS {
        var cpts = self
        cpts.body = ""
        cpts.rendered = nil
        cpts.images = []
        cpts.imagesOutsideSite = []
        return cpts
    }
}
