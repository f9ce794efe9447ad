extension ContentRules {
    /// The region's population, its planned territories and each department's population are above zero:
    /// the coverage divides by them.
    @Sendable static func regionFiguresArePositive(_ content: SiteContent) -> [Diagnostic] {
        let region = content.region
        let figures = [("population", region.population), ("plannedTerritories", region.plannedTerritories)]
            + region.departments.map { ("population", $0.population) }
        return figures.filter { $0.1.value <= 0 }.map { key, figure in
            .error(.valueNotPositive(key: key, value: figure.value), at: figure.location)
        }
    }

    /// A structure's count and yearly aid are not negative (the home page multiplies them into a total).
    @Sendable static func structureFiguresAreNotNegative(_ content: SiteContent) -> [Diagnostic] {
        content.region.structures.flatMap { structure -> [Diagnostic] in
            let count = structure.count.flatMap { $0.value < 0 ? Diagnostic.error(.structureCountNegative, at: $0.location) : nil }
            let aid = structure.yearlyAid.flatMap { $0.value < 0 ? Diagnostic.error(.yearlyAidNegative, at: $0.location) : nil }
            return [count, aid].compactMap { $0 }
        }
    }

    /// A milestone's published coverage is a share between 0 and 1 (`0.57`, not `57`).
    @Sendable static func milestoneCoverageIsAFraction(_ content: SiteContent) -> [Diagnostic] {
        content.region.milestones.compactMap { milestone in
            guard let coverage = milestone.coverage, !(0...1).contains(coverage.value) else { return nil }
            return .error(.coverageNotFraction(written: milestone.coverageWritten, value: coverage.value), at: coverage.location)
        }
    }
}
