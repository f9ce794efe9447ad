import CPTSContent
import CPTSSite

/// The site as served: the files of the last good build, and the outcome of the last build, good or not.
actor SiteState {
    private(set) var files: [String: [UInt8]] = [:]
    /// Increases with every build, so that open pages know when to reload.
    private(set) var version = 0
    /// The diagnostics of the last build when it failed, as the terminal shows them; nil when it succeeded.
    private(set) var failure: String?

    func update(with outcome: BuildOutcome) {
        version += 1
        if outcome.report.succeeded {
            files = Dictionary(uniqueKeysWithValues: outcome.files.map { ($0.path, $0.bytes) })
            failure = nil
        } else {
            failure = DiagnosticFormatter(sources: outcome.report.sources).report(outcome.report.diagnostics)
        }
    }

    func file(_ path: String) -> [UInt8]? { files[path] }
}
