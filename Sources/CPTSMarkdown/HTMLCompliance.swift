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

    /// The replacements that may start with each second byte (`<t`, `<i`, `</`), in the order of `replacements`.
    private static let startingWithT = replacements.indices.filter { replacements[$0].written[1] == UInt8(ascii: "t") }
    private static let startingWithI = replacements.indices.filter { replacements[$0].written[1] == UInt8(ascii: "i") }
    private static let startingWithSlash = replacements.indices.filter { replacements[$0].written[1] == UInt8(ascii: "/") }

    /// The index in `replacements` of the first one written at `open` (a `<`), nil when none is: the tags rewritten
    /// all start `<t`, `<i` or `</`, so the others are passed over on their second byte.
    static func match(in bytes: UnsafeBufferPointer<UInt8>, at open: Int) -> Int? {
        guard open + 1 < bytes.count else { return nil }
        let candidates: [Int]
        switch bytes[open + 1] {
        case UInt8(ascii: "t"): candidates = startingWithT
        case UInt8(ascii: "i"): candidates = startingWithI
        case UInt8(ascii: "/"): candidates = startingWithSlash
        default: return nil
        }
        return candidates.first { starts(bytes, at: open, with: replacements[$0].written) }
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
