import CPTSDomain
import CPTSMarkdown
import Foundation

/// What loading `content/` gives: the model if the files could be read, every diagnostic found while reading,
/// and the texts read, so that diagnostics can quote their line.
public struct LoadedContent: Sendable {
    public var content: SiteContent?
    public var diagnostics: [Diagnostic]
    /// Every text read, or, when the load was told not to keep them, those its diagnostics point into.
    public var sources: [String: String]
    /// Department and commune shapes of `geo/`, for the maps; empty without them.
    public var geo = GeoShapes()
}

/// The shapes of `content/geo/`.
public struct GeoShapes: Sendable {
    public var departments: [GeoFeature] = []
    public var communes: [GeoFeature] = []

    public init(departments: [GeoFeature] = [], communes: [GeoFeature] = []) {
        self.departments = departments
        self.communes = communes
    }
}

/// Reads a content folder into the domain model. Files are read and parsed concurrently;
/// results are gathered in file order, so the outcome never depends on scheduling.
public enum ContentLoader {
    /// Largest content file read; beyond this a file is reported rather than loaded.
    static let maximumFileSize = 64 * 1024 * 1024
    /// Largest file of `static/` published; beyond this it is reported (error `static-file-too-large`).
    public static let maximumStaticFileSize = 10 * 1024 * 1024

    /// - Parameters:
    ///   - root: the content folder.
    ///   - displayRoot: how paths are shown in diagnostics (`content`); defaults to `root`.
    ///   - keepingTexts: whether to keep every text read in `sources`, or only those of files with a diagnostic.
    ///     A national site's texts weigh hundreds of megabytes: a one-off build re-reads the few that later
    ///     diagnostics quote (`texts(of:in:displayRoot:)`), as compilers do.
    ///   - placements: where the Markdown texts are shown, to render each of them here, from the one parse that
    ///     finds its warnings and images, with the options of `site.yaml`; the model then holds the HTML
    ///     (`RenderedText`) instead of the Markdown. Nil (`check`): nothing is rendered, the Markdown is kept.
    public static func load(from root: String, displayRoot: String? = nil, keepingTexts: Bool = true,
                            rendering placements: BodyPlacements? = nil) async -> LoadedContent {
        await load(from: root, displayRoot: displayRoot, reusing: nil, keepingTexts: keepingTexts, rendering: placements).content
    }

