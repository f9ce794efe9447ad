import CPTSDomain
import CPTSMarkdown

/// What the Markdown renderer will drop or escape in a text, found while loading so that `check` can say so
/// at its line: raw HTML tags, URLs the renderer drops (`URLPolicy`), and nesting deeper than a browser keeps.
/// URLs are read from the renderer's own parse and decisions (`MarkdownRenderer.droppedURLs`); tags and nesting by a
/// line scan, so that each finding has its line and column: fenced code blocks and code spans are skipped, a tag
/// must be complete on its line as cmark requires. Each kind of finding is reported once per file, at its first
/// occurrence, with the number of others.
enum MarkdownMarkup {
    enum Kind: Hashable, Sendable {
        /// Raw HTML: an opening tag or a comment.
        case html
        /// Raw HTML that cmark-gfm's tagfilter escapes even when raw HTML is allowed (`<script>`, `<iframe>`…).
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

    /// Tags cmark-gfm's tagfilter escapes even when raw HTML is allowed.
    static let filteredTags: Set<String> = ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes",
                                             "script", "plaintext"]
    /// The longest URL quoted in a warning (a `data:` image can run to megabytes).
    static let longestShownURL = 80
    static let deepNesting = 100
    static let longestTag = 1000

    /// Each kind's first finding, with the number of others.
    /// - Parameter firstLine: the file's line of the text's first line.
    static func scan(_ text: String, firstLine: Int) -> [Finding] {
        var firsts: [Kind: Finding] = [:]
        var order: [Kind] = []
        for finding in findings(in: text, firstLine: firstLine) {
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

    /// Every finding of `text` but large tables, in the order of the text.
    static func findings(in text: String, firstLine: Int) -> [Finding] {
        var found: [Finding] = []
        var fence: (byte: UInt8, length: Int)?
        var lineNumber = firstLine
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                scanLine(line, fence: &fence) { kind, offset, text in
                    let column = String(decoding: UnsafeBufferPointer(rebasing: line[..<offset]), as: UTF8.self).unicodeScalars.count + 1
                    found.append(Finding(kind: kind, line: lineNumber, column: column, text: text, url: nil, others: 0))
                }
                if end == bytes.count { break }
                start = end + 1
                lineNumber += 1
            }
        }
        found += droppedURLs(in: text, firstLine: firstLine)
        return found.enumerated().sorted { ($0.element.line, $0.element.column, $0.offset) < ($1.element.line, $1.element.column, $1.offset) }
            .map(\.element)
    }

    /// The URLs the renderer drops, where they are.
    static func droppedURLs(in text: String, firstLine: Int) -> [Finding] {
        // A scheme needs a colon, written or as a character reference.
        guard text.contains(":") || text.contains("&") else { return [] }
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        return MarkdownRenderer.droppedURLs(in: text).map { dropped in
            var (line, column) = (dropped.line, 1)
            // cmark's column can fall beyond its line (after a code span over several lines): the line's start then.
            if line >= 1, line <= lines.count, dropped.byteColumn >= 1, dropped.byteColumn <= lines[line - 1].count + 1 {
                column = String(decoding: lines[line - 1].prefix(dropped.byteColumn - 1), as: UTF8.self).unicodeScalars.count + 1
            }
            line = max(1, min(line, lines.count))
            let isData = URLPolicy.scheme(of: dropped.url) == "data"
            let kind: Kind = isData ? .dataURL(inRawHTML: dropped.inRawHTML) : .unsafeLink(inRawHTML: dropped.inRawHTML)
            return Finding(kind: kind, line: firstLine + line - 1, column: column, text: shown(dropped.url), url: dropped.url, others: 0)
        }
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

        let spans = codeSpans(line)
        var nextSpan = 0
        var index = 0
        while index < line.count {
            // Code spans are text: skip them whole.
            while nextSpan < spans.count, spans[nextSpan].upperBound <= index { nextSpan += 1 }
            if nextSpan < spans.count, spans[nextSpan].contains(index) {
                index = spans[nextSpan].upperBound
                continue
            }
            let byte = line[index]
            if byte == UInt8(ascii: "\\") { index += 2; continue }
            if byte == UInt8(ascii: "<") {
                if let (name, closing, end) = tag(in: line, at: index) {
                    // Closing tags go with their opening ones: only the latter are counted.
                    if !closing {
                        let found = String(decoding: UnsafeBufferPointer(rebasing: line[index..<min(end, index + 60)]), as: UTF8.self)
                        report(.html, index, found)
                        if filteredTags.contains(name) { report(.filteredHTML, index, found) }
                    }
                    index = end
                    continue
                }
            }
            index += 1
        }
    }

