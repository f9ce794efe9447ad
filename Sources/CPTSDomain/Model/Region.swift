/// The region a site reports on: its departments, planned territories and published milestones.
public struct Region: Sendable {
    public var code: String
    public var name: String
    public var population: Located<Int>
    /// Which census the populations come from (*INSEE 2017, population municipale*).
    public var populationVintage: String
    public var plannedTerritories: Located<Int>
    public var departments: [Department]
    public var structures: [Structure]
    public var milestones: [Milestone]
    /// Values to compare territorial diagnostics with.
    public var references: ReferenceValues

    public init(code: String, name: String, population: Located<Int>, populationVintage: String,
                plannedTerritories: Located<Int>, departments: [Department], structures: [Structure],
                milestones: [Milestone], references: ReferenceValues = ReferenceValues()) {
        self.code = code
        self.name = name
        self.population = population
        self.populationVintage = populationVintage
        self.plannedTerritories = plannedTerritories
        self.departments = departments
        self.structures = structures
        self.milestones = milestones
        self.references = references
    }

    public func department(_ code: String) -> Department? { departments.first { $0.code == code } }

    /// The name a department goes by: its name in `region.yaml`, or its code when the region does not list it.
    public func departmentName(_ code: String) -> String { department(code)?.name ?? code }
}

public struct Department: Sendable {
    public var code: String
    public var name: String
    public var population: Located<Int>
    public var location: SourceLocation

    public init(code: String, name: String, population: Located<Int>, location: SourceLocation) {
        self.code = code
        self.name = name
        self.population = population
        self.location = location
    }
}

/// Other coordinated-care structures a regional dashboard counts: ESP, MSP, DAC.
public struct Structure: Sendable {
    public var kind: String
    /// How many there are at the site's date, when known (`ContentRules.structureFiguresAreNotNegative`).
    public var count: Located<Int>?
    /// Regional aid per structure and year, in euros (7 500 € per ESP in Centre-Val de Loire).
    public var yearlyAid: Located<Int>?
    /// Published or expected counts (15 ESP expected by 30/06/2020, 50 over two years).
    public var milestones: [StructureMilestone]

    public init(kind: String, count: Located<Int>?, yearlyAid: Located<Int>?, milestones: [StructureMilestone] = []) {
        self.kind = kind
        self.count = count
        self.yearlyAid = yearlyAid
        self.milestones = milestones
    }
}

/// Whether a milestone's figure is one the region published or one it expects.
public enum MilestoneKind: String, Sendable, Hashable, CaseIterable {
    case published, forecast
}

public struct StructureMilestone: Sendable {
    public var date: Day
    public var kind: MilestoneKind
    public var count: Int

    public init(date: Day, kind: MilestoneKind, count: Int) {
        self.date = date
        self.kind = kind
        self.count = count
    }
}

/// A figure the region published or forecast, shown beside the computed one.
public struct Milestone: Sendable, Hashable {
    public var date: Day
    public var kind: MilestoneKind
    public var cpts: Int?
    /// The published share of the population covered, a fraction (`ContentRules.milestoneCoverageIsAFraction`).
    public var coverage: Located<Double>?
    /// The coverage as written in `region.yaml` (`57`, `0.57`), for the diagnostics.
    public var coverageWritten: String
    public var location: SourceLocation

    public init(date: Day, kind: MilestoneKind, cpts: Int?, coverage: Located<Double>?, coverageWritten: String = "",
                location: SourceLocation) {
        self.date = date
        self.kind = kind
        self.cpts = cpts
        self.coverage = coverage
        self.coverageWritten = coverageWritten
        self.location = location
    }
}
