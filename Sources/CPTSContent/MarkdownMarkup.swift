import CPTSDomain
import CPTSMarkdown

/// What the Markdown renderer will drop or escape in a text, found while loading so that `check` can say so
/// at its line: raw HTML tags, links with an unsafe scheme (`javascript:`…), and nesting deeper than a browser
/// keeps. A line scan rather than a Markdown parse, so that each finding has its line and column: fenced code blocks and
/// code spans are skipped, a tag must be complete on its line as cmark requires, and each kind of finding is
/// reported once per file, at its first occurrence, with the number of others.
enum MarkdownMarkup {
    enum Kind: Hashable, Sendable {
        /// Raw HTML: an opening tag or a comment.
        case html
        /// Raw HTML that cmark-gfm's tagfilter escapes even when raw HTML is allowed (`<script>`, `<iframe>`…).
        case filteredHTML
        /// A link or image destination with an unsafe scheme (`javascript:`…).
        case unsafeLink
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
        /// How many more of the same kind follow in the file.
        var others: Int
        /// The size of a `largeTable`.
        var columns = 0, rows = 0
    }

    /// Tags cmark-gfm's tagfilter escapes even when raw HTML is allowed.
    static let filteredTags: Set<String> = ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes",
                                             "script", "plaintext"]
    /// Image types cmark lets through as `data:` URLs.
    static let safeDataPrefixes = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
    static let deepNesting = 100
    static let longestTag = 1000

    /// - Parameter firstLine: the file's line of the text's first line.
    static func scan(_ text: String, firstLine: Int) -> [Finding] {
        var firsts: [Kind: Finding] = [:]
        var order: [Kind] = []
        var fence: (byte: UInt8, length: Int)?
        var lineNumber = firstLine
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                scanLine(line, fence: &fence) { kind, offset, found in
                    if firsts[kind] == nil {
                        let column = String(decoding: UnsafeBufferPointer(rebasing: line[..<offset]), as: UTF8.self)
                            .unicodeScalars.count + 1
                        firsts[kind] = Finding(kind: kind, line: lineNumber, column: column, text: found, others: 0)
                        order.append(kind)
                    } else {
                        firsts[kind]!.others += 1
                    }
                }
                if end == bytes.count { break }
                start = end + 1
                lineNumber += 1
            }
        }
        let tables = TableBudget.oversizedTables(in: text)
        if let first = tables.first {
            firsts[.largeTable] = Finding(kind: .largeTable, line: firstLine + first.headerLine, column: 1,
                                          text: "", others: tables.count - 1, columns: first.columns, rows: first.rows)
            order.append(.largeTable)
        }
        return order.compactMap { firsts[$0] }
    }

    /// The warnings for `findings`, given what the site lets through.
    static func diagnostics(for findings: [Finding], path: String, allowRawHTML: Bool, allowUnsafeLinks: Bool) -> [Diagnostic] {
        findings.compactMap { finding in
            let location = SourceLocation(file: path, line: finding.line, column: finding.column)
            switch finding.kind {
            case .html:
                guard !allowRawHTML else { return nil }
                return .warning(.htmlDropped(tag: finding.text, others: finding.others), at: location)
            case .filteredHTML:
                guard allowRawHTML else { return nil }
                return .warning(.htmlShownAsText(tag: finding.text, others: finding.others), at: location)
            case .unsafeLink:
                guard !allowUnsafeLinks else { return nil }
                return .warning(.unsafeLinkDropped(target: finding.text, others: finding.others), at: location)
            case .nesting:
                return .warning(.markdownDeep(levels: finding.text, limit: deepNesting, others: finding.others), at: location)
            case .largeTable:
                return .warning(.tableTooLarge(columns: finding.columns, rows: finding.rows, others: finding.others,
                                               maximumCells: TableBudget.maximumCells), at: location)
            }
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
        let definitionLine = indent <= 3 && indent < line.count && line[indent] == UInt8(ascii: "[")
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
                if let (url, end) = autolink(in: line, at: index) {
                    report(.unsafeLink, index + 1, url)
                    index = end
                    continue
                }
            }
            // `](destination` of an inline link, `]: destination` of a reference definition.
            if byte == UInt8(ascii: "]"), index + 1 < line.count,
                line[index + 1] == UInt8(ascii: "(") || (definitionLine && line[index + 1] == UInt8(ascii: ":")) {
                let inline = line[index + 1] == UInt8(ascii: "(")
                var start = index + 2
                while start < line.count, isSpace(line[start]) { start += 1 }
                if start < line.count, line[start] == UInt8(ascii: "<") { start += 1 }
                var end = start
                var depth = 0
                while end < line.count, line[end] != UInt8(ascii: " "), line[end] != UInt8(ascii: ">") {
                    if inline, line[end] == UInt8(ascii: "(") { depth += 1 }
                    if inline, line[end] == UInt8(ascii: ")") {
                        if depth == 0 { break }
                        depth -= 1
                    }
                    end += 1
                }
                let url = String(decoding: UnsafeBufferPointer(rebasing: line[start..<end]), as: UTF8.self)
                if isUnsafe(url) { report(.unsafeLink, start, url) }
                index = max(end, index + 1)
                continue
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

    /// An autolink `<scheme:…>` with an unsafe scheme.
    static func autolink(in line: UnsafeBufferPointer<UInt8>, at start: Int) -> (url: String, end: Int)? {
        var end = start + 1
        while end < line.count, line[end] != UInt8(ascii: ">"), line[end] != UInt8(ascii: "<"), !isSpace(line[end]) { end += 1 }
        guard end < line.count, line[end] == UInt8(ascii: ">") else { return nil }
        let url = String(decoding: UnsafeBufferPointer(rebasing: line[(start + 1)..<end]), as: UTF8.self)
        return isUnsafe(url) ? (url, end + 1) : nil
    }

    /// Whether a destination has an unsafe scheme, once entities are decoded and blanks and case ignored,
    /// as a browser reads it; `data:` images of the types cmark lets through are safe.
    static func isUnsafe(_ url: String) -> Bool {
        let lowered = String(String.UnicodeScalarView(RawHTMLSanitizer.decodingEntities(url).unicodeScalars.filter { $0.value > 0x20 })).lowercased()
        guard UnsafeContentFilter.unsafeSchemes.contains(where: { lowered.hasPrefix($0) }) else { return false }
        return !safeDataPrefixes.contains(where: { lowered.hasPrefix($0) })
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }
}
