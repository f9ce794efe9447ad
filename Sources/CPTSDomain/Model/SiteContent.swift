/// Site-wide settings (`site.yaml`).
public struct SiteSettings: Sendable {
    public var title: String
    public var publisher: String
    /// Where the site is published (`https://example.org/cpts/`), or `/` when `site.yaml` gives none.
    public var baseURL: String
    /// Where `baseURL` is written in `site.yaml`; nil when it is not.
    public var baseURLLocation: SourceLocation?
    public var language: String
    /// Where `language` is written in `site.yaml`; nil when it is not (French, then).
    public var languageLocation: SourceLocation?
    /// A folder name under `themes/` (checked by `ContentRules.themeIsAFolderName`).
    public var theme: Located<String>
    /// The date the figures describe.
    public var asOf: Day
    /// The funding schedule of a CPTS that names none.
    public var schedule: Located<String>
    /// Opt-in: let raw HTML from Markdown through (off by default, for safety).
    public var allowRawHTML: Bool
    /// Opt-in: keep `javascript:` and other unsafe link schemes (off by default).
    public var allowUnsafeLinks: Bool
    /// French typography on the Markdown's text (`typography:`); on by default for a French site.
    public var typography: Bool
    /// The public validation report (`validation/`, linked from every page) and the warnings on the CPTS pages;
    /// `validationPage: false` keeps them to the editors, who still see every diagnostic with `check`.
    public var validationPage: Bool
    public var location: SourceLocation
    /// The site's logo (`logo:`), a path under `static/`, shown in every page's header.
    public var logo: Located<String>?
    /// Statistical secrecy (`secrecyThreshold:`): counts of people from 1 to this number minus one are never
    /// published (`Secrecy`); 6 by default, the CNIL rule as Rézone CPTS applies it.
    public var secrecyThreshold = Secrecy.defaultThreshold
    /// Where `secrecyThreshold:` is written, if it is.
    public var secrecyThresholdLocation: SourceLocation?

    /// The statistical secrecy the site applies.
    public var secrecy: Secrecy { Secrecy(threshold: secrecyThreshold) }

    public init(title: String, publisher: String, baseURL: String, language: String, theme: Located<String>, asOf: Day,
                schedule: Located<String>, allowRawHTML: Bool, allowUnsafeLinks: Bool, location: SourceLocation,
                baseURLLocation: SourceLocation? = nil, typography: Bool = true, languageLocation: SourceLocation? = nil,
                validationPage: Bool = true) {
        self.baseURLLocation = baseURLLocation
        self.typography = typography
        self.languageLocation = languageLocation
        self.validationPage = validationPage
        self.title = title
        self.publisher = publisher
        self.baseURL = baseURL
        self.language = language
        self.theme = theme
        self.asOf = asOf
        self.schedule = schedule
        self.allowRawHTML = allowRawHTML
        self.allowUnsafeLinks = allowUnsafeLinks
        self.location = location
    }
}

/// A free page (`pages/<slug>.md`): methodology, about.
public struct Page: Sendable {
    public var slug: Located<String>
    public var file: String
    public var title: String
    /// The text, in Markdown; empty once the load has rendered it (`rendered`).
    public var body: String
    /// The text as its page shows it, when the load rendered it.
    public var rendered: RenderedText?
    /// Where `body` begins in the file.
    public var bodyStart = BodyStart(line: 1, offset: 0)
    /// The images of its Markdown that name a file of `static/`, by their path there.
    public var images: [Located<String>] = []
    /// The images of its Markdown that name a file outside the site (`/…`, `file:`, `../` above the root), as
    /// written: the renderer leaves them out.
    public var imagesOutsideSite: [Located<String>] = []
    /// In the site's top menu (`menu: true`); other pages are reached by links only.
    public var menu = false
    /// Its place in the menu (`menuOrder:`), lowest first; pages without one follow, in file order.
    public var menuOrder: Int?

    public init(slug: Located<String>, file: String, title: String, body: String) {
        self.slug = slug
        self.file = file
        self.title = title
        self.body = body
    }
}

/// A construct of a document of `static/` that would run in the site's origin if the file were opened directly:
/// `<script>`, an event handler (`onload=`), a `javascript:` URL, `<foreignObject>`…
public struct ActiveMarkup: Sendable, Hashable {
    /// As a message quotes it (`<script>`, `onload=`); nil for text that is not UTF-8, which cannot be checked.
    public var what: String?
    public var location: SourceLocation
    /// In an HTML document (`.html`, `.htm`, `.xhtml`), which `allowRawHTML` lets through; an SVG or XML one never is.
    public var inHTML: Bool

