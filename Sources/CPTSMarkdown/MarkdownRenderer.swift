import CMarkGFM
import CPTSDomain
import CPTSSync

#if canImport(Glibc)
import Glibc
#endif

/// Markdown (GitHub flavour) to HTML through libcmark-gfm, safe by default:
/// raw HTML and URLs with a scheme other than `URLPolicy.allowedSchemes` are dropped unless the site opts in.
public struct MarkdownRenderer: Sendable {
    public struct Options: Sendable, Hashable {
        /// Let raw HTML through (cmark's `UNSAFE`); off by default.
        public var allowRawHTML: Bool
        /// Keep every URL (`javascript:`, `data:`…: see `URLPolicy`); off by default. cmark ties this to raw HTML,
        /// so either opt-in turns on cmark's unsafe mode and the other is then enforced by a filter.
        public var allowUnsafeLinks: Bool
        /// Added to every heading level, so that a `#` in content becomes an `h2` under the page's own `h1`.
        public var headingOffset: Int
        /// French typography on the text (`FrenchTypography`): apostrophes, « », spaces before `; : ! ?`.
        public var frenchTypography: Bool

        public init(allowRawHTML: Bool = false, allowUnsafeLinks: Bool = false, headingOffset: Int = 1,
                    frenchTypography: Bool = false) {
            self.allowRawHTML = allowRawHTML
            self.allowUnsafeLinks = allowUnsafeLinks
            self.headingOffset = headingOffset
            self.frenchTypography = frenchTypography
        }
    }

    public let options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// `cmark_parser_finish()` writes a process-global table (cmark-gfm PR #176): two documents finished
    /// at once corrupt each other's output, so finishing is serialised. Feeding and rendering run in parallel.
    /// Holds how many documents were finished.
    fileprivate static let finishLock = Locked(0)

    /// Registering the core extensions is not thread-safe either: done once, lazily.
    fileprivate static let registration: Void = cmark_gfm_core_extensions_ensure_registered()

    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

    /// The options cmark parses and renders with: cmark ties raw HTML and unsafe URLs to one `UNSAFE` mode, which
    /// either opt-in turns on (`UnsafeContentFilter` then enforces the other).
    var cmarkOptions: Int32 {
        let unsafe = options.allowRawHTML || options.allowUnsafeLinks
        return CMARK_OPT_DEFAULT | CMARK_OPT_GITHUB_PRE_LANG | CMARK_OPT_FOOTNOTES | (unsafe ? CMARK_OPT_UNSAFE : 0)
    }

    /// - Parameter imageRoot: the relative path from the page to the site's root (`../../`): an image that names a
    ///   file of the site (`img/plan.png`, see `StaticImages`) is given it as prefix, so that image paths are
    ///   written from `static/` whatever the page's depth.
    /// - Parameter sectionHeading: the heading the page already gives the text (`Projet de santé`): a first heading
    ///   of the text that says the same (case and spaces aside) is left out, so that the page does not say it twice.
    public func render(_ markdown: String, imageRoot: String = "", sectionHeading: String? = nil) -> RenderedText {
        let cmarkOptions = cmarkOptions
        return MarkdownRenderer.withDocument(of: markdown, options: cmarkOptions) { document, parser in
            render(document, parser: parser, cmarkOptions: cmarkOptions, imageRoot: imageRoot, sectionHeading: sectionHeading,
                   holdsImages: MarkdownRenderer.mayHoldImages(markdown))
        } ?? RenderedText(html: "", headings: [])
    }

    /// Renders a document parsed with `cmarkOptions`, which its passes change on the way.
    private func render(_ document: OpaquePointer, parser: OpaquePointer, cmarkOptions: Int32, imageRoot: String,
                        sectionHeading: String?, holdsImages: Bool) -> RenderedText {
        let headings = prepare(document, imageRoot: imageRoot, sectionHeading: sectionHeading, holdsImages: holdsImages)
        guard let html = cmark_render_html(document, cmarkOptions, cmark_parser_get_syntax_extensions(parser)) else {
            return RenderedText(html: "", headings: headings)
        }
        defer { free(html) }
        // Read where cmark wrote it: one pass, and one `String` at the end (`RenderedHTML`).
        let bytes = UnsafeRawPointer(html).withMemoryRebound(to: UInt8.self, capacity: 1) {
            UnsafeBufferPointer(start: $0, count: strlen(html))
        }
        return RenderedText(html: RenderedHTML.text(of: bytes, headings: headings), headings: headings)
    }

    /// The passes on the tree before cmark writes its HTML; returns the headings' outline.
    /// - Parameter holdsImages: whether the text may hold an image (`mayHoldImages`); else no walk looks for one.
    private func prepare(_ document: OpaquePointer, imageRoot: String, sectionHeading: String?,
                         holdsImages: Bool) -> [RenderedText.Heading] {
        if let sectionHeading { HeadingOutline.dropLeadingHeading(of: document, saying: sectionHeading) }
        // Before the outline, so that the table of contents reads like the headings (ids do not change: slugs
        // keep ASCII letters and digits only).
        if options.frenchTypography { FrenchTypography.apply(to: document) }
        let headings = HeadingOutline.collect(in: document, offset: options.headingOffset)
        UnsafeContentFilter.apply(to: document, options: options)
        if holdsImages { StaticImages.confine(document, prefixing: imageRoot) }
        return headings
    }

    /// Whether `markdown` may hold an image: every image is written `![…`, a `!` that no character reference
    /// stands for (cmark reads `&#33;[…](…)` as text). Most texts have none, and are not walked for them.
    static func mayHoldImages(_ markdown: String) -> Bool {
        markdown.containsBytes("![")
    }

