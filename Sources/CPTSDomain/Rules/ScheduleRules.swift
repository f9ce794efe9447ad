extension ContentRules {
    @Sendable static func scheduleIsKnown(_ content: SiteContent) -> [Diagnostic] {
        let ids = content.schedules.keys.sorted()
        let named = [content.settings.schedule] + content.cpts.compactMap(\.schedule)
        return named.filter { content.schedules[$0.value] == nil }.map { schedule in
            .error("schedule-unknown", at: schedule.location,
                   "funding schedule '\(schedule.value)' is unknown",
                   note: Suggestion.note(for: schedule.value, in: ids) ?? "known schedules: \(ids.joined(separator: ", "))")
        }
    }

    /// A schedule's socle names known missions: reported once, in the schedule, rather than on each signed CPTS.
    @Sendable static func socleMissionsAreKnown(_ content: SiteContent) -> [Diagnostic] {
        content.schedules.values.sorted { $0.id < $1.id }.flatMap { schedule in
            schedule.socle.filter { Mission.named($0.value) == nil }.map { mission in
                .error("mission-unknown", at: mission.location, "unknown mission '\(mission.value)'",
                       note: Suggestion.note(for: mission.value, in: Mission.ids))
            }
        }
    }

    /// A schedule gives an amount for each of the four tranches, none negative, and three tranche bounds that rise.
    @Sendable static func scheduleIsComplete(_ content: SiteContent) -> [Diagnostic] {
        content.schedules.values.sorted { $0.id < $1.id }.flatMap { schedule -> [Diagnostic] in
            var diagnostics: [Diagnostic] = []
            let bounds = schedule.tranches.value
            if bounds.count != 3 || zip(bounds, bounds.dropFirst()).contains(where: { $0 >= $1 }) || bounds.contains(where: { $0 <= 0 }) {
                diagnostics.append(.error("schedule-tranches-invalid", at: schedule.tranches.location,
                    "'tranches' must give the three rising lower bounds of tranches 2, 3 and 4, e.g. [40000, 80000, 175001]"))
            }
            let lines: [(String, ScheduleLine)] = [("operation", schedule.operation)]
                + schedule.missions.sorted { $0.key < $1.key }.flatMap { id, amounts in
                    [("\(id).fixed", amounts.fixed), ("\(id).variable", amounts.variable)]
                        + (amounts.extra.map { [("\(id).extra", $0)] } ?? [])
                }
            for (name, line) in lines {
                if line.amounts.count != 4 {
                    diagnostics.append(.error("schedule-tranches-missing", at: line.location,
                        "'\(name)' gives \(line.amounts.count) amounts; a schedule needs one per tranche (4)"))
                }
                if let negative = line.amounts.first(where: { $0 < 0 }) {
                    diagnostics.append(.error("amount-negative", at: line.location,
                        "'\(name)' has a negative amount (\(negative))"))
                }
            }
            // An unknown mission is reported by `socleMissionsAreKnown`.
            for socle in schedule.socle where schedule.missions[socle.value] == nil && Mission.named(socle.value) != nil {
                diagnostics.append(.error("schedule-socle-unpaid", at: socle.location,
                    "socle mission '\(socle.value)' has no amounts in schedule '\(schedule.id)'"))
            }
            return diagnostics
        }
    }
}
