/// A horizontal bar chart as inline SVG: one labelled bar per item, its value written at its end.
/// The numbers are also in the page's table: the chart is a picture of them, with a text alternative.
struct BarChart {
    struct Bar {
        let label: String
        /// Between 0 and `maximum`.
        let value: Double
        /// The value as people read it (`57 %`, `3 CPTS`).
        let text: String
    }

    let title: String
    let description: String
    let bars: [Bar]
    let maximum: Double

    static let width = 640.0, rowHeight = 28.0, labelWidth = 180.0, valueWidth = 80.0
    /// The phone variant: 300 units wide, each label on its own line above its bar, so that its 13-unit text stays
    /// at least 12 CSS px once scaled down to a 320 px screen (see `ResponsiveChart`).
    static let narrowWidth = 300.0, narrowRowHeight = 44.0, narrowValueWidth = 64.0

    /// Both variants, the stylesheet showing one of them by the width of the screen.
    func responsive() -> String {
        ResponsiveChart.html(wide: svg(), narrow: narrowSVG())
    }

    func svg() -> String {
        let plotWidth = Self.width - Self.labelWidth - Self.valueWidth
        let height = Double(bars.count) * Self.rowHeight + 8
        var out = "<svg class=\"chart bar-chart\" viewBox=\"0 0 \(SVG.number(Self.width)) \(SVG.number(height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<title id=\"\(id)-title\">\(SVG.escape(title))</title><desc id=\"\(id)-desc\">\(SVG.escape(description))</desc>"
        for (index, bar) in bars.enumerated() {
            let y = Double(index) * Self.rowHeight + 4
            let length = maximum > 0 ? max(0, min(1, bar.value / maximum)) * plotWidth : 0
            out += "<text x=\"\(SVG.number(Self.labelWidth - 8))\" y=\"\(SVG.number(y + 18))\" text-anchor=\"end\">\(SVG.escape(bar.label))</text>"
            out += "<rect class=\"bar\" x=\"\(SVG.number(Self.labelWidth))\" y=\"\(SVG.number(y + 4))\" width=\"\(SVG.number(length))\" height=\"\(SVG.number(Self.rowHeight - 8))\"/>"
            out += "<text x=\"\(SVG.number(Self.labelWidth + length + 6))\" y=\"\(SVG.number(y + 18))\">\(SVG.escape(bar.text))</text>"
        }
        return out + "</svg>"
    }

    /// The same bars for a phone: label above, bar and value below.
    func narrowSVG() -> String {
        let plotWidth = Self.narrowWidth - Self.narrowValueWidth
        let height = Double(bars.count) * Self.narrowRowHeight + 4
        let id = self.id + "-etroit"
        var out = "<svg class=\"chart bar-chart\" viewBox=\"0 0 \(SVG.number(Self.narrowWidth)) \(SVG.number(height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<title id=\"\(id)-title\">\(SVG.escape(title))</title><desc id=\"\(id)-desc\">\(SVG.escape(description))</desc>"
        for (index, bar) in bars.enumerated() {
            let y = Double(index) * Self.narrowRowHeight
            let length = maximum > 0 ? max(0, min(1, bar.value / maximum)) * plotWidth : 0
            out += "<text x=\"0\" y=\"\(SVG.number(y + 15))\">\(SVG.escape(bar.label))</text>"
            out += "<rect class=\"bar\" x=\"0\" y=\"\(SVG.number(y + 21))\" width=\"\(SVG.number(length))\" height=\"16\"/>"
            out += "<text x=\"\(SVG.number(length + 6))\" y=\"\(SVG.number(y + 34))\">\(SVG.escape(bar.text))</text>"
        }
        return out + "</svg>"
    }

    /// A stable id from the title, for `aria-labelledby`.
    var id: String {
        "chart-" + String(Fingerprint.hash(Array(title.utf8)).prefix(8))
    }
}

/// A chart drawn twice, for wide screens and for phones: scaling one drawing down to 320 px would shrink its
/// labels below 12 px (WCAG 1.4.10, reflow). The stylesheet shows one variant (`display: none` on the other also
/// hides it from screen readers, so the chart is announced once).
enum ResponsiveChart {
    static func html(wide: String, narrow: String) -> String {
        "<div class=\"chart-wide\">\(wide)</div><div class=\"chart-narrow\">\(narrow)</div>"
    }
}
