import CPTSDomain

/// Each page is made from the view models of its input only (`PageInput`): the site-wide data, and the items its
/// input lists. What is not in the input is not in the slice, so it cannot be read.
extension ViewModels {
    /// What every slice shares, found once for the whole site.
    func prepared() -> ViewModels {
        var models = self
        models.menu = ViewModels.menuEntries(of: content.pages)
        models.regionless = ViewModels.regionless(of: content)
        models.diagnosticsByFile = Dictionary(grouping: diagnostics, by: \.location.file)
        return models
    }

    /// The region's figures of a site with no CPTS: those a page sees whose input has not the region's.
    static func regionless(of content: SiteContent) -> SiteFigures {
        var blank = content
        blank.cpts = []
        blank.indicators = []
        blank.reports = []
        blank.territoryDiagnostics = []
        return SiteFigures(content: blank)
    }

    /// The CPTS of a page whose input is one CPTS (`PageInput.whole`: its page, whole; its reports' pages, its
    /// front matter).
    var onlyCPTS: CPTS { content.cpts[0] }

    /// The view models of the site-wide data and the items of `input`, as the page of that input sees them.
    func slice(_ input: PageInput) -> ViewModels {
        var sliced = content
        sliced.cpts = input.cpts.map { input.wholeCPTS ? content.cpts[$0] : content.cpts[$0].frontMatter }
        sliced.reports = input.reports.map { content.reports[$0] }
        sliced.indicators = input.indicators.map { content.indicators[$0] }
        sliced.territoryDiagnostics = input.territories.map { content.territoryDiagnostics[$0] }
        sliced.pages = input.pages.map { content.pages[$0] }

        var cptsFigures: [String: SiteFigures.CPTSFigures] = [:]
        if input.figures {
            for cpts in sliced.cpts { cptsFigures[cpts.slug.value] = figures.figures(of: cpts.slug.value) }
        }
        var models = self
        models.content = sliced
        models.figures = SiteFigures(cpts: cptsFigures, region: input.region ? figures : regionless ?? ViewModels.regionless(of: content))
        models.menu = menu ?? ViewModels.menuEntries(of: content.pages)
        models.diagnostics = input.allDiagnostics ? diagnostics : diagnostics(of: input, sliced)
        models.rows = input.rows
        models.diagnosticsByFile = nil
        return models
    }

    /// The diagnostics of the input's files, in the build's order within each file.
    private func diagnostics(of input: PageInput, _ sliced: SiteContent) -> [Diagnostic] {
        let files = (input.wholeCPTS ? sliced.cpts.map(\.file) : []) + sliced.reports.map(\.file)
            + sliced.indicators.map(\.file) + sliced.territoryDiagnostics.map(\.file) + sliced.pages.map(\.file)
        guard !files.isEmpty else { return [] }
        let byFile = diagnosticsByFile ?? Dictionary(grouping: diagnostics, by: \.location.file)
        return files.flatMap { byFile[$0] ?? [] }
    }
}
