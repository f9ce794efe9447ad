import CPTSDomain
import CPTSTemplates
import Foundation

/// A theme problem, reported like a content problem: template path, line and column.
public struct ThemeError: Error, Sendable {
    public let diagnostics: [Diagnostic]
    /// The template texts the diagnostics point into, to quote their lines.
    public let sources: [String: String]

    init(diagnostic: Diagnostic, sources: [String: String] = [:]) {
        diagnostics = [diagnostic]
        self.sources = sources
    }

    init(diagnostics: [Diagnostic], sources: [String: String]) {
        self.diagnostics = diagnostics
        self.sources = sources
    }
}

/// The templates and assets of a theme (`themes/<name>/templates/*.mustache`, `themes/<name>/assets/*`).
/// A theme other than `default` may hold only the templates it changes: the others come from `default`.
public struct Theme: Sendable {
    public let library: TemplateLibrary
    /// Template sources by name, for template diagnostics.
    public let templateFiles: [String: (path: String, text: String)]
    /// Assets by their path under `assets/`, with the fingerprinted name they are published under.
    public let assets: [Asset]
    /// The templates' names and texts hashed, once per theme made: every page's key holds it (`InputDigests.site`),
    /// and `serve` reuses a theme whose files did not change.
    let templatesDigest: Int

    public struct Asset: Sendable {
        public let path: String
        public let publishedPath: String
        public let bytes: [UInt8]
    }

    /// The folder of theme `name`: in the site's themes folder, else among the themes shipped with cpts-site.
    static func folder(of name: String, in themesDirectory: String) -> String? {
        [themesDirectory, BuiltinThemes.directory].map { $0 + "/" + name }
            .first { FileManager.default.fileExists(atPath: $0) }
    }

    /// `site.yaml`'s `theme:` names a theme that exists (`check` says so at its line, before any build needs it).
    /// A name that is not a folder name is `ContentRules.themeIsAFolderName`'s to report.
    public static func existenceDiagnostics(_ settings: SiteSettings, themesDirectory: String) -> [Diagnostic] {
        let name = settings.theme.value
        guard ContentRules.isPlainFolderName(name), folder(of: name, in: themesDirectory) == nil else { return [] }
        return [.error(.themeMissing(name: name, folder: DisplayedPath.escaping(themesDirectory)), at: settings.theme.location)]
    }

    /// Loads `name` from the site's themes folder, completed by `default`; a theme the site does not hold
    /// comes from the themes shipped with cpts-site.
    public static func load(named name: String, from themesDirectory: String) throws -> Theme {
        try make(read(named: name, from: themesDirectory))
    }

    /// A theme's files as read, before its templates are parsed: `serve` compares them with those of the build
    /// before, and reuses its theme when they are the same (parsing the templates is most of loading a theme).
    struct Sources: Sendable, Equatable {
        var templates: [String: (path: String, text: String)] = [:]
        var assets: [String: (path: String, bytes: [UInt8])] = [:]

        static func == (lhs: Sources, rhs: Sources) -> Bool {
            lhs.templates.count == rhs.templates.count && lhs.assets.count == rhs.assets.count
                && lhs.templates.allSatisfy { name, file in rhs.templates[name].map { $0 == file } ?? false }
                && lhs.assets.allSatisfy { name, file in rhs.assets[name].map { $0 == file } ?? false }
        }
    }

    /// The templates and assets of `name`, completed by `default`, as `load(named:from:)` reads them.
    static func read(named name: String, from themesDirectory: String) throws -> Sources {
        // `check` reports a bad name at its line in site.yaml (`ContentRules.themeIsAFolderName`); this is the guard.
        guard ContentRules.isPlainFolderName(name) else {
            throw ThemeError(diagnostic: .error(.themeInvalid(name: DisplayedPath.escaping(name)),
                                                at: SourceLocation(file: themesDirectory, line: 1, column: 1)))
        }
        func folder(_ theme: String) -> String? { Theme.folder(of: theme, in: themesDirectory) }
        guard let chosen = folder(name) else {
            throw ThemeError(diagnostic: .error(.themeMissing(name: name, folder: DisplayedPath.escaping(themesDirectory)),
                                                at: SourceLocation(file: themesDirectory + "/" + name, line: 1, column: 1)))
        }
        let folders = name == "default" ? [chosen] : [chosen] + [folder("default")].compactMap { $0 }
        var templateFiles: [String: (path: String, text: String)] = [:]
        var assetFiles: [String: (path: String, bytes: [UInt8])] = [:]
        var outside: [Diagnostic] = []
        // The fallback theme first, so that the chosen theme's files replace it.
        for folder in folders.reversed() {
            let templates = files(under: folder + "/templates", within: folder)
            let assets = files(under: folder + "/assets", within: folder)
            for (relative, path) in templates.files where relative.hasSuffix(".mustache") {
                let text = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
                templateFiles[String(relative.dropLast(".mustache".count))] = (path, text)
            }
            for (relative, path) in assets.files {
                assetFiles[relative] = (path, [UInt8](FileManager.default.contents(atPath: path) ?? Data()))
            }
            outside += (templates.outside + assets.outside).map { path in
                Diagnostic.error(.themeLinkOutside(path: DisplayedPath.escaping(path), folder: DisplayedPath.escaping(folder)),
                                 at: SourceLocation(file: path, line: 1, column: 1))
            }
        }
        if !outside.isEmpty { throw ThemeError(diagnostics: outside, sources: [:]) }
        return Sources(templates: templateFiles, assets: assetFiles)
    }

