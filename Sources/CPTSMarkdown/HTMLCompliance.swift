/// What cmark-gfm writes that the pages' own checks reject, rewritten after rendering:
/// - a table column's alignment as `align="right"`, obsolete in HTML5 (the Nu checker rejects it), or as an inline
///   `style`, which the pages' Content-Security-Policy blocks: cells get a class instead, styled by the theme
///   (`.align-left`, `.align-center`, `.align-right`);
/// - a task list item's checkbox without a label (axe-core's critical `label` rule): it gets a French one.
enum HTMLCompliance {
    static let replacements: [(String, String)] = ["th", "td"].flatMap { cell in
        ["left", "center", "right"].map { side in ("<\(cell) align=\"\(side)\">", "<\(cell) class=\"align-\(side)\">") }
    } + [
        ("<input type=\"checkbox\" checked=\"\" disabled=\"\" />",
         "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Fait\" />"),
        ("<input type=\"checkbox\" disabled=\"\" />", "<input type=\"checkbox\" disabled=\"\" aria-label=\"À faire\" />"),
    ]

    static func rewrite(_ html: String) -> String {
        // Most texts have neither aligned columns nor task lists: leave them untouched, without a copy.
        guard html.contains(" align=\"") || html.contains("<input type=\"checkbox\"") else { return html }
        var result = html
        for (written, compliant) in replacements {
            result = result.replacing(written, with: compliant)
        }
        return result
    }
}
