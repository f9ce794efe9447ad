import CPTSContent
import CPTSDomain
import CPTSMarkdown
import Foundation

/// Makes the typed view models templates see (`TemplateModel`); their keys are the theme's documented interface.
struct ViewModels: Sendable {
    var content: SiteContent
    var figures: SiteFigures
    let theme: Theme
    var diagnostics: [Diagnostic]
    let markdown: MarkdownRenderer
    let geo: GeoShapes
    /// Whether each activity report is also printed to PDF beside its page (`build --pdf`).
    var pdfReports = false
    /// A page's CPTS as its lists show them, when its input gives rows rather than CPTS (`PageInput.rows`).
    var rows: [ListedCPTS]?
    /// What `prepared()` finds once for every page's slice: the menu (site-wide), the region's figures for a page
    /// that has none in its input, the diagnostics by file.
    var menu: [MenuEntry]?
    var regionless: SiteFigures?
    var diagnosticsByFile: [String: [Diagnostic]]?

    /// Keys every page has: site identity, navigation, assets, relative root (the page's route's).
    func common(root: String, title: String) -> PageFrame {
        PageFrame(
            root: root,
            pageTitle: title,
            site: SiteIdentity(
                title: content.settings.title,
                publisher: content.settings.publisher,
                asOf: FrenchFormat.shortDate(content.settings.asOf),
                asOfLong: FrenchFormat.longDate(content.settings.asOf),
                language: content.settings.language,
                logo: logo(content.settings.logo, name: content.settings.title, root: root)),
            stylesheet: root + (theme.assetPath("style.css") ?? "style.css"),
            script: root + (theme.assetPath("search.js") ?? "search.js"),
            searchURL: root + Routes.search,
            feedURL: root + Routes.feed,
            pages: (menu ?? ViewModels.menuEntries(of: content.pages)).map { MenuLink(title: $0.title, url: root + Routes.page($0.slug)) },
            methodologyURL: root + Routes.methodology,
            // Absent with `validationPage: false` in site.yaml: no page, no link to it.
            validationURL: content.settings.validationPage ? root + Routes.validation : nil)
    }

    /// The data files a reader may download (`SpreadsheetCSV`, `SiteJSON`), for the dashboard and the methodology.
    func dataDownloads(root: String) -> [DataDownload] {
        [DataDownload(url: root + Routes.cptsCSV, name: "Les CPTS", format: "CSV pour tableur (cpts.csv)"),
         DataDownload(url: root + Routes.indicatorsCSV, name: "Les indicateurs des contrats", format: "CSV pour tableur (indicators.csv)"),
         DataDownload(url: root + Routes.siteJSON, name: "Toutes les données du site", format: "JSON pour les programmes (site.json)")]
    }

    /// The free pages of the top menu: those marked `menu: true` (the methodology page has its own link), by
    /// `menuOrder`, then in file order.
    static func menu(of pages: [Page]) -> [Page] {
        pages.enumerated().filter { $0.element.menu && $0.element.slug.value != Routes.methodologySlug }
            .sorted { ($0.element.menuOrder ?? Int.max, $0.offset) < ($1.element.menuOrder ?? Int.max, $1.offset) }
            .map(\.element)
    }

    static func menuEntries(of pages: [Page]) -> [MenuEntry] {
        menu(of: pages).map { MenuEntry(slug: $0.slug.value, title: $0.title) }
    }

    /// A logo's URL from a page `root` and its text alternative (the name it stands for); nil without a logo.
    func logo(_ logo: Located<String>?, name: String, root: String) -> Logo? {
        guard let logo, let file = content.staticFile(logo.value), StaticFile.isImage(file.path) else { return nil }
        return Logo(url: root + ViewModels.urlPath(file.path), alt: name)
    }

    /// A path of the site as a URL path: each segment percent-encoded where a URL needs it.
    static func urlPath(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#;")
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .map { String($0).addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }.joined(separator: "/")
    }

    /// The page's CPTS as a list shows them: its input's rows, or its own CPTS (the dashboard), in the order
    /// readers look them up in.
    func listed() -> [ListedCPTS] { ListedCPTS.sorted(unsortedRows()) }

    /// The page's CPTS as a list shows them, in the content's order.
    func unsortedRows() -> [ListedCPTS] { rows ?? content.cpts.map { ListedCPTS($0, figures: figures, content: content) } }

    func summary(_ cpts: ListedCPTS, root: String) -> CPTSSummary {
        CPTSSummary(
            name: cpts.name,
            slug: cpts.slug,
            root: root,
            stage: DomainLabels.stage(cpts.stage),
            population: FrenchFormat.integer(cpts.population),
            department: content.region.departmentName(cpts.department),
            departmentCode: cpts.department)
    }