    /// The theme made of files read by `read(named:from:)`: its templates parsed, its assets fingerprinted.
    static func make(_ sources: Sources) throws -> Theme {
        let library: TemplateLibrary
        do {
            library = try TemplateLibrary(templates: sources.templates.mapValues(\.text))
        } catch {
            throw themeError(error, templateFiles: sources.templates)
        }
        var digest = Hasher()
        for (name, file) in sources.templates.sorted(by: { $0.key < $1.key }) {
            digest.combine(name)
            digest.combine(file.text)
        }
        return Theme(library: library, templateFiles: sources.templates,
                     assets: publishing(sources.assets.mapValues(\.bytes)), templatesDigest: digest.finalize())
    }

    /// A template's problem (syntax, nesting, cycle, render depth) at its place in the theme's file.
    static func themeError(_ error: TemplateSyntaxError, templateFiles: [String: (path: String, text: String)]) -> ThemeError {
        let file = templateFiles[error.template] ?? (path: error.template, text: "")
        return ThemeError(diagnostic: .error(.templateSyntax(TemplateProblem(error.problem)),
                                             at: SourceLocation(file: file.path, line: error.line, column: error.column)),
                          sources: [file.path: file.text])
    }

    /// Each asset under its fingerprinted name. A stylesheet's relative `url(…)` naming another asset of the
    /// theme (`url(fonts/x.woff2)`) is rewritten to that asset's fingerprinted name first, then the stylesheet is
    /// fingerprinted as rewritten. A stylesheet's reference to another stylesheet (`@import`) is left as written.
    static func publishing(_ files: [String: [UInt8]]) -> [Asset] {
        let isStylesheet = { (path: String) in path.lowercased().hasSuffix(".css") }
        var published: [String: String] = [:]
        for (relative, bytes) in files where !isStylesheet(relative) {
            published[relative] = Fingerprint.name(relative, bytes: bytes)
        }
        return files.sorted { $0.key < $1.key }.map { relative, original in
            let bytes = isStylesheet(relative) ? StylesheetURLs.rewrite(original, at: relative, published: published) : original
            return Asset(path: relative, publishedPath: "assets/" + Fingerprint.name(relative, bytes: bytes), bytes: bytes)
        }
    }

    /// Files below `folder`, recursively, as (relative path, full path), sorted; and the paths of those that
    /// resolve (through symbolic links) outside `root`, which are left out: a link to /etc/passwd among the
    /// assets would be published.
    static func files(under folder: String, within root: String) -> (files: [(String, String)], outside: [String]) {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return ([], []) }
        let boundary = resolved(root).map { $0 == "/" ? $0 : $0 + "/" }
        var result: [(String, String)] = []
        var outside: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let full = folder + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") })
            else { continue }
            guard let boundary, let target = resolved(full), target.hasPrefix(boundary) else {
                outside.append(full)
                continue
            }
            result.append((relative, full))
        }
        return (result.sorted { $0.0 < $1.0 }, outside.sorted())
    }

    /// The absolute path with every symbolic link resolved, or nil.
    static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// Template texts by path, for diagnostics.
    var sources: [String: String] {
        Dictionary(templateFiles.values.map { ($0.path, $0.text) }, uniquingKeysWith: { first, _ in first })
    }

    /// The published URL path of an asset (`style.css` → `assets/style.3f2a…css`).
    public func assetPath(_ path: String) -> String? {
        assets.first { $0.path == path }?.publishedPath
    }

    /// Renders `template` with `context` (a view model's `templateValue`) as the root, recording names no context
    /// has into `misses`.
    func render(_ template: String, _ context: TemplateValue, misses: MissedKeys) throws -> String {
        String(decoding: try renderBytes(template, context, misses: misses), as: UTF8.self)
    }

    /// The page as UTF-8, as it is written.
    func renderBytes(_ template: String, _ context: TemplateValue, misses: MissedKeys) throws -> [UInt8] {
        let rendered: TemplateLibrary.Rendering?
        do {
            rendered = try library.render(template, context)
        } catch {
            throw Theme.themeError(error, templateFiles: templateFiles)
        }
        guard let rendering = rendered else {
            throw ThemeError(diagnostic: .error(.templateMissing(template: template), at: SourceLocation(file: "themes", line: 1, column: 1)))
        }
        if !rendering.missingNames.isEmpty { misses.record(rendering.missingNames) }
        return rendering.bytes
    }
}

/// Content-addressed asset names, so that browsers may cache assets forever.
enum Fingerprint {
    /// FNV-1a 64-bit: stable across runs and platforms, unlike `Hasher`.
    static func hash(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    static func name(_ path: String, bytes: [UInt8]) -> String {
        let fingerprint = String(hash(bytes).prefix(10))
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return path + "." + fingerprint }
        return path[..<dot] + "." + fingerprint + path[dot...]
    }
}

extension TemplateProblem {
    /// CPTSTemplates' parser error, as the catalog tells it.
    init(_ problem: TemplateSyntaxError.Problem) {
        switch problem {
        case .unfinishedTag(let closing): self = .unfinishedTag(closing: closing)
        case .delimitersUnterminated: self = .delimitersUnterminated
        case .delimitersNotTwo: self = .delimitersNotTwo
        case .emptyTag: self = .emptyTag
        case .invalidName(let name): self = .invalidName(name)
        case .closeWithoutOpen(let name): self = .closeWithoutOpen(name)
        case .closedByAnother(let opened, let closed): self = .closedByAnother(opened: opened, closed: closed)
        case .neverClosed(let name): self = .neverClosed(name)
        case .nestingTooDeep(let limit): self = .nestingTooDeep(limit: limit)
        case .inclusionCycle(let chain): self = .inclusionCycle(chain)
        case .renderTooDeep(let limit): self = .renderTooDeep(limit: limit)
        case .renderTooLong(let steps): self = .renderTooLong(steps: steps)
        case .renderTooLarge(let bytes): self = .renderTooLarge(bytes: bytes)
        }
    }
}
