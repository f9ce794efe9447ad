import CPTSDomain
import CPTSMarkdown

/// A Markdown file split into its YAML front matter (between `---` lines) and its body.
struct FrontMatter {
    var yaml: String
    /// Line of the file where the YAML starts (the line after the opening `---`).
    var yamlFirstLine: Int
    var body: String
    var bodyStart: BodyStart

    /// Splits `text`, or returns the diagnostic saying why it cannot. Only the front matter's lines are
    /// scanned: the body, most of the file, is taken as it is.
    static func split(_ text: String, path: String) -> Result<FrontMatter, Diagnostic> {
        if text.utf8.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\t") }) {
            return .failure(.error(.fileEmpty, at: SourceLocation(file: path, line: 1, column: 1)))
        }
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 1
        while true {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let line = Substring(text[lineStart..<lineEnd]).trimmingTrailingSpaces
            if lineNumber == 1 {
                guard line == "---" else {
                    return .failure(.error(.frontMatterMissing, at: SourceLocation(file: path, line: 1, column: 1)))
                }
            } else if line == "---" || line == "..." {
                let yamlStart = utf8.index(after: utf8.firstIndex(of: UInt8(ascii: "\n"))!)
                let yamlEnd = lineStart > yamlStart ? utf8.index(before: lineStart) : yamlStart
                let body = lineEnd < utf8.endIndex ? String(text[utf8.index(after: lineEnd)...]) : ""
                let bodyStart = BodyStart(line: lineNumber + 1, offset: utf8.count - body.utf8.count)
                return .success(FrontMatter(yaml: String(text[yamlStart..<yamlEnd]), yamlFirstLine: 2, body: body, bodyStart: bodyStart))
            }
            guard lineEnd < utf8.endIndex else { break }
            lineStart = utf8.index(after: lineEnd)
            lineNumber += 1
        }
        return .failure(.error(.frontMatterUnterminated, at: SourceLocation(file: path, line: 1, column: 1)))
    }
}

extension FrontMatter {
    /// Splits `text` and gives `read` the split and the reader of its front matter (which already holds the size
    /// warning); the value `read` made, with the reader's diagnostics, or the reason the file cannot be split.
    static func read<Value>(_ text: String, path: String, _ read: (FrontMatter, YAMLReader) -> Value?) -> (Value?, [Diagnostic]) {
        switch FrontMatter.split(text, path: path) {
        case .failure(let diagnostic):
            return (nil, [diagnostic])
        case .success(let split):
            let reader = YAMLReader(path: path, lineOffset: split.yamlFirstLine - 1)
            if let warning = split.sizeWarning(path: path) { reader.report(warning) }
            if let error = split.markupError(path: path) { reader.report(error) }
            let value = read(split, reader)
            return (value, reader.diagnostics)
        }
    }

    /// Beyond this, the text below the front matter makes a page too heavy to read on a phone.
    static let largeBody = 1 << 20

    /// A warning when the text below the front matter is over `largeBody` bytes.
    func sizeWarning(path: String) -> Diagnostic? {
        let size = body.utf8.count
        guard size > FrontMatter.largeBody else { return nil }
        return .warning(.textLarge(size: size, limit: FrontMatter.largeBody), at: SourceLocation(file: path, line: bodyStart.line, column: 1))
    }
}

extension FrontMatter {
    /// An error when the text below the front matter holds more markup characters than cmark may be given
    /// (`MarkupBudget`), at the first one over the budget; the text is then not laid out at all.
    func markupError(path: String) -> Diagnostic? {
        guard let (line, column) = MarkupBudget.overflow(in: body) else { return nil }
        return .error(.textTooMarked(limit: MarkupBudget.maximumMarks),
                      at: SourceLocation(file: path, line: bodyStart.line + line, column: column))
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
