import CPTSDomain

/// cmark-gfm's HTML made the text a page shows, in one pass over its bytes: at each `<` (found by `memchr`), what
/// `HTMLCompliance` rewrites or the `id` of the next heading (`HeadingOutline`); then, only when the text holds a
/// table header, one read by the tag tokenizer for `TableLabels`. One `String` is made, at the end.
///
/// The three passes this replaces, one `String` each, wrote the labels before the ids. The ids first give the same
/// bytes unless raw HTML writes a heading's tag inside a table cell's tag (`<td title="<h2>">`), where an id then
/// goes in (as it goes into any attribute or comment holding a heading's tag) and the labels read on from there.
enum RenderedHTML {
    static let tableHead = Array("<thead>".utf8)

    /// The page's text of cmark's `html`, given the `headings` of its document in order.
    static func text(of html: UnsafeBufferPointer<UInt8>, headings: [RenderedText.Heading],
                     labellingTables: Bool = true) -> String {
        var output: [UInt8] = []
        var copied = 0, index = 0
        var holdsTableHead = false
        var heading = 0
        var headingTag = headings.first.map { Array("<h\($0.level)>".utf8) }
        func copy(upTo end: Int, skipping count: Int) {
            if output.isEmpty { output.reserveCapacity(html.count + 256 + headings.count * 40) }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: html[copied..<end]))
            index = end + count
            copied = index
        }
        while let open = HTMLTagTokenizer.firstOffset(of: UInt8(ascii: "<"), in: html, from: index) {
            index = open + 1
            guard mayBeRewritten(html, at: open) else { continue }
            if let match = HTMLCompliance.match(in: html, at: open) {
                copy(upTo: open, skipping: HTMLCompliance.replacements[match].written.count)
                output.append(contentsOf: HTMLCompliance.replacements[match].compliant)
            } else if let tag = headingTag, HTMLCompliance.starts(html, at: open, with: tag) {
                // cmark writes headings in document order: the n-th `<hN>` is the n-th heading's.
                copy(upTo: open, skipping: tag.count)
                output.append(contentsOf: tag.dropLast())
                output.append(contentsOf: " id=\"".utf8)
                output.append(contentsOf: headings[heading].id.utf8)
                output.append(contentsOf: "\">".utf8)
                heading += 1
                headingTag = heading < headings.count ? Array("<h\(headings[heading].level)>".utf8) : nil
            } else if labellingTables, !holdsTableHead, HTMLCompliance.starts(html, at: open, with: tableHead) {
                holdsTableHead = true
            }
        }
        guard copied > 0 else { return finished(html, labellingTables: holdsTableHead) }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: html[copied...]))
        return output.withUnsafeBufferPointer { finished($0, labellingTables: holdsTableHead) }
    }

    /// Whether the tag at `open` may be one the pass reads, from its second and third bytes: `<t` (a cell, a table or
    /// its header), `<i` (a checkbox), `</ta` (a table's end) or `<h` (a heading); most tags (`<p>`, `</td>`, `<li>`…)
    /// are passed over on these bytes alone.
    private static func mayBeRewritten(_ html: UnsafeBufferPointer<UInt8>, at open: Int) -> Bool {
        guard open + 2 < html.count else { return false }
        switch html[open + 1] {
        case UInt8(ascii: "t"), UInt8(ascii: "i"), UInt8(ascii: "h"): return true
        case UInt8(ascii: "/"): return html[open + 2] == UInt8(ascii: "t") && open + 3 < html.count && html[open + 3] == UInt8(ascii: "a")
        default: return false
        }
    }

    /// `bytes` as a `String`, with the labels of its tables when it holds a table header.
    private static func finished(_ bytes: UnsafeBufferPointer<UInt8>, labellingTables: Bool) -> String {
        if labellingTables, case let labels = TableLabels.read(bytes), !labels.isEmpty {
            return labels.written(over: bytes)
        }
        return UTF8Text.string(bytes)
    }
}
