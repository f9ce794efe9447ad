import CPTSDomain
import CPTSMarkdown

/// Turns the content and its figures into the files of the site, in memory.
struct SiteRenderer: Sendable {
    let content: SiteContent
    let figures: SiteFigures
    let theme: Theme
    let diagnostics: [Diagnostic]

    var markdown: MarkdownRenderer {
        MarkdownRenderer(options: .init(allowRawHTML: content.settings.allowRawHTML,
                                        allowUnsafeLinks: content.settings.allowUnsafeLinks))
    }

    func render() async throws -> [OutputFile] {
        let models = ViewModels(content: content, figures: figures, theme: theme, diagnostics: diagnostics)
        var files: [OutputFile] = theme.assets.map { OutputFile(path: $0.publishedPath, bytes: $0.bytes) }
        files.append(OutputFile(path: "index.html", text: try theme.render("home", models.home())))
        files.append(OutputFile(path: "404.html", text: try theme.render("404", models.notFound())))
        let renderer = markdown
        // CPTS pages are independent: render them on every core, then put them back in slug order.
        let cptsPages = try await withThrowingTaskGroup(of: (Int, OutputFile).self) { group in
            for (index, cpts) in content.cpts.enumerated() {
                group.addTask {
                    let body = renderer.render(cpts.body)
                    let html = try theme.render("cpts", models.cpts(cpts, body: body))
                    return (index, OutputFile(path: "cpts/\(cpts.slug.value)/index.html", text: html))
                }
            }
            var pages = [OutputFile?](repeating: nil, count: content.cpts.count)
            for try await (index, file) in group { pages[index] = file }
            return pages.compactMap { $0 }
        }
        files += cptsPages
        for page in content.pages {
            let body = renderer.render(page.body)
            files.append(OutputFile(path: "\(page.slug.value)/index.html",
                                    text: try theme.render("page", models.page(page, body: body))))
        }
        return files
    }
}
