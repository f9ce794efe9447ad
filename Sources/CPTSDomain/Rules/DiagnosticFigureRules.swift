extension ContentRules {
    @Sendable static func territoryDiagnosticBelongsToACPTS(_ content: SiteContent) -> [Diagnostic] {
        let slugs = content.cpts.map(\.slug.value), known = Set(slugs)
        return content.territoryDiagnostics.filter { !known.contains($0.slug) }.map { file in
            .error("diagnostic-without-cpts", at: file.location,
                   "territorial diagnostic for '\(file.slug)', but there is no cpts/\(file.slug).md",
                   note: Suggestion.note(for: file.slug, in: slugs))
        }
    }

    @Sendable static func referenceDepartmentsAreKnown(_ content: SiteContent) -> [Diagnostic] {
        let codes = content.region.departments.map(\.code)
        return content.region.references.departments.keys.sorted().filter { !codes.contains($0) }.compactMap { code in
            guard let location = content.region.references.departments[code]?.values.map(\.location).min() else { return nil }
            return .warning("department-unknown", at: location,
                            "reference values for department '\(code)', which is not in 'departments'",
                            note: Suggestion.note(for: code, in: codes))
        }
    }
}