    /// Loads like `load(from:displayRoot:keepingTexts:rendering:)`, re-parsing only the files whose size or
    /// modification time changed since `cache` was made, and the texts rendered with other options than `site.yaml`'s
    /// now: what `serve` uses to rebuild on every save. Without a cache, files are not even stamped, and the cache
    /// returned is empty. With a `spill`, each rendered text's HTML is written to it and read back by its page.
    public static func load(from root: String, displayRoot: String? = nil, reusing cache: ParseCache?,
                            keepingTexts: Bool = true, rendering placements: BodyPlacements? = nil,
                            spillingTo spill: TextSpill? = nil) async
        -> (content: LoadedContent, cache: ParseCache)
    {
        let folder = ContentFolder(root: root, displayRoot: displayRoot ?? root)
        var diagnostics: [Diagnostic] = []
        var sources: [String: String] = [:]

        guard folder.isDirectory("") else {
            let diagnostic = Diagnostic.error(.contentMissing(folder: folder.displayRoot), at: folder.location(""))
            return (LoadedContent(content: nil, diagnostics: [diagnostic], sources: [:]), ParseCache())
        }

        var files: [ContentFile] = []
        for (kind, path) in [(ContentFile.Kind.site, "site.yaml"), (.region, "region.yaml")] {
            if let problem = folder.linkProblem(path) {
                diagnostics.append(problem)
            } else if folder.exists(path) {
                files.append(ContentFile(kind: kind, path: path))
            } else {
                diagnostics.append(.error(.fileMissing(path: path), at: folder.location(path)))
            }
        }
        for (kind, subfolder, extensions) in [(ContentFile.Kind.cpts, "cpts", ["md", "markdown"]),
                                              (.indicators, "indicators", ["yaml", "yml"]),
                                              (.page, "pages", ["md", "markdown"]),
                                              (.schedule, "schedules", ["yaml", "yml"]),
                                              (.territory, "diagnostics", ["yaml", "yml"])] {
            let (found, problems) = folder.files(in: subfolder, extensions: extensions,
                                                 depth: kind == .page ? ContentFile.pageFolderDepth : 0)
            files += found.map { ContentFile(kind: kind, path: $0.path, stamp: $0.stamp) }
            diagnostics += problems
        }
        let (reportFiles, reportProblems) = folder.reportFiles()
        files += reportFiles.map { ContentFile(kind: .report, path: $0.path, stamp: $0.stamp) }
        diagnostics += reportProblems
        let (staticFiles, staticProblems) = folder.staticFiles(maximumSize: maximumStaticFileSize)
        diagnostics += staticProblems
        // geo/ is optional: its files are read only if they stay inside the content folder.
        var geoNames: [String] = []
        if let problem = folder.linkProblem("geo") {
            diagnostics.append(problem)
        } else {
            for name in ["communes.csv", GeoLoader.departmentsFile, GeoLoader.communesFile] {
                if let problem = folder.linkProblem("geo/" + name) { diagnostics.append(problem) } else { geoNames.append(name) }
            }
        }
        if geoNames.contains("communes.csv"), folder.exists("geo/communes.csv") {
            files.append(ContentFile(kind: .communes, path: "geo/communes.csv"))
        }

        // Shapes are the largest files: read them while the rest is parsed.
        let geoStamp = cache == nil ? [] : [GeoLoader.departmentsFile, GeoLoader.communesFile].map { folder.stamp("geo/" + $0) }
        let cachedGeo = cache?.geo.flatMap { $0.stamp == geoStamp ? $0.shapes : nil }
        async let shapes = cachedGeo
            ?? GeoLoader.load(folder: folder.full("geo"), displayFolder: folder.display("geo"), files: geoNames)
        let (parsed, parseCache) = await parseAll(files, in: folder, reusing: cache, keepingTexts: keepingTexts,
                                                  placements: placements, spill: spill)
        let geo = await shapes
        var newCache = parseCache
        if cache != nil { newCache.geo = (geoStamp, geo) }
        diagnostics += geo.diagnostics
        var content = assemble(parsed, diagnostics: &diagnostics, sources: &sources)
        content?.staticFiles = staticFiles
        let geoShapes = GeoShapes(departments: geo.departments, communes: geo.communes)
        return (LoadedContent(content: content, diagnostics: diagnostics, sources: sources, geo: geoShapes), newCache)
    }

    /// Gathers parsed files, in file order, into the model; nil without a usable site.yaml and region.yaml.
    static func assemble(_ parsed: [ParsedFile], diagnostics: inout [Diagnostic], sources: inout [String: String])
        -> SiteContent?
    {
        var site: SiteSettings?
        var region: Region?
        var cpts: [CPTS] = []
        var failedCPTS: Set<String> = []
        var indicators: [IndicatorFile] = []
        var pages: [Page] = []
        var communes: [Commune] = []
        var communesByCode: [String: Commune] = [:]
        var schedules: [String: FundingSchedule] = [:]
        var territories: [TerritoryDiagnostic] = []
        var reports: [ActivityReport] = []
        for schedule in BuiltinSchedules.load(into: &diagnostics) { schedules[schedule.id] = schedule }

        for result in parsed {
            diagnostics += result.diagnostics
            // An unreadable file has no text to quote.
            if case .none = result.value {} else if let text = result.text { sources[result.displayPath] = text }
            switch result.value {
            case .site(let value): site = value
            case .region(let value): region = value
            case .cpts(let value, let slug):
                if let value { cpts.append(value) } else { failedCPTS.insert(slug) }
            case .indicators(let value): if let value, !failedCPTS.contains(value.slug) { indicators.append(value) }
            case .page(let value): if let value { pages.append(value) }
            case .schedule(let value): if let value { schedules[value.id] = value }
            case .communes(let value, let byCode): (communes, communesByCode) = (value, byCode)
            case .territory(let value): if let value, !failedCPTS.contains(value.slug) { territories.append(value) }
            case .report(let value): if let value, !failedCPTS.contains(value.slug.value) { reports.append(value) }
            case .none: break
            }
        }
        // What Markdown will drop, now that site.yaml says what it lets through.
        for result in parsed where !result.markup.isEmpty {
            diagnostics += MarkdownMarkup.diagnostics(for: result.markup, path: result.displayPath,
                                                      allowRawHTML: site?.allowRawHTML ?? false,
                                                      allowUnsafeLinks: site?.allowUnsafeLinks ?? false)
        }
        guard let site, let region else { return nil }
        // The lists are kept for the whole build: without the spare capacity appending left.
        var content = SiteContent(settings: site, region: region, cpts: cpts.tight(), indicators: indicators.tight(),
                                  pages: pages, communes: communesByCode, schedules: schedules,
                                  territoryDiagnostics: territories.tight(), reports: reports.tight())
        content.communeRows = communes
        return content
    }

