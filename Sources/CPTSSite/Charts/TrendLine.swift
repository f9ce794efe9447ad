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
        func x(_ year: Int) -> String {
            SVG.number(Self.margin + (lastYear > firstYear ? (Double(year) - firstYear) / (lastYear - firstYear) : 0.5) * plotWidth)
        }
        func y(_ value: Double) -> String {
            SVG.number(Self.margin + (high > low ? (high - value) / span : 0.5) * plotHeight)
        }
        var out = "<svg class=\"trend\" viewBox=\"0 0 \(SVG.number(Self.width)) \(SVG.number(Self.height))\" width=\"96\" height=\"28\" role=\"img\" aria-label=\"\(SVG.escape(label))\" xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<polyline class=\"series\" fill=\"none\" points=\"\(points.map { "\(x($0.year)),\(y($0.value))" }.joined(separator: " "))\"/>"
        for (index, point) in points.enumerated() {
            out += "<circle class=\"\(index == points.count - 1 ? "last" : "point")\" cx=\"\(x(point.year))\" cy=\"\(y(point.value))\" r=\"\(index == points.count - 1 ? 3 : 2)\"/>"
        }
        return out + "</svg>"
    }
}
