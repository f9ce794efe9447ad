import CPTSDomain
import Foundation
import CPTSSync

/// Checks that a generated site holds together: every internal link, anchor and asset of every HTML page
/// resolves to a file of the output folder (and, for `#fragment`s, to an `id` of the target page).
///
/// - It reads the attributes of tags only (`href`, `xlink:href`, `src`, `srcset`, `poster`, `action`), never text,
///   and the `url(…)` and `@import` of stylesheets (`.css` files), resolved from the stylesheet's folder.
/// - It ignores what leaves the site: any URL with a scheme (`https:`, `mailto:`, `tel:`, `data:`…) or starting
///   with `//`.
/// - It resolves relative URLs from the page's folder (`../`, `./`), drops `?query`, percent-decodes, maps a
///   folder URL (`cpts/vierzon/`, or `cpts/vierzon` when that is a folder) to its `index.html`, and resolves
///   root-relative URLs (`/cpts/assets/style.css`) under `basePath`, the path the site is served from.
/// - A `#fragment` must name an `id` (or an `<a name>`) of the target HTML page; `#`, `#top` and text fragments
///   (`#:~:text=`) need none.
public struct LinkChecker: Sendable {
    /// What a check found.
    public struct Report: Sendable {
        public var diagnostics: [Diagnostic] = []
        /// The text of each page with a problem, keyed like the diagnostics' files, to quote the line.
        public var sources: [String: String] = [:]
        public var pagesChecked = 0
        public var linksChecked = 0
    }

    /// The attributes that hold a URL to follow.
    static let urlAttributes: Set<String> = ["href", "xlink:href", "src", "poster", "action"]

    /// The output folder on disk.
    public let outputDirectory: String
    /// The output folder as diagnostics show it.
    public let displayPath: String
    /// The path the site is served under, with slashes on both ends (`/`, `/cpts/`).
    public let basePath: String

    public init(outputDirectory: String, displayPath: String? = nil, basePath: String = "/") {
        self.outputDirectory = outputDirectory
        var shown = displayPath ?? outputDirectory
        while shown.count > 1, shown.hasSuffix("/") { shown.removeLast() }
        self.displayPath = shown
        var base = basePath.hasPrefix("/") ? basePath : "/" + basePath
        if !base.hasSuffix("/") { base += "/" }
        self.basePath = base
    }

    /// The path part of a site's `baseURL`: `https://example.org/cpts/` → `/cpts/`.
    public static func basePath(fromBaseURL baseURL: String) -> String {
        SiteURL(baseURL: baseURL).rootPath
    }

    // MARK: - Checking

    /// What one page holds: its ids, its links (the URL as written, references decoded, and the byte offset
    /// where the attribute's value starts), its bytes (for positions).
    struct Page: Sendable {
        var path: String
        var bytes: [UInt8]
        var ids: Set<String>
        var links: [(url: String, offset: Int)]
        /// The ids sorted, for suggestions that do not depend on a set's order.
        var idList: [String] = []

        init(path: String, bytes: [UInt8], ids: Set<String>, links: [(url: String, offset: Int)]) {
            self.path = path
            self.bytes = bytes
            self.ids = ids
            self.links = links
            idList = ids.sorted()
        }
    }

