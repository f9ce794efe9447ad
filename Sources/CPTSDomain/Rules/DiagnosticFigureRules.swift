extension ContentRules {
    @Sendable static func territoryDiagnosticBelongsToACPTS(_ content: SiteContent) -> [Diagnostic] {
        let slugs = content.cpts.map(\.slug.value), known = Set(slugs)
        return content.territoryDiagnostics.filter { !known.contains($0.slug) }.map { file in
            .error(.diagnosticWithoutCPTS(slug: file.slug, suggestion: Suggestion.nearest(to: file.slug, in: slugs)), at: file.location)
        }
    }

    @Sendable static func referenceDepartmentsAreKnown(_ content: SiteContent) -> [Diagnostic] {
        let codes = content.region.departments.map(\.code)
        return content.region.references.departments.keys.sorted().filter { !codes.contains($0) }.compactMap { code in
            guard let location = content.region.references.departments[code]?.values.map(\.location).min() else { return nil }
            return .warning(.referenceDepartmentUnknown(code: code, suggestion: Suggestion.nearest(to: code, in: codes)), at: location)
        }
    }
}