    func page(_ page: Page, root: String) -> FreePage {
        let body = rendered(page.body, page.rendered, root: root)
        return FreePage(frame: common(root: root, title: page.title), title: page.title, body: body.html)
    }

    /// A Markdown text as its page at `root` shows it: as the load rendered it for that page
    /// (`Routes.bodyPlacements`), or, for content made without that load (built in code), rendered here.
    func rendered(_ body: String, _ rendered: RenderedText?, root: String, sectionHeading: String? = nil) -> RenderedText {
        rendered ?? markdown.render(body, imageRoot: root, sectionHeading: sectionHeading)
    }

    /// The search page lists every CPTS, so that search works without JavaScript; the script filters the list.
    func search(root: String) -> SearchPage {
        SearchPage(frame: common(root: root, title: "Rechercher une CPTS"),
                   cpts: listed().map { summary($0, root: root) },
                   // `data/search.json` (`SearchIndex`): the script adds the communes' names to what it searches.
                   searchIndexURL: root + Routes.searchIndex,
                   hasCommunes: listed().contains(where: \.hasCommunes))
    }

    /// The 404 page: its `root` is the site's root path (see `Routes`), since it is served at any missing URL.
    func notFound(root: String) -> NotFoundPage {
        NotFoundPage(frame: common(root: root, title: "Page introuvable"))
    }
}

/// A free page of the top menu, as every page's navigation shows it.
struct MenuEntry: Hashable, Sendable {
    let slug: String
    let title: String
}

/// The keys every page has (`docs/themes.md`, « Clés communes »).
struct PageFrame: TemplateModel {
    let root: String
    let pageTitle: String
    let site: SiteIdentity
    let stylesheet: String
    let script: String
    let searchURL: String
    let feedURL: String
    let pages: [MenuLink]
    let methodologyURL: String
    let validationURL: String?

    static let fields: [TemplateField<Self>] = [
        .text("root", \.root), .text("pageTitle", \.pageTitle), .object("site", \.site), .text("stylesheet", \.stylesheet),
        .text("script", \.script), .text("searchURL", \.searchURL), .text("feedURL", \.feedURL), .list("pages", \.pages),
        .text("methodologyURL", \.methodologyURL), .optionalText("validationURL", \.validationURL),
    ]
}

struct SiteIdentity: TemplateModel {
    let title: String
    let publisher: String
    let asOf: String
    let asOfLong: String
    let language: String
    let logo: Logo?

    static let fields: [TemplateField<Self>] = [
        .text("title", \.title), .text("publisher", \.publisher), .text("asOf", \.asOf), .text("asOfLong", \.asOfLong),
        .text("language", \.language), .optional("logo", \.logo),
    ]
}

struct Logo: TemplateModel {
    let url: String
    let alt: String

    static let fields: [TemplateField<Self>] = [.text("url", \.url), .text("alt", \.alt)]
}

struct MenuLink: TemplateModel {
    let title: String
    let url: String

    static let fields: [TemplateField<Self>] = [.text("title", \.title), .text("url", \.url)]
}

struct DataDownload: TemplateModel {
    let url: String
    let name: String
    let format: String

    static let fields: [TemplateField<Self>] = [.text("url", \.url), .text("name", \.name), .text("format", \.format)]
}

/// A CPTS in a list (dashboard, department, search).
struct CPTSSummary: TemplateModel {
    let name: String
    let slug: String
    /// The listing page's root, shared by every summary of the page.
    let root: String
    let stage: String
    let population: String
    let department: String
    let departmentCode: String
    /// Made when a template reads them, not kept: the home and search pages list every CPTS, and their two paths
    /// each weighed about 13 MB at 100 000 CPTS while those pages rendered.
    var url: String { root + path }
    var path: String { Routes.cpts(slug) }

    static let fields: [TemplateField<Self>] = [
        .text("name", \.name), .text("url", \.url), .text("stage", \.stage), .text("population", \.population),
        .text("department", \.department), .text("departmentCode", \.departmentCode), .text("path", \.path),
    ]
}

/// A free page of `pages/`.
struct FreePage: PageModel {
    static let template = "page"
    let frame: PageFrame
    let title: String
    let body: String

    static let fields: [TemplateField<Self>] = [.inline(\.frame), .text("title", \.title), .text("body", \.body)]
}

struct SearchPage: PageModel {
    static let template = "search"
    let frame: PageFrame
    let cpts: [CPTSSummary]
    let searchIndexURL: String
    let hasCommunes: Bool

    static let fields: [TemplateField<Self>] = [
        .inline(\.frame), .list("cpts", \.cpts), .text("searchIndexURL", \.searchIndexURL), .flag("hasCommunes", \.hasCommunes),
    ]
}

struct NotFoundPage: PageModel {
    static let template = "404"
    let frame: PageFrame

    static let fields: [TemplateField<Self>] = [.inline(\.frame)]
}
