import CPTSContent
import CPTSDomain
import CPTSMarkdown
@testable import CPTSSite
import Foundation
import XCTest

/// A site's pages as the renderer makes them, written nowhere: each page's path, template and view model. The one
/// place the tests know how pages get their view models.
struct SitePages {
    let renderer: SiteRenderer
    let models: ViewModels
    let theme: Theme

    /// Loads, validates and computes the site of `contentFolder` as a build does, up to the render.
    static func load(contentFolder: String) async throws -> SitePages {
        let loaded = await ContentLoader.load(from: contentFolder)
        let content = try XCTUnwrap(loaded.content, "\(contentFolder) does not load: \(loaded.diagnostics.map(\.message))")
        let diagnostics = loaded.diagnostics + (await ContentRules.validateConcurrently(content))
        let theme = try Theme.load(named: content.settings.theme.value,
                                   from: BuildOptions(contentDirectory: contentFolder).themesDirectory)
        let renderer = SiteRenderer(content: content, figures: SiteFigures(content: content), theme: theme,
                                    diagnostics: diagnostics, geo: loaded.geo)
        let settings = content.settings
        let models = ViewModels(content: content, figures: renderer.figures, theme: theme, diagnostics: diagnostics,
                                markdown: MarkdownRenderer(options: .init(allowRawHTML: settings.allowRawHTML,
                                                                          allowUnsafeLinks: settings.allowUnsafeLinks,
                                                                          frenchTypography: settings.typography)),
                                geo: loaded.geo)
        return SitePages(renderer: renderer, models: models, theme: theme)
    }

    /// Every page of the site, in the route table's order.
    var jobs: [Route] {
        Routes(content: renderer.content, figures: renderer.figures, diagnostics: renderer.diagnostics).pages
    }
}
