/// The size tranche of a CPTS (1 to 4), from the population it covers, which sets its funding.
public struct SizeTranche: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// 1-based: tranche 1 is the smallest.
    public let number: Int

    public init(number: Int) { self.number = number }

    /// The tranche of `population` under the schedule's lower bounds (`[40000, 80000, 175001]`).
    public init(population: Int, lowerBounds: [Int]) {
        number = 1 + lowerBounds.filter { population >= $0 }.count
    }

    /// Index into a schedule's per-tranche amounts.
    public var index: Int { number - 1 }

    public var description: String { "\(number)" }

    public static func < (lhs: SizeTranche, rhs: SizeTranche) -> Bool { lhs.number < rhs.number }
}
