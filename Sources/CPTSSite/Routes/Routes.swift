import CPTSContent
import CPTSDomain
import CPTSMarkdown
import CPTSTemplates

/// The route table: every page of the site (`pages`), and the one place that spells where anything of the site is
/// published. Links in view models, the sitemap, the feed, the exports, `serve`'s page keys and the PDF reports
/// all read their paths from here; no other file writes a page path or a `../`.
///
/// A new kind of page is a function below that makes its routes (listed in `init`), a typed view model (a
/// `PageModel`, listed in `pageTypes`, made by a function of `ViewModels`) and the template its type names.
public struct Routes: Sendable {
    /// Every page, in the order they are rendered.
    let pages: [Route]

    init(content: SiteContent, figures: SiteFigures, diagnostics: [Diagnostic]) {
        let rows = content.cpts.map { ListedCPTS($0, figures: figures, content: content) }
        let table = Table(content: content, diagnostics: diagnostics, index: ContentIndex(content), rows: rows)
        pages = table.home() + table.cpts() + table.reports() + table.departments(figures.coverage.byDepartment)
            + table.freePages() + table.methodology() + table.validation() + table.search()
    }

    /// Every page type: each names its template, and its fields give the shape that template may read.
    static let pageTypes: [any PageModel.Type] = [
        HomePage.self, NotFoundPage.self, CPTSPage.self, ReportPage.self, ReportPrintStylesheet.self, DepartmentPage.self,
        FreePage.self, MethodologyPage.self, ValidationPage.self, SearchPage.self, NationalHomePage.self, NationalRegionPage.self,
    ]

