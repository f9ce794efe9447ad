extension ContentRules {
    /// Every mission the content names is one of the ACI's: a CPTS's, a schedule's (its amounts and its socle), an
    /// indicator's, a report action's; the only rule that says `mission-unknown`. An indicator or an action naming
    /// a mission its CPTS carries is not reported again: the CPTS's line is.
    @Sendable static func missionIsKnown(_ content: SiteContent) -> [Diagnostic] {
        func unknown(_ id: Located<String>, listKnown: Bool) -> Diagnostic? {
            guard Mission.named(id.value) == nil else { return nil }
            return .error(.missionUnknown(id: id.value, suggestion: Suggestion.nearest(to: id.value, in: Mission.ids), listKnown: listKnown),
                          at: id.location)
        }
        let carried = Dictionary(content.cpts.map { ($0.slug.value, Set($0.missions.map(\.id.value))) }, uniquingKeysWith: { first, _ in first })
        let inCPTS = content.cpts.flatMap { $0.missions.compactMap { unknown($0.id, listKnown: true) } }
        let inSchedules = content.schedules.values.sorted { $0.id < $1.id }.flatMap { schedule in
            (schedule.missionIDs + schedule.socle).compactMap { unknown($0, listKnown: false) }
        }
        let inIndicators = content.indicators.flatMap { file -> [Diagnostic] in
            guard let missions = carried[file.slug] else { return [] }
            return file.contractYears.flatMap(\.indicators).map(\.mission).filter { !missions.contains($0.value) }
                .compactMap { unknown($0, listKnown: false) }
        }
        let inReports = content.reports.flatMap { report -> [Diagnostic] in
            guard let missions = carried[report.slug.value] else { return [] }
            return report.actions.map(\.mission).filter { !missions.contains($0.value) }.compactMap { unknown($0, listKnown: true) }
        }
        return inCPTS + inSchedules + inIndicators + inReports
    }

    /// A CPTS lists a known mission once.
    @Sendable static func missionIsListedOnce(_ content: SiteContent) -> [Diagnostic] {
        content.cpts.flatMap { cpts -> [Diagnostic] in
            var seen: Set<String> = []
            return cpts.missions.map(\.id).filter { Mission.named($0.value) != nil && !seen.insert($0.value).inserted }.map { id in
                .error(.missionDuplicate(id: id.value), at: id.location)
            }
        }
    }

    /// A mission is deployed on or after the day it starts.
    @Sendable static func missionIsDeployedAfterItStarts(_ content: SiteContent) -> [Diagnostic] {
        content.cpts.flatMap { cpts -> [Diagnostic] in
            cpts.missions.compactMap { mission -> Diagnostic? in
                guard let start = mission.start, let deployed = mission.deployed, deployed.value < start.value else { return nil }
                return .error(.missionDeployedBeforeStart(mission: mission.id.value, deployed: deployed.value, start: start.value),
                              at: deployed.location)
            }
        }
    }

    /// A signed contract must carry every *socle* mission of the schedule in force at the site's date (or at the
    /// signature, if later); a mission socle only from a later date (the crisis mission) is not required before.
    @Sendable static func signedContractCarriesSocle(_ content: SiteContent) -> [Diagnostic] {
        content.cpts.flatMap { cpts -> [Diagnostic] in
            // A signature dated out of range (9999-12-31) is reported by the reader: no schedule is in force then.
            guard cpts.stage.value == .aciSigned, let signature = cpts.signature, signature.isPlausible else { return [] }
            let day = max(content.settings.asOf, signature)
            guard let schedule = content.schedule(for: cpts, at: day) else { return [] }
            let carried = Set(cpts.missions.map(\.id.value))
            // An unknown socle mission is reported once, in its schedule (`missionIsKnown`).
            return schedule.socleIDs(at: day).filter { !carried.contains($0) && Mission.named($0) != nil }.map { missing in
                .error(.socleMissionMissing(mission: missing, schedule: schedule.id), at: cpts.stage.location)
            }
        }
    }

    /// The deadlines of a mission of a signed contract: from the signature, or from the day the mission became
    /// socle when later (the crisis mission, from 03/09/2022).
    static func deadlines(_ engagement: MissionEngagement, of cpts: CPTS, in content: SiteContent)
        -> (mission: Mission, status: MissionStatus)?
    {
        guard let mission = Mission.named(engagement.id.value), let status = content.missionDeadlines(engagement, of: cpts)
        else { return nil }
        return (mission, status)
    }

    static func after(_ status: MissionStatus, months: Int?, signature: Day?) -> DeadlineRule {
        DeadlineRule(months: months, socleSince: status.anchor == signature ? nil : status.anchor)
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
                        ? .warning(.missionStartedLate(mission: mission.id, start: start.value, deadline: deadline, rule: after), at: start.location)
                        : nil
                }
                return status.state == .notStarted
                    ? .warning(.missionNotStarted(mission: mission.id, deadline: deadline), at: engagement.id.location)
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
                    return .warning(.missionDeployedLate(mission: mission.id, deployed: deployed.value, deadline: deadline, rule: after),
                                    at: deployed.location)
                }
                return status.state == .deploymentLate
                    ? .warning(.missionNotDeployed(mission: mission.id, asOf: content.settings.asOf, deadline: deadline),
                               at: engagement.start?.location ?? engagement.id.location)
                    : nil
            }
        }
    }
}
