/// One output path, one source: two content files that publish to one place would have one of them lost
/// silently (one page kept while the menu lists both), or both half-published (every indicator row twice in
/// `data/indicators.csv`). Paths are compared as a case-insensitive host sees them.
extension ContentRules {
    /// Two pages, two indicator files or two territorial diagnostics of one name (`pages/x.md` beside
    /// `pages/x.markdown`, `indicators/x.yaml` beside `indicators/x.yml`), or two reports of one contract year
    /// (`reports/x/1.md` beside `reports/x/01.md`): an error at the second file, in path order, naming the first.
    /// CPTS files are `slugsAreUnique`'s, departments `departmentsAreListedOnce`'s.
    @Sendable static func outputPathsHaveOneSource(_ content: SiteContent) -> [Diagnostic] {
        let pages = secondSources(content.pages.map { ($0.slug.value.lowercased(), $0.file, $0.slug.location) }) { source, first in
            .pageDuplicate(slug: DisplayedPath.escaping(source.key), firstFile: DisplayedPath.escaping(first))
        }
        let indicators = secondSources(content.indicators.map { ($0.slug.lowercased(), $0.file, $0.location) }) { source, first in
            .indicatorsDuplicate(slug: DisplayedPath.escaping(source.key), firstFile: DisplayedPath.escaping(first))
        }
        let territories = secondSources(content.territoryDiagnostics.map { ($0.slug.lowercased(), $0.file, $0.location) }) {
            .territoryDiagnosticDuplicate(slug: DisplayedPath.escaping($0.key), firstFile: DisplayedPath.escaping($1))
        }
        let reports = secondSources(content.reports.map { ("\($0.slug.value.lowercased())#\($0.year.value)", $0.file, $0.year.location) }) {
            source, first in
            let slug = String(source.key.prefix { $0 != "#" })
            let year = Int(source.key.drop { $0 != "#" }.dropFirst()) ?? 0
            let name = content.cpts.first { $0.slug.value.lowercased() == slug }?.name ?? DisplayedPath.escaping(slug)
            return .reportDuplicate(year: year, cpts: name, firstFile: DisplayedPath.escaping(first))
        }
        return pages + indicators + territories + reports
    }

    typealias OutputSource = (key: String, file: String, location: SourceLocation)

    /// Each source whose key an earlier one (in file order) already has, reported at its own place.
    static func secondSources(_ sources: [OutputSource], message: (OutputSource, _ firstFile: String) -> DiagnosticMessage)
        -> [Diagnostic]
    {
        var firstFile: [String: String] = [:]
        var found: [Diagnostic] = []
        for source in sources.sorted(by: { $0.file.utf8.lexicographicallyPrecedes($1.file.utf8) }) {
            if let first = firstFile[source.key] {
                found.append(.error(message(source, first), at: source.location))
            } else {
                firstFile[source.key] = source.file
            }
        }
        return found
    }

}
