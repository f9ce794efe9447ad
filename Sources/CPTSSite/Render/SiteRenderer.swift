import CPTSContent
import CPTSDomain
import CPTSMarkdown

/// Turns the content and its figures into the files of the site, in memory.
struct SiteRenderer: Sendable {
    let content: SiteContent
    let figures: SiteFigures
    let theme: Theme
    let diagnostics: [Diagnostic]
    let geo: GeoShapes

    /// One HTML page to render: where it goes, with which template, from which view model.
    struct PageJob: Sendable {
        let path: String
        let template: String
        let model: @Sendable () -> [String: Any]
    }

    func render() async throws -> [OutputFile] {
        let models = ViewModels(content: content, figures: figures, theme: theme, diagnostics: diagnostics,
                                markdown: MarkdownRenderer(options: .init(allowRawHTML: content.settings.allowRawHTML,
                                                                          allowUnsafeLinks: content.settings.allowUnsafeLinks)),
                                geo: geo)
        let misses = MissedKeys()
        let pages = try await render(pageJobs(models), misses: misses)
        let missing = misses.diagnostics(in: theme)
        if !missing.isEmpty { throw ThemeError(diagnostics: missing, sources: theme.sources) }
        let assets = theme.assets.map { OutputFile(path: $0.publishedPath, bytes: $0.bytes) }
        let url = SiteURL(baseURL: content.settings.baseURL)
        let published = [
            Sitemap.file(pages: pages.map(\.path), url: url),
            Sitemap.robots(url: url),
            AtomFeed.file(content: content, url: url),
            SearchIndex.file(content: content),
            SiteJSON.file(content: content, figures: figures, diagnostics: diagnostics),
            SpreadsheetCSV.cptsFile(content: content, figures: figures),
            SpreadsheetCSV.indicatorsFile(content: content),
        ]
        return assets + pages + published
    }

    func pageJobs(_ models: ViewModels) -> [PageJob] {
        var jobs = [
            PageJob(path: "index.html", template: "home") { models.home() },
            PageJob(path: "404.html", template: "404") { models.notFound() },
        ]
        jobs += content.cpts.map { cpts in
            PageJob(path: "cpts/\(cpts.slug.value)/index.html", template: "cpts") { models.cpts(cpts) }
        }
        jobs += figures.coverage.byDepartment.map { department in
            PageJob(path: ViewModels.departmentPath(department.code) + "index.html", template: "department") {
                models.department(department)
            }
        }
        jobs += content.pages.filter { $0.slug.value != ViewModels.methodologySlug }.map { page in
            PageJob(path: "\(page.slug.value)/index.html", template: "page") { models.page(page) }
        }
        jobs.append(PageJob(path: "\(ViewModels.methodologySlug)/index.html", template: "methodology") { models.methodology() })
        jobs.append(PageJob(path: "validation/index.html", template: "validation") { models.validationReport() })
        jobs.append(PageJob(path: "recherche/index.html", template: "search") { models.search() })
        return jobs
    }

    /// Pages are independent: they are rendered on every core, then put back in job order.
    func render(_ jobs: [PageJob], misses: MissedKeys) async throws -> [OutputFile] {
        let theme = self.theme
        return try await withThrowingTaskGroup(of: (Int, OutputFile).self) { group in
            for (index, job) in jobs.enumerated() {
                group.addTask {
                    let html = try theme.render(job.template, job.model(), misses: misses)
                    return (index, OutputFile(path: job.path, text: html))
                }
            }
            var files = [OutputFile?](repeating: nil, count: jobs.count)
            for try await (index, file) in group { files[index] = file }
            return files.compactMap { $0 }
        }
    }
}
