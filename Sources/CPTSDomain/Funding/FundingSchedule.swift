/// The amounts an ACI version pays, by size tranche: data read from a schedule file, never code.
public struct FundingSchedule: Sendable {
    public var id: String
    public var label: String
    public var source: String
    public var file: String
    /// Lower bounds of tranches 2, 3 and 4.
    public var tranches: Located<[Int]>
    public var operation: ScheduleLine
    public var missions: [String: MissionAmounts]
    /// The keys of `missions:` as written, where they are (a mission whose amounts could not be read included).
    public var missionIDs: [Located<String>] = []
    /// Missions every signed contract must carry under this schedule.
    public var socle: [Located<String>]
    /// The day this schedule takes over: a contract year starting on or after it is paid under it (the latest such
    /// schedule wins). Nil: the schedule is not dated, and applies only to the CPTS that name it, all along.
    public var effective: Day?
    /// The day the schedule was signed (or published): a site dated before it does not know it, and never applies
    /// it, not even to its projected years. Nil: known at any date.
    public var signed: Day?
    /// Socle missions that are socle only from a date (the crisis mission, from 03/09/2022): before it they are
    /// not required, and for a contract signed earlier their ACI deadlines run from that date.
    public var socleSince: [String: Day]
    /// A raise of operation for contracts signed before a date (avenant 2's +75 %), if any.
    public var operationRaise: OperationRaise?
    /// The aid paid at the letter-of-intent stage, by tranche, if the schedule gives one (avenant 2).
    public var letterOfIntentAid: ScheduleLine?
    /// Yearly maxima published for this schedule, by tranche number (1 to 4), to set beside the sum of its lines.
    public var publishedMaxima: PublishedMaxima?

    public init(id: String, label: String, source: String, file: String, tranches: Located<[Int]>,
                operation: ScheduleLine, missions: [String: MissionAmounts], socle: [Located<String>],
                effective: Day? = nil, signed: Day? = nil, socleSince: [String: Day] = [:], operationRaise: OperationRaise? = nil,
                letterOfIntentAid: ScheduleLine? = nil, publishedMaxima: PublishedMaxima? = nil) {
        self.id = id
        self.label = label
        self.source = source
        self.file = file
        self.tranches = tranches
        self.operation = operation
        self.missions = missions
        self.socle = socle
        self.effective = effective
        self.signed = signed
        self.socleSince = socleSince
        self.operationRaise = operationRaise
        self.letterOfIntentAid = letterOfIntentAid
        self.publishedMaxima = publishedMaxima
    }

    /// The socle missions required at `day`: those socle from a later date are not yet.
    public func socleIDs(at day: Day) -> [String] {
        socle.map(\.value).filter { id in socleSince[id].map { $0 <= day } ?? true }
    }

    /// What every line of a tranche adds up to, with every mission carried and the operation raise, if any: the
    /// schedule's own maximum, to set beside a published one.
    public func sumOfLines(_ tranche: SizeTranche) -> Int {
        operation[tranche] + (operationRaise?.amounts[tranche] ?? 0) + missions.values.map { $0.fixed[tranche] + $0.variable[tranche] + ($0.extra?[tranche] ?? 0) }
            .reduce(0, +)
    }

    /// Whether a site dated `day` knows the schedule (it was signed by then).
    public func isKnown(at day: Day) -> Bool { signed.map { $0 <= day } ?? true }

    public func tranche(for population: Int) -> SizeTranche {
        SizeTranche(population: population, lowerBounds: tranches.value)
    }

    public var socleIDs: [String] { socle.map(\.value) }
}

/// One line of a schedule: an amount per tranche, with where it comes from and how sure it is.
public struct ScheduleLine: Sendable {
    public var amounts: [Int]
    public var source: String?
    /// `sure`, `one-source` or `to-verify`, as in the domain reference, or `estimated` (derived, see its source).
    public var status: String?
    public var location: SourceLocation

    public init(amounts: [Int], source: String? = nil, status: String? = nil, location: SourceLocation) {
        self.amounts = amounts
        self.source = source
        self.status = status
        self.location = location
    }

    public subscript(tranche: SizeTranche) -> Int {
        amounts.indices.contains(tranche.index) ? amounts[tranche.index] : 0
    }
}

/// What a mission is worth per year: a fixed part, a variable maximum, and possibly an extra fixed line
/// (the unscheduled-care compensation of the access mission).
public struct MissionAmounts: Sendable {
    public var fixed: ScheduleLine
    public var variable: ScheduleLine
    public var extra: ScheduleLine?
    /// The fixed part of the mission's first funded contract year, when it differs from the later years' (the
    /// crisis mission: the plan written the first year, 45 000 € at tranche 3; updated later, 22 500 €).
    public var firstYear: ScheduleLine?
    public var source: String?
    public var status: String?

    public init(fixed: ScheduleLine, variable: ScheduleLine, extra: ScheduleLine?, firstYear: ScheduleLine? = nil,
                source: String?, status: String?) {
        self.firstYear = firstYear
        self.fixed = fixed
        self.variable = variable
        self.extra = extra
        self.source = source
        self.status = status
    }
}

/// Avenant 2's +75 % of operation for contracts signed before 31/12/2021. The sources disagree whether it is
/// paid once or every year: the schedule file says which reading the site uses.
public struct OperationRaise: Sendable {
    public enum Payment: String, Sendable, CaseIterable {
        /// Added once, to the first contract year paid under the schedule.
        case once
        /// Added to every contract year paid under the schedule.
        case yearly
    }

    /// The raise, by tranche (added to the operation line).
    public var amounts: ScheduleLine
    /// Contracts signed strictly before this day get the raise.
    public var signedBefore: Day
    public var paid: Payment

    public init(amounts: ScheduleLine, signedBefore: Day, paid: Payment) {
        self.amounts = amounts
        self.signedBefore = signedBefore
        self.paid = paid
    }
}

/// Yearly maxima published by a source, for the tranches it gives.
public struct PublishedMaxima: Sendable {
    /// Tranche number (1 to 4) → published maximum in euros.
    public var amounts: [Int: Int]
    public var source: String?

    public init(amounts: [Int: Int], source: String?) {
        self.amounts = amounts
        self.source = source
    }
}