    /// The code spans of a line: from a run of backticks to the next run as long. Each run is paired in one pass
    /// from the right, so that a line of unmatched backticks costs no more than its length.
    static func codeSpans(_ line: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        guard line.contains(UInt8(ascii: "`")) else { return [] }
        var runs: [(start: Int, length: Int)] = []
        var index = 0
        while index < line.count {
            guard line[index] == UInt8(ascii: "`") else { index += 1; continue }
            var length = 0
            while index + length < line.count, line[index + length] == UInt8(ascii: "`") { length += 1 }
            runs.append((index, length))
            index += length
        }
        var nextSameLength = [Int?](repeating: nil, count: runs.count)
        var seen: [Int: Int] = [:]
        for position in runs.indices.reversed() {
            nextSameLength[position] = seen[runs[position].length]
            seen[runs[position].length] = position
        }
        var spans: [Range<Int>] = []
        var position = 0
        while position < runs.count {
            if let closer = nextSameLength[position] {
                spans.append(runs[position].start..<(runs[closer].start + runs[closer].length))
                position = closer + 1
            } else {
                position += 1
            }
        }
        return spans
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

    /// A complete HTML tag at `start` as cmark recognises one: `<name attributes>`, `</name>` or `<!--`.
    static func tag(in line: UnsafeBufferPointer<UInt8>, at start: Int) -> (name: String, closing: Bool, end: Int)? {
        // A tag is looked for within `longestTag` bytes, so that a line of tag starts costs no more than a bounded
        // multiple of its length.
        let line = UnsafeBufferPointer(rebasing: line[..<min(line.count, start + longestTag)])
        var index = start + 1
        guard index < line.count else { return nil }
        if line[index] == UInt8(ascii: "!"), index + 2 < line.count, line[index + 1] == UInt8(ascii: "-"),
            line[index + 2] == UInt8(ascii: "-") {
            return ("!--", false, index + 3)
        }
        let closing = line[index] == UInt8(ascii: "/")
        if closing { index += 1 }
        guard index < line.count, isLetter(line[index]) else { return nil }
        let nameStart = index
        while index < line.count, isLetter(line[index]) || isDigit(line[index]) || line[index] == UInt8(ascii: "-") { index += 1 }
        let name = String(decoding: UnsafeBufferPointer(rebasing: line[nameStart..<index]), as: UTF8.self).lowercased()
        if closing {
            while index < line.count, isSpace(line[index]) { index += 1 }
            return index < line.count && line[index] == UInt8(ascii: ">") ? (name, true, index + 1) : nil
        }
        // Attributes: whitespace, a name, optionally `=` and a value; then `/>` or `>`.
        while true {
            let beforeSpace = index
            while index < line.count, isSpace(line[index]) { index += 1 }
            guard index < line.count else { return nil }
            if line[index] == UInt8(ascii: ">") { return (name, false, index + 1) }
            if line[index] == UInt8(ascii: "/") {
                return index + 1 < line.count && line[index + 1] == UInt8(ascii: ">") ? (name, false, index + 2) : nil
            }
            guard index > beforeSpace, isLetter(line[index]) || line[index] == UInt8(ascii: "_") || line[index] == UInt8(ascii: ":")
            else { return nil }
            while index < line.count, isLetter(line[index]) || isDigit(line[index])
                || [UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "-")].contains(line[index]) {
                index += 1
            }
            var probe = index
            while probe < line.count, isSpace(line[probe]) { probe += 1 }
            guard probe < line.count, line[probe] == UInt8(ascii: "=") else { continue }
            probe += 1
            while probe < line.count, isSpace(line[probe]) { probe += 1 }
            guard probe < line.count else { return nil }
            let quote = line[probe]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                probe += 1
                while probe < line.count, line[probe] != quote { probe += 1 }
                guard probe < line.count else { return nil }
                index = probe + 1
            } else {
                let valueStart = probe
                while probe < line.count, !isSpace(line[probe]),
                    ![UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "`")].contains(line[probe]) {
                    probe += 1
                }
                guard probe > valueStart else { return nil }
                index = probe
            }
        }
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }
}
