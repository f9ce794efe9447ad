import CPTSDomain
import CPTSMarkdown

/// Where the load renders the Markdown texts of the content for their pages: for each kind of text, the way back to
/// the site's root from the page that shows it and the heading that page already gives it. The pipeline makes it
/// from its route table (`Routes.bodyPlacements`), the one place that knows where pages are; a load without it
/// (`check`) renders nothing and keeps the texts as written.
public struct BodyPlacements: Sendable {
    /// A CPTS's projet de santé, by the CPTS's slug.
    public var cpts: @Sendable (_ slug: String) -> MarkdownRenderer.Placement
    /// An activity report's narrative, by its CPTS's slug and its contract year.
    public var report: @Sendable (_ slug: String, _ year: Int) -> MarkdownRenderer.Placement
    /// A free page's text (the methodology page's included), by the page's slug.
    public var page: @Sendable (_ slug: String) -> MarkdownRenderer.Placement

    public init(cpts: @escaping @Sendable (_ slug: String) -> MarkdownRenderer.Placement,
                report: @escaping @Sendable (_ slug: String, _ year: Int) -> MarkdownRenderer.Placement,
                page: @escaping @Sendable (_ slug: String) -> MarkdownRenderer.Placement) {
        self.cpts = cpts
        self.report = report
        self.page = page
    }
}

/// How the texts of one load are rendered: the renderer with the site's options, and where each text is shown.
struct BodyRendering: Sendable {
    let renderer: MarkdownRenderer
    let placements: BodyPlacements
    /// Where a one-off build keeps the HTML until its page (`TextSpill`); nil to keep it in memory.
    var spill: TextSpill?

    /// `rendered`, its HTML moved to the spill when there is one.
    func spilled(_ rendered: RenderedText) -> RenderedText {
        spill.map { rendered.stored(in: $0) } ?? rendered
    }
}

extension MarkdownRenderer.Options {
    /// What `site.yaml` lets through (raw HTML, unsafe links) and asks for (French typography).
    public init(settings: SiteSettings) {
        self.init(allowRawHTML: settings.allowRawHTML, allowUnsafeLinks: settings.allowUnsafeLinks,
                  frenchTypography: settings.typography)
    }
}

/// A Markdown text of a content file (a projet de santé, a report's narrative, a free page) read by one cmark parse:
/// what `check` warns about in it (`MarkdownMarkup`), its images (`MarkdownImages`) and, when the load renders, its
/// HTML. The warnings and images are read before the renderer's passes change the tree, so they are the same
/// whether the text is rendered or not.
struct MarkdownBody {
    var findings: [MarkdownMarkup.Finding]
    var images: (site: [Located<String>], outside: [Located<String>])
    var rendered: RenderedText?

    /// - Parameters:
    ///   - firstLine: the file's line of the text's first line.
    ///   - rendering: the renderer and where the text is shown; nil to find warnings and images only.
    static func read(_ body: String, firstLine: Int, path: String,
                     rendering: (renderer: MarkdownRenderer, placement: MarkdownRenderer.Placement)?) -> MarkdownBody {
        // What a text without `<`, `:`, `&` or `![` cannot hold is not looked for, as without rendering.
        let reading = MarkdownRenderer.read(body, markup: MarkdownMarkup.mayHoldMarkup(body),
                                            images: MarkdownImages.mayHoldImages(body), rendering: rendering)
        return MarkdownBody(findings: MarkdownMarkup.scan(body, firstLine: firstLine, markup: reading.markup),
                            images: MarkdownImages.located(reading.images, in: body, path: path, firstLine: firstLine),
                            rendered: reading.rendered)
    }
}
