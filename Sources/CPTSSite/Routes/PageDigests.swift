import CPTSDomain

/// What the pages that summarise many CPTS show, each folded into one number: a route's `.summary` input, so that
/// `serve` renders such a page again only when what it shows changed.
struct PageDigests {
    let content: SiteContent
    let figures: SiteFigures
    let diagnostics: [Diagnostic]

    /// The digests of the dashboard, the search page and the department pages: made of the model (but for the
    /// projets de santé's texts) and the figures only, so `serve` reuses them while `ModelDigest` stays the same.
    struct Summaries: Sendable {
        var dashboard = 0
        var search = 0
        /// In the order of `figures.coverage.byDepartment`.
        var departments: [Int] = []
    }

    func summaries() -> Summaries {
        let byMainDepartment = Dictionary(grouping: content.cpts, by: \.department.value)
        return Summaries(dashboard: dashboard(), search: list(content.cpts),
                         departments: figures.coverage.byDepartment.map { department($0, byMainDepartment[$0.code] ?? []) })
    }

    /// The validation page shows each diagnostic under the name of what it concerns: a CPTS renamed renames it.
    func validation() -> Int {
        var hasher = Hasher()
        hasher.combine(diagnostics)
        let files = Set(diagnostics.map(\.location.file))
        // Indicators and territory diagnostics are named after their CPTS, found by their file's name.
        let slugs = Set(files.map { $0.split(separator: "/").last.map { String($0.prefix { $0 != "." }) } ?? $0 })
        for cpts in content.cpts where files.contains(cpts.file) || slugs.contains(cpts.slug.value) { hasher.combine(cpts.name) }
        for page in content.pages where files.contains(page.file) { hasher.combine(page.title) }
        return hasher.finalize()
    }

    func department(_ department: DepartmentCoverage, _ mainCPTS: [CPTS]) -> Int {
        var digest = Hasher()
        digest.combine(department)
        digest.combine(list(mainCPTS))
        return digest.finalize()
    }

    /// What the dashboard shows: the region's figures now and over time, the funding of every contract (the
    /// annual envelope, the yearly table), the list of CPTS and their territories on the map.
    func dashboard() -> Int {
        var digest = Hasher()
        digest.combine(list(content.cpts))
        digest.combine(figures.coverage)
        digest.combine(figures.series)
        digest.combine(figures.milestones)
        for cpts in content.cpts {
            digest.combine(cpts.communes.map(\.value))
            digest.combine(figures[cpts].funding)
        }
        return digest.finalize()
    }

    /// What a list of CPTS shows of each (`ViewModels.summary`), and the dates that give its stage at any day.
    func list(_ list: [CPTS]) -> Int {
        var digest = Hasher()
        for cpts in list {
            digest.combine(cpts.slug.value)
            digest.combine(cpts.name)
            digest.combine(cpts.department.value)
            digest.combine(cpts.stage.value)
            digest.combine(figures[cpts].stage)
            digest.combine(figures[cpts].population)
            for stage in Stage.allCases { digest.combine(cpts.dates[stage]?.value) }
        }
        return digest.finalize()
    }
}
