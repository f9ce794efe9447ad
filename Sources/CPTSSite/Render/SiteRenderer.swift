import Foundation
import CPTSContent
import CPTSDomain
import CPTSMarkdown

/// A page as rendered by an earlier build, with the fingerprint of what it was rendered from.
public struct RenderedPage: Sendable {
    let key: Int
    let file: OutputFile
}

/// Turns the content and its figures into the files of the site, in memory.
struct SiteRenderer: Sendable {
    let content: SiteContent
    let figures: SiteFigures
    let theme: Theme
    let diagnostics: [Diagnostic]
    let geo: GeoShapes
    /// Each content text's hash by path (`serve` only): a page's fingerprint is made of the texts it depends on.
    let sourceHashes: [String: Int]
    /// `build --pdf`: report pages link to their PDF.
    var pdfReports = false

    /// One HTML page to render: where it goes, with which template, from which view model, from which files.
    struct PageJob: Sendable {
        enum Inputs: Sendable {
            /// Site-wide files (site.yaml, region.yaml, schedules, communes) and these content files.
            case files([String])
            /// A digest of exactly what the page shows (names, stages, figures…), beside the site-wide files: a
            /// list of CPTS need not be rendered again when only a projet de santé's text changed.
            case summary(Int)
        }

        let path: String
        let template: String
        let inputs: Inputs
        /// Made from the build's view models when the page is rendered; it captures no more than the page's own
        /// subject (a CPTS's position, a department), since a national site has 100 000 jobs at once.
        let model: @Sendable (ViewModels) -> [String: Any]
    }

    struct Output {
        /// The files of the site, or none when they went straight to a `StagedSite`.
        let files: [OutputFile]
        let pages: [String: RenderedPage]
        let rerendered: [String]
        let fileCount: Int
    }

    /// - Parameter previous: the pages of the previous build, or nil when none will be kept (one-off builds
    ///   then skip fingerprinting, which would hash every content file for nothing).
    /// - Parameters:
    ///   - site: where to write each file as soon as it is made, keeping none in memory; nil to keep them.
    ///   - exportsKey: what the data files are made from (`ModelDigest` and the diagnostics), to reuse them.
    func render(reusing previous: [String: RenderedPage]?, into site: StagedSite? = nil,
                exportsKey: Int? = nil) async throws -> Output {
        let models = ViewModels(content: content, figures: figures, theme: theme, diagnostics: diagnostics,
                                markdown: MarkdownRenderer(options: .init(allowRawHTML: content.settings.allowRawHTML,
                                                                          allowUnsafeLinks: content.settings.allowUnsafeLinks,
                                                                          frenchTypography: content.settings.typography)),
                                geo: geo, pdfReports: pdfReports)
        let misses = MissedKeys()
        let jobs = pageJobs(keyed: previous != nil)
        let keys: [Int]
        if previous != nil {
            let fingerprints = Fingerprints(sourceHashes: sourceHashes, diagnostics: diagnostics, content: content, theme: theme, geo: geo)
            keys = jobs.map { fingerprints.key(for: $0) }
        } else {
            keys = Array(repeating: 0, count: jobs.count)
        }
        let toRender = jobs.indices.filter { index in previous?[jobs[index].path].map { $0.key != keys[index] } ?? true }
        // The exports need no page: they are made while the pages render.
        async let exports = exports(paths: jobs.map(\.path), keys: keys, reusing: previous, key: exportsKey, into: site)
        let fresh = try await render(toRender.map { jobs[$0] }, models: models, misses: misses, into: site)
        let missing = misses.diagnostics(in: theme)
        if !missing.isEmpty { throw ThemeError(diagnostics: missing, sources: theme.sources) }

        var (pages, published, exportCount) = try await exports
        let assets = theme.assets.map { OutputFile(path: $0.publishedPath, bytes: $0.bytes) }
        if let site {
            for file in assets { try site.write(file) }
            for file in content.staticFiles { try site.write(try SiteRenderer.published(file)) }
            return Output(files: [], pages: [:], rerendered: toRender.map { jobs[$0].path },
                          fileCount: assets.count + content.staticFiles.count + jobs.count + exportCount)
        }
        for (index, job) in jobs.enumerated() {
            if let reused = previous?[job.path], reused.key == keys[index] { pages[job.path] = reused }
        }
        for (index, file) in zip(toRender, fresh) { pages[file.path] = RenderedPage(key: keys[index], file: file) }

        let html = jobs.compactMap { pages[$0.path]?.file }
        let statics = try content.staticFiles.map(SiteRenderer.published)
        let files = assets + statics + html + published
        return Output(files: files, pages: pages, rerendered: toRender.map { jobs[$0].path }, fileCount: files.count)
    }