    public init(what: String?, location: SourceLocation, inHTML: Bool) {
        self.what = what
        self.location = location
        self.inHTML = inHTML
    }
}

/// A file of `content/static/`, published as is at the same path under the site's root
/// (`static/img/logo.png` → `img/logo.png`).
public struct StaticFile: Sendable, Hashable {
    /// Its path under `static/`, which is also its path in the site (`img/logo.png`).
    public var path: String
    /// The file, for diagnostics (`content/static/img/logo.png`).
    public var location: SourceLocation
    /// The file on disk, every symbolic link resolved (inside the content folder), to read when publishing.
    public var source: String
    public var size: Int
    /// What would run if this document (SVG, XML, HTML) were opened directly, found when `static/` is read.
    public var activeMarkup: ActiveMarkup?

    public init(path: String, location: SourceLocation, source: String, size: Int) {
        self.path = path
        self.location = location
        self.source = source
        self.size = size
    }

    /// The extensions of the images a logo may be.
    public static let imageExtensions = ["png", "jpg", "jpeg", "webp", "gif", "svg"]

    /// Whether `path` names an image by its extension.
    public static func isImage(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return imageExtensions.contains(path[path.index(after: dot)...].lowercased())
    }
}

/// A commune of `geo/communes.csv`.
public struct Commune: Sendable {
    public var code: String
    public var name: String
    public var department: String
    public var population: Int
    /// The population as written and where (`-12`), for `ContentRules.communePopulationIsNotNegative`.
    public var populationWritten: Located<String>
    /// The commune's row (column 1), for `ContentRules.communesAreListedOnce`.
    public var location: SourceLocation

    public init(code: String, name: String, department: String, population: Int,
                populationWritten: Located<String>? = nil, location: SourceLocation = SourceLocation(file: "", line: 0, column: 0)) {
        self.code = code
        self.name = name
        self.department = department
        self.population = population
        self.populationWritten = populationWritten ?? Located(String(population), at: location)
        self.location = location
    }

    /// The communes by INSEE code; of a code given twice, the last row (`communesAreListedOnce` reports it).
    /// A row with a negative population is left out, as if not given (`communePopulationIsNotNegative` reports
    /// it): the other rules and the figures see only populations that can be summed.
    public static func byCode(_ rows: [Commune]) -> [String: Commune] {
        // Filled row by row: a filtered copy of the rows and a list of pairs, beside the dictionary, were a national
        // site's largest allocations at the end of its load.
        var communes: [String: Commune] = [:]
        communes.reserveCapacity(rows.count)
        for row in rows where row.population >= 0 { communes[row.code] = row }
        return communes
    }
}

/// Everything read from `content/`, before validation.
public struct SiteContent: Sendable {
    public var settings: SiteSettings
    public var region: Region
    public var cpts: [CPTS] {
        didSet { cptsIndex = SiteContent.index(cpts) { $0.slug.value } }
    }
    public var indicators: [IndicatorFile] {
        didSet { indicatorIndex = SiteContent.index(indicators, by: \.slug) }
    }
    public var pages: [Page]
    /// Communes by INSEE code, when `geo/communes.csv` is given.
    public var communes: [String: Commune]
    /// The rows of `geo/communes.csv` in their order, a code given twice included.
    public var communeRows: [Commune] = []
    public var schedules: [String: FundingSchedule]
    /// Territorial diagnostics (`diagnostics/<slug>.yaml`).
    public var territoryDiagnostics: [TerritoryDiagnostic] {
        didSet { territoryIndex = SiteContent.index(territoryDiagnostics, by: \.slug) }
    }
    /// Annual activity reports (`reports/<slug>/<year>.md`), by CPTS then contract year.
    public var reports: [ActivityReport] {
        didSet { reportIndex = SiteContent.positions(reports) { $0.slug.value } }
    }
    /// The files of `static/`, by path, published as they are.
    public var staticFiles: [StaticFile] = [] {
        didSet { staticIndex = SiteContent.index(staticFiles, by: \.path) }
    }
    /// Positions of the static files by path: a page may name thousands of images.
    private var staticIndex: [String: Int] = [:]
    /// Positions by slug, so that looking up a CPTS's files does not scan them all (1 000 CPTS, 1 000 lookups).
    private var indicatorIndex: [String: Int] = [:]
    private var territoryIndex: [String: Int] = [:]
    /// The first CPTS of each slug, and each slug's reports in file order: every CPTS page and every report
    /// looks them up, which scanning them all made quadratic in the size of the site.
    private var cptsIndex: [String: Int] = [:]
    private var reportIndex: [String: [Int]] = [:]

