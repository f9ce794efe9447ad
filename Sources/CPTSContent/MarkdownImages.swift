import CPTSDomain
import CPTSMarkdown

/// The images of a Markdown body that name a file of `static/` (`StaticImages`), located in their file, for the
/// rule `markdownImagesAreStaticFiles`.
enum MarkdownImages {
    static func located(in body: String, path: String, firstLine: Int) -> [Located<String>] {
        // Most bodies have no image: skip the parse.
        guard body.contains("![") else { return [] }
        return MarkdownRenderer.staticImages(in: body).map { image in
            Located(image.path, at: SourceLocation(file: path, line: firstLine + image.line - 1, column: image.column))
        }
    }
}
