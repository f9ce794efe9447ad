import CPTSContent
import CPTSDomain
import CPTSMarkdown
import Foundation

/// The dictionaries templates see, converted once per page into `TemplateValue` (see `TemplateContext.swift`);
/// their keys are the theme's documented interface.
struct ViewModels: Sendable {
    let content: SiteContent
    let figures: SiteFigures
    let theme: Theme
    let diagnostics: [Diagnostic]
    let markdown: MarkdownRenderer
    let geo: GeoShapes
    /// Whether each activity report is also printed to PDF beside its page (`build --pdf`).
    var pdfReports = false

    /// Keys every page has: site identity, navigation, assets, relative root (the page's route's).
    func common(root: String, title: String) -> [String: Any] {
        [
            "root": root,
            "pageTitle": title,
            "site": [
                "title": content.settings.title,
                "publisher": content.settings.publisher,
                "asOf": FrenchFormat.shortDate(content.settings.asOf),
                "asOfLong": FrenchFormat.longDate(content.settings.asOf),
                "language": content.settings.language,
                "logo": logo(content.settings.logo, name: content.settings.title, root: root),
            ] as [String: Any],
            "stylesheet": root + (theme.assetPath("style.css") ?? "style.css"),
            "script": root + (theme.assetPath("search.js") ?? "search.js"),
            "searchURL": root + Routes.search,
            "feedURL": root + Routes.feed,
            "pages": ViewModels.menu(of: content.pages).map { ["title": $0.title, "url": root + Routes.page($0.slug.value)] },
            "methodologyURL": root + Routes.methodology,
            // False with `validationPage: false` in site.yaml: no page, no link to it.
            "validationURL": content.settings.validationPage ? root + Routes.validation : false,
        ]
    }

    /// The data files a reader may download (`SpreadsheetCSV`, `SiteJSON`), for the dashboard and the methodology.
    func dataDownloads(root: String) -> [[String: Any]] {
        [["url": root + Routes.cptsCSV, "name": "Les CPTS", "format": "CSV pour tableur (cpts.csv)"],
         ["url": root + Routes.indicatorsCSV, "name": "Les indicateurs des contrats", "format": "CSV pour tableur (indicators.csv)"],
         ["url": root + Routes.siteJSON, "name": "Toutes les données du site", "format": "JSON pour les programmes (site.json)"]]
    }

    /// The free pages of the top menu: those marked `menu: true` (the methodology page has its own link), by
    /// `menuOrder`, then in file order.
    static func menu(of pages: [Page]) -> [Page] {
        pages.enumerated().filter { $0.element.menu && $0.element.slug.value != Routes.methodologySlug }
            .sorted { ($0.element.menuOrder ?? Int.max, $0.offset) < ($1.element.menuOrder ?? Int.max, $1.offset) }
            .map(\.element)
    }

    /// A logo's URL from a page `root` and its text alternative (the name it stands for); false without a logo.
    func logo(_ logo: Located<String>?, name: String, root: String) -> Any {
        guard let logo, let file = content.staticFile(logo.value), StaticFile.isImage(file.path) else { return false }
        return ["url": root + ViewModels.urlPath(file.path), "alt": name] as [String: Any]
    }

    /// A path of the site as a URL path: each segment percent-encoded where a URL needs it.
    static func urlPath(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#;")
        return path.split(separator: "/", omittingEmptySubsequences: false)
            .map { String($0).addingPercentEncoding(withAllowedCharacters: allowed) ?? String($0) }.joined(separator: "/")
    }

    func summary(_ cpts: CPTS, root: String) -> [String: Any] {
        [
            "name": cpts.name,
            "url": root + Routes.cpts(cpts.slug.value),
            "stage": DomainLabels.stage(figures[cpts].stage),
            "population": FrenchFormat.integer(figures[cpts].population),
            "department": content.region.departmentName(cpts.department.value),
            "departmentCode": cpts.department.value,
            "path": Routes.cpts(cpts.slug.value),
        ]
    }

    func page(_ page: Page, root: String) -> [String: Any] {
        let body = markdown.render(page.body, imageRoot: root)
        var model = common(root: root, title: page.title)
        model["title"] = page.title
        model["body"] = body.html
        return model
    }

    /// The search page lists every CPTS, so that search works without JavaScript; the script filters the list.
    func search(root: String) -> [String: Any] {
        var model = common(root: root, title: "Rechercher une CPTS")
        model["cpts"] = TerritoryOrder.sorted(content.cpts).map { summary($0, root: root) }
        // `data/search.json` (`SearchIndex`): the script adds the communes' names to what it searches.
        model["searchIndexURL"] = root + Routes.searchIndex
        model["hasCommunes"] = content.cpts.contains { !SearchIndex.communeNames($0, content).isEmpty }
        return model
    }

    /// The 404 page: its `root` is the site's root path (see `Routes`), since it is served at any missing URL.
    func notFound(root: String) -> [String: Any] {
        common(root: root, title: "Page introuvable")
    }

    /// Absent values become `false`: false in a Mustache section (an empty string is not), and the key still
    /// exists, so that a template using it is not reported as using an unknown key.
    func present(_ values: [String: Any?]) -> [String: Any] {
        values.mapValues { $0 ?? false }
    }
}
