/// What to build, from where, to where.
public struct BuildOptions: Sendable {
    /// The content folder (`content`).
    public var contentDirectory: String
    /// Where the site goes (`public`).
    public var outputDirectory: String
    /// The folder holding themes; by default `themes/` beside the content folder.
    public var themesDirectory: String
    /// Check only: load, validate and compute, write nothing.
    public var dryRun: Bool

    public init(contentDirectory: String = "content", outputDirectory: String = "public",
                themesDirectory: String? = nil, dryRun: Bool = false) {
        self.contentDirectory = contentDirectory
        self.outputDirectory = outputDirectory
        self.themesDirectory = themesDirectory ?? BuildOptions.sibling(of: contentDirectory, named: "themes")
        self.dryRun = dryRun
    }

    static func sibling(of path: String, named name: String) -> String {
        var components = path.split(separator: "/", omittingEmptySubsequences: false)
        while components.count > 1, components.last == "" { components.removeLast() }
        components.removeLast()
        let parent = components.joined(separator: "/")
        return parent.isEmpty ? (path.hasPrefix("/") ? "/" + name : name) : parent + "/" + name
    }
}
