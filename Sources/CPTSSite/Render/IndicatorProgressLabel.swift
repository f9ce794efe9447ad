import CPTSDomain

extension IndicatorProgress {
    /// The progress bar's accessible label, in French.
    var label: String {
        if let done { return IndicatorProgress.label(done: done) }
        return IndicatorProgress.label(percent: IndicatorProgress.labelPercent(fraction))
    }

    /// The percentage a label states for `fraction` (0…1): rounded to the unit, half away from zero.
    static func labelPercent(_ fraction: Double) -> Int {
        Int((max(0, min(1, fraction)) * 100).rounded())
    }

    static func label(done: Bool) -> String { done ? "Action réalisée" : "Action non réalisée" }

    static func label(percent: Int) -> String {
        var text = TextBytes(capacity: 112)
        text.append("Progression de ")
        text.append(plain: percent)
        text.append("\u{00A0}% de la valeur de référence vers l’objectif le plus haut")
        return text.string
    }
}
