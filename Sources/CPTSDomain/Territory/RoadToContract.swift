/// For a CPTS not yet under contract: the steps of the ARS guidance, done or to do, the missions its projet
/// de santé plans, and what the ACI will ask and pay once it signs.
public struct RoadToContract: Sendable {
    public struct Step: Sendable {
        public let label: String
        public let done: Bool
        /// When it was done, if the content dates it.
        public let date: Day?
    }

    public struct Requirement: Sendable {
        public let mission: Mission
        public let startWithinMonths: Int?
        public let deployWithinMonths: Int?
    }

    public let steps: [Step]
    /// Missions the CPTS already lists (its projet de santé's plans).
    public let plannedMissions: [String]
    /// Socle missions of the schedule, with the deadlines that will run from the signature.
    public let requirements: [Requirement]
    public let scheduleID: String
    public let tranche: SizeTranche
    /// Yearly maximum under the schedule for the socle and planned missions, at the CPTS's tranche.
    public let envelope: Int

    /// The road of a CPTS that has not signed by the site's date (`asOf`); nil once it has, or without a known
    /// schedule. A contract signed now would be paid under the schedule in force at `asOf`.
    public static func of(_ cpts: CPTS, in content: SiteContent) -> RoadToContract? {
        let asOf = content.settings.asOf
        let reached = content.stageAsOf(cpts)
        guard reached != .aciSigned, let schedule = content.schedule(for: cpts, at: asOf) else { return nil }
        func step(_ label: String, _ stages: [Stage]) -> Step {
            let done = stages.contains { stage in reached.map { stage <= $0 } ?? false }
            return Step(label: label, done: done, date: stages.compactMap { cpts.dates[$0]?.value }.min())
        }
        let steps = [
            Step(label: DomainLabels.roadFirstContact, done: true, date: nil),
            step(DomainLabels.roadLetterOrPreProject, [.letterOfIntent, .preProject]),
            step(Stage.diagnostic.label, [.diagnostic]),
            step(DomainLabels.roadHealthProject, [.healthProject]),
            step(DomainLabels.roadSignature, [.aciSigned]),
        ]
        let planned = cpts.missions.map(\.id.value)
        let requirements = schedule.socleIDs.compactMap(Mission.named).map {
            Requirement(mission: $0, startWithinMonths: $0.startWithinMonths, deployWithinMonths: $0.deployWithinMonths)
        }
        let tranche = schedule.tranche(for: content.population(of: cpts))
        var missions = schedule.socleIDs
        for mission in planned where !missions.contains(mission) { missions.append(mission) }
        let operation = FundingCalculator.operation(schedule, tranche: tranche, signature: asOf, firstUnderSchedule: true)
        let envelope = operation + missions.compactMap { schedule.missions[$0] }.map { amounts in
            amounts.fixed[tranche] + (amounts.extra?[tranche] ?? 0) + amounts.variable[tranche]
        }.reduce(0, +)
        return RoadToContract(steps: steps, plannedMissions: planned, requirements: requirements,
                              scheduleID: schedule.id, tranche: tranche, envelope: envelope)
    }
}
