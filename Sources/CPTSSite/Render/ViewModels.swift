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

    /// Keys every page has: site identity, navigation, assets, relative root.
    func common(depth: Int, title: String) -> [String: Any] {
        common(root: String(repeating: "../", count: depth), title: title)
    }

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
            "searchURL": root + SiteRoutes.search + "/",
            "searchIndexURL": root + "data/search.json",
            "feedURL": root + "feed.xml",
            "pages": ViewModels.menu(of: content.pages).map { ["title": $0.title, "url": root + $0.slug.value + "/"] },
            "methodologyURL": root + ViewModels.methodologySlug + "/",
            // False with `validationPage: false` in site.yaml: no page, no link to it.
            "validationURL": content.settings.validationPage ? root + SiteRoutes.validation + "/" : false,
        ]
    }

    /// The data files a reader may download (`SpreadsheetCSV`, `SiteJSON`), for the dashboard and the methodology.
    func dataDownloads(root: String) -> [[String: Any]] {
        [["url": root + "data/cpts.csv", "name": "Les CPTS", "format": "CSV pour tableur (cpts.csv)"],
         ["url": root + "data/indicators.csv", "name": "Les indicateurs des contrats", "format": "CSV pour tableur (indicators.csv)"],
         ["url": root + "data/site.json", "name": "Toutes les données du site", "format": "JSON pour les programmes (site.json)"]]
    }

    /// The free pages of the top menu: those marked `menu: true` (the methodology page has its own link), by
    /// `menuOrder`, then in file order.
    static func menu(of pages: [Page]) -> [Page] {
        pages.enumerated().filter { $0.element.menu && $0.element.slug.value != methodologySlug }
            .sorted { ($0.element.menuOrder ?? Int.max, $0.offset) < ($1.element.menuOrder ?? Int.max, $1.offset) }
            .map(\.element)
    }

    /// How many folders down a free page is: `pages/a/b.md` is published at `a/b/index.html`, two down.
    static func depth(ofPage page: Page) -> Int {
        page.slug.value.split(separator: "/").count
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
            "url": root + "cpts/\(cpts.slug.value)/",
            "stage": ViewModels.stageLabel(figures[cpts].stage),
            "population": FrenchFormat.integer(figures[cpts].population),
            "department": content.region.departmentName(cpts.department.value),
            "departmentCode": cpts.department.value,
            "path": "cpts/\(cpts.slug.value)/",
        ]
    }

    /// The stage at the site's date, in French; a CPTS whose first stage is dated later has not started yet.
    static func stageLabel(_ stage: Stage?) -> String { stage?.label ?? "Pas encore engagée" }

    func page(_ page: Page) -> [String: Any] {
        let depth = ViewModels.depth(ofPage: page)
        let body = markdown.render(page.body, imageRoot: String(repeating: "../", count: depth))
        var model = common(depth: depth, title: page.title)
        model["title"] = page.title
        model["body"] = body.html
        return model
    }

    /// The search page lists every CPTS, so that search works without JavaScript; the script filters the list.
    func search() -> [String: Any] {
        var model = common(depth: 1, title: "Rechercher une CPTS")
        model["cpts"] = TerritoryOrder.sorted(content.cpts).map { summary($0, root: "../") }
        model["hasCommunes"] = content.cpts.contains { !SearchIndex.communeNames($0, content).isEmpty }
        return model
    }

    /// The 404 page is served at any missing URL, so its links start from the site's root path
    /// (`/cpts/` for `https://example.org/cpts/`) rather than from its own place.
    func notFound() -> [String: Any] {
        common(root: SiteURL(baseURL: content.settings.baseURL).rootPath, title: "Page introuvable")
    }

    /// Absent values become `false`: false in a Mustache section (an empty string is not), and the key still
    /// exists, so that a template using it is not reported as using an unknown key.
    func present(_ values: [String: Any?]) -> [String: Any] {
        values.mapValues { $0 ?? false }
    }

    func legalFormLabel(_ form: String) -> String {
        switch form {
        case "association-1901": "Association loi 1901"
        case "sisa": "SISA"
        default: form
        }
    }
}
