import CPTSDomain

extension IndicatorProgress {
    /// The progress bar's accessible label, in French.
    var label: String {
        if let done { return done ? "Action réalisée" : "Action non réalisée" }
        return "Progression de \(FrenchFormat.percent(fraction)) de la valeur de référence vers l’objectif le plus haut"
    }
}
