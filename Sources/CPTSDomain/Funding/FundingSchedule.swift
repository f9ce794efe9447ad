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
    /// Missions every signed contract must carry under this schedule.
    public var socle: [Located<String>]

    public init(id: String, label: String, source: String, file: String, tranches: Located<[Int]>,
                operation: ScheduleLine, missions: [String: MissionAmounts], socle: [Located<String>]) {
        self.id = id
        self.label = label
        self.source = source
        self.file = file
        self.tranches = tranches
        self.operation = operation
        self.missions = missions
        self.socle = socle
    }

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
    public var source: String?
    public var status: String?

    public init(fixed: ScheduleLine, variable: ScheduleLine, extra: ScheduleLine?, source: String?, status: String?) {
        self.fixed = fixed
        self.variable = variable
        self.extra = extra
        self.source = source
        self.status = status
    }
}
