import CPTSDomain

/// A Markdown file split into its YAML front matter (between `---` lines) and its body.
struct FrontMatter {
    var yaml: String
    /// Line of the file where the YAML starts (the line after the opening `---`).
    var yamlFirstLine: Int
    var body: String
    var bodyFirstLine: Int

    /// Splits `text`, or returns the diagnostic saying why it cannot.
    static func split(_ text: String, path: String) -> Result<FrontMatter, Diagnostic> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else {
            return .failure(.error("front-matter-missing", at: SourceLocation(file: path, line: 1, column: 1),
                                   "front matter is missing: the file must start with a line '---'",
                                   note: "write the CPTS's data between two '---' lines at the top of the file"))
        }
        lines = lines.dropFirst()
        guard let closing = lines.firstIndex(where: { $0.trimmingTrailingSpaces == "---" || $0.trimmingTrailingSpaces == "..." }) else {
            return .failure(.error("front-matter-unterminated", at: SourceLocation(file: path, line: 1, column: 1),
                                   "front matter is not terminated",
                                   note: "add a line '---' after the last key"))
        }
        let yaml = lines[lines.startIndex..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: closing + 2))
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
