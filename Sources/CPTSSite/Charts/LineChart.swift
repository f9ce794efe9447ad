/// The deployment curve as inline SVG: the computed monthly series as a line, published figures and forecasts
/// as labelled markers beside it.
struct LineChart {
    struct Point {
        let x: Double
        let y: Double
    }

    struct Marker {
        let x: Double
        let y: Double
        let label: String
        /// `published` or `forecast`: drawn differently.
        let kind: String
    }

    let title: String
    let description: String
    let series: [Point]
    let markers: [Marker]
    /// Ticks on the horizontal axis: position and label (`2019`).
    let xTicks: [(x: Double, label: String)]
    let yMaximum: Double
    /// Labels of the vertical axis at 0, ¼, ½, ¾ and the maximum.
    let yLabel: (Double) -> String

    static let width = 640.0, height = 280.0, left = 56.0, right = 16.0, top = 16.0, bottom = 32.0

    func svg() -> String {
        let xs = series.map(\.x) + markers.map(\.x)
        let minX = xs.min() ?? 0, maxX = max(xs.max() ?? 1, minX + 1)
        let plotWidth = Self.width - Self.left - Self.right, plotHeight = Self.height - Self.top - Self.bottom
        func px(_ x: Double) -> String { SVG.number(Self.left + (x - minX) / (maxX - minX) * plotWidth) }
        func py(_ y: Double) -> String { SVG.number(Self.top + plotHeight - (yMaximum > 0 ? y / yMaximum : 0) * plotHeight) }

        let id = "chart-" + String(Fingerprint.hash(Array(title.utf8)).prefix(8))
        var out = "<svg class=\"chart line-chart\" viewBox=\"0 0 \(SVG.number(Self.width)) \(SVG.number(Self.height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<title id=\"\(id)-title\">\(SVG.escape(title))</title><desc id=\"\(id)-desc\">\(SVG.escape(description))</desc>"
        for step in 0...4 {
            let value = yMaximum * Double(step) / 4
            out += "<line class=\"grid\" x1=\"\(SVG.number(Self.left))\" x2=\"\(SVG.number(Self.width - Self.right))\" y1=\"\(py(value))\" y2=\"\(py(value))\"/>"
            out += "<text class=\"axis\" x=\"\(SVG.number(Self.left - 6))\" y=\"\(py(value))\" dy=\"4\" text-anchor=\"end\">\(SVG.escape(yLabel(value)))</text>"
        }
        for tick in xTicks where tick.x >= minX && tick.x <= maxX {
            out += "<text class=\"axis\" x=\"\(px(tick.x))\" y=\"\(SVG.number(Self.height - 10))\" text-anchor=\"middle\">\(SVG.escape(tick.label))</text>"
        }
        if !series.isEmpty {
            let points = series.map { "\(px($0.x)),\(py($0.y))" }.joined(separator: " ")
            out += "<polyline class=\"series\" fill=\"none\" points=\"\(points)\"/>"
        }
        for marker in markers {
            // A label near an edge is anchored inside the frame rather than centred on its marker.
            let position = (marker.x - minX) / (maxX - minX)
            let anchor = position > 0.8 ? "end" : position < 0.2 ? "start" : "middle"
            out += "<g class=\"marker \(marker.kind)\"><circle cx=\"\(px(marker.x))\" cy=\"\(py(marker.y))\" r=\"5\"/>"
            out += "<text x=\"\(px(marker.x))\" y=\"\(py(marker.y))\" dy=\"-9\" text-anchor=\"\(anchor)\">\(SVG.escape(marker.label))</text></g>"
        }
        return out + "</svg>"
    }
}
