extension ContentRules {
    @Sendable static func scheduleIsKnown(_ content: SiteContent) -> [Diagnostic] {
        var budget = Suggestion.Budget()
        let ids = content.schedules.keys.sorted()
        let named = [content.settings.schedule] + content.cpts.compactMap(\.schedule)
        return named.filter { content.schedules[$0.value] == nil }.map { schedule in
            .error(.scheduleUnknown(id: schedule.value, suggestion: Suggestion.nearest(to: schedule.value, in: ids, budget: &budget), known: ids),
                   at: schedule.location)
        }
    }

    /// A schedule gives an amount for each of the four tranches, none negative, and three tranche bounds that rise.
    @Sendable static func scheduleIsComplete(_ content: SiteContent) -> [Diagnostic] {
        content.schedules.values.sorted { $0.id < $1.id }.flatMap { schedule -> [Diagnostic] in
            var diagnostics: [Diagnostic] = []
            let bounds = schedule.tranches.value
            if bounds.count != 3 || zip(bounds, bounds.dropFirst()).contains(where: { $0 >= $1 }) || bounds.contains(where: { $0 <= 0 }) {
                diagnostics.append(.error(.scheduleTranchesInvalid, at: schedule.tranches.location))
            }
            let lines: [(String, ScheduleLine)] = [("operation", schedule.operation)]
                // An unknown mission is reported by `missionIsKnown`, not its lines.
                + schedule.missions.filter { Mission.named($0.key) != nil }.sorted { $0.key < $1.key }.flatMap { id, amounts in
                    [("\(id).fixed", amounts.fixed), ("\(id).variable", amounts.variable)]
                        + (amounts.extra.map { [("\(id).extra", $0)] } ?? [])
                }
            for (name, line) in lines {
                if line.amounts.count != 4 {
                    diagnostics.append(.error(.scheduleTranchesMissing(line: name, count: line.amounts.count), at: line.location))
                }
                if let negative = line.amounts.first(where: { $0 < 0 }) {
                    diagnostics.append(.error(.scheduleAmountNegative(line: name, amount: negative), at: line.location))
                }
            }
            // An unknown mission is reported by `missionIsKnown`.
            for socle in schedule.socle where schedule.missions[socle.value] == nil && Mission.named(socle.value) != nil {
                diagnostics.append(.error(.scheduleSocleUnpaid(mission: socle.value, schedule: schedule.id), at: socle.location))
            }
            return diagnostics
        }
    }
}
