/// One output path, one source: two content files that publish to one place would have one of them lost
/// silently (one page kept while the menu lists both), or both half-published (every indicator row twice in
/// `data/indicators.csv`). Paths are compared as a case-insensitive host sees them.
extension ContentRules {
    /// Two pages, two indicator files or two territorial diagnostics of one name (`pages/x.md` beside
    /// `pages/x.markdown`, `indicators/x.yaml` beside `indicators/x.yml`), or two reports of one contract year
    /// (`reports/x/1.md` beside `reports/x/01.md`): an error at the second file, in path order, naming the first.
    /// CPTS files are `slugsAreUnique`'s, departments `departmentsAreListedOnce`'s.
    @Sendable static func outputPathsHaveOneSource(_ content: SiteContent) -> [Diagnostic] {
        let pages = secondSources(content.pages, key: { $0.slug.value.lowercased() }, file: \.file, at: \.slug.location) {
            .pageDuplicate(slug: DisplayedPath.escaping($0.slug.value), firstFile: DisplayedPath.escaping($1))
        }
        let indicators = secondSources(content.indicators, key: { $0.slug.lowercased() }, file: \.file, at: \.location) {
            .indicatorsDuplicate(slug: DisplayedPath.escaping($0.slug), firstFile: DisplayedPath.escaping($1))
        }
        let territories = secondSources(content.territoryDiagnostics, key: { $0.slug.lowercased() }, file: \.file, at: \.location) {
            .territoryDiagnosticDuplicate(slug: DisplayedPath.escaping($0.slug), firstFile: DisplayedPath.escaping($1))
        }
        let reports = secondSources(content.reports, key: { "\($0.year.value) \($0.slug.value.lowercased())" }, file: \.file,
                                    at: \.year.location) { report, first in
            let name = content.cpts(slug: report.slug.value)?.name ?? DisplayedPath.escaping(report.slug.value)
            return .reportDuplicate(year: report.year.value, cpts: name, firstFile: DisplayedPath.escaping(first))
        }
        return pages + indicators + territories + reports
    }

    /// Each source whose key an earlier one (in path order) already has, reported at its own place with the path
    /// of that first one.
    static func secondSources<Source>(_ sources: [Source], key: (Source) -> String, file: (Source) -> String,
                                      at location: (Source) -> SourceLocation,
                                      message: (Source, _ firstFile: String) -> DiagnosticMessage) -> [Diagnostic] {
        var firstFile: [String: String] = [:]
        var found: [Diagnostic] = []
        for source in sources.sorted(by: { file($0).utf8.lexicographicallyPrecedes(file($1).utf8) }) {
            if let first = firstFile[key(source)] {
                found.append(.error(message(source, first), at: location(source)))
            } else {
                firstFile[key(source)] = file(source)
            }
        }
        return found
    }
}
