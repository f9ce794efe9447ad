import CPTSDomain

extension ViewModels {
    /// The territorial diagnostic of a CPTS: each figure beside its references, unfavourable ones first marked.
    func territory(of cpts: CPTS) -> [[String: Any]] {
        return TerritoryComparisons.of(cpts, in: content).map { comparison in
            let figure = comparison.figure
            func text(_ value: Double?) -> String? { value.map { measure($0, figure: figure) } }
            let references: [(String, Double?)] = [("Département", comparison.department), ("Région", comparison.region),
                                                   ("France", comparison.france)]
            let gap = comparison.unfavourableGap
            // A density computed from the members counts only the professionals who joined the CPTS:
            // shown for comparison, never flagged as a shortage of the territory.
            let standsOut = !comparison.computed && (gap.map { $0 >= TerritoryComparisons.standOutGap } ?? false)
            let rows = [ComparisonBar.Row(label: "Territoire", value: comparison.value, text: measure(comparison.value, figure: figure), isTerritory: true)]
                + references.compactMap { name, value in
                    value.map { ComparisonBar.Row(label: name, value: $0, text: measure($0, figure: figure), isTerritory: false) }
                }
            return present([
                "label": comparison.computed ? "\(figure.label) (membres de la CPTS)" : figure.label,
                "value": measure(comparison.value, figure: figure),
                "department": text(comparison.department),
                "region": text(comparison.region),
                "france": text(comparison.france),
                "source": [comparison.source, comparison.year.map(String.init)].compactMap { $0 }.joined(separator: ", "),
                "computed": comparison.computed,
                "standsOut": standsOut,
                "gap": standsOut ? gap.map { "\(FrenchFormat.percent($0)) plus défavorable que la référence la plus favorable" } : nil,
                "chart": rows.count > 1 ? ComparisonBar(label: "\(figure.label)\u{202F}: " + rows.map { "\($0.label) \($0.text)" }.joined(separator: ", "), rows: rows).svg() : nil,
            ])
        }
    }

    func measure(_ value: Double, figure: TerritoryFigure) -> String {
        switch figure.unit {
        case .count: FrenchFormat.integer(Int(value.rounded()))
        case .percent: FrenchFormat.decimal(value, maximumFractionDigits: 1) + FrenchFormat.unitSpace + "%"
        case .rate: FrenchFormat.decimal(value, maximumFractionDigits: 1)
        }
    }

    /// The road to the contract of a CPTS not yet signed.
    func road(of cpts: CPTS) -> [String: Any]? {
        guard let road = RoadToContract.of(cpts, in: content) else { return nil }
        return [
            "steps": road.steps.map { step in
                present([
                    "label": step.label,
                    "done": step.done,
                    "date": step.date.map { FrenchFormat.shortDate($0) },
                ])
            },
            "plannedMissions": road.plannedMissions.map(DomainLabels.missions.label),
            "requirements": road.requirements.map { requirement in
                present([
                    "mission": requirement.mission.name,
                    "start": requirement.startWithinMonths.map { "démarrage dans les \($0) mois suivant la signature" },
                    "deploy": requirement.deployWithinMonths.map { "déploiement complet dans les \($0) mois" },
                ])
            },
            "schedule": content.scheduleLabel(road.scheduleID),
            "tranche": String(road.tranche.number),
            "envelope": FrenchFormat.euros(road.envelope),
        ]
    }
}
