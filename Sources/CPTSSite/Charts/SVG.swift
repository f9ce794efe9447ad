/// Small helpers to write SVG by hand: escaping and compact numbers, so that charts are byte-stable.
enum SVG {
    /// Text and attribute values of SVG (and XML) are escaped exactly as the templates' HTML: `&`, `<`, `>`, `"`, `'`.
    /// The shared escaper works on bytes, so a combining mark written after one of these cannot hide it (compared as
    /// a `Character`, `"` followed by U+0301 is not equal to `"`, and would be left as it is).
    static func escape(_ text: String) -> String { HTMLEscaping.escape(text) }

    /// `head`, then `label` escaped, then `rest`, as one text. A chart's label is French (`Évolution`, `référence`):
    /// a text made of bytes is checked byte by byte once it holds a letter outside ASCII, whereas texts already made
    /// are joined as they are, and ASCII bytes are checked a word at a time. So the label, a `String` already, is
    /// joined to the rest of the chart, kept ASCII, rather than written into its bytes.
    static func joined(_ head: String, label: String, rest: TextBytes) -> String {
        let escaped = escape(label), tail = rest.string
        var text = ""
        text.reserveCapacity(head.utf8.count + escaped.utf8.count + tail.utf8.count)
        text += head
        text += escaped
        text += tail
        return text
    }

    /// A coordinate with at most one decimal, without a trailing `.0`.
    static func number(_ value: Double) -> String {
        var text = TextBytes(capacity: 24)
        text.append(svgNumber: value)
        return text.string
    }

    /// A generous estimate of the width of `text` drawn at `fontSize` in the theme's sans-serif font (no font metrics
    /// at build time): 0.62 em a character, digits and most letters of system-ui fonts being narrower.
    static func textWidth(_ text: String, fontSize: Double) -> Double {
        Double(text.count) * fontSize * 0.62
    }
}
