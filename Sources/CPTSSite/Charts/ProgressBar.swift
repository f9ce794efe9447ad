import CPTSDomain

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
        SVG.joined(ProgressBar.opening, label: label, rest: tail())
    }

    /// An indicator's bar (`IndicatorProgress`). Its label is one of 103 (a percentage from 0 to 100, an action
    /// done or not), so the bar's opening, which holds the label's non-ASCII letters, is made once per label
    /// (`heads`), and only the ASCII rest is written per bar: a `String` made of non-ASCII bytes is checked byte by
    /// byte, one of ASCII bytes a word at a time.
    static func svg(of progress: IndicatorProgress) -> String {
        let bar = ProgressBar(label: "", fraction: progress.fraction, steps: progress.steps)
        let head: String
        if let done = progress.done {
            head = done ? heads.done : heads.notDone
        } else {
            head = heads.percent[IndicatorProgress.labelPercent(progress.fraction)]
        }
        return head + bar.tail().string
    }

    /// The openings of the bars of `IndicatorProgress` labels, by percentage (0…100), and for an action.
    private static let heads = (
        percent: (0...100).map { head(IndicatorProgress.label(percent: $0)) },
        done: head(IndicatorProgress.label(done: true)), notDone: head(IndicatorProgress.label(done: false)))

    private static let opening = "<svg class=\"progress\" viewBox=\"0 0 200 14\" width=\"200\" height=\"14\" role=\"img\" aria-label=\""

    /// The bar's opening up to its label, escaped.
    private static func head(_ label: String) -> String { opening + SVG.escape(label) }

    /// The bar after its label: ASCII only.
    private func tail() -> TextBytes {
        var out = TextBytes(capacity: 280 + 60 * steps.count)
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
        return out
    }
}
