import CPTSDomain

extension IndicatorProgress {
    /// The progress bar's accessible label, in French.
    var label: String {
        if let done { return done ? "Action réalisée" : "Action non réalisée" }
        var text = TextBytes(capacity: 112)
        text.append("Progression de ")
        text.append(decimal: fraction * 100, maximumFractionDigits: 0)
        text.append("\u{00A0}% de la valeur de référence vers l’objectif le plus haut")
        return text.string
    }
}