    public init(settings: SiteSettings, region: Region, cpts: [CPTS], indicators: [IndicatorFile], pages: [Page],
                communes: [String: Commune], schedules: [String: FundingSchedule],
                territoryDiagnostics: [TerritoryDiagnostic] = [], reports: [ActivityReport] = []) {
        self.settings = settings
        self.region = region
        self.cpts = cpts
        self.indicators = indicators
        self.pages = pages
        self.communes = communes
        self.schedules = schedules
        self.territoryDiagnostics = territoryDiagnostics
        self.reports = reports
        indicatorIndex = SiteContent.index(indicators, by: \.slug)
        territoryIndex = SiteContent.index(territoryDiagnostics, by: \.slug)
        cptsIndex = SiteContent.index(cpts) { $0.slug.value }
        reportIndex = SiteContent.positions(reports) { $0.slug.value }
    }

    /// The first position of each key: later duplicates are for the rules to report.
    static func index<Item>(_ items: [Item], by key: (Item) -> String) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, item) in items.enumerated() where index[key(item)] == nil { index[key(item)] = position }
        return index
    }

    /// Every position of each key, in order.
    static func positions<Item>(_ items: [Item], by key: (Item) -> String) -> [String: [Int]] {
        var positions: [String: [Int]] = [:]
        for (position, item) in items.enumerated() { positions[key(item), default: []].append(position) }
        return positions
    }

    /// The CPTS of `slug` (the first one, should two files share it: `outputPathsHaveOneSource` reports that).
    public func cpts(slug: String) -> CPTS? {
        cptsIndex[slug].map { cpts[$0] }
    }

    public func territoryDiagnostic(for slug: String) -> TerritoryDiagnostic? {
        territoryIndex[slug].map { territoryDiagnostics[$0] }
    }

    public func schedule(for cpts: CPTS) -> FundingSchedule? {
        schedules[(cpts.schedule ?? settings.schedule).value]
    }

    /// The schedule in force for a CPTS at `day`: among the dated schedules (`effective`) no older than the one it
    /// names (or the site's), the latest in force at `day`; the named one when none is, or when it is not dated.
    /// Each contract year is paid under the schedule in force at its start. With `knownAt` (the site's date, for
    /// the ledger), a schedule signed after it is not known yet, so never applied (a projected year included).
    public func schedule(for cpts: CPTS, at day: Day, knownAt: Day? = nil) -> FundingSchedule? {
        schedule(named: (cpts.schedule ?? settings.schedule).value, at: day, knownAt: knownAt)
    }

    /// `schedule(for:at:knownAt:)` of a CPTS whose schedule (or the site's) is `id`: all it depends on.
    public func schedule(named id: String, at day: Day, knownAt: Day? = nil) -> FundingSchedule? {
        guard let named = schedules[id] else { return nil }
        guard let since = named.effective else { return named }
        var current = named
        for candidate in schedules.values {
            guard let effective = candidate.effective, effective <= day, effective >= since,
                knownAt.map(candidate.isKnown) ?? true,
                let currentEffective = current.effective
            else { continue }
            if (effective, candidate.id) > (currentEffective, current.id) { current = candidate }
        }
        return current
    }

    /// The stage a CPTS had reached at the site's date (`asOf`): a stage dated later is not reached yet.
    /// Nil when even its first stage is dated after `asOf`.
    public func stageAsOf(_ cpts: CPTS) -> Stage? {
        cpts.stage(at: settings.asOf)
    }

    /// A CPTS's reports, by contract year.
    public func reports(for slug: String) -> [ActivityReport] {
        (reportIndex[slug] ?? []).map { reports[$0] }.sorted { $0.year.value < $1.year.value }
    }

    /// The contract years of `reports(for: slug)`, in that order, without copying the reports.
    public func reportYears(for slug: String) -> [Int] {
        (reportIndex[slug] ?? []).map { reports[$0].year.value }.sorted()
    }

    public func report(for slug: String, year: Int) -> ActivityReport? {
        (reportIndex[slug] ?? []).lazy.map { reports[$0] }.first { $0.year.value == year }
    }

    /// The file of `static/` at `path`, if any.
    public func staticFile(_ path: String) -> StaticFile? {
        staticIndex[path].map { staticFiles[$0] }
    }

    public func indicators(for slug: String) -> IndicatorFile? {
        indicatorIndex[slug].map { indicators[$0] }
    }

    /// The population a CPTS covers: as written, else the sum of its known communes.
    public func population(of cpts: CPTS) -> Int {
        if let population = cpts.population { return population.value }
        return cpts.communes.compactMap { communes[$0.value]?.population }.reduce(0, +)
    }
}
