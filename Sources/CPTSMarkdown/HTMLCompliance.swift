/// What cmark-gfm writes that the pages' own checks reject, rewritten after rendering:
/// - a table column's alignment as `align="right"`, obsolete in HTML5 (the Nu checker rejects it), or as an inline
///   `style`, which the pages' Content-Security-Policy blocks: cells get a class instead, styled by the theme
///   (`.align-left`, `.align-center`, `.align-right`);
/// - a task list item's checkbox without a label (axe-core's critical `label` rule): it gets a French one;
/// - a table is wrapped in a focusable, labelled box that scrolls sideways on its own (`.table-scroll`), so that a
///   wide table does not make the whole page scroll at 320 px (WCAG 1.4.10) and keyboard users can scroll it
///   (axe-core's `scrollable-region-focusable`).
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
                    let match = replacements.first(where: { starts(bytes, at: open, with: $0.written) })
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
