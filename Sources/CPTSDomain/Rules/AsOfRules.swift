extension ContentRules {
    /// A site states what is true at its date (`asOf`): a stage, mission start or deployment dated after it has not
    /// happened yet. Unless the content marks the date as planned (`planned:`), that is likely a typo, or a site
    /// date left behind: a warning naming both dates. A planned date already past is a warning too (did it happen?).
    @Sendable static func datesAreNotAfterAsOf(_ content: SiteContent) -> [Diagnostic] {
        let asOf = content.settings.asOf
        func check(_ date: Located<Day>, _ what: String, planned: Bool, key: String) -> Diagnostic? {
            if planned {
                return date.value <= asOf
                    ? .warning("planned-date-passed", at: date.location,
                               "\(what) is marked as planned but its date (\(date.value)) is not after the site's date (\(asOf))",
                               note: "if it happened, remove '\(key)' from 'planned'")
                    : nil
            }
            return date.value > asOf
                ? .warning("date-after-as-of", at: date.location,
                           "\(what) is dated \(date.value), after the site's date (\(asOf)): it is not counted as done",
                           note: "if it is a forecast, add '\(key)' to 'planned'; otherwise check the date or 'asOf' in site.yaml")
                : nil
        }
        return content.cpts.flatMap { cpts -> [Diagnostic] in
            let stages = Stage.allCases.compactMap { stage -> Diagnostic? in
                cpts.dates[stage].flatMap {
                    check($0, "stage '\(stage.rawValue)'", planned: cpts.plannedStages.contains(stage), key: stage.rawValue)
                }
            }
            let missions = cpts.missions.flatMap { mission -> [Diagnostic] in
                [mission.start.flatMap { check($0, "the start of mission '\(mission.id.value)'", planned: mission.plannedStart, key: "start") },
                 mission.deployed.flatMap { check($0, "the deployment of mission '\(mission.id.value)'", planned: mission.plannedDeployed, key: "deployed") }]
                    .compactMap { $0 }
            }
            return stages + missions
        }
    }
}
