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

    /// A drawing size: the wide one, or the phone one (300 units, so that its text stays at least 12 CSS px on a
    /// 320 px screen).
    struct Frame {
        let width: Double, height: Double, left: Double, right: Double, top: Double, bottom: Double
        let idSuffix: String
        /// The size of its text in drawing units, as the theme sets it (`.chart text`, `.chart-narrow .chart text`).
        let fontSize: Double
        static let wide = Frame(width: LineChart.width, height: LineChart.height, left: LineChart.left,
                                right: LineChart.right, top: LineChart.top, bottom: LineChart.bottom, idSuffix: "", fontSize: 12)
        static let narrow = Frame(width: 300, height: 230, left: 44, right: 10, top: 22, bottom: 30, idSuffix: "-etroit", fontSize: 13)

        /// The same frame with a left margin wide enough for the longest label of the vertical axis (at 13 units,
        /// "100 %" did not fit in 44 and was drawn as "L00 %", its first digit cut by the drawing's edge).
        func fitting(axisLabels: [String]) -> Frame {
            let widest = axisLabels.map { SVG.textWidth($0, fontSize: fontSize) }.max() ?? 0
            return Frame(width: width, height: height, left: max(left, (widest + 10).rounded(.up)), right: right, top: top,
                         bottom: bottom, idSuffix: idSuffix, fontSize: fontSize)
        }
    }

    /// Both sizes, the stylesheet showing one of them by the width of the screen.
    func responsive() -> String {
        ResponsiveChart.html(wide: svg(), narrow: svg(frame: .narrow))
    }

    func svg(frame: Frame = .wide) -> String {
        let axisValues = (0...4).map { yMaximum * Double($0) / 4 }
        let frame = frame.fitting(axisLabels: axisValues.map(yLabel))
        let xs = series.map(\.x) + markers.map(\.x)
        let minX = xs.min() ?? 0, maxX = max(xs.max() ?? 1, minX + 1)
        let plotWidth = frame.width - frame.left - frame.right, plotHeight = frame.height - frame.top - frame.bottom
        func px(_ x: Double) -> String { SVG.number(frame.left + (x - minX) / (maxX - minX) * plotWidth) }
        func py(_ y: Double) -> String { SVG.number(frame.top + plotHeight - (yMaximum > 0 ? y / yMaximum : 0) * plotHeight) }

        let id = "chart-" + String(Fingerprint.hash(Array(title.utf8)).prefix(8)) + frame.idSuffix
        var out = "<svg class=\"chart line-chart\" viewBox=\"0 0 \(SVG.number(frame.width)) \(SVG.number(frame.height))\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<title id=\"\(id)-title\">\(SVG.escape(title))</title><desc id=\"\(id)-desc\">\(SVG.escape(description))</desc>"
        for value in axisValues {
            out += "<line class=\"grid\" x1=\"\(SVG.number(frame.left))\" x2=\"\(SVG.number(frame.width - frame.right))\" y1=\"\(py(value))\" y2=\"\(py(value))\"/>"
            out += "<text class=\"axis\" x=\"\(SVG.number(frame.left - 6))\" y=\"\(py(value))\" dy=\"4\" text-anchor=\"end\">\(SVG.escape(yLabel(value)))</text>"
        }
        for tick in xTicks where tick.x >= minX && tick.x <= maxX {
            // Centred on its tick, but kept whole inside the drawing.
            let half = SVG.textWidth(tick.label, fontSize: frame.fontSize) / 2 + 1  // (+ 1: the coordinate is rounded)
            let x = min(max(frame.left + (tick.x - minX) / (maxX - minX) * plotWidth, half), frame.width - half)
            out += "<text class=\"axis\" x=\"\(SVG.number(x))\" y=\"\(SVG.number(frame.height - 10))\" text-anchor=\"middle\">\(SVG.escape(tick.label))</text>"
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