    public func check() -> Report {
        var report = Report()
        let root = URL(fileURLWithPath: outputDirectory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            report.diagnostics.append(.error(.linkOutputMissing(folder: displayPath), at: SourceLocation(folder: displayPath)))
            return report
        }
        let files = Self.files(under: root)
        let htmlPaths = files.filter(Self.isHTML).sorted()
        // Stylesheets too: their `url(…)` and `@import` must resolve from their own folder.
        let stylesheetPaths = files.filter(Self.isStylesheet).sorted()
        let pages = scan(htmlPaths + stylesheetPaths, in: root)
        let pagesByPath = Dictionary(pages.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        let folders = Set(files.compactMap { path -> String? in
            guard path.hasSuffix("/" + SiteRoutes.index) || path == SiteRoutes.index else { return nil }
            return String(path.dropLast(SiteRoutes.index.count))
        })

        // Edit distances over every file are not free: every search, found or not, is paid from one budget.
        var budget = Suggestion.Budget()
        let fileList = files.sorted()
        for page in pages {
            var lines: LineIndex?
            let file = displayPath + "/" + page.path
            for link in page.links {
                report.linksChecked += 1
                guard let problem = problem(with: link.url, from: page.path, files: files, fileList: fileList,
                                            folders: folders, pages: pagesByPath, budget: &budget)
                else { continue }
                if lines == nil {
                    lines = LineIndex(page.bytes)
                    report.sources[file] = String(decoding: page.bytes, as: UTF8.self)
                }
                let (line, column) = lines!.position(of: link.offset)
                report.diagnostics.append(.error(problem.message, at: SourceLocation(file: file, line: line, column: column)))
            }
        }
        report.pagesChecked = htmlPaths.count
        return report
    }

    struct Problem {
        var message: DiagnosticMessage
    }

    /// Why `url`, written on `page`, does not resolve; nil when it does (or leaves the site). A near name is
    /// suggested from `fileList` (the files, sorted) or the target's ids, paid from `budget`.
    func problem(with url: String, from page: String, files: Set<String>, fileList: [String], folders: Set<String>,
                 pages: [String: Page], budget: inout Suggestion.Budget) -> Problem? {
        let written = Self.trimmed(url)
        guard !Self.isExternal(written) else { return nil }
        // Browsers drop tabs and newlines inside URLs, and read `\` as `/`.
        var cleaned = written.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        cleaned = cleaned.replacingOccurrences(of: "\\", with: "/")
        var fragment: String?
        if let hash = cleaned.firstIndex(of: "#") {
            fragment = String(cleaned[cleaned.index(after: hash)...])
            cleaned = String(cleaned[..<hash])
        }
        if let question = cleaned.firstIndex(of: "?") { cleaned = String(cleaned[..<question]) }

        // The file the link points at, relative to the output folder.
        let target: String
        if cleaned.isEmpty {
            target = page
        } else {
            var relative = cleaned
            var base = Self.folder(of: page)
            if cleaned.hasPrefix("/") {
                guard cleaned.hasPrefix(basePath) || cleaned + "/" == basePath else {
                    return Problem(message: .linkBroken(url: written, page: page, why: .outsideBasePath(basePath: basePath)))
                }
                relative = String(cleaned.dropFirst(min(basePath.count, cleaned.count)))
                base = []
            }
            guard let resolved = Self.resolve(relative, from: base) else {
                return Problem(message: .linkBroken(url: written, page: page, why: .aboveRoot(folder: displayPath)))
            }
            if files.contains(resolved) {
                target = resolved
            } else if folders.contains(resolved + "/") {
                target = resolved + "/" + SiteRoutes.index  // a folder without its slash: servers redirect
            } else {
                let nearest = Suggestion.nearest(to: resolved, in: fileList, budget: &budget)
                return Problem(message: .linkBroken(url: written, page: page,
                                                    why: .noSuchFile(path: "\(displayPath)/\(resolved)", suggestion: nearest)))
            }
        }

        guard let fragment, let targetPage = pages[target] else { return nil }
        let id = fragment.removingPercentEncoding ?? fragment
        if fragment.isEmpty || id.lowercased() == "top" || fragment.hasPrefix(":~:") { return nil }
        if targetPage.ids.contains(fragment) || targetPage.ids.contains(id) { return nil }
        return Problem(message: .linkAnchorMissing(url: written, page: page, anchor: id, target: target,
                                                   suggestion: Suggestion.nearest(to: id, in: targetPage.idList, budget: &budget)))
    }

    // MARK: - Reading the pages

    /// Scans the pages on every core: each is independent.
    func scan(_ paths: [String], in root: URL) -> [Page] {
        let results = Locked<[Page?]>(Array(repeating: nil, count: paths.count))
        DispatchQueue.concurrentPerform(iterations: paths.count) { index in
            let path = paths[index]
            let bytes = (try? Data(contentsOf: root.appendingPathComponent(path))).map { [UInt8]($0) } ?? []
            let page = Self.page(path: path, bytes: bytes)
            results.withLock { $0[index] = page }
        }
        return results.withLock { $0.compactMap { $0 } }
    }

    /// The ids and links of one page; a stylesheet has links only, its `url(…)` and `@import`.
    static func page(path: String, bytes: [UInt8]) -> Page {
        if isStylesheet(path) {
            return Page(path: path, bytes: bytes, ids: [],
                        links: StylesheetURLs.references(in: bytes).map { ($0.url, $0.range.lowerBound) })
        }
        var ids = Set<String>()
        var links: [(url: String, offset: Int)] = []
        for tag in HTMLScanner(bytes).tags() {
            for attribute in tag.attributes {
                switch attribute.name {
                case "id":
                    ids.insert(attribute.value)
                case "name" where tag.name == "a":
                    ids.insert(attribute.value)
                case "srcset":
                    for candidate in srcsetURLs(attribute.rawValue) {
                        links.append((HTMLScanner.decodeCharacterReferences(candidate),
                                      attribute.valueOffset + (candidate.startIndex - attribute.rawValue.startIndex)))
                    }
                case let name where urlAttributes.contains(name):
                    // `<link rel="preconnect|dns-prefetch">` names a host, not a resource.
                    if tag.name == "link", let rel = tag.attribute("rel")?.value.lowercased(),
                       rel.split(separator: " ").contains(where: { $0 == "preconnect" || $0 == "dns-prefetch" }) {
                        continue
                    }
                    links.append((attribute.value, attribute.valueOffset))
                default:
                    continue
                }
            }
        }
        return Page(path: path, bytes: bytes, ids: ids, links: links)
    }

    /// The URLs of a `srcset` value (`a.png 1x, b.png 2x`), each a slice of the raw value.
    static func srcsetURLs(_ raw: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var urls: [ArraySlice<UInt8>] = []
        var i = raw.startIndex
        let end = raw.endIndex
        while i < end {
            while i < end, HTMLScanner.isSpace(raw[i]) || raw[i] == UInt8(ascii: ",") { i += 1 }
            guard i < end else { break }
            let start = i
            while i < end, !HTMLScanner.isSpace(raw[i]) { i += 1 }
            var urlEnd = i
            let endsWithComma = raw[urlEnd - 1] == UInt8(ascii: ",")
            while urlEnd > start, raw[urlEnd - 1] == UInt8(ascii: ",") { urlEnd -= 1 }
            if urlEnd > start { urls.append(raw[start..<urlEnd]) }
            if endsWithComma { continue }
            // Descriptors (`2x`, `480w`) up to the next comma outside parentheses.
            var depth = 0
            while i < end {
                let byte = raw[i]
                if byte == UInt8(ascii: "(") { depth += 1 }
                if byte == UInt8(ascii: ")"), depth > 0 { depth -= 1 }
                if byte == UInt8(ascii: ","), depth == 0 { break }
                i += 1
            }
        }
        return urls
    }

    // MARK: - Paths

    /// Every file below `root`, relative to it, with `/` separators.
    static func files(under root: URL) -> Set<String> {
        var files = Set<String>()
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return files }
        while let relative = enumerator.nextObject() as? String {
            if enumerator.fileAttributes?[.type] as? FileAttributeType != .typeDirectory {
                files.insert(relative)
            }
        }
        return files
    }