    /// A file of `static/`, read to be published at its path. The loader checked that it stays inside the content
    /// folder and its size; it is read by the path it resolved to then.
    static func published(_ file: StaticFile) throws -> OutputFile {
        guard let data = FileManager.default.contents(atPath: file.source), data.count <= file.size + 1024 * 1024 else {
            throw ThemeError(diagnostic: .error(.staticFileUnreadable(path: DisplayedPath.escaping(file.path)), at: file.location))
        }
        return OutputFile(path: file.path, bytes: [UInt8](data))
    }

    /// The site's data files (site.json, CSV, search index, feed, sitemap). With a `site`, each is streamed into
    /// it as it is made and none is returned. Otherwise (`serve`) they are returned, with the site.json entry of
    /// each CPTS to keep for the next build: it depends on what the CPTS's page depends on, so it is reused
    /// under that key.
    func exports(paths: [String], keys: [Int], reusing previous: [String: RenderedPage]?, key exportsKey: Int? = nil,
                 into site: StagedSite? = nil) throws -> (entries: [String: RenderedPage], files: [OutputFile], count: Int)
    {
        // Made from the same model and diagnostics as last time: the same files.
        if let exportsKey, let previous {
            let stored = previous.filter { $0.key.hasPrefix("exports#") }
            if !stored.isEmpty, stored.values.allSatisfy({ $0.key == exportsKey }) {
                let kept = previous.filter { $0.key.hasPrefix("exports#") || $0.key.hasPrefix("site.json#") }
                return (kept, stored.sorted { $0.key < $1.key }.map(\.value.file), stored.count)
            }
        }
        let (kept, entry) = siteJSONEntries(paths: paths, keys: keys, reusing: previous)
        let url = SiteURL(baseURL: content.settings.baseURL)
        let exports = [
            Sitemap.export(pages: paths, url: url),
            Export(Sitemap.robots(url: url)),
            Export(AtomFeed.file(content: content, url: url)),
            SearchIndex.export(content: content),
            SiteJSON.export(content: content, figures: figures, entry: entry),
            SpreadsheetCSV.cptsExport(content: content, figures: figures),
            SpreadsheetCSV.indicatorsExport(content: content),
        ]
        if let site {
            for export in exports { try site.stream(export) }
            return ([:], [], exports.count)
        }
        let files = exports.map(\.file)
        var entries = kept
        if let exportsKey {
            for file in files { entries["exports#" + file.path] = RenderedPage(key: exportsKey, file: file) }
        }
        return (entries, files, files.count)
    }

    /// Each CPTS's site.json entry. A one-off build makes each as site.json is written, keeping none; otherwise
    /// they are made (or reused from `previous`) and kept under their page's key.
    func siteJSONEntries(paths: [String], keys: [Int], reusing previous: [String: RenderedPage]?)
        -> (kept: [String: RenderedPage], entry: (CPTS) -> String)
    {
        let (content, figures, diagnostics) = (self.content, self.figures, self.diagnostics)
        guard let previous else {
            return ([:], { SiteJSON.entry(for: $0, figures: figures, content: content, diagnostics: diagnostics) })
        }
        let entryKeys = Dictionary(zip(paths, keys), uniquingKeysWith: { first, _ in first })
        var kept: [String: RenderedPage] = [:]
        var entries: [String: String] = [:]
        for cpts in content.cpts {
            let path = "cpts/\(cpts.slug.value)/index.html", cacheKey = "site.json#" + cpts.slug.value
            let key = entryKeys[path] ?? 0
            if let reused = previous[cacheKey], reused.key == key {
                kept[cacheKey] = reused
                entries[cpts.slug.value] = String(decoding: reused.file.bytes, as: UTF8.self)
            } else {
                let entry = SiteJSON.entry(for: cpts, figures: figures, content: content, diagnostics: diagnostics)
                entries[cpts.slug.value] = entry
                kept[cacheKey] = RenderedPage(key: key, file: OutputFile(path: cacheKey, text: entry))
            }
        }
        return (kept, { entries[$0.slug.value] ?? "null" })
    }

