/// A Markdown table of three columns or more stacks its rows at phone width as the theme's tables do: it gets the
/// class `stack`, and each body cell its column header's text as `data-label`, which the stylesheet writes above
/// the cell once the column headers are hidden (see "Les tableaux sur un téléphone" in docs/themes.md). Without
/// it, a table wider than a phone hid its last columns in a box scrolling sideways.
///
/// Read with the tag tokenizer of the sanitizer; only tables written without attributes (as cmark-gfm writes them)
/// are touched. The headers' text is HTML already (cmark-gfm escapes `&`, `<`, `>`, `"`); a `"` of raw HTML is
/// escaped for the attribute.
enum TableLabels {
    static let minimumColumns = 3

    static func apply(to html: String) -> String {
        guard html.containsBytes("<thead>") else { return html }
        var html = html
        let labelled: [UInt8]? = html.withUTF8 { bytes in
            var reader = Reader()
            HTMLTagTokenizer.tokenize(bytes) { token in reader.read(token, in: bytes) }
            guard !reader.insertions.isEmpty else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + reader.insertions.reduce(0) { $0 + $1.text.count })
            var copied = 0
            for insertion in reader.insertions {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<insertion.at]))
                output.append(contentsOf: insertion.text)
                copied = insertion.at
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return output
        }
        return labelled.map { String(decoding: $0, as: UTF8.self) } ?? html
    }

    /// What the tokens of a page say of its tables so far, and the text to insert (in the order of the page).
    struct Reader {
        var insertions: [(at: Int, text: [UInt8])] = []
        /// Where ` class="stack"` goes in the table being read (just past `<table`); nil outside a cmark table.
        var table: Int?
        var labels: [[UInt8]] = []
        var header: [UInt8]?
        var inHead = false, stacked = false
        var column = 0

        mutating func read(_ token: HTMLTagTokenizer.Token, in bytes: UnsafeBufferPointer<UInt8>) {
            switch token {
            case .text(let range) where header != nil:
                header?.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
            case .tag(let tag):
                read(tag)
            default:
                break
            }
        }

        mutating func read(_ tag: HTMLTag) {
            switch (tag.name, tag.closing) {
            case ("table", false):
                self = Reader(insertions: insertions, table: tag.attributes.isEmpty ? tag.nameRange.upperBound : nil)
            case ("table", true):
                self = Reader(insertions: insertions)
            case ("thead", false) where table != nil:
                inHead = true
            case ("thead", true) where table != nil:
                inHead = false
                stacked = labels.count >= TableLabels.minimumColumns
                if stacked, let table { insertions.append((table, Array(" class=\"stack\"".utf8))) }
            case ("th", false) where inHead:
                header = []
            case ("th", true) where inHead:
                labels.append(TableLabels.attributeValue(header ?? []))
                header = nil
            case ("tr", false):
                column = 0
            case ("th", false) where stacked:
                column += 1
            case ("td", false) where stacked && !tag.selfClosing:
                if column < labels.count, !labels[column].isEmpty {
                    // After its attributes, before its `>`.
                    insertions.append((tag.end - 1, Array(" data-label=\"".utf8) + labels[column] + [UInt8(ascii: "\"")]))
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
        for byte in text {
            if HTMLTagTokenizer.isSpace(byte) {
                if let last = value.last, last != UInt8(ascii: " ") { value.append(UInt8(ascii: " ")) }
            } else if byte == UInt8(ascii: "\"") {
                value.append(contentsOf: Array("&quot;".utf8))
            } else {
                value.append(byte)
            }
        }
        if value.last == UInt8(ascii: " ") { value.removeLast() }
        return value
    }
}
