extension ContentRules {
    @Sendable static func missionIsKnown(_ content: SiteContent) -> [Diagnostic] {
        content.cpts.flatMap { cpts in
            var seen: Set<String> = []
            return cpts.missions.compactMap { mission -> Diagnostic? in
                let id = mission.id
                if Mission.named(id.value) == nil {
                    return .error("mission-unknown", at: id.location, "unknown mission '\(id.value)'",
                                  note: Suggestion.note(for: id.value, in: Mission.ids)
                                      ?? "missions: \(Mission.ids.joined(separator: ", "))")
                }
                if !seen.insert(id.value).inserted {
                    return .error("mission-duplicate", at: id.location, "mission '\(id.value)' is listed twice")
                }
                return nil
            }
        }
    }

    /// A signed contract must carry every *socle* mission of its schedule.
    @Sendable static func signedContractCarriesSocle(_ content: SiteContent) -> [Diagnostic] {
        content.cpts.flatMap { cpts -> [Diagnostic] in
            guard cpts.stage.value == .aciSigned, let schedule = content.schedule(for: cpts) else { return [] }
            let carried = Set(cpts.missions.map(\.id.value))
            // An unknown socle mission is reported once, in its schedule (`socleMissionsAreKnown`).
            return schedule.socleIDs.filter { !carried.contains($0) && Mission.named($0) != nil }.map { missing in
                .error("socle-mission-missing", at: cpts.stage.location,
                       "signed contract lacks the socle mission '\(missing)' of schedule '\(schedule.id)'",
                       note: "add '- id: \(missing)' under 'missions'")
            }
        }
    }

    /// The ACI sets how long after signature a mission must start; missing it can end the contract.
    @Sendable static func missionStartsBeforeDeadline(_ content: SiteContent) -> [Diagnostic] {
        content.cpts.flatMap { cpts -> [Diagnostic] in
            guard cpts.stage.value == .aciSigned, let signature = cpts.signature else { return [] }
            return cpts.missions.compactMap { engagement -> Diagnostic? in
                guard let mission = Mission.named(engagement.id.value),
                    let months = mission.startWithinMonths
                else { return nil }
                let deadline = signature.adding(months: months)
                if let start = engagement.start {
                    return start.value > deadline
                        ? .warning("mission-started-late", at: start.location,
                                   "mission '\(mission.id)' starts on \(start.value), after the ACI deadline of \(deadline) (\(months) months after signature)")
                        : nil
                }
                return content.settings.asOf > deadline
                    ? .warning("mission-not-started", at: engagement.id.location,
                               "mission '\(mission.id)' has no start date and its ACI deadline (\(deadline)) has passed")
                    : nil
            }
        }
    }
}