    /// Every page of the site. Only `keyed` jobs know what they are made from (`Fingerprints` keys them for
    /// `serve`): a one-off build would hash every CPTS's figures for nothing.
    func pageJobs(keyed: Bool) -> [PageJob] {
        func inputs(_ make: @autoclosure () -> PageJob.Inputs) -> PageJob.Inputs { keyed ? make() : .files([]) }
        var jobs = [
            PageJob(path: "index.html", template: "home", inputs: inputs(.summary(dashboardDigest()))) { $0.home() },
            PageJob(path: "404.html", template: "404", inputs: .files([])) { $0.notFound() },
        ]
        jobs += content.cpts.enumerated().map { index, cpts in
            PageJob(path: "cpts/\(cpts.slug.value)/index.html", template: "cpts",
                    inputs: inputs(.files([cpts.file] + content.reports(for: cpts.slug.value).map(\.file)
                        + (content.indicators(for: cpts.slug.value).map { [$0.file] } ?? [])))) {
                $0.cpts($0.content.cpts[index])
            }
        }
        jobs += SiteRenderer.reportPages(of: content).map { page in
            PageJob(path: page.folder + "index.html", template: "report",
                    inputs: inputs(.files([page.cpts.file] + content.reports(for: page.cpts.slug.value).map(\.file)
                        + (content.indicators(for: page.cpts.slug.value).map { [$0.file] } ?? [])))) {
                $0.report(page.report, of: page.cpts)
            }
        } + SiteRenderer.reportPages(of: content).map { page in
            // The running header of the printed report names its CPTS: CSS of its own, since the CSP allows no
            // inline style.
            PageJob(path: page.folder + "print.css", template: "report-print", inputs: .files([page.cpts.file])) {
                $0.reportPrint(page.report, of: page.cpts)
            }
        }
        // A department page lists its CPTS and its coverage row; CPTS of other departments reach it through the row.
        let byMainDepartment = keyed ? Dictionary(grouping: content.cpts, by: \.department.value) : [:]
        jobs += figures.coverage.byDepartment.map { department in
            PageJob(path: ViewModels.departmentPath(department.code) + "index.html", template: "department",
                    inputs: inputs(.summary(departmentDigest(department, byMainDepartment[department.code] ?? [])))) {
                $0.department(department)
            }
        }
        jobs += content.pages.filter { $0.slug.value != ViewModels.methodologySlug }.map { page in
            PageJob(path: "\(page.slug.value)/index.html", template: "page", inputs: .files([page.file])) { $0.page(page) }
        }
        let methodologyInputs = inputs(.files(content.pages.filter { $0.slug.value == ViewModels.methodologySlug }.map(\.file)
            + content.cpts.filter { $0.schedule != nil }.map(\.file)))
        jobs.append(PageJob(path: "\(ViewModels.methodologySlug)/index.html", template: "methodology",
                            inputs: methodologyInputs) { $0.methodology() })
        if content.settings.validationPage {
            jobs.append(PageJob(path: "\(SiteRoutes.validation)/index.html", template: "validation",
                                inputs: inputs(.summary(validationDigest()))) {
                $0.validationReport()
            })
        }
        jobs.append(PageJob(path: "\(SiteRoutes.search)/index.html", template: "search", inputs: inputs(.summary(listDigest(content.cpts)))) {
            $0.search()
        })
        return jobs
    }

