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

    /// A stable id from the title, for `aria-labelledby`.
    var id: String {
        "chart-" + String(Fingerprint.hash(Array(title.utf8)).prefix(8))
    }
}
