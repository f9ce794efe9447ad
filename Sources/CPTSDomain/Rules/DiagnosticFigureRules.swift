extension ContentRules {
    @Sendable static func territoryDiagnosticBelongsToACPTS(_ content: SiteContent) -> [Diagnostic] {
        var budget = Suggestion.Budget()
        let slugs = content.cpts.map(\.slug.value), known = Set(slugs)
        return content.territoryDiagnostics.filter { !known.contains($0.slug) }.map { file in
            .error(.diagnosticWithoutCPTS(slug: file.slug, suggestion: Suggestion.nearest(to: file.slug, in: slugs, budget: &budget)), at: file.location)
        }
    }

    @Sendable static func referenceDepartmentsAreKnown(_ content: SiteContent) -> [Diagnostic] {
        var budget = Suggestion.Budget()
        let codes = content.region.departments.map(\.code), known = Set(codes)
        return content.region.references.departments.keys.sorted().filter { !known.contains($0) }.compactMap { code in
            guard let location = content.region.references.departments[code]?.values.map(\.location).min() else { return nil }
            return .warning(.referenceDepartmentUnknown(code: code, suggestion: Suggestion.nearest(to: code, in: codes, budget: &budget)), at: location)
        }
    }

    /// A figure's value is one its unit can take: a share from 0 to 100, a count whole and not negative, a rate
    /// not negative; in the territorial diagnostics and in the region's reference values.
    @Sendable static func figuresFitTheirUnit(_ content: SiteContent) -> [Diagnostic] {
        let references = content.region.references
        let written = content.territoryDiagnostics.flatMap { $0.figures.map { ($0.id.value, $0.value) } }
            + ([references.france, references.region] + references.departments.sorted { $0.key < $1.key }.map(\.value))
                .flatMap { $0.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }
        return written.compactMap { id, value -> Diagnostic? in
            guard let figure = TerritoryFigure.named(id) else { return nil }
            switch figure.unit {
            case .percent where !(0...100).contains(value.value): return .error(.shareOutOfRange(id: id, value: value.value), at: value.location)
            case .count where value.value < 0 || value.value.rounded() != value.value:
                return .error(.countInvalid(id: id, value: value.value), at: value.location)
            case .rate where value.value < 0: return .error(.rateNegative(id: id, value: value.value), at: value.location)
            default: return nil
            }
        }
    }
}
