import CPTSDomain

/// `pages/<slug>.md` (or `pages/<folder>/<slug>.md`): a free page with a `title`, optionally `menu: true` and a
/// `menuOrder`, and Markdown.
enum PageReader {
    static let keys = ["title", "menu", "menuOrder"]

    static func read(_ text: String, path: String, slug: String) -> (Page?, [Diagnostic]) {
        FrontMatter.read(text, path: path) { split, reader in
            guard let root = reader.compose(split.yaml, .frontMatter, required: ["title"]),
                let map = reader.mapping(root, .frontMatter, known: keys, required: ["title"]),
                let title = map["title"].flatMap({ reader.text($0, "title") })
            else { return nil }
            var page = Page(slug: Located(slug, at: SourceLocation(file: path, line: 1, column: 1)), file: path,
                            title: title, body: split.body)
            page.bodyStart = split.bodyStart
            page.menu = map["menu"].flatMap { reader.boolean($0, "menu") } ?? false
            page.menuOrder = map["menuOrder"].flatMap { reader.integer($0, "menuOrder") }
            return page
        }
    }
}
