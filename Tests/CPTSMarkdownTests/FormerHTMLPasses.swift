@testable import CPTSMarkdown
import CPTSDomain

// The three passes `RenderedHTML` replaces, as they were (d573a4c…f1a40ef), one `String` each: the reference its
// tests compare with.

enum FormerHTMLCompliance {
    /// One pass over the bytes: every page's text goes through here, and most have nothing to rewrite.
    static func rewrite(_ html: String) -> String {
        var html = html
        let rewritten: [UInt8]? = html.withUTF8 { bytes in
            var output: [UInt8] = []
            var copied = 0
            var index = 0
            while let open = HTMLTagTokenizer.firstOffset(of: UInt8(ascii: "<"), in: bytes, from: index) {
                index = open + 1
                // Every tag rewritten starts `<t`, `<i` or `</`: the others are passed over without a comparison.
                guard open + 1 < bytes.count, case let second = bytes[open + 1],
                    second == UInt8(ascii: "t") || second == UInt8(ascii: "i") || second == UInt8(ascii: "/"),
                    let match = HTMLCompliance.replacements.first(where: { starts(bytes, at: open, with: $0.written) })
                else { continue }
                index = open
                if output.isEmpty { output.reserveCapacity(bytes.count + 256) }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                output.append(contentsOf: match.compliant)
                index += match.written.count
                copied = index
            }
            guard copied > 0 else { return nil }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return output
        }
        return rewritten.map { String(decoding: $0, as: UTF8.self) } ?? html
    }

    static func starts(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, with prefix: [UInt8]) -> Bool {
        guard bytes.count - index >= prefix.count else { return false }
        for offset in prefix.indices where bytes[index + offset] != prefix[offset] { return false }
        return true
    }
}

enum FormerTableLabels {
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
                stacked = labels.count >= FormerTableLabels.minimumColumns
                if stacked, let table { insertions.append((table, Array(" class=\"stack\"".utf8))) }
            case ("th", false) where inHead:
                header = []
            case ("th", true) where inHead:
                labels.append(FormerTableLabels.attributeValue(header ?? []))
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

enum FormerHeadingIDs {
    /// cmark renders `<h2>` without ids; headings come out in document order, so the n-th opening tag
    /// of the output belongs to the n-th heading collected.
    static func addingIDs(to html: String, headings: [RenderedText.Heading]) -> String {
        guard !headings.isEmpty else { return html }
        // On the bytes: the headings come in document order, so one forward scan finds each opening tag.
        var html = html
        return html.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + headings.count * 24)
            var position = 0
            for heading in headings {
                let tag = Array("<h\(heading.level)>".utf8)
                guard let start = FormerHeadingIDs.find(tag, in: bytes, from: position) else { break }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<start]))
                output.append(contentsOf: "<h\(heading.level) id=\"\(heading.id)\">".utf8)
                position = start + tag.count
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position...]))
            return String(decoding: output, as: UTF8.self)
        }
    }

    static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start <= bytes.count else { return nil }
        return needle.withUnsafeBufferPointer { needle in
            ByteSearch.firstOffset(of: needle, in: UnsafeBufferPointer(rebasing: bytes[start...])).map { $0 + start }
        }
    }
}

/// cmark's HTML through the former passes: compliance, then table labels, then heading ids.
func formerPasses(_ html: String, headings: [RenderedText.Heading]) -> String {
    FormerHeadingIDs.addingIDs(to: FormerTableLabels.apply(to: FormerHTMLCompliance.rewrite(html)), headings: headings)
}