    /// Parses `site.yaml` first, since it says how the texts are rendered (what Markdown lets through, French
    /// typography), then every other file, on every core.
    static func parseAll(_ files: [ContentFile], in folder: ContentFolder, reusing cache: ParseCache?,
                         keepingTexts: Bool, placements: BodyPlacements?, spill: TextSpill? = nil) async
        -> ([ParsedFile], ParseCache)
    {
        var results = [ParsedFile?](repeating: nil, count: files.count)
        var newCache = ParseCache()
        let settingsFiles = files.indices.filter { files[$0].kind == .site }
        await parse(settingsFiles, of: files, in: folder, reusing: cache, keepingTexts: keepingTexts, rendering: nil,
                    into: &results, cache: &newCache)
        // Without usable settings, the build stops after the load: nothing to render.
        let settings = settingsFiles.lazy.compactMap { index -> SiteSettings? in
            guard case .site(let settings?) = results[index]?.value else { return nil }
            return settings
        }.first
        var rendering: BodyRendering?
        if let placements, let settings {
            rendering = BodyRendering(renderer: MarkdownRenderer(options: .init(settings: settings)), placements: placements,
                                      spill: spill)
        }
        await parse(files.indices.filter { files[$0].kind != .site }, of: files, in: folder, reusing: cache,
                    keepingTexts: keepingTexts, rendering: rendering, into: &results, cache: &newCache)
        return (results.compactMap { $0 }, newCache)
    }

    /// Parses the files at `indices` into `results`, or takes them from `cache` when their stamp is unchanged and
    /// their texts were rendered with the same options.
    static func parse(_ indices: [Int], of files: [ContentFile], in folder: ContentFolder, reusing cache: ParseCache?,
                      keepingTexts: Bool, rendering: BodyRendering?, into results: inout [ParsedFile?],
                      cache newCache: inout ParseCache) async
    {
        // With a cache, the files are stamped here, in one pass: only those that changed cost a task.
        var misses: [(index: Int, stamp: FileStamp?)] = []
        if let cache {
            for index in indices {
                let file = files[index]
                let stamp = file.stamp ?? folder.stamp(file.path)
                let options = file.kind.hasMarkdown ? rendering?.renderer.options : nil
                if let cached = cache.files[file.path], cached.stamp == stamp, cached.rendered == options {
                    results[index] = cached.parsed
                    newCache.files[file.path] = cached
                } else {
                    misses.append((index, stamp))
                }
            }
        } else {
            misses = indices.map { ($0, nil) }
        }
        await parseWindowed(misses, files: files, in: folder, keepingTexts: keepingTexts, rendering: rendering) { miss, result in
            let index = misses[miss].index
            results[index] = result
            let file = files[index]
            if let stamp = misses[miss].stamp {
                newCache.files[file.path] = (stamp, file.kind.hasMarkdown ? rendering?.renderer.options : nil, result)
            }
        }
    }

    /// Parses the files on every core, a few per core at a time: a task per file of a national site, all started
    /// at once, kept 200 000 finished tasks (and their allocators) alive until the last one was added. Each result
    /// goes to `take` as it comes (by its index in `misses`), not into a second list of every file's parse.
    static func parseWindowed(_ misses: [(index: Int, stamp: FileStamp?)], files: [ContentFile], in folder: ContentFolder,
                              keepingTexts: Bool, rendering: BodyRendering?, take: (Int, ParsedFile) -> Void) async
    {
        let window = 8 * max(ProcessInfo.processInfo.activeProcessorCount, 1)
        await withTaskGroup(of: (Int, ParsedFile).self) { group in
            func start(_ miss: Int) {
                let (index, stamp) = misses[miss]
                group.addTask {
                    let parsed = parse(files[index], in: folder, rendering: rendering)
                    let dropsText = stamp == nil && !keepingTexts && parsed.diagnostics.isEmpty && parsed.markup.isEmpty
                    return (miss, dropsText ? parsed.withoutText() : parsed)
                }
            }
            var next = 0
            while next < min(window, misses.count) { start(next); next += 1 }
            for await (miss, result) in group {
                take(miss, result)
                if next < misses.count { start(next); next += 1 }
            }
        }
    }

