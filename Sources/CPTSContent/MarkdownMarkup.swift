import CPTSDomain
import CPTSMarkdown

/// What the Markdown renderer will drop or escape in a text, found while loading so that `check` can say so
/// at its line: raw HTML tags, URLs the renderer drops (`URLPolicy`), and nesting deeper than a browser keeps.
/// Tags and URLs are read from the renderer's own parse and decisions (`MarkdownRenderer.read`), nesting by a line
/// scan that skips fenced code blocks. Each kind of finding is reported once per file, at its first occurrence, with
/// the number of others.
enum MarkdownMarkup {
    enum Kind: Hashable, Sendable {
        /// Raw HTML: a start tag, a comment or a declaration (`<!DOCTYPE…>`).
        case html
        /// Raw HTML shown as text even when raw HTML is allowed (`<script>`, `<iframe>`…: `tagsShownAsText`).
        case filteredHTML
        /// A URL with a scheme `URLPolicy` drops (`javascript:`…), in a link or image, or in raw HTML (dropped only
        /// when raw HTML is allowed: else the whole tag is).
        case unsafeLink(inRawHTML: Bool)
        /// The same for a `data:` URL (an image, often).
        case dataURL(inRawHTML: Bool)
        /// Block containers (lists, quotes) opened on one line beyond `deepNesting`.
        case nesting
        /// A table whose columns × rows exceed `TableBudget.maximumCells`: shown as plain text.
        case largeTable
    }

    struct Finding: Hashable, Sendable {
        var kind: Kind
        var line: Int
        var column: Int
        /// The text found (`<script>`, the URL), or the depth for `nesting`.
        var text: String
        /// The URL dropped, as the renderer reads it, for `unsafeLink` and `dataURL`.
        var url: String?
        /// How many more of the same kind follow in the file.
        var others: Int
        /// The size of a `largeTable`.
        var columns = 0, rows = 0
    }

    /// The longest URL quoted in a warning (a `data:` image can run to megabytes).
    static let longestShownURL = 80
    static let deepNesting = 100

    /// Each kind's first finding, with the number of others, the text parsed for its markup here.
    /// - Parameter firstLine: the file's line of the text's first line.
    static func scan(_ text: String, firstLine: Int) -> [Finding] {
        scan(text, firstLine: firstLine, markup: parsedMarkup(of: text))
    }

    /// Each kind's first finding, with the number of others.
    /// - Parameters:
    ///   - firstLine: the file's line of the text's first line.
    ///   - markup: what the renderer drops or escapes in the text, as its parse found it (`MarkdownRenderer.read`).
    static func scan(_ text: String, firstLine: Int, markup: [UnsafeContentFilter.Markup]) -> [Finding] {
        var firsts: [Kind: Finding] = [:]
        var order: [Kind] = []
        for finding in findings(in: text, firstLine: firstLine, markup: markup) {
            if firsts[finding.kind] == nil {
                firsts[finding.kind] = finding
                order.append(finding.kind)
            } else {
                firsts[finding.kind]?.others += 1
            }
        }
        let tables = TableBudget.oversizedTables(in: text)
        if let first = tables.first {
            firsts[.largeTable] = Finding(kind: .largeTable, line: firstLine + first.headerLine, column: 1,
                                          text: "", url: nil, others: tables.count - 1, columns: first.columns, rows: first.rows)
            order.append(.largeTable)
        }
        return order.compactMap { firsts[$0] }
    }

    /// Every finding of `text` but large tables, in the order of the text, the text parsed for its markup here.
    static func findings(in text: String, firstLine: Int) -> [Finding] {
        findings(in: text, firstLine: firstLine, markup: parsedMarkup(of: text))
    }

    /// Whether `text` may hold raw HTML or a URL the renderer drops: raw HTML needs a `<`, a scheme a colon, written
    /// or as a character reference. Else there is nothing for a parse to find.
    static func mayHoldMarkup(_ text: String) -> Bool {
        text.containsBytes("<") || text.containsBytes(":") || text.containsBytes("&")
    }

    /// What the renderer drops or escapes in `text`, from a parse of its own (none when it cannot hold any).
    static func parsedMarkup(of text: String) -> [UnsafeContentFilter.Markup] {
        mayHoldMarkup(text) ? MarkdownRenderer.markup(in: text) : []
    }

