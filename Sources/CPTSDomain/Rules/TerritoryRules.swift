extension ContentRules {
    /// `region.yaml` lists each department once.
    @Sendable static func departmentsAreListedOnce(_ content: SiteContent) -> [Diagnostic] {
        // Compared as their pages' folders are named (`departements/2a/`): "2A" and "2a" would share one.
        var first: [String: Department] = [:]
        return content.region.departments.compactMap { department in
            guard let earlier = first[department.code.lowercased()] else {
                first[department.code.lowercased()] = department
                return nil
            }
            return .error(.departmentDuplicate(code: department.code, first: earlier.code, firstLine: earlier.location.line),
                          at: department.location)
        }
    }

    @Sendable static func departmentIsInRegion(_ content: SiteContent) -> [Diagnostic] {
        var seen: Set<String> = []
        var budget = Suggestion.Budget()
        let codes = content.region.departments.map(\.code).filter { seen.insert($0).inserted }
        return content.cpts.filter { !seen.contains($0.department.value) }.map { cpts in
            .error(.departmentUnknown(code: cpts.department.value, suggestion: Suggestion.nearest(to: cpts.department.value, in: codes, budget: &budget),
                                      known: codes), at: cpts.department.location)
        }
    }

    /// A CPTS needs a population to get a tranche, from `population` or from its communes.
    @Sendable static func populationIsPositive(_ content: SiteContent) -> [Diagnostic] {
        content.cpts.compactMap { cpts in
            if let population = cpts.population {
                return population.value > 0 ? nil
                    : .error(.populationNotPositive(value: population.value), at: population.location)
            }
            let known = cpts.communes.filter { content.communes[$0.value] != nil }
            return known.isEmpty && cpts.reportedKeys.isDisjoint(with: ["population", "communes"])
                ? .error(.populationMissing, at: cpts.location)
                : nil
        }
    }

    /// Tolerated gap between a written population and the sum of its communes: census vintages differ by a few percent.
    static let populationTolerance = 0.02

    @Sendable static func populationMatchesCommunes(_ content: SiteContent) -> [Diagnostic] {
        content.cpts.compactMap { cpts in
            guard let population = cpts.population, population.value > 0, !cpts.communes.isEmpty else { return nil }
            let known = cpts.communes.compactMap { content.communes[$0.value] }
            guard known.count == cpts.communes.count else { return nil }
            let sum = known.map(\.population).reduce(0, +)
            guard sum > 0, abs(Double(population.value - sum)) / Double(sum) > populationTolerance else { return nil }
            return .warning(.populationMismatch(population: population.value, communes: known.count, sum: sum), at: population.location)
        }
    }

    /// A commune's population in `geo/communes.csv` is not negative.
    @Sendable static func communePopulationIsNotNegative(_ content: SiteContent) -> [Diagnostic] {
        content.communeRows.filter { $0.population < 0 }.map { commune in
            .error(.communePopulationNegative(commune: commune.code, written: commune.populationWritten.value),
                   at: commune.populationWritten.location)
        }
    }

    /// `geo/communes.csv` gives each commune once: reported at each later row.
    @Sendable static func communesAreListedOnce(_ content: SiteContent) -> [Diagnostic] {
        var seen: Set<String> = []
        return content.communeRows.filter { !seen.insert($0.code).inserted }.map { commune in
            .error(.communeDuplicate(commune: commune.code), at: commune.location)
        }
    }

    /// When `geo/communes.csv` is given, every commune code must be in it.
    @Sendable static func communeIsKnown(_ content: SiteContent) -> [Diagnostic] {
        guard !content.communes.isEmpty else { return [] }
        return content.cpts.flatMap { cpts in
            cpts.communes.filter { content.communes[$0.value] == nil }.map { commune in
                .warning(.communeUnknown(code: commune.value), at: commune.location)
            }
        }
    }

    /// One territory, one CPTS: a commune may belong to only one of them.
    @Sendable static func oneCPTSPerTerritory(_ content: SiteContent) -> [Diagnostic] {
        var owner: [String: (name: String, location: SourceLocation)] = [:]
        var diagnostics: [Diagnostic] = []
        for cpts in content.cpts.sorted(by: { $0.file < $1.file }) {
            for commune in cpts.communes {
                if let first = owner[commune.value] {
                    diagnostics.append(.error(.communeInTwoCPTS(code: commune.value, communeName: content.communes[commune.value]?.name,
                                                                firstCPTS: first.name, first: first.location), at: commune.location))
                } else {
                    owner[commune.value] = (cpts.name, commune.location)
                }
            }
        }
        return diagnostics
    }
}
