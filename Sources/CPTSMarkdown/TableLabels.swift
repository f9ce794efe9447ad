/// A Markdown table of three columns or more stacks its rows at phone width as the theme's tables do: it gets the
/// class `stack`, and each body cell its column header's text as `data-label`, which the stylesheet writes above
/// the cell once the column headers are hidden (see "Les tableaux sur un téléphone" in docs/themes.md). Without
/// it, a table wider than a phone hid its last columns in a box scrolling sideways.
///
/// Read with the tag tokenizer of the sanitizer (its tags' outlines: no name or attribute is copied); only tables
/// written without attributes (as cmark-gfm writes them) are touched. The headers' text is HTML already (cmark-gfm
/// escapes `&`, `<`, `>`, `"`); a `"` of raw HTML is escaped for the attribute.
enum TableLabels {
    static let minimumColumns = 3

    /// `html` with its tables labelled.
    static func apply(to html: String) -> String {
        guard html.containsBytes("<thead>") else { return html }
        var html = html
        return html.withUTF8 { bytes in
            let labels = read(bytes)
            return labels.isEmpty ? nil : labels.written(over: bytes)
        } ?? html
    }

    /// What the tables of `bytes` are given.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Labels {
        var reader = Reader()
        HTMLTagTokenizer.tokenize(bytes, reading: HTMLTag.Outline.self) { reader.read($0, in: bytes) }
        return reader.labels
    }

    /// The text to insert in a page's tables, in the order of the page.
    struct Labels {
        /// Where each insertion goes, and what: ` class="stack"` (`label` nil) or the `data-label` of `texts[label]`.
        var insertions: [(at: Int, label: Int?)] = []
        /// The headers' texts as attribute values, every table's in turn.
        var texts: [[UInt8]] = []
        /// How many bytes the insertions add.
        var addedCount = 0

        var isEmpty: Bool { insertions.isEmpty }

        static let stack = Array(" class=\"stack\"".utf8)
        static let labelStart = Array(" data-label=\"".utf8)

        mutating func insert(at offset: Int, label: Int?) {
            insertions.append((offset, label))
            addedCount += label.map { Labels.labelStart.count + texts[$0].count + 1 } ?? Labels.stack.count
        }

        /// `bytes` with the insertions made, as a `String` (one copy, one `UTF8Text` check).
        func written(over bytes: UnsafeBufferPointer<UInt8>) -> String {
            let output = [UInt8](unsafeUninitializedCapacity: bytes.count + addedCount) { output, initialized in
                initialized = 0
                guard let start = output.baseAddress else { return }
                var written = 0
                func append(_ part: UnsafeBufferPointer<UInt8>) {
                    guard let base = part.baseAddress, !part.isEmpty else { return }
                    UnsafeMutableRawPointer(start + written).copyMemory(from: base, byteCount: part.count)
                    written += part.count
                }
                var copied = 0
                for insertion in insertions {
                    append(UnsafeBufferPointer(rebasing: bytes[copied..<insertion.at]))
                    if let label = insertion.label {
                        Labels.labelStart.withUnsafeBufferPointer(append)
                        texts[label].withUnsafeBufferPointer(append)
                        [UInt8(ascii: "\"")].withUnsafeBufferPointer(append)
                    } else {
                        Labels.stack.withUnsafeBufferPointer(append)
                    }
                    copied = insertion.at
                }
                append(UnsafeBufferPointer(rebasing: bytes[copied...]))
                initialized = written
            }
            return output.withUnsafeBufferPointer { UTF8Text.string($0) }
        }
    }

    /// The names of the tags a table is read from.
    enum Name {
        case table, thead, th, tr, td

        /// The name of `tag` if it is one of these, whatever its case.
        init?(of tag: HTMLTag.Outline, in bytes: UnsafeBufferPointer<UInt8>) {
            let start = tag.nameRange.lowerBound
            // Every name compared is lowercase letters: `| 0x20` folds only `A`–`Z` onto them.
            func letter(_ offset: Int) -> UInt8 { bytes[start + offset] | 0x20 }
            guard letter(0) == UInt8(ascii: "t") else { return nil }
            switch (tag.nameRange.count, letter(1)) {
            case (2, UInt8(ascii: "h")): self = .th
            case (2, UInt8(ascii: "r")): self = .tr
            case (2, UInt8(ascii: "d")): self = .td
            case (5, UInt8(ascii: "a")) where letter(2) == UInt8(ascii: "b") && letter(3) == UInt8(ascii: "l")
                && letter(4) == UInt8(ascii: "e"):
                self = .table
            case (5, UInt8(ascii: "h")) where letter(2) == UInt8(ascii: "e") && letter(3) == UInt8(ascii: "a")
                && letter(4) == UInt8(ascii: "d"):
                self = .thead
            default: return nil
            }
        }
    }

    /// What the tokens of a page say of its tables so far, and the text to insert (in the order of the page).
    struct Reader {
        var labels = Labels()
        /// Where ` class="stack"` goes in the table being read (just past `<table`); nil outside a cmark table.
        var table: Int?
        /// Where the table's headers start in `labels.texts`.
        var firstHeader = 0
        var header: [UInt8]?
        var inHead = false, stacked = false
        var column = 0

        var headerCount: Int { labels.texts.count - firstHeader }

        mutating func read(_ token: HTMLTagTokenizer.Tokens<HTMLTag.Outline>, in bytes: UnsafeBufferPointer<UInt8>) {
            switch token {
            case .text(let range) where header != nil:
                header?.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
            case .tag(let tag):
                if let name = Name(of: tag, in: bytes) { read(tag, named: name) }
            default:
                break
            }
        }

        /// A new table (or none, at its end): nothing of the one before carries over.
        mutating func start(table: Int?) {
            self.table = table
            firstHeader = labels.texts.count
            header = nil
            inHead = false
            stacked = false
            column = 0
        }

        mutating func read(_ tag: HTMLTag.Outline, named name: Name) {
            switch (name, tag.closing) {
            case (.table, false):
                start(table: tag.attributeCount == 0 ? tag.nameRange.upperBound : nil)
            case (.table, true):
                start(table: nil)
            case (.thead, false) where table != nil:
                inHead = true
            case (.thead, true) where table != nil:
                inHead = false
                stacked = headerCount >= TableLabels.minimumColumns
                if stacked, let table { labels.insert(at: table, label: nil) }
            case (.th, false) where inHead:
                header = []
            case (.th, true) where inHead:
                labels.texts.append(TableLabels.attributeValue(header ?? []))
                header = nil
            case (.tr, false):
                column = 0
            case (.th, false) where stacked:
                column += 1
            case (.td, false) where stacked && !tag.selfClosing:
                if column < headerCount, !labels.texts[firstHeader + column].isEmpty {
                    // After its attributes, before its `>`.
                    labels.insert(at: tag.end - 1, label: firstHeader + column)
                }
                column += 1
            default:
                break
            }
        }
    }

    /// A header's text as an attribute value: spaces collapsed and trimmed, `"` escaped.
    static func attributeValue(_ text: [UInt8]) -> [UInt8] {
        var value: [UInt8] = []
        value.reserveCapacity(text.count)
        for byte in text {
            if HTMLTagTokenizer.isSpace(byte) {
                if let last = value.last, last != UInt8(ascii: " ") { value.append(UInt8(ascii: " ")) }
            } else if byte == UInt8(ascii: "\"") {
                value.append(contentsOf: "&quot;".utf8)
            } else {
                value.append(byte)
            }
        }
        if value.last == UInt8(ascii: " ") { value.removeLast() }
        return value
    }
}