    /// cmark-gfm's HTML of `markdown` before `RenderedHTML`'s pass, and the headings, for the tests that compare
    /// that pass with others.
    func cmarkHTML(of markdown: String, imageRoot: String = "", sectionHeading: String? = nil)
        -> (html: String, headings: [RenderedText.Heading])? {
        let cmarkOptions = cmarkOptions
        return MarkdownRenderer.withDocument(of: markdown, options: cmarkOptions) { document, parser in
            let headings = prepare(document, imageRoot: imageRoot, sectionHeading: sectionHeading,
                                   holdsImages: MarkdownRenderer.mayHoldImages(markdown))
            guard let html = cmark_render_html(document, cmarkOptions, cmark_parser_get_syntax_extensions(parser)) else {
                return nil
            }
            defer { free(html) }
            return (String(cString: html), headings)
        } ?? nil
    }

    /// Parses `markdown` with the GFM extensions and hands `body` the document and its parser (nil when cmark-gfm
    /// makes no parser or no document, or when the text is over `MarkupBudget`); both are freed afterwards. A table too large to pad to its header's width
    /// stays plain text (`TableBudget`); finishing is serialised (`finishLock`).
    static func withDocument<Result>(of markdown: String, options cmarkOptions: Int32,
                                     _ body: (_ document: OpaquePointer, _ parser: OpaquePointer) -> Result) -> Result? {
        // Over its budget of markup characters, cmark would take gigabytes: the text is not parsed (the readers
        // report it as an error).
        guard MarkupBudget.isWithinBudget(markdown) else { return nil }
        _ = MarkdownRenderer.registration
        guard let parser = cmark_parser_new(cmarkOptions) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in MarkdownRenderer.extensionNames {
            guard let syntaxExtension = cmark_find_syntax_extension(name) else { continue }
            cmark_parser_attach_syntax_extension(parser, syntaxExtension)
        }
        let markdown = TableBudget.neutralizing(markdown)
        cmark_parser_feed(parser, markdown, markdown.utf8.count)
        var document: OpaquePointer?
        MarkdownRenderer.finishLock.withLock { finished in
            document = cmark_parser_finish(parser)
            finished += 1
        }
        guard let document else { return nil }
        defer { cmark_node_free(document) }
        return body(document, parser)
    }
}

extension MarkdownRenderer {
    /// How many documents cmark-gfm has parsed in this process, for the tests that count them.
    package static var parseCount: Int { finishLock.withLock { $0 } }

    /// Where a rendered text is shown: the way back to the site's root from its page (`render`'s `imageRoot`) and
    /// the heading the page already gives it (`sectionHeading`).
    public struct Placement: Sendable, Hashable {
        public var imageRoot: String
        public var sectionHeading: String?

        public init(imageRoot: String, sectionHeading: String? = nil) {
            self.imageRoot = imageRoot
            self.sectionHeading = sectionHeading
        }
    }

    /// What one parse of a text gives (`read`).
    package struct Reading: Sendable {
        /// What the renderer drops or escapes (`UnsafeContentFilter.markup(in:)`), when asked for.
        package var markup: [UnsafeContentFilter.Markup] = []
        /// The images that name a file of the site or leave it (`StaticImages.references(in:)`), when asked for.
        package var images: [StaticImages.Reference] = []
        /// The HTML and headings `render` makes of the text, when asked for.
        package var rendered: RenderedText?
    }

    /// Reads `markdown` with one parse: the markup the renderer drops or escapes, the images that name a file, and,
    /// with a `renderer`, what it renders at `placement`. The markup and the images are read before any pass changes
    /// the tree, and do not depend on the renderer's options: those add `UNSAFE` and `GITHUB_PRE_LANG` to the parse,
    /// which only cmark's HTML writer reads (cmark-gfm's `html.c`), never its parser. Without anything to read or
    /// render, the text is not parsed.
    package static func read(_ markdown: String, markup: Bool, images: Bool,
                             rendering: (renderer: MarkdownRenderer, placement: Placement)?) -> Reading {
        guard markup || images || rendering != nil else { return Reading() }
        let cmarkOptions = rendering?.renderer.cmarkOptions ?? (CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES)
        let reading = withDocument(of: markdown, options: cmarkOptions) { document, parser in
            var reading = Reading()
            if markup { reading.markup = UnsafeContentFilter.markup(in: document) }
            if images { reading.images = StaticImages.references(in: document) }
            if let rendering {
                reading.rendered = rendering.renderer.render(document, parser: parser, cmarkOptions: cmarkOptions,
                                                             imageRoot: rendering.placement.imageRoot,
                                                             sectionHeading: rendering.placement.sectionHeading,
                                                             holdsImages: mayHoldImages(markdown))
            }
            return reading
        }
        // Not parsed (over its budget of markup): nothing found, and an empty text, as `render` gives it.
        return reading ?? Reading(rendered: rendering.map { _ in RenderedText(html: "", headings: []) })
    }

    /// The images of `markdown` that name a file of the site (`StaticImages.sitePath`), with their place in
    /// `markdown` (1-based line and column of the `!`), for `check` to find them in `static/`.
    public static func staticImages(in markdown: String) -> [StaticImages.Reference] {
        read(markdown, markup: false, images: true, rendering: nil).images
    }

    /// What the renderer drops or escapes in `markdown`: URLs (when unsafe links are not allowed: `URLPolicy`) and raw
    /// HTML, read from the same parse and the same decisions as `render`'s, for `check` to warn about them where they are.
    package static func markup(in markdown: String) -> [UnsafeContentFilter.Markup] {
        read(markdown, markup: true, images: false, rendering: nil).markup
    }
}