    /// Every finding of `text` but large tables, in the order of the text; `markup` is what its parse found.
    static func findings(in text: String, firstLine: Int, markup: [UnsafeContentFilter.Markup]) -> [Finding] {
        var found: [Finding] = []
        var fence: (byte: UInt8, length: Int)?
        var lineNumber = firstLine
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            while start <= bytes.count {
                // `memchr`: a loop over every byte of every body cost about 0.5 % of the heavy set's load stage.
                let rest = UnsafeBufferPointer(rebasing: bytes[start...])
                let end = ByteSearch.firstOffset(of: UInt8(ascii: "\n"), in: rest).map { start + $0 } ?? bytes.count
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                var columns = ScalarColumns()
                scanLine(line, fence: &fence) { kind, offset, text in
                    let column = columns.column(ofByte: offset, in: line)
                    found.append(Finding(kind: kind, line: lineNumber, column: column, text: text, url: nil, others: 0))
                }
                if end == bytes.count { break }
                start = end + 1
                lineNumber += 1
            }
        }
        found += renderedMarkup(markup, in: text, firstLine: firstLine)
        return found.enumerated().sorted { ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset) }
            .map(\.element)
    }

    /// The raw HTML and the URLs the renderer drops (`found`, from the text's parse), where they are in the file.
    static func renderedMarkup(_ found: [UnsafeContentFilter.Markup], in text: String, firstLine: Int) -> [Finding] {
        // The lines, for the columns, only when there is something to place (most texts have nothing).
        guard !found.isEmpty else { return [] }
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        var columns = ScalarColumns()
        return found.flatMap { markup in
            let (line, column) = position(line: markup.line, byteColumn: markup.byteColumn, in: lines, columns: &columns)
            switch markup.kind {
            case .tag(let shownAsText):
                let line = firstLine + line - 1
                let html = Finding(kind: .html, line: line, column: column, text: markup.text, url: nil, others: 0)
                return shownAsText ? [html, Finding(kind: .filteredHTML, line: line, column: column, text: markup.text, url: nil, others: 0)] : [html]
            case .url(let inRawHTML):
                let kind: Kind = URLPolicy.scheme(of: markup.text) == "data" ? .dataURL(inRawHTML: inRawHTML) : .unsafeLink(inRawHTML: inRawHTML)
                return [Finding(kind: kind, line: firstLine + line - 1, column: column, text: shown(markup.text), url: markup.text, others: 0)]
            }
        }
    }

    /// cmark's line and byte column as a line and a column in characters. After an inline running over several lines
    /// (a code span, a tag), cmark keeps the line it started on and counts the column on from it across the line
    /// breaks: the column is then followed onto the lines after.
    /// Counts on from the last position asked for when it is on the same line and before.
    static func position(line: Int, byteColumn: Int, in lines: [Substring.UTF8View],
                         columns: inout ScalarColumns) -> (line: Int, column: Int) {
        guard line >= 1, line <= lines.count, byteColumn >= 1 else { return (max(1, min(line, lines.count)), 1) }
        var (line, offset) = (line, byteColumn - 1)
        while offset > lines[line - 1].count, line < lines.count {
            offset -= lines[line - 1].count + 1
            line += 1
        }
        return (line, columns.column(ofByte: offset, inLine: line, lines[line - 1]))
    }

    /// A URL as a warning quotes it: control characters escaped, and cut when too long.
    static func shown(_ url: String) -> String {
        let escaped = DisplayedPath.escaping(url)
        guard escaped.unicodeScalars.count > longestShownURL else { return escaped }
        return String(String.UnicodeScalarView(escaped.unicodeScalars.prefix(longestShownURL))) + "…"
    }

    /// The warnings for `findings`, given what the site lets through.
    static func diagnostics(for findings: [Finding], path: String, allowRawHTML: Bool, allowUnsafeLinks: Bool) -> [Diagnostic] {
        findings.compactMap { finding in
            guard isShown(finding.kind, allowRawHTML: allowRawHTML, allowUnsafeLinks: allowUnsafeLinks) else { return nil }
            let location = SourceLocation(file: path, line: finding.line, column: finding.column)
            switch finding.kind {
            case .html:
                return .warning(.htmlDropped(tag: finding.text, others: finding.others), at: location)
            case .filteredHTML:
                return .warning(.htmlShownAsText(tag: finding.text, others: finding.others), at: location)
            case .unsafeLink:
                return .warning(.unsafeLinkDropped(target: finding.text, others: finding.others), at: location)
            case .dataURL:
                return .warning(.dataURLDropped(target: finding.text, others: finding.others), at: location)
            case .nesting:
                return .warning(.markdownDeep(levels: finding.text, limit: deepNesting, others: finding.others), at: location)
            case .largeTable:
                return .warning(.tableTooLarge(columns: finding.columns, rows: finding.rows, others: finding.others,
                                               maximumCells: TableBudget.maximumCells), at: location)
            }
        }
    }

    /// Whether what a finding of `kind` says happens, given what the site lets through.
    static func isShown(_ kind: Kind, allowRawHTML: Bool, allowUnsafeLinks: Bool) -> Bool {
        switch kind {
        case .html: !allowRawHTML
        case .filteredHTML: allowRawHTML
        case .unsafeLink(let inRawHTML), .dataURL(let inRawHTML): !allowUnsafeLinks && (allowRawHTML || !inRawHTML)
        case .nesting, .largeTable: true
        }
    }

    // MARK: One line

    static func scanLine(_ line: UnsafeBufferPointer<UInt8>, fence: inout (byte: UInt8, length: Int)?,
                         report: (Kind, Int, String) -> Void) {
        // Fenced code blocks: ``` or ~~~ after at most three spaces; closed by a fence as long of the same character.
        var indent = 0
        while indent < line.count, line[indent] == UInt8(ascii: " ") { indent += 1 }
        if indent <= 3, indent < line.count, line[indent] == UInt8(ascii: "`") || line[indent] == UInt8(ascii: "~") {
            let byte = line[indent]
            var length = 0
            while indent + length < line.count, line[indent + length] == byte { length += 1 }
            if length >= 3 {
                if let open = fence {
                    if open.byte == byte, length >= open.length { fence = nil }
                } else {
                    fence = (byte, length)
                }
                return
            }
        }
        if fence != nil { return }

        let depth = nestingDepth(line)
        if depth > deepNesting { report(.nesting, 0, String(depth)) }
    }

    /// Containers opened at the start of a line: `>` quotes and `-`, `+`, `*`, `1.`, `1)` list items.
    static func nestingDepth(_ line: UnsafeBufferPointer<UInt8>) -> Int {
        var depth = 0
        var index = 0
        while index < line.count {
            while index < line.count, line[index] == UInt8(ascii: " ") { index += 1 }
            guard index < line.count else { break }
            let byte = line[index]
            if byte == UInt8(ascii: ">") {
                depth += 1
                index += 1
                continue
            }
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "*") {
                guard index + 1 < line.count, line[index + 1] == UInt8(ascii: " ") else { break }
                depth += 1
                index += 2
                continue
            }
            var digits = 0
            while index + digits < line.count, digits < 10, isDigit(line[index + digits]) { digits += 1 }
            guard digits > 0, digits <= 9, index + digits + 1 < line.count,
                line[index + digits] == UInt8(ascii: ".") || line[index + digits] == UInt8(ascii: ")"),
                line[index + digits + 1] == UInt8(ascii: " ")
            else { break }
            depth += 1
            index += digits + 2
        }
        return depth
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}

/// Columns (1-based, in Unicode scalars) of byte offsets in a line, asked for in increasing order: each is counted
/// on from the one before, so that 100 000 findings on one long line cost its length, not 100 000 times it.
struct ScalarColumns {
    private var last: (line: Int, offset: Int, column: Int)?

    mutating func column(ofByte offset: Int, in line: UnsafeBufferPointer<UInt8>) -> Int {
        column(ofByte: offset, inLine: 0, line)
    }

    mutating func column<Bytes: Collection<UInt8>>(ofByte offset: Int, inLine number: Int, _ bytes: Bytes) -> Int {
        var (from, column) = (0, 1)
        if let last, last.line == number, last.offset <= offset { (from, column) = (last.offset, last.column) }
        let end = min(offset, bytes.count)
        if from < end {
            var index = bytes.index(bytes.startIndex, offsetBy: from)
            for _ in from..<end {
                if bytes[index] & 0xC0 != 0x80 { column += 1 }
                index = bytes.index(after: index)
            }
        }
        last = (number, max(from, end), column)
        return column
    }
}
