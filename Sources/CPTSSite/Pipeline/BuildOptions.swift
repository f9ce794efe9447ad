import Foundation

/// What to build, from where, to where.
public struct BuildOptions: Sendable {
    /// How far the pipeline goes.
    public enum Mode: Sendable {
        /// Load and validate: `cpts-site check`.
        case check
        /// The whole pipeline, written to `outputDirectory`: `cpts-site build`.
        case build
        /// Rendered but kept in memory: `cpts-site serve`.
        case memory
    }

    /// The content folder (`content`).
    public var contentDirectory: String
    /// Where the site goes (`public`).
    public var outputDirectory: String
    /// The folder holding themes; by default `themes/` beside the content folder.
    public var themesDirectory: String
    public var mode: Mode
    /// Replaces `site.yaml`'s `baseURL`, as `serve` does for its local address.
    public var baseURL: String?
    /// `build --pdf`: print each activity report to `rapport-annee-<n>.pdf` beside its page, with headless
    /// Chromium, and link it from the page.
    public var pdfReports: Bool
    /// Called once the content is loaded, with its number of CPTS, before anything is made from it: the command
    /// sets the allocator for the site's size there (`Allocator.fit(cptsCount:)` in the cpts-site executable).
    public var contentLoaded: (@Sendable (_ cptsCount: Int) -> Void)?

    public init(contentDirectory: String = "content", outputDirectory: String = "public",
                themesDirectory: String? = nil, mode: Mode = .build, baseURL: String? = nil, pdfReports: Bool = false) {
        self.pdfReports = pdfReports
        self.contentDirectory = contentDirectory
        self.outputDirectory = outputDirectory
        self.themesDirectory = themesDirectory ?? BuildOptions.sibling(of: contentDirectory, named: "themes")
        self.mode = mode
        self.baseURL = baseURL
    }

    /// Whether the output folder is the content folder or lies inside it, once `.`, `..` and symbolic links are
    /// resolved: each build would then publish the previous site inside the new one.
    public var outputIsInsideContent: Bool {
        let content = Self.resolved(contentDirectory), output = Self.resolved(outputDirectory)
        return output == content || output.hasPrefix(content == "/" ? "/" : content + "/")
    }

    /// `path` made absolute, its existing part with every symbolic link resolved, the rest (not made yet) added.
    static func resolved(_ path: String) -> String {
        var existing = URL(fileURLWithPath: path).standardizedFileURL
        var missing: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            missing.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        let base = existing.resolvingSymlinksInPath().path
        return missing.reduce(base) { $0 + ($0.hasSuffix("/") ? "" : "/") + $1 }
    }

    static func sibling(of path: String, named name: String) -> String {
        var components = path.split(separator: "/", omittingEmptySubsequences: false)
        while components.count > 1, components.last == "" { components.removeLast() }
        components.removeLast()
        let parent = components.joined(separator: "/")
        return parent.isEmpty ? (path.hasPrefix("/") ? "/" + name : name) : parent + "/" + name
    }
}
