import CPTSContent
import CPTSDomain

/// A national site: its pages (the dashboard and a page per region, `NationalViewModels`, rendered with the default
/// theme checked against `Routes.schemas()`), the theme's assets and the data files of `NationalExports`, written
/// the way a regional build writes: staged beside the output folder, swapped in whole.
public enum NationalSite {
    /// The files, by path under the output folder: pages, assets, then data files.
    static func files(_ content: NationalContent, theme: Theme, departments: [GeoFeature] = []) throws
        -> [(path: String, bytes: [UInt8])]
    {
        let models = NationalViewModels(content: content, theme: theme, departments: departments)
        var pages: [(url: String, model: any PageModel)] = [(Routes.home, models.home(root: Routes.root(of: Routes.home)))]
        for region in content.regions {
            let url = Routes.region(region.code.value)
            pages.append((url, models.region(region, root: Routes.root(of: url))))
        }
        let misses = MissedKeys()
        var files: [(path: String, bytes: [UInt8])] = []
        for page in pages {
            let template = type(of: page.model).template
            files.append((Routes.file(of: page.url), try theme.renderBytes(template, page.model.templateValue, misses: misses)))
        }
        let missing = misses.diagnostics(in: theme)
        if !missing.isEmpty { throw ThemeError(diagnostics: missing, sources: theme.sources) }
        return files + theme.assets.map { ($0.publishedPath, $0.bytes) } + NationalExports.files(content)
    }

    /// Loads the theme, checks it, renders and writes every file into `output`. The diagnostics of a failure
    /// (a theme's, with its sources to quote, or the write's); none when written.
    /// `contentRoot` is the national folder: its `geo/departements.geojson`, optional, draws the map.
    public static func write(_ content: NationalContent, to output: String, themesDirectory: String, contentRoot: String)
        -> (diagnostics: [Diagnostic], sources: [String: String], files: Int)
    {
        let shapes = GeoLoader.nationalDepartments(root: contentRoot)
        if shapes.diagnostics.hasErrors { return (shapes.diagnostics, [:], 0) }
        let built: [(path: String, bytes: [UInt8])]
        do {
            let theme = try Theme.load(named: "default", from: themesDirectory)
            try theme.checkSchemas(Routes.schemas())
            built = try files(content, theme: theme, departments: shapes.departments)
        } catch let error as ThemeError {
            return (error.diagnostics, error.sources, 0)
        } catch {
            return ([.error(.renderFailed(reason: "\(error)"), at: SourceLocation(file: themesDirectory, line: 1, column: 1))], [:], 0)
        }
        do {
            let staged = try StagedSite(output: output)
            do {
                for file in built { try staged.write(OutputFile(path: file.path, bytes: file.bytes)) }
                try staged.commit()
            } catch {
                staged.abandon()
                throw error
            }
            return ([], [:], built.count)
        } catch {
            return ([SiteSession.writeFailed(error, output: output)], [:], 0)
        }
    }
}