    static func isStylesheet(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".css")
    }

    static func isHTML(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".html") || lower.hasSuffix(".htm")
    }

    /// The folder of a page as path components: `cpts/vierzon/index.html` → `["cpts", "vierzon"]`.
    static func folder(of page: String) -> [String] {
        Array(page.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init))
    }

    /// `relative` resolved from `base`, percent-decoded, with a folder mapped to its `index.html`;
    /// nil when it climbs above the root.
    static func resolve(_ relative: String, from base: [String]) -> String? {
        var components = base
        let segments = relative.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var isFolder = false
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            let decoded = segment.removingPercentEncoding ?? segment
            switch decoded {
            case "", ".":
                // `a//b` keeps going; a final empty or `.` segment names a folder.
                if isLast { isFolder = true }
            case "..":
                guard !components.isEmpty else { return nil }
                components.removeLast()
                if isLast { isFolder = true }
            default:
                components.append(decoded)
            }
        }
        if isFolder { components.append(SiteRoutes.index) }
        return components.joined(separator: "/")
    }

    static func trimmed(_ url: String) -> String {
        url.trimmingCharacters(in: CharacterSet(charactersIn: " \t\n\r\u{0C}"))
    }

    /// A URL with a scheme (`https:`, `mailto:`, `tel:`, `data:`, `javascript:`…) or a network path (`//host`).
    static func isExternal(_ url: String) -> Bool {
        if url.hasPrefix("//") || url.hasPrefix("\\\\") { return true }
        guard let colon = url.firstIndex(of: ":") else { return false }
        let scheme = url[..<colon]
        guard let first = scheme.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return scheme.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)
            || $0 == "+" || $0 == "-" || $0 == ".") }
    }
}

/// Line and column (in Unicode scalars, as in every diagnostic) of a byte offset. Asked for offsets in increasing
/// order (a page's links), it counts each byte once: a one-line page with 45 000 links costs its length, not 45 000
/// times it.
struct LineIndex {
    let bytes: [UInt8]
    /// Byte offset where each line starts.
    let starts: [Int]
    /// The last position asked for: the next one, if after it on the same line, counts on from there.
    private var last: (offset: Int, line: Int, column: Int)?

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        self.starts = starts
    }

    mutating func position(of offset: Int) -> (line: Int, column: Int) {
        // The last line start at or before the offset.
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        var from = starts[low], column = 1
        if let last, last.line == low + 1, last.offset <= offset { (from, column) = (last.offset, last.column) }
        let end = max(from, min(offset, bytes.count))
        // Count the scalars: every byte that does not continue a UTF-8 sequence starts one.
        column += bytes[from..<end].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        last = (end, low + 1, column)
        return (low + 1, column)
    }
}
