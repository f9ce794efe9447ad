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

    /// A signed contract must carry every *socle* mission of the schedule in force at the site's date (or at the
    /// signature, if later); a mission socle only from a later date (the crisis mission) is not required before.
    @Sendable static func signedContractCarriesSocle(_ content: SiteContent) -> [Diagnostic] {
        content.cpts.flatMap { cpts -> [Diagnostic] in
            guard cpts.stage.value == .aciSigned, let signature = cpts.signature else { return [] }
            let day = max(content.settings.asOf, signature)
            guard let schedule = content.schedule(for: cpts, at: day) else { return [] }
            let carried = Set(cpts.missions.map(\.id.value))
            // An unknown socle mission is reported once, in its schedule (`socleMissionsAreKnown`).
            return schedule.socleIDs(at: day).filter { !carried.contains($0) && Mission.named($0) != nil }.map { missing in
                .error("socle-mission-missing", at: cpts.stage.location,
                       "signed contract lacks the socle mission '\(missing)' of schedule '\(schedule.id)'",
                       note: "add '- id: \(missing)' under 'missions'")
            }
        }
    }

    /// The deadlines of a mission of a signed contract: from the signature, or from the day the mission became
    /// socle when later (the crisis mission, from 03/09/2022).
    static func deadlines(_ engagement: MissionEngagement, of cpts: CPTS, in content: SiteContent)
        -> (mission: Mission, status: MissionStatus)?
    {
        guard cpts.stage.value == .aciSigned, let signature = cpts.signature,
            let mission = Mission.named(engagement.id.value),
            let status = MissionStatus.of(engagement, signature: signature, asOf: content.settings.asOf,
                                          socleSince: content.socleSince(mission.id))
        else { return nil }
        return (mission, status)
    }

    static func after(_ status: MissionStatus, months: Int?, signature: Day?) -> String {
        let months = months.map { "\($0) months" } ?? "the deadline"
        return status.anchor == signature ? "\(months) after signature" : "\(months) after \(status.anchor), when it became socle"
    }

    /// The ACI sets how long after signature a mission must start; missing it can end the contract.
    @Sendable static func missionStartsBeforeDeadline(_ content: SiteContent) -> [Diagnostic] {
        content.cpts.flatMap { cpts -> [Diagnostic] in
            cpts.missions.compactMap { engagement -> Diagnostic? in
                guard let (mission, status) = deadlines(engagement, of: cpts, in: content),
                    let deadline = status.startDeadline
                else { return nil }
                let after = after(status, months: mission.startWithinMonths, signature: cpts.signature)
                if let start = engagement.start {
                    return start.value > deadline
                        ? .warning("mission-started-late", at: start.location,
                                   "mission '\(mission.id)' starts on \(start.value), after the ACI deadline of \(deadline) (\(after))")
                        : nil
                }
                return status.state == .notStarted
                    ? .warning("mission-not-started", at: engagement.id.location,
                               "mission '\(mission.id)' has no start date and its ACI deadline (\(deadline)) has passed")
                    : nil
            }
        }
    }

    /// The ACI also sets how long after signature a mission must be fully deployed (18 or 24 months): a warning,
    /// like a late start, read from the same status the CPTS page shows.
    @Sendable static func missionDeployedBeforeDeadline(_ content: SiteContent) -> [Diagnostic] {
        content.cpts.flatMap { cpts -> [Diagnostic] in
            cpts.missions.compactMap { engagement -> Diagnostic? in
                guard let (mission, status) = deadlines(engagement, of: cpts, in: content),
                    let deadline = status.deployDeadline
                else { return nil }
                let after = after(status, months: mission.deployWithinMonths, signature: cpts.signature)
                if let deployed = engagement.deployed, deployed.value > deadline {
                    return .warning("mission-deployed-late", at: deployed.location,
                                    "mission '\(mission.id)' is deployed on \(deployed.value), after the ACI deployment deadline of \(deadline) (\(after))")
                }
                return status.state == .deploymentLate
                    ? .warning("mission-not-deployed", at: engagement.start?.location ?? engagement.id.location,
                               "mission '\(mission.id)' is not deployed at \(content.settings.asOf) and its ACI deployment deadline (\(deadline)) has passed")
                    : nil
            }
        }
    }
}
