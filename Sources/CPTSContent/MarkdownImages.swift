import CPTSDomain
import CPTSMarkdown

/// The images of a Markdown body that name a file of `static/` (`StaticImages`), and those that name a file outside
/// the site (`StaticImages.leavesSite`, as written), located in their file, for the rules
/// `markdownImagesAreStaticFiles` and `markdownImagesStayInSite`.
enum MarkdownImages {
    /// The images of `body`, from a parse of its own.
    static func located(in body: String, path: String, firstLine: Int) -> (site: [Located<String>], outside: [Located<String>]) {
        // Most bodies have no image: skip the parse.
        guard mayHoldImages(body) else { return ([], []) }
        return located(MarkdownRenderer.staticImages(in: body), in: body, path: path, firstLine: firstLine)
    }

    /// Whether `body` may hold an image (`![`): else there is nothing for a parse to find.
    static func mayHoldImages(_ body: String) -> Bool { body.containsBytes("![") }

    /// The images `references` (from `body`'s parse), at their lines in the file.
    static func located(_ references: [StaticImages.Reference], in body: String, path: String,
                        firstLine: Int) -> (site: [Located<String>], outside: [Located<String>]) {
        guard !references.isEmpty else { return ([], []) }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        var site: [Located<String>] = [], outside: [Located<String>] = []
        for image in references {
            let (line, column) = position(of: image, in: lines)
            let location = SourceLocation(file: path, line: firstLine + line - 1, column: column)
            if image.leavesSite {
                outside.append(Located(image.written, at: location))
            } else {
                site.append(Located(image.path, at: location))
            }
        }
        return (site, outside)
    }

    /// cmark's position of an inline after a code span running over several lines can fall beyond its line (found
    /// by the fuzzer): then the image is looked for from that line on, by its destination, else its line is given.
    static func position(of image: StaticImages.Reference, in lines: [Substring]) -> (line: Int, column: Int) {
        guard image.line >= 1, image.line <= lines.count else { return (max(1, min(image.line, lines.count)), 1) }
        if image.column >= 1, image.column <= lines[image.line - 1].unicodeScalars.count + 1 { return (image.line, image.column) }
        let destination = "](" + image.written
        for number in image.line...lines.count {
            let text = lines[number - 1]
            if let found = text.range(of: destination), let open = text[..<found.lowerBound].lastIndex(of: "[") {
                let start = text[..<open].last == "!" ? text.index(before: open) : open
                return (number, text.unicodeScalars.distance(from: text.startIndex, to: start) + 1)
            }
        }
        return (image.line, 1)
    }
}
