/// The indicator values of one CPTS, contract year by contract year (`indicators/<slug>.yaml`).
public struct IndicatorFile: Sendable {
    public var slug: String
    public var file: String
    public var location: SourceLocation
    public var contractYears: [ContractYearIndicators]

    public init(slug: String, file: String, location: SourceLocation, contractYears: [ContractYearIndicators]) {
        self.slug = slug
        self.file = file
        self.location = location
        self.contractYears = contractYears
    }
}

public struct ContractYearIndicators: Sendable {
    /// 1 for the year from the signature to its first anniversary.
    public var year: Located<Int>
    public var indicators: [Indicator]

    public init(year: Located<Int>, indicators: [Indicator]) {
        self.year = year
        self.indicators = indicators
    }
}

/// Which way an indicator improves.
public enum Direction: String, CaseIterable, Sendable {
    /// Higher is better (screening rate, professionals involved).
    case up
    /// Lower is better (patients without a *médecin traitant*).
    case down
    /// An action done or not (a crisis plan written).
    case done
}

/// An indicator's measured value: a number, or done / not done.
public enum IndicatorValue: Sendable, Equatable {
    case number(Double)
    case done(Bool)
}

/// One reward step of the variable part: reaching `threshold` earns `amount`.
public struct RewardStep: Sendable {
    public var threshold: Double?
    public var amount: Int
    public var location: SourceLocation

    public init(threshold: Double?, amount: Int, location: SourceLocation) {
        self.threshold = threshold
        self.amount = amount
        self.location = location
    }
}

public struct Indicator: Sendable {
    public var id: Located<String>
    public var mission: Located<String>
    public var label: String
    public var unit: String?
    public var direction: Located<Direction>
    public var baseline: Double?
    public var value: IndicatorValue?
    public var steps: [RewardStep]

    public init(id: Located<String>, mission: Located<String>, label: String, unit: String?,
                direction: Located<Direction>, baseline: Double?, value: IndicatorValue?, steps: [RewardStep]) {
        self.id = id
        self.mission = mission
        self.label = label
        self.unit = unit
        self.direction = direction
        self.baseline = baseline
        self.value = value
        self.steps = steps
    }
}
