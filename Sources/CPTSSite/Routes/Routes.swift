import CPTSDomain
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
    /// The digests of the pages that summarise many CPTS (`serve`), for the next build to reuse.
    let summaries: PageDigests.Summaries

    /// - Parameters:
    ///   - keyed: whether each page computes what it is made from (`serve`); a one-off build would hash every
    ///     CPTS's figures for nothing, so its routes say `.files([])`.
    ///   - kept: the summaries of the build before, when the model and the figures did not change since.
    init(content: SiteContent, figures: SiteFigures, diagnostics: [Diagnostic], keyed: Bool,
         keeping kept: PageDigests.Summaries? = nil) {
        let digests = PageDigests(content: content, figures: figures, diagnostics: diagnostics)
        summaries = kept ?? (keyed ? digests.summaries() : PageDigests.Summaries())
        let table = Table(content: content, digests: digests, summaries: summaries, keyed: keyed)
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

    /// The HTML file of a report page, in a built site (`cpts-site pdf` prints it).
    public static func reportFile(slug: String, year: Int) -> String { file(of: report(slug: slug, year: year)) }

    /// The file a folder URL is written as (`cpts/vierzon/` → `cpts/vierzon/index.html`).
    static func file(of url: String) -> String { url + SiteRoutes.index }

    /// The way back to the site's root from a page at `url`: one `../` per folder.
    static func root(of url: String) -> String { up(url.split(separator: "/").count) }

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
        String(relative(from: from.split(separator: "/").map(String.init), to: file(of: to)).dropLast(SiteRoutes.index.count))
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

    /// The routes of each kind of page.
    private struct Table {
        let content: SiteContent
        let digests: PageDigests
        let summaries: PageDigests.Summaries
        let keyed: Bool

        func inputs(_ make: @autoclosure () -> Route.Inputs) -> Route.Inputs { keyed ? make() : .files([]) }

        /// The dashboard, and the 404 page: served at any missing URL, its links start from the site's root path
        /// (`/cpts/` for `https://example.org/cpts/`) rather than from its own place.
        func home() -> [Route] {
            var notFound = Route(path: Routes.notFound, url: Routes.notFound, root: SiteURL(baseURL: content.settings.baseURL).rootPath,
                                 inputs: .files([])) { models, route in models.notFound(root: route.root) }
            notFound.listed = false
            return [
                Route(url: Routes.home, inputs: inputs(.summary(summaries.dashboard))) { $0.home(root: $1.root) },
                notFound,
            ]
        }

        /// What a CPTS's own pages show: its file, its reports, its indicators.
        func files(of cpts: CPTS) -> [String] {
            [cpts.file] + content.reports(for: cpts.slug.value).map(\.file) + (content.indicators(for: cpts.slug.value).map { [$0.file] } ?? [])
        }

        func cpts() -> [Route] {
            content.cpts.enumerated().map { index, cpts in
                Route(url: Routes.cpts(cpts.slug.value), inputs: inputs(.files(files(of: cpts)))) {
                    $0.cpts($0.content.cpts[index], root: $1.root)
                }
            }
        }

        /// Each report's page, then each report's print stylesheet: the running header of the printed report names
        /// its CPTS, CSS of its own since the CSP allows no inline style.
        func reports() -> [Route] {
            let published = Routes.reportPages(of: content)
            return published.map { page in
                var route = Route(url: page.url, inputs: inputs(.files(files(of: page.cpts)))) {
                    $0.report(page.report, of: page.cpts, root: $1.root)
                }
                route.pdf = page.url + Routes.reportPDFName(year: page.year)
                return route
            } + published.map { page in
                let stylesheet = Routes.reportPrintStylesheet(slug: page.cpts.slug.value, year: page.year)
                var route = Route(path: stylesheet, url: stylesheet, root: Routes.root(of: page.url), 
                                  inputs: .files([page.cpts.file])) { models, _ in models.reportPrint(page.report, of: page.cpts) }
                route.listed = false
                return route
            }
        }

        /// A department page lists its CPTS and its coverage row; CPTS of other departments reach it through the row.
        func departments(_ coverage: [DepartmentCoverage]) -> [Route] {
            coverage.enumerated().map { index, department in
                Route(url: Routes.department(department.code),
                      inputs: inputs(.summary(summaries.departments.indices.contains(index) ? summaries.departments[index] : 0))) {
                    $0.department(department, root: $1.root)
                }
            }
        }

        func freePages() -> [Route] {
            content.pages.filter { $0.slug.value != Routes.methodologySlug }.map { page in
                Route(url: Routes.page(page.slug.value), inputs: .files([page.file])) { $0.page(page, root: $1.root) }
            }
        }

        func methodology() -> [Route] {
            let files = content.pages.filter { $0.slug.value == Routes.methodologySlug }.map(\.file)
                + content.cpts.filter { $0.schedule != nil }.map(\.file)
            return [Route(url: Routes.methodology, inputs: inputs(.files(files))) { $0.methodology(root: $1.root) }]
        }

        func validation() -> [Route] {
            guard content.settings.validationPage else { return [] }
            return [Route(url: Routes.validation, inputs: inputs(.summary(digests.validation()))) {
                $0.validationReport(root: $1.root)
            }]
        }

        func search() -> [Route] {
            [Route(url: Routes.search, inputs: inputs(.summary(summaries.search))) { $0.search(root: $1.root) }]
        }
    }
}
