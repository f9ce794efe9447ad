import CPTSContent
import CPTSDomain

/// The whole build, one direction: load → validate → compute → render → write.
/// The stages are listed below in the order they run.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) async -> BuildReport {
        var report = BuildReport()
        var clock = StageClock()

        // 1. Load: read content/ into the model, with every reading problem.
        let loaded = await ContentLoader.load(from: options.contentDirectory)
        report.sources = loaded.sources
        report.diagnostics = loaded.diagnostics
        clock.lap("load")
        guard let content = loaded.content else { return finish(report, clock) }

        // 2. Validate: the ACI and consistency rules.
        report.diagnostics += ContentRules.validate(content)
        clock.lap("validate")
        if report.diagnostics.hasErrors { return finish(report, clock) }

        // 3. Compute: funding and coverage figures.
        let figures = SiteFigures(content: content)
        clock.lap("compute")
        if options.dryRun {
            report.succeeded = true
            return finish(report, clock)
        }

        // 4. Render: pages, feeds and exports, in memory.
        let files: [OutputFile]
        do {
            let theme = try Theme.load(named: content.settings.theme, from: options.themesDirectory)
            files = try await SiteRenderer(content: content, figures: figures, theme: theme,
                                           diagnostics: report.diagnostics, geo: loaded.geo).render()
        } catch let error as ThemeError {
            report.diagnostics += error.diagnostics
            report.sources.merge(error.sources) { content, _ in content }
            return finish(report, clock)
        } catch {
            report.diagnostics.append(.error("render-failed", at: SourceLocation(file: options.themesDirectory, line: 1, column: 1),
                                             "rendering failed: \(error)"))
            return finish(report, clock)
        }
        clock.lap("render")

        // 5. Write: into a temporary sibling folder, swapped in only when complete.
        do {
            try AtomicWriter.write(files, to: options.outputDirectory)
            report.filesWritten = files.count
        } catch {
            report.diagnostics.append(.error("write-failed", at: SourceLocation(file: options.outputDirectory, line: 1, column: 1),
                                             "could not write the site: \(error)"))
            return finish(report, clock)
        }
        clock.lap("write")
        report.succeeded = true
        return finish(report, clock)
    }

    private static func finish(_ report: BuildReport, _ clock: StageClock) -> BuildReport {
        var report = report
        report.timings = clock.timings
        report.diagnostics = report.diagnostics.sortedForReport()
        return report
    }
}