    static func parse(_ file: ContentFile, in folder: ContentFolder, rendering: BodyRendering? = nil) -> ParsedFile {
        let path = folder.display(file.path)
        let bytes: [UInt8]
        do {
            bytes = try folder.read(file.path, limit: maximumFileSize)
        } catch {
            return ParsedFile(displayPath: path, text: "", value: .none,
                              diagnostics: [.error((error as? ContentFolder.ReadError)?.message ?? .fileUnreadable(reason: "\(error)"),
                                                   at: folder.location(file.path))])
        }
        return parse(bytes, as: file, displayPath: path, rendering: rendering)
    }

    /// Parses the bytes of one content file of the given kind; with `rendering`, its Markdown text is rendered too.
    static func parse(_ bytes: [UInt8], as file: ContentFile, displayPath path: String,
                      rendering: BodyRendering? = nil) -> ParsedFile {
        let source = SourceText(bytes: bytes, path: path)
        // A UTF-16 file is not read at all: its one error says how to save it.
        if source.diagnostics.contains(where: { $0.message == .encodingUTF16 }) {
            return ParsedFile(displayPath: path, text: "", value: .none, diagnostics: source.diagnostics)
        }
        let text = source.text
        let slug = file.slug
        var (value, diagnostics): (ParsedFile.Value, [Diagnostic])
        switch file.kind {
        case .site:
            let (settings, found) = SiteSettingsReader.read(text, path: path)
            (value, diagnostics) = (.site(settings), found)
        case .region:
            let (region, found) = RegionReader.read(text, path: path)
            (value, diagnostics) = (.region(region), found)
        case .cpts:
            let (cpts, found) = CPTSReader.read(text, path: path, slug: slug)
            (value, diagnostics) = (.cpts(cpts, slug: slug), found)
        case .indicators:
            let (indicators, found) = IndicatorsReader.read(text, path: path, slug: slug)
            (value, diagnostics) = (.indicators(indicators), found)
        case .page:
            let (page, found) = PageReader.read(text, path: path, slug: file.pageSlug)
            (value, diagnostics) = (.page(page), found)
        case .schedule:
            let (schedule, found) = ScheduleReader.read(text, path: path)
            (value, diagnostics) = (.schedule(schedule), found)
        case .communes:
            let (communes, found) = CommunesCSVReader.read(text, path: path)
            (value, diagnostics) = (.communes(communes, byCode: Commune.byCode(communes)), found)
        case .territory:
            let (territory, found) = TerritoryFigureReader.read(text, path: path, slug: slug)
            (value, diagnostics) = (.territory(territory), found)
        case .report:
            let (report, found) = ReportReader.read(text, path: path, slug: file.folderName, name: slug)
            (value, diagnostics) = (.report(report), found)
        }
        let markup = readBody(of: &value, path: path, rendering: rendering)
        return ParsedFile(displayPath: path, text: text, value: value, diagnostics: source.diagnostics + diagnostics,
                          markup: markup)
    }

    /// The Markdown text of a parsed CPTS, page or report, parsed once: its warnings (returned), its images and,
    /// when rendering, its HTML, which replaces it in `value`.
    static func readBody(of value: inout ParsedFile.Value, path: String, rendering: BodyRendering?) -> [MarkdownMarkup.Finding] {
        var markup: [MarkdownMarkup.Finding] = []
        switch value {
        case .cpts(var cpts?, let slug):
            let body = MarkdownBody.read(cpts.body, firstLine: cpts.bodyStart.line, path: path,
                                         rendering: rendering.map { ($0.renderer, $0.placements.cpts(slug)) })
            (markup, (cpts.images, cpts.imagesOutsideSite)) = (body.findings, body.images)
            if let rendered = body.rendered { (cpts.rendered, cpts.body) = (rendering?.spilled(rendered) ?? rendered, "") }
            value = .cpts(cpts, slug: slug)
        case .page(var page?):
            let body = MarkdownBody.read(page.body, firstLine: page.bodyStart.line, path: path,
                                         rendering: rendering.map { ($0.renderer, $0.placements.page(page.slug.value)) })
            (markup, (page.images, page.imagesOutsideSite)) = (body.findings, body.images)
            if let rendered = body.rendered { (page.rendered, page.body) = (rendering?.spilled(rendered) ?? rendered, "") }
            value = .page(page)
        case .report(var report?):
            let placement = rendering.map { ($0.renderer, $0.placements.report(report.slug.value, report.year.value)) }
            let body = MarkdownBody.read(report.body, firstLine: report.bodyStart.line, path: path, rendering: placement)
            (markup, (report.images, report.imagesOutsideSite)) = (body.findings, body.images)
            if let rendered = body.rendered { (report.rendered, report.body) = (rendering?.spilled(rendered) ?? rendered, "") }
            value = .report(report)
        default: break
        }
        return markup
    }

