import CPTSContent
import CPTSDomain
import CPTSSite

/// The site as served: the files of the last good build, and the outcome of the last build, good or not.
actor SiteState {
    private(set) var files: [String: [UInt8]] = [:]
    /// Increases with every build, so that open pages know when to reload.
    private(set) var version = 0
    /// The diagnostics of the last build when it failed, as the terminal shows them; nil when it succeeded.
    private(set) var failure: String?
    /// Whether a good build was ever made: a failed first build serves nothing, and must not claim otherwise.
    var servesASite: Bool { !files.isEmpty }
    let language: Language

    init(language: Language) { self.language = language }

    func update(with outcome: BuildOutcome) {
        version += 1
        if outcome.report.succeeded {
            // Two files of one path never reach here (`outputPathsHaveOneSource`); were one to, the first is kept,
            // as a build writes it, rather than the server trapping.
            files = Dictionary(outcome.files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
            failure = nil
        } else {
            failure = DiagnosticFormatter(sources: outcome.report.sources, language: language).report(outcome.report.diagnostics)
        }
    }

    func file(_ path: String) -> [UInt8]? { files[path] }
}
