extension ContentRules {
    @Sendable static func departmentIsInRegion(_ content: SiteContent) -> [Diagnostic] {
        let codes = content.region.departments.map(\.code)
        return content.cpts.filter { !codes.contains($0.department.value) }.map { cpts in
            .error("department-unknown", at: cpts.department.location,
                   "department '\(cpts.department.value)' is not in region.yaml",
                   note: Suggestion.note(for: cpts.department.value, in: codes)
                       ?? "known departments: \(codes.joined(separator: ", "))")
        }
    }

    /// A CPTS needs a population to get a tranche, from `population` or from its communes.
    @Sendable static func populationIsPositive(_ content: SiteContent) -> [Diagnostic] {
        content.cpts.compactMap { cpts in
            if let population = cpts.population {
                return population.value > 0 ? nil
                    : .error("population-not-positive", at: population.location,
                             "population must be a positive number of inhabitants, not \(population.value)")
            }
            let known = cpts.communes.filter { content.communes[$0.value] != nil }
            return known.isEmpty
                ? .error("population-missing", at: cpts.location,
                         "'population' is missing",
                         note: "give 'population', or 'communes' listed in geo/communes.csv")
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
            return .warning("population-mismatch", at: population.location,
                            "population \(population.value) differs from the sum of its \(known.count) communes (\(sum)) by more than 2 %")
        }
    }

    /// When `geo/communes.csv` is given, every commune code must be in it.
    @Sendable static func communeIsKnown(_ content: SiteContent) -> [Diagnostic] {
        guard !content.communes.isEmpty else { return [] }
        return content.cpts.flatMap { cpts in
            cpts.communes.filter { content.communes[$0.value] == nil }.map { commune in
                .warning("commune-unknown", at: commune.location,
                         "commune '\(commune.value)' is not in geo/communes.csv")
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
                    let name = content.communes[commune.value].map { " (\($0.name))" } ?? ""
                    diagnostics.append(.error("commune-in-two-cpts", at: commune.location,
                        "commune \(commune.value)\(name) is already in \(first.name) (\(first.location))",
                        note: "a territory has one CPTS only: remove it from one of the two"))
                } else {
                    owner[commune.value] = (cpts.name, commune.location)
                }
            }
        }
        return diagnostics
    }
}
