/// What a GitHub table may cost: cmark-gfm pads every row to the header's width, so a 24 KB text of 3 000
/// header columns over 3 000 one-cell rows becomes nine million cells (a 90 MB page, 2.5 GB of memory). A
/// table whose columns × rows exceed `maximumCells` is not rendered as a table: its delimiter row is escaped
/// before parsing, so that cmark keeps the lines as the plain text of a paragraph, at the cost of their bytes.
///
/// Found by a line scan, cheap and before cmark: a delimiter row (`|---|:-:|`) under a non-blank line with as
/// many cells; its rows run to the next blank line. Container markers (`>`, indentation, a list bullet on the
/// header line) are skipped, so that a table in a quote or a list item is counted too; fenced code is not.
public enum TableBudget {
    /// 250 000 cells: 25 columns of 10 000 rows, or 500 × 500.
    public static let maximumCells = 250_000

    /// A table over budget: the 0-based line of its header row (the delimiter row is the next one), its
    /// columns and its rows (header included).
    public struct Table: Hashable, Sendable {
        public var headerLine: Int
        public var columns: Int
        public var rows: Int
        /// Byte offset in the text where the delimiter row's first `|`, `:` or `-` stands.
        var delimiterOffset: Int
    }

    /// The tables of `text` over budget, in reading order.
    public static func oversizedTables(in text: String) -> [Table] {
        var text = text
        return text.withUTF8 { bytes in scan(bytes) }
    }

    /// `text` with each oversized table's delimiter row escaped (`\|---|…`), or `text` itself when none is.
    public static func neutralizing(_ text: String) -> String {
        let tables = oversizedTables(in: text)
        guard !tables.isEmpty else { return text }
        var bytes = Array(text.utf8)
        for table in tables.reversed() {
            bytes.insert(UInt8(ascii: "\\"), at: table.delimiterOffset)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [Table] {
        guard mayHoldOversizedTable(bytes) else { return [] }
        // Line starts, then one pass over the lines.
        var starts = [0]
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") { starts.append(index + 1) }
        func line(_ number: Int) -> Range<Int> {
            let end = number + 1 < starts.count ? starts[number + 1] - 1 : bytes.count
            return starts[number]..<max(starts[number], end)
        }
        var tables: [Table] = []
        var fence: (byte: UInt8, length: Int)?
        var number = 0
        while number < starts.count {
            let content = contentStart(of: line(number), in: bytes)
            if let run = fenceRun(at: content, in: line(number), bytes) {
                if let open = fence {
                    if open.byte == run.byte, run.length >= open.length { fence = nil }
                } else {
                    fence = run
                }
                number += 1
                continue
            }
            if fence != nil || number == 0 { number += 1; continue }
            guard let columns = delimiterColumns(content..<line(number).upperBound, bytes),
                let header = headerCells(line(number - 1), bytes), header == columns
            else { number += 1; continue }
            var rows = 1
            var next = number + 1
            while next < starts.count, !isBlank(contentStart(of: line(next), in: bytes)..<line(next).upperBound, bytes) {
                rows += 1
                next += 1
            }
            if columns.multipliedReportingOverflow(by: rows).partialValue > maximumCells || columns > maximumCells {
                tables.append(Table(headerLine: number - 1, columns: columns, rows: rows, delimiterOffset: content))
            }
            number = next
        }
        return tables
    }

    /// Whether `bytes` may hold a table over budget: a table's columns are at most one more than the pipes of its
    /// delimiter row, and its rows at most the text's lines, so a text whose pipes and lines cannot multiply past
    /// `maximumCells` holds none, without the line scan (both counted by `memchr` jumps).
    static func mayHoldOversizedTable(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let cells = (count(UInt8(ascii: "|"), in: bytes) + 1).multipliedReportingOverflow(by: count(UInt8(ascii: "\n"), in: bytes) + 1)
        return cells.overflow || cells.partialValue > maximumCells
    }

    static func count(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var found = 0
        var index = 0
        while let offset = ByteSearch.firstOffset(of: byte, in: UnsafeBufferPointer(rebasing: bytes[index...])) {
            found += 1
            index += offset + 1
        }
        return found
    }

    /// Where a line's text starts once quote markers and indentation are skipped.
    static func contentStart(of line: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = line.lowerBound
        while index < line.upperBound, [0x20, 0x09, UInt8(ascii: ">")].contains(bytes[index]) { index += 1 }
        return index
    }

    static func isBlank(_ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        range.allSatisfy { bytes[$0] == 0x20 || bytes[$0] == 0x09 || bytes[$0] == 0x0D }
    }

    static func fenceRun(at start: Int, in line: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> (byte: UInt8, length: Int)? {
        guard start < line.upperBound, bytes[start] == UInt8(ascii: "`") || bytes[start] == UInt8(ascii: "~") else { return nil }
        var length = 0
        while start + length < line.upperBound, bytes[start + length] == bytes[start] { length += 1 }
        return length >= 3 ? (bytes[start], length) : nil
    }

    /// The columns of a delimiter row (`| --- | :-: |`), or nil when the line is not one.
    static func delimiterColumns(_ range: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var cells = 0, pipes = 0
        var inCell = false, sawDash = false
        for index in range {
            switch bytes[index] {
            case UInt8(ascii: "|"):
                pipes += 1
                if inCell { guard sawDash else { return nil }; cells += 1 }
                inCell = false
                sawDash = false
            case UInt8(ascii: "-"), UInt8(ascii: ":"):
                if bytes[index] == UInt8(ascii: "-") { sawDash = true }
                inCell = true
            case 0x20, 0x09, 0x0D:
                continue
            default:
                return nil
            }
        }
        if inCell { guard sawDash else { return nil }; cells += 1 }
        // One column needs a pipe to be a table rather than a thematic break or a setext underline.
        return cells > 0 && pipes > 0 ? cells : nil
    }

    /// The cells of a header row: split on unescaped `|`, leading and trailing pipes dropped, after quote
    /// markers, indentation and a list bullet.
    static func headerCells(_ line: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var start = contentStart(of: line, in: bytes)
        // A list item's bullet (`-`, `*`, `+`, `1.`, `1)`) followed by a space.
        var probe = start
        while probe < line.upperBound, probe - start < 9, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[probe]) { probe += 1 }
        if probe < line.upperBound, probe > start ? [UInt8(ascii: "."), UInt8(ascii: ")")].contains(bytes[probe])
            : [UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+")].contains(bytes[probe]),
            probe + 1 < line.upperBound, bytes[probe + 1] == 0x20 || bytes[probe + 1] == 0x09 {
            start = contentStart(of: (probe + 1)..<line.upperBound, in: bytes)
        }
        var end = line.upperBound
        while end > start, [0x20, 0x09, 0x0D].contains(bytes[end - 1]) { end -= 1 }
        guard start < end else { return nil }
        var cells = 1
        var index = start
        while index < end {
            if bytes[index] == UInt8(ascii: "\\") { index += 2; continue }
            if bytes[index] == UInt8(ascii: "|") { cells += 1 }
            index += 1
        }
        if bytes[start] == UInt8(ascii: "|") { cells -= 1 }
        if end - start > 1, bytes[end - 1] == UInt8(ascii: "|"), bytes[end - 2] != UInt8(ascii: "\\") { cells -= 1 }
        return cells
    }
}
