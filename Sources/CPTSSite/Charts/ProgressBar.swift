/// A progress bar from a baseline towards the highest reward step, as inline SVG with a text alternative.
struct ProgressBar {
    let label: String
    /// Between 0 and 1.
    let fraction: Double
    /// Positions (0…1) of the reward steps, drawn as ticks.
    let steps: [Double]

    func svg() -> String {
        let width = 200.0, height = 14.0
        let filled = max(0, min(1, fraction)) * width
        var out = "<svg class=\"progress\" viewBox=\"0 0 \(SVG.number(width)) \(SVG.number(height))\" width=\"200\" height=\"14\" role=\"img\" aria-label=\"\(SVG.escape(label))\" xmlns=\"http://www.w3.org/2000/svg\">"
        out += "<rect class=\"track\" x=\"0\" y=\"0\" width=\"\(SVG.number(width))\" height=\"\(SVG.number(height))\"/>"
        out += "<rect class=\"fill\" x=\"0\" y=\"0\" width=\"\(SVG.number(filled))\" height=\"\(SVG.number(height))\"/>"
        for step in steps {
            let x = SVG.number(max(0, min(1, step)) * width)
            out += "<line class=\"step\" x1=\"\(x)\" x2=\"\(x)\" y1=\"0\" y2=\"\(SVG.number(height))\"/>"
        }
        return out + "</svg>"
    }
}
