/// What cmark-gfm writes that the pages' own checks reject, rewritten after rendering:
/// - a table column's alignment as `align="right"`, obsolete in HTML5 (the Nu checker rejects it), or as an inline
///   `style`, which the pages' Content-Security-Policy blocks: cells get a class instead, styled by the theme
///   (`.align-left`, `.align-center`, `.align-right`);
/// - a task list item's checkbox without a label (axe-core's critical `label` rule): it gets a French one;
/// - a table is wrapped in a focusable, labelled box that scrolls sideways on its own (`.table-scroll`), so that a
///   wide table does not make the whole page scroll at 320 px (WCAG 1.4.10) and keyboard users can scroll it
///   (axe-core's `scrollable-region-focusable`).
///
/// Matched on the bytes at each `<` of cmark's HTML (`RenderedHTML`), whatever surrounds it.
enum HTMLCompliance {
    static let replacements: [(written: [UInt8], compliant: [UInt8])] = (["th", "td"].flatMap { cell in
        ["left", "center", "right"].map { side in ("<\(cell) align=\"\(side)\">", "<\(cell) class=\"align-\(side)\">") }
    } + [
        ("<input type=\"checkbox\" checked=\"\" disabled=\"\" />",
         "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Fait\" />"),
        ("<input type=\"checkbox\" disabled=\"\" />", "<input type=\"checkbox\" disabled=\"\" aria-label=\"À faire\" />"),
        ("<table>", "<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Tableau\"><table>"),
        ("</table>", "</table></div>"),
    ]).map { (Array($0.utf8), Array($1.utf8)) }

    /// The replacements that may start with each second byte (`<i`, `</`), in the order of `replacements`.
    private static let startingWithI = replacements.indices.filter { replacements[$0].written[1] == UInt8(ascii: "i") }
    private static let startingWithSlash = replacements.indices.filter { replacements[$0].written[1] == UInt8(ascii: "/") }

    /// The index in `replacements` of the first one written at `open` (a `<`), nil when none is: the tags rewritten
    /// all start `<t`, `<i` or `</`, so the others are passed over on their second byte.
    static func match(in bytes: UnsafeBufferPointer<UInt8>, at open: Int) -> Int? {
        guard open + 1 < bytes.count else { return nil }
        let candidates: [Int]
        switch bytes[open + 1] {
        case UInt8(ascii: "t"):
            return cellOrTable(in: bytes, at: open).flatMap { starts(bytes, at: open, with: replacements[$0].written) ? $0 : nil }
        case UInt8(ascii: "i"): candidates = startingWithI
        case UInt8(ascii: "/"): candidates = startingWithSlash
        default: return nil
        }
        return candidates.first { starts(bytes, at: open, with: replacements[$0].written) }
    }

    /// The one replacement starting `<t` that may be written at `open`, told by its bytes: `<table>` (an `a` third),
    /// or `<th align="` / `<td align="` (a space fourth) then the side's first letter; a table's own `<td>`, `<tr>`,
    /// `<th>`, most of the tags read here, are passed over on these bytes alone. The replacements starting `<t` differ
    /// at these bytes, so at most one of them is written there, the one `replacements`' order would find first.
    private static func cellOrTable(in bytes: UnsafeBufferPointer<UInt8>, at open: Int) -> Int? {
        guard open + 3 < bytes.count else { return nil }
        if bytes[open + 2] == UInt8(ascii: "a") { return tableIndex }
        // `<td align="` is eleven bytes: the side starts at the twelfth.
        guard bytes[open + 3] == UInt8(ascii: " "), open + 11 < bytes.count else { return nil }
        let (cell, side) = (bytes[open + 2], bytes[open + 11])
        return cells.first { $0.cell == cell && $0.side == side }?.index
    }

    /// Where `<table>` stands in `replacements`.
    private static let tableIndex = replacements.firstIndex { $0.written == Array("<table>".utf8) }

    /// Each aligned cell's replacement, by its third byte (`h`, `d`) and its side's first letter.
    private static let cells: [(cell: UInt8, side: UInt8, index: Int)] = replacements.indices.compactMap { index in
        let written = replacements[index].written
        guard written.count > 11, written[1] == UInt8(ascii: "t"), written[3] == UInt8(ascii: " ") else { return nil }
        return (written[2], written[11], index)
    }

    /// `html` with the replacements made (and nothing else of `RenderedHTML`'s pass).
    static func rewrite(_ html: String) -> String {
        var html = html
        return html.withUTF8 { RenderedHTML.text(of: $0, headings: [], labellingTables: false) }
    }

    static func starts(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, with prefix: [UInt8]) -> Bool {
        guard bytes.count - index >= prefix.count else { return false }
        for offset in prefix.indices where bytes[index + offset] != prefix[offset] { return false }
        return true
    }
}
