/// How far the region is covered by CPTS at one date.
public struct CoverageFigures: Sendable, Hashable {
    public let date: Day
    /// CPTS by the stage they had reached at `date`; CPTS not yet started are not counted.
    public let countByStage: [Stage: Int]
    /// CPTS with a validated projet de santé (*constituées*).
    public let constituted: Int
    /// CPTS with a signed ACI contract.
    public let signed: Int
    public let plannedTerritories: Int
    public let regionPopulation: Int
    /// Inhabitants of the constituted CPTS.
    public let populationCovered: Int
    /// Inhabitants of the CPTS with a signed contract.
    public let signedPopulation: Int
    public let byDepartment: [DepartmentCoverage]

    /// Constituted CPTS ÷ planned territories.
    public var constitutedShare: Double { share(constituted, of: plannedTerritories) }
    /// Population of the constituted CPTS ÷ regional population.
    public var coverage: Double { share(populationCovered, of: regionPopulation) }
    public var signedShare: Double { share(signed, of: plannedTerritories) }
    public var signedCoverage: Double { share(signedPopulation, of: regionPopulation) }
    /// Every CPTS started by `date`, whatever its stage.
    public var started: Int { countByStage.values.reduce(0, +) }
}

/// The same figures for one department.
public struct DepartmentCoverage: Sendable, Hashable {
    public let code: String
    public let name: String
    public let population: Int
    /// CPTS whose main department this is, started by the date.
    public let cpts: Int
    public let constituted: Int
    public let signed: Int
    /// Inhabitants of the department living in a constituted CPTS.
    public let populationCovered: Int
    public let signedPopulation: Int
    /// Its CPTS by stage reached at the date, in `Stage.allCases` order (`count(at:)`).
    public let stageCounts: [Int]

    /// How many of its CPTS had reached `stage` (and no later one) at the date.
    public func count(at stage: Stage) -> Int {
        Stage.allCases.firstIndex(of: stage).map { stageCounts.indices.contains($0) ? stageCounts[$0] : 0 } ?? 0
    }

    public var coverage: Double { share(populationCovered, of: population) }
    public var signedCoverage: Double { share(signedPopulation, of: population) }
}

func share(_ part: Int, of whole: Int) -> Double {
    whole > 0 ? Double(part) / Double(whole) : 0
}
