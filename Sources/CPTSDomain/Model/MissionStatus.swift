/// Where a mission of a signed contract stands against its ACI deadlines at the site's date (`asOf`).
/// Computed once here, so that the rules that warn and the page that shows it never disagree.
public struct MissionStatus: Sendable, Hashable {
    public enum State: Sendable, Hashable {
        /// An optional mission: the ACI sets no deadline.
        case optional
        /// A mission socle only from a later date (the crisis mission before 03/09/2022): not required yet.
        case notRequiredYet(since: Day)
        /// Not started at `asOf`, its start deadline still ahead.
        case toStart
        /// Not started at `asOf`, its start deadline passed.
        case notStarted
        /// Started after its start deadline.
        case startedLate(start: Day)
        /// Started in time, not deployed at `asOf`, its deployment deadline still ahead.
        case deploymentPending
        /// Started in time, not deployed at `asOf`, its deployment deadline passed.
        case deploymentLate
        /// Started in time, deployed after its deployment deadline.
        case deployedLate(deployed: Day)
        /// Started and deployed in time.
        case deployed
    }

    public let state: State
    /// The day the deadlines run from: the signature, or the day the mission became socle if later.
    public let anchor: Day
    public let startDeadline: Day?
    public let deployDeadline: Day?

    /// Whether the state breaks an ACI deadline (a warning, and a red line on the page).
    public var isLate: Bool {
        switch state {
        case .notStarted, .startedLate, .deploymentLate, .deployedLate: true
        default: false
        }
    }

    /// The status of a mission of a CPTS signed on `signature`, at `asOf`. `socleSince` is the day the mission
    /// became socle when that is after the ACI's start (its deadlines then run from that day); nil for a
    /// mission unknown to the catalogue.
    public static func of(_ engagement: MissionEngagement, signature: Day, asOf: Day, socleSince: Day?) -> MissionStatus? {
        guard let mission = Mission.named(engagement.id.value) else { return nil }
        let anchor = max(signature, socleSince ?? signature)
        let startDeadline = mission.startWithinMonths.map { anchor.adding(months: $0) }
        let deployDeadline = mission.deployWithinMonths.map { anchor.adding(months: $0) }
        func status(_ state: State) -> MissionStatus {
            MissionStatus(state: state, anchor: anchor, startDeadline: startDeadline, deployDeadline: deployDeadline)
        }
        guard let startDeadline else { return status(.optional) }
        // A date after `asOf` is a plan: at the site's date the mission has not started (or is not deployed).
        let start = engagement.start?.value, deployed = engagement.deployed?.value
        guard let start, start <= asOf else {
            if let socleSince, asOf < socleSince { return status(.notRequiredYet(since: socleSince)) }
            return status(asOf > startDeadline ? .notStarted : .toStart)
        }
        if start > startDeadline { return status(.startedLate(start: start)) }
        guard let deployDeadline else { return status(.deployed) }
        switch deployed {
        case let deployed? where deployed <= asOf:
            return status(deployed > deployDeadline ? .deployedLate(deployed: deployed) : .deployed)
        default:
            return status(asOf > deployDeadline ? .deploymentLate : .deploymentPending)
        }
    }
}

extension SiteContent {
    /// The day a mission becomes socle in the schedules, when one says it becomes socle only from a date.
    public func socleSince(_ mission: String) -> Day? {
        schedules.values.compactMap { $0.socleSince[mission] }.min()
    }

    /// The status at `asOf` of a mission of a signed contract (its signature plausibly dated, maybe after `asOf`):
    /// what the deadline rules read. Nil when the contract is not signed or the mission is unknown.
    public func missionDeadlines(_ engagement: MissionEngagement, of cpts: CPTS) -> MissionStatus? {
        // A signature dated out of range (9999-12-31) is reported by the reader: no deadline runs from it.
        guard cpts.stage.value == .aciSigned, let signature = cpts.signature, signature.isPlausible else { return nil }
        return MissionStatus.of(engagement, signature: signature, asOf: settings.asOf,
                                socleSince: socleSince(engagement.id.value))
    }

    /// The same status, for a contract signed by `asOf` only: what the CPTS's page shows. A page's late mission
    /// is therefore always one the rules warn about.
    public func missionStatus(_ engagement: MissionEngagement, of cpts: CPTS) -> MissionStatus? {
        guard cpts.isSigned(by: settings.asOf) else { return nil }
        return missionDeadlines(engagement, of: cpts)
    }
}
