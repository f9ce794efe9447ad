import CPTSDomain

/// `pages/<slug>.md` (or `pages/<folder>/<slug>.md`): a free page with a `title`, optionally `menu: true` and a
/// `menuOrder`, and Markdown.
enum PageReader {
    static func read(_ text: String, path: String, slug: String) -> (Page?, [Diagnostic]) {
        let split: FrontMatter
        switch FrontMatter.split(text, path: path) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let frontMatter): split = frontMatter
        }
        let reader = YAMLReader(path: path, lineOffset: split.yamlFirstLine - 1)
        if let warning = split.sizeWarning(path: path) { reader.report(warning) }
        guard let root = reader.compose(split.yaml, .frontMatter, required: ["title"]),
            let map = reader.mapping(root, .frontMatter, known: ["title", "menu", "menuOrder"], required: ["title"]),
            let title = map["title"].flatMap({ reader.text($0, "title") })
        else { return (nil, reader.diagnostics) }
        var page = Page(slug: Located(slug, at: SourceLocation(file: path, line: 1, column: 1)), file: path,
                        title: title, body: split.body)
        page.images = MarkdownImages.located(in: split.body, path: path, firstLine: split.bodyFirstLine)
        page.menu = map["menu"].flatMap { reader.boolean($0, "menu") } ?? false
        page.menuOrder = map["menuOrder"].flatMap { reader.integer($0, "menuOrder") }
        return (page, reader.diagnostics)
    }
}