    /// The activity reports the site publishes, with the folder of each page: those the rules let through, of a
    /// CPTS of the site signed by `asOf`, for a contract year begun by then.
    static func reportPages(of content: SiteContent) -> [(folder: String, year: Int, report: ActivityReport, cpts: CPTS)] {
        content.cpts.flatMap { cpts in
            content.reports(for: cpts.slug.value).compactMap { report in
                let year = report.year.value
                guard (1...FundingCalculator.contractYears).contains(year), let signature = cpts.signature,
                    signature <= content.settings.asOf,
                    let dates = cpts.contractYear(year), dates.start <= content.settings.asOf
                else { return nil }
                return (ViewModels.reportPath(slug: cpts.slug.value, year: year), year, report, cpts)
            }
        }
    }

    /// The validation page shows each diagnostic under the name of what it concerns: a CPTS renamed renames it.
    func validationDigest() -> Int {
        var hasher = Hasher()
        hasher.combine(diagnostics)
        let files = Set(diagnostics.map(\.location.file))
        // Indicators and territory diagnostics are named after their CPTS, found by their file's name.
        let slugs = Set(files.map { $0.split(separator: "/").last.map { String($0.prefix { $0 != "." }) } ?? $0 })
        for cpts in content.cpts where files.contains(cpts.file) || slugs.contains(cpts.slug.value) { hasher.combine(cpts.name) }
        for page in content.pages where files.contains(page.file) { hasher.combine(page.title) }
        return hasher.finalize()
    }

    func departmentDigest(_ department: DepartmentCoverage, _ mainCPTS: [CPTS]) -> Int {
        var digest = Hasher()
        digest.combine(department)
        digest.combine(listDigest(mainCPTS))
        return digest.finalize()
    }

    /// What the dashboard shows: the region's figures now and over time, the funding of every contract (the
    /// annual envelope, the yearly table), the list of CPTS and their territories on the map.
    func dashboardDigest() -> Int {
        var digest = Hasher()
        digest.combine(listDigest(content.cpts))
        digest.combine(figures.coverage)
        digest.combine(figures.series)
        digest.combine(figures.milestones)
        for cpts in content.cpts {
            digest.combine(cpts.communes.map(\.value))
            digest.combine(figures[cpts].funding)
        }
        return digest.finalize()
    }

    /// What a list of CPTS shows of each (`ViewModels.summary`), and the dates that give its stage at any day.
    func listDigest(_ list: [CPTS]) -> Int {
        var digest = Hasher()
        for cpts in list {
            digest.combine(cpts.slug.value)
            digest.combine(cpts.name)
            digest.combine(cpts.department.value)
            digest.combine(cpts.stage.value)
            digest.combine(figures[cpts].stage)
            digest.combine(figures[cpts].population)
            for stage in Stage.allCases { digest.combine(cpts.dates[stage]?.value) }
        }
        return digest.finalize()
    }

    /// Pages are independent: they are rendered on every core, then put back in job order. With a `site`, each
    /// page is written as soon as it is rendered and only its path is kept. A few pages per core are in flight at
    /// a time: a task per page of a national site, all started at once, would hold 100 000 of them in memory.
    func render(_ jobs: [PageJob], models: ViewModels, misses: MissedKeys, into site: StagedSite?) async throws -> [OutputFile] {
        let theme = self.theme
        let window = 8 * max(ProcessInfo.processInfo.activeProcessorCount, 1)
        return try await withThrowingTaskGroup(of: (Int, OutputFile).self) { group in
            func start(_ index: Int) {
                let job = jobs[index]
                group.addTask {
                    let file = OutputFile(path: job.path, bytes: try theme.renderBytes(job.template, job.model(models), misses: misses))
                    guard let site else { return (index, file) }
                    try site.write(file)
                    return (index, OutputFile(path: job.path, bytes: []))
                }
            }
            var files = [OutputFile?](repeating: nil, count: jobs.count)
            var next = 0
            while next < min(window, jobs.count) { start(next); next += 1 }
            for try await (index, file) in group {
                files[index] = file
                if next < jobs.count { start(next); next += 1 }
            }
            return files.compactMap { $0 }
        }
    }
}
