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
    /// scanned, a line at a time through `memchr`: the body, most of the file, is taken as it is.
    static func split(_ text: String, path: String) -> Result<FrontMatter, Diagnostic> {
        if text.utf8.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\t") }) {
            return .failure(.error(.fileEmpty, at: SourceLocation(file: path, line: 1, column: 1)))
        }
        var copy = text
        let found = copy.withUTF8 { closingLine(in: $0) }
        let utf8 = text.utf8
        switch found {
        case .missing:
            return .failure(.error(.frontMatterMissing, at: SourceLocation(file: path, line: 1, column: 1)))
        case .unterminated:
            return .failure(.error(.frontMatterUnterminated, at: SourceLocation(file: path, line: 1, column: 1)))
        case .closing(let yaml, let bodyOffset, let lineNumber):
            let index = { (offset: Int) in utf8.index(utf8.startIndex, offsetBy: offset) }
            let body = bodyOffset < utf8.count ? String(text[index(bodyOffset)...]) : ""
            let bodyStart = BodyStart(line: lineNumber + 1, offset: utf8.count - body.utf8.count)
            return .success(FrontMatter(yaml: String(text[index(yaml.lowerBound)..<index(yaml.upperBound)]), yamlFirstLine: 2,
                                        body: body, bodyStart: bodyStart))
        }
    }

    /// Where the front matter of a text ends, in bytes.
    enum Closing: Equatable {
        /// The first line is not `---`.
        case missing
        /// No `---` or `...` line closes it.
        case unterminated
        /// The YAML's bytes (without the line end before the closing line), the body's first byte (past the
        /// text's end when nothing follows the closing line) and the closing line's number.
        case closing(yaml: Range<Int>, body: Int, line: Int)
    }

    /// The lines are compared as bytes, trailing spaces and tabs left out: only ASCII bytes can make `---`.
    static func closingLine(in bytes: UnsafeBufferPointer<UInt8>) -> Closing {
        func lineEnd(from start: Int) -> Int {
            guard start < bytes.count, let base = bytes.baseAddress else { return bytes.count }
            return ByteSearch.firstOffset(of: UInt8(ascii: "\n"), in: UnsafeBufferPointer(start: base + start, count: bytes.count - start))
                .map { start + $0 } ?? bytes.count
        }
        func isLine(_ start: Int, _ end: Int, _ mark: UInt8) -> Bool {
            var end = end
            while end > start, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
            return end - start == 3 && bytes[start] == mark && bytes[start + 1] == mark && bytes[start + 2] == mark
        }
        let firstEnd = lineEnd(from: 0)
        guard isLine(0, firstEnd, UInt8(ascii: "-")) else { return .missing }
        guard firstEnd < bytes.count else { return .unterminated }
        let yamlStart = firstEnd + 1
        var lineStart = yamlStart
        var lineNumber = 2
        while true {
            let end = lineEnd(from: lineStart)
            if isLine(lineStart, end, UInt8(ascii: "-")) || isLine(lineStart, end, UInt8(ascii: ".")) {
                let yamlEnd = lineStart > yamlStart ? lineStart - 1 : yamlStart
                return .closing(yaml: yamlStart..<yamlEnd, body: end + 1, line: lineNumber)
            }
            guard end < bytes.count else { return .unterminated }
            lineStart = end + 1
            lineNumber += 1
        }
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