    /// What each page template may read, by template name (the theme's templates are checked against it).
    public static func schemas() -> [String: TemplateSchema] {
        Dictionary(pageTypes.map { ($0.template, $0.schema) }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: Where things are published (URLs from the site's root; a folder's URL ends with `/`)

    static let home = ""
    static let search = SiteRoutes.search + "/"
    static let validation = SiteRoutes.validation + "/"
    static let methodology = SiteRoutes.methodology + "/"
    /// The free page of that slug gives the methodology page its text; it has no page of its own.
    static let methodologySlug = SiteRoutes.methodology
    static func cpts(_ slug: String) -> String { "\(SiteRoutes.cpts)/\(slug)/" }
    static func department(_ code: String) -> String { "\(SiteRoutes.departments)/\(code.lowercased())/" }
    /// A national site's page of a region, by its INSEE code (`regions/24/`).
    static func region(_ code: String) -> String { "regions/\(code.lowercased())/" }
    /// `pages/a/b.md` is published at `a/b/`.
    static func page(_ slug: String) -> String { slug + "/" }
    /// A CPTS's activity report for contract `year`, under its page.
    static func report(slug: String, year: Int) -> String { cpts(slug) + "rapport-annee-\(year)/" }
    /// The PDF of a report, beside its page's folder (`build --pdf`), as its page links to it.
    static func reportPDFName(year: Int) -> String { "rapport-annee-\(year).pdf" }
    /// The report's own print stylesheet, in its folder.
    static func reportPrintStylesheet(slug: String, year: Int) -> String { report(slug: slug, year: year) + "print.css" }

    /// The page served at any missing URL.
    public static let notFound = SiteRoutes.notFound
    static let feed = SiteRoutes.feed
    static let sitemap = SiteRoutes.sitemap
    static let robots = SiteRoutes.robots
    static let searchIndex = SiteRoutes.data + "/search.json"
    static let siteJSON = SiteRoutes.data + "/site.json"
    static let cptsCSV = SiteRoutes.data + "/cpts.csv"
    /// A national site's data files (`NationalExports`): its `site.json` is at `siteJSON`, like a regional one's.
    static let regionsCSV = SiteRoutes.data + "/regions.csv"
    static let indicatorsCSV = SiteRoutes.data + "/indicators.csv"

    /// Where the pages show the Markdown texts, for the load to render each of them for its page: the root of the
    /// text's page, as its route has it, and the heading the page already gives the text.
    static let bodyPlacements = BodyPlacements(
        cpts: { slug in
            MarkdownRenderer.Placement(imageRoot: root(of: cpts(slug)), sectionHeading: ViewModels.healthProjectHeading)
        },
        report: { slug, year in
            MarkdownRenderer.Placement(imageRoot: root(of: report(slug: slug, year: year)),
                                       sectionHeading: ViewModels.reportNarrativeHeading)
        },
        // The methodology page shows the text of the free page of its slug, which has no page of its own.
        page: { slug in MarkdownRenderer.Placement(imageRoot: root(of: slug == methodologySlug ? methodology : page(slug))) })

    /// The HTML file of a report page, in a built site (`cpts-site pdf` prints it).
    public static func reportFile(slug: String, year: Int) -> String { file(of: report(slug: slug, year: year)) }

    /// The file a folder URL is written as (`cpts/vierzon/` → `cpts/vierzon/index.html`).
    static func file(of url: String) -> String { url + SiteRoutes.index }

    /// The way back to the site's root from a page at `url`: one `../` per folder.
    static func root(of url: String) -> String { up(url.utf8.split(separator: UInt8(ascii: "/")).count) }

    static func up(_ folders: Int) -> String { String(repeating: "../", count: folders) }

    /// The relative URL from the folder `from` (components) to the file `to` (a path from the same root).
    static func relative(from folder: [String], to file: String) -> String {
        let target = file.split(separator: "/").map(String.init)
        var common = 0
        while common < folder.count, common < target.count - 1, folder[common] == target[common] { common += 1 }
        return up(folder.count - common) + target[common...].joined(separator: "/")
    }

    /// The relative URL from the page at folder URL `from` to the page at folder URL `to`.
    static func relative(from: String, to: String) -> String {
        // `relative(from:to:)` on the folders' names as the URLs' bytes (every report page asks for one): a split
        // by `Character` costs a grapheme break test per letter.
        let slash = UInt8(ascii: "/")
        let folder = from.utf8.split(separator: slash), target = file(of: to).utf8.split(separator: slash)
        var common = 0
        while common < folder.count, common < target.count - 1, folder[common].elementsEqual(target[common]) { common += 1 }
        var path = up(folder.count - common)
        for (index, name) in target[common...].enumerated() {
            if index > 0 { path += "/" }
            path += Substring(name)
        }
        return String(path.dropLast(SiteRoutes.index.count))
    }

    /// The activity reports the site publishes: those the rules let through, of a CPTS of the site signed by
    /// `asOf`, for a contract year begun by then.
    static func reportPages(of content: SiteContent) -> [(url: String, year: Int, report: ActivityReport, cpts: CPTS)] {
        content.cpts.flatMap { cpts in
            content.reports(for: cpts.slug.value).compactMap { report in
                let year = report.year.value
                guard (1...FundingCalculator.contractYears).contains(year), cpts.hasBegun(contractYear: year, by: content.settings.asOf)
                else { return nil }
                return (Routes.report(slug: cpts.slug.value, year: year), year, report, cpts)
            }
        }
    }

    /// The routes of each kind of page, each with its input (`PageInput`).
    private struct Table {
        let content: SiteContent
        let diagnostics: [Diagnostic]
        let index: ContentIndex
        /// Every CPTS as the lists show it, in the content's order.
        let rows: [ListedCPTS]

        /// The dashboard, and the 404 page: served at any missing URL, its links start from the site's root path
        /// (`/cpts/` for `https://example.org/cpts/`) rather than from its own place.
        func home() -> [Route] {
            var notFound = Route(path: Routes.notFound, url: Routes.notFound, root: SiteURL(baseURL: content.settings.baseURL).rootPath,
                                 input: PageInput()) { models, route in models.notFound(root: route.root) }
            notFound.listed = false
            // The region's figures (with the funding of every contract), the CPTS listed and drawn on the map.
            let dashboard = PageInput(region: true, rows: rows)
            return [Route(url: Routes.home, input: dashboard) { $0.home(root: $1.root) }, notFound]
        }

        func cpts() -> [Route] {
            content.cpts.indices.map { position in
                let cpts = content.cpts[position]
                // Of its reports, the page shows the years only (links and periods): captured, not read whole.
                var input = PageInput.whole(position, of: content, index: index)
                let years = input.reports.map { content.reports[$0].year.value }
                input.reports = []
                input.captured = years.hashValue
                // The CPTS is read from the page's slice, not captured: `serve` keeps the route while only its text changes.
                return Route(url: Routes.cpts(cpts.slug.value), input: input) { $0.cpts($0.onlyCPTS, reportYears: years, root: $1.root) }
            }
        }

        /// Each report's page, then each report's print stylesheet: the running header of the printed report names
        /// its CPTS, CSS of its own since the CSP allows no inline style.
        func reports() -> [Route] {
            let positions = Dictionary(content.cpts.indices.map { (content.cpts[$0].slug.value, $0) }, uniquingKeysWith: { first, _ in first })
            let published = Routes.reportPages(of: content).compactMap { page in positions[page.cpts.slug.value].map { (page, $0) } }
            return published.map { page, position in
                // A report page shows its CPTS's front matter (not its projet de santé), its figures and the other
                // reports (the members of the year before). The CPTS is read from the slice, as on its own page; the
                // report's file has no text outside the model digest, which `serve` keeps the route table on.
                var input = PageInput.whole(position, of: content, index: index)
                input.wholeCPTS = false
                let report = page.report
                var route = Route(url: page.url, input: input) { $0.report(report, of: $0.onlyCPTS, root: $1.root) }
                route.pdf = page.url + Routes.reportPDFName(year: page.year)
                return route
            } + published.map { page, _ in
                let stylesheet = Routes.reportPrintStylesheet(slug: page.cpts.slug.value, year: page.year)
                // The CPTS's name and the year only, both captured.
                let (name, year) = (page.cpts.name, page.year)
                var captured = Hasher()
                captured.combine(name)
                captured.combine(year)
                let input = PageInput(captured: captured.finalize())
                var route = Route(path: stylesheet, url: stylesheet, root: Routes.root(of: page.url), input: input) { models, _ in
                    models.reportPrint(year: year, name: name)
                }
                route.listed = false
                return route
            }
        }

        /// A department page lists its CPTS and its coverage row; CPTS of other departments reach it through the row.
        func departments(_ coverage: [DepartmentCoverage]) -> [Route] {
            let byDepartment = Dictionary(grouping: rows, by: \.department)
            return coverage.map { department in
                let input = PageInput(rows: byDepartment[department.code] ?? [], captured: department.hashValue)
                return Route(url: Routes.department(department.code), input: input) { $0.department(department, root: $1.root) }
            }
        }

        func freePages() -> [Route] {
            content.pages.indices.filter { content.pages[$0].slug.value != Routes.methodologySlug }.map { position in
                let page = content.pages[position]
                return Route(url: Routes.page(page.slug.value), input: PageInput(pages: [position])) { $0.page(page, root: $1.root) }
            }
        }

        /// The methodology page: its free page's text, and the schedules the CPTS name.
        func methodology() -> [Route] {
            let input = PageInput(cpts: content.cpts.indices.filter { content.cpts[$0].schedule != nil },
                                  pages: content.pages.indices.filter { content.pages[$0].slug.value == Routes.methodologySlug })
            return [Route(url: Routes.methodology, input: input) { $0.methodology(root: $1.root) }]
        }

        /// The validation page shows each diagnostic under the name of what it concerns: the CPTS of its file (by
        /// the file, or by the slug its file is named after: indicators, territorial diagnostics), the page.
        func validation() -> [Route] {
            guard content.settings.validationPage else { return [] }
            let files = Set(diagnostics.map(\.location.file))
            let slugs = Set(files.map { $0.split(separator: "/").last.map { String($0.prefix { $0 != "." }) } ?? $0 })
            let input = PageInput(cpts: content.cpts.indices.filter { files.contains(content.cpts[$0].file) || slugs.contains(content.cpts[$0].slug.value) },
                                  pages: content.pages.indices.filter { files.contains(content.pages[$0].file) }, allDiagnostics: true)
            return [Route(url: Routes.validation, input: input) { $0.validationReport(root: $1.root) }]
        }

        func search() -> [Route] {
            [Route(url: Routes.search, input: PageInput(rows: rows)) { $0.search(root: $1.root) }]
        }
    }
}
