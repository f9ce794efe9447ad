extension ContentRules {
    /// A site states what is true at its date (`asOf`): a stage, mission start or deployment dated after it has not
    /// happened yet. Unless the content marks the date as planned (`planned:`), that is likely a typo, or a site
    /// date left behind: a warning naming both dates. A planned date already past is a warning too (did it happen?).
    @Sendable static func datesAreNotAfterAsOf(_ content: SiteContent) -> [Diagnostic] {
        let asOf = content.settings.asOf
        func check(_ date: Located<Day>, _ what: Dated, planned: Bool) -> Diagnostic? {
            // A date out of range is reported by the reader; compared with asOf, it would be reported twice.
            guard date.value.isPlausible else { return nil }
            if planned {
                return !DateRules.isForthcoming(date.value, asOf: asOf)
                    ? .warning(.plannedDatePassed(what: what, date: date.value, asOf: asOf), at: date.location)
                    : nil
            }
            return DateRules.isForthcoming(date.value, asOf: asOf)
                ? .warning(.dateAfterAsOf(what: what, date: date.value, asOf: asOf), at: date.location)
                : nil
        }
        return content.cpts.flatMap { cpts -> [Diagnostic] in
            let stages = Stage.allCases.compactMap { stage -> Diagnostic? in
                cpts.dates[stage].flatMap {
                    check($0, .stage(stage.rawValue), planned: cpts.plannedStages.contains(stage))
                }
            }
            let missions = cpts.missions.flatMap { mission -> [Diagnostic] in
                [mission.start.flatMap { check($0, .missionStart(mission.id.value), planned: mission.plannedStart) },
                 mission.deployed.flatMap { check($0, .missionDeployment(mission.id.value), planned: mission.plannedDeployed) }]
                    .compactMap { $0 }
            }
            return stages + missions
        }
    }
}
