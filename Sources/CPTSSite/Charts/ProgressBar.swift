/// A progress bar from a baseline towards the highest reward step, as inline SVG with a text alternative.
struct ProgressBar {
    let label: String
    /// Between 0 and 1.
    let fraction: Double
    /// Positions (0…1) of the reward steps, drawn as ticks.
    let steps: [Double]

    static let width = 200.0, height = 14.0

    /// Written as a few appends into one buffer: every indicator of every CPTS page draws one.
    func svg() -> String {
        var out = TextBytes(capacity: 420 + label.utf8.count + 60 * steps.count)
        out.append("<svg class=\"progress\" viewBox=\"0 0 200 14\" width=\"200\" height=\"14\" role=\"img\" aria-label=\"")
        out.append(escaping: label)
        out.append("\" xmlns=\"http://www.w3.org/2000/svg\"><rect class=\"track\" x=\"0\" y=\"0\" width=\"200\" height=\"14\"/>")
        out.append("<rect class=\"fill\" x=\"0\" y=\"0\" width=\"")
        out.append(svgNumber: max(0, min(1, fraction)) * ProgressBar.width)
        out.append("\" height=\"14\"/>")
        for step in steps {
            out.append("<line class=\"step\" x1=\"")
            let start = out.bytes.count
            out.append(svgNumber: max(0, min(1, step)) * ProgressBar.width)
            let end = out.bytes.count
            out.append("\" x2=\"")
            out.repeatBytes(start..<end)
            out.append("\" y1=\"0\" y2=\"14\"/>")
        }
        out.append("</svg>")
        return out.string
    }
}
