/// A small inline trend of an indicator over its contract years, as inline SVG with a text alternative: one point
/// per year measured, joined by a line, the last one marked.
struct TrendLine {
    /// Read by screen readers: the values year by year.
    let label: String
    /// (contract year, value), oldest first.
    let points: [(year: Int, value: Double)]

    static let width = 96.0, height = 28.0, margin = 4.0

    /// Nil with fewer than two values: a single point shows no trend.
    func svg() -> String? {
        guard points.count >= 2 else { return nil }
        let values = points.map(\.value)
        let low = values.min() ?? 0, high = values.max() ?? 0
        let span = high > low ? high - low : 1
        let firstYear = Double(points[0].year), lastYear = Double(points[points.count - 1].year)
        let plotWidth = Self.width - 2 * Self.margin, plotHeight = Self.height - 2 * Self.margin
        func x(_ year: Int) -> Double {
            Self.margin + (lastYear > firstYear ? (Double(year) - firstYear) / (lastYear - firstYear) : 0.5) * plotWidth
        }
        func y(_ value: Double) -> Double {
            Self.margin + (high > low ? (high - value) / span : 0.5) * plotHeight
        }
        // A few appends into one buffer: every indicator of every report draws one.
        var out = TextBytes(capacity: 300 + 72 * points.count)
        out.append("\" xmlns=\"http://www.w3.org/2000/svg\"><polyline class=\"series\" fill=\"none\" points=\"")
        for (index, point) in points.enumerated() {
            if index > 0 { out.append(" ") }
            out.append(svgNumber: x(point.year))
            out.append(",")
            out.append(svgNumber: y(point.value))
        }
        out.append("\"/>")
        for (index, point) in points.enumerated() {
            out.append(index == points.count - 1 ? "<circle class=\"last\" cx=\"" : "<circle class=\"point\" cx=\"")
            out.append(svgNumber: x(point.year))
            out.append("\" cy=\"")
            out.append(svgNumber: y(point.value))
            out.append(index == points.count - 1 ? "\" r=\"3\"/>" : "\" r=\"2\"/>")
        }
        out.append("</svg>")
        return SVG.joined("<svg class=\"trend\" viewBox=\"0 0 96 28\" width=\"96\" height=\"28\" role=\"img\" aria-label=\"",
                          label: label, rest: out)
    }
}
