import CPTSDomain

/// What a build found and did: its diagnostics, the files it wrote, the time of each stage.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic] = []
    /// Texts of the content files, to quote lines in diagnostics.
    public var sources: [String: String] = [:]
    public var timings: [(stage: String, seconds: Double)] = []
    public var filesWritten = 0
    /// True when every stage ran and the output (if any) is in place.
    public var succeeded = false
    /// When the output is a symbolic link: the folder it names, where the site was written.
    public var writtenThrough: String?
    /// The staging folder this build made beside the output (it stays there, for the next build).
    public var stagingFolderCreated: String?

    public init() {}
}