    /// The texts of these files of the content folder, as `load` reads them, by display path: for the
    /// diagnostics of a load that kept no text. Paths outside the folder and unreadable files are left out.
    public static func texts(of displayPaths: Set<String>, in root: String, displayRoot: String? = nil) -> [String: String] {
        let folder = ContentFolder(root: root, displayRoot: displayRoot ?? root)
        let prefix = folder.display("") + "/"
        var texts: [String: String] = [:]
        for path in displayPaths {
            let relative = folder.displayRoot == "." ? path : path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
            // A file of static/ is published, not read as text: its diagnostics quote no line (it may be an image).
            guard let relative, !relative.hasPrefix("static/"), folder.linkProblem(relative) == nil,
                  let bytes = try? folder.read(relative, limit: maximumFileSize) else { continue }
            texts[path] = SourceText(bytes: bytes, path: path).text
        }
        return texts
    }

}

/// What was parsed at the last load, by file, with the stamp it had then and, for a file with a Markdown text, the
/// options it was rendered with (nil: not rendered).
public struct ParseCache: Sendable {
    var files: [String: (stamp: FileStamp, rendered: MarkdownRenderer.Options?, parsed: ParsedFile)] = [:]
    var geo: (stamp: [FileStamp], shapes: (departments: [GeoFeature], communes: [GeoFeature], diagnostics: [Diagnostic]))?

    public init() {}
}

/// Size and modification time: a file whose stamp is unchanged is not read again.
struct FileStamp: Hashable, Sendable {
    var size: Int
    var modified: Double
}

extension FileStamp {
    init(_ status: stat) {
        self.init(size: Int(status.st_size), modified: Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9)
    }
}

/// A file of the content folder and what it holds.
struct ContentFile: Sendable {
    enum Kind: Sendable {
        case site, region, cpts, indicators, page, schedule, communes, territory, report

        /// Whether files of this kind hold a Markdown text below their front matter.
        var hasMarkdown: Bool { self == .cpts || self == .page || self == .report }
    }
    var kind: Kind
    /// Relative to the content folder.
    var path: String
    /// Size and modification time, when the listing that found the file had them (`serve` only uses them).
    var stamp: FileStamp? = nil

    /// The file name without its extension.
    var slug: String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return name }
        return String(name[..<dot])
    }

    /// How many levels of folders `pages/` may hold: `pages/a/b/c/d.md` at most.
    static let pageFolderDepth = 3

    /// A free page's slug: its path under `pages/` without the extension (`a/b` for `pages/a/b.md`), which is
    /// where it is published (`a/b/index.html`).
    var pageSlug: String {
        let relative = path.hasPrefix("pages/") ? String(path.dropFirst("pages/".count)) : path
        guard let dot = relative.lastIndex(of: "."), !relative[dot...].contains("/") else { return relative }
        return String(relative[..<dot])
    }

    /// The name of the folder holding the file (`blaisois` for `reports/blaisois/1.md`).
    var folderName: String {
        let parts = path.split(separator: "/")
        return parts.count >= 2 ? String(parts[parts.count - 2]) : ""
    }
}

struct ParsedFile: Sendable {
    /// Indirect: a file's model (a CPTS is some 400 bytes) is boxed once, so that the lists of parsed files, the
    /// parse cache and the results in flight hold a reference each, not a copy.
    indirect enum Value: Sendable {
        case site(SiteSettings?)
        case region(Region?)
        case cpts(CPTS?, slug: String)
        case indicators(IndicatorFile?)
        case page(Page?)
        case schedule(FundingSchedule?)
        /// The rows, and the communes by code, made once per parse: `serve` reuses both while the file is unchanged.
        case communes([Commune], byCode: [String: Commune])
        case territory(TerritoryDiagnostic?)
        case report(ActivityReport?)
        case none
    }
    var displayPath: String
    /// Nil once dropped, when the load keeps only the texts diagnostics quote.
    var text: String?
    var value: Value
    var diagnostics: [Diagnostic]
    /// In a CPTS or page text, what Markdown will drop or escape; reported once the site's settings are known.
    var markup: [MarkdownMarkup.Finding] = []

    func withoutText() -> ParsedFile {
        ParsedFile(displayPath: displayPath, text: nil, value: value, diagnostics: diagnostics, markup: markup)
    }
}
