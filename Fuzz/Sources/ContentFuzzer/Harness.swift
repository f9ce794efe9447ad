@testable import CPTSContent
import CPTSDomain
import CPTSMarkdown
import Foundation

/// One fuzz input: its first byte picks the kind of content file, the rest are the file's bytes.
/// `Tests/Fixtures/fuzz-regressions/` keeps inputs in this same form, and `HostileFuzzRegressionTests`
/// replays them through `cpts-site build` with the same mapping. Three kinds take more than a file's bytes:
/// `pageFolder`'s first line is the page's path under `pages/` (folders included, `.md` added), the rest its
/// bytes; `staticNames` is a list of names of files of `static/`, one a line, that the CPTS page shows as images.
enum FuzzKind: CaseIterable {
    case cpts, site, region, indicators, page, schedule, territory, communes, markdown
    // Added after the first nine, so that the kept inputs keep their kind.
    case report, pageFolder, staticNames

    init(selector: UInt8) {
        self = FuzzKind.allCases[Int(selector) % FuzzKind.allCases.count]
    }

    /// Where the bytes go in the minimal site, relative to `content/`.
    var path: String {
        switch self {
        case .cpts, .markdown: "cpts/vierzon.md"
        case .site: "site.yaml"
        case .region: "region.yaml"
        case .indicators: "indicators/sud-lochois.yaml"
        case .page: "pages/methodologie.md"
        case .schedule: "schedules/aci-2019.yaml"
        case .territory: "diagnostics/vierzon.yaml"
        case .communes: "geo/communes.csv"
        case .report: "reports/sud-lochois/1.md"
        case .pageFolder: "pages/dossier/page.md"
        case .staticNames: "static"
        }
    }

    var contentKind: ContentFile.Kind {
        switch self {
        case .cpts, .markdown: .cpts
        case .site: .site
        case .region: .region
        case .indicators: .indicators
        case .page: .page
        case .schedule: .schedule
        case .territory: .territory
        case .communes: .communes
        case .report: .report
        case .pageFolder: .page
        case .staticNames: .cpts
        }
    }

    /// A path as the listing of a folder can give it: no empty part, no hidden one (skipped), no NUL; at most
    /// `parts` parts; nil when nothing is left.
    static func listedPath(_ text: Substring, parts: Int) -> String? {
        let kept = text.split(separator: "/").filter { !$0.hasPrefix(".") && !$0.contains("\0") }.prefix(parts)
        return kept.isEmpty ? nil : kept.joined(separator: "/")
    }

    /// Where a `pageFolder` input's page goes, and its bytes.
    static func pageFolderInput(_ bytes: [UInt8]) -> (path: String, bytes: [UInt8]) {
        let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
        let line = String(decoding: bytes[..<newline], as: UTF8.self)
        let path = listedPath(Substring(line), parts: ContentFile.pageFolderDepth + 1) ?? "page"
        return ("pages/" + path + ".md", Array(bytes[min(newline + 1, bytes.endIndex)...]))
    }

    /// The names of a `staticNames` input, as `static/` can hold them, each once, 64 at most.
    static func staticNames(_ bytes: [UInt8]) -> [String] {
        var seen = Set<String>()
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").compactMap { listedPath($0, parts: 6) }
            .filter { seen.insert($0).inserted }.prefix(64).map { $0 }
    }
}

enum Harness {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The minimal test site, parsed once: each input replaces one of its files.
    static let baseline: [ParsedFile] = {
        let root = repositoryRoot.appendingPathComponent("Tests/Fixtures/sites/minimal/content").path
        let folder = ContentFolder(root: root, displayRoot: "content")
        var files = [ContentFile(kind: .site, path: "site.yaml"), ContentFile(kind: .region, path: "region.yaml")]
        for (kind, subfolder) in [(ContentFile.Kind.cpts, "cpts"), (.indicators, "indicators"), (.page, "pages"),
                                  (.territory, "diagnostics")] {
            files += folder.files(in: subfolder, extensions: ["md", "yaml"]).files.map { ContentFile(kind: kind, path: $0.path) }
        }
        precondition(files.count >= 6, "minimal site not found under \(root)")
        return files.map { ContentLoader.parse($0, in: folder) }
    }()

    static let markdownHead = Array("---\nname: CPTS de Vierzon\ndepartment: \"18\"\npopulation: 120000\nstage: health-project\ndates:\n  letter-of-intent: 2019-01-10\n  diagnostic: 2019-09-01\n  health-project: 2020-02-01\n---\n".utf8)

    static func run(_ input: [UInt8]) {
        guard let selector = input.first else { return }
        let kind = FuzzKind(selector: selector)
        var bytes = Array(input.dropFirst())
        var relative = kind.path
        var staticFiles: [StaticFile] = []
        switch kind {
        case .markdown:
            renderEveryWay(String(decoding: bytes, as: UTF8.self))
            bytes = markdownHead + bytes
        case .pageFolder:
            (relative, bytes) = FuzzKind.pageFolderInput(bytes)
        case .staticNames:
            let names = FuzzKind.staticNames(bytes)
            staticFiles = names.map {
                StaticFile(path: $0, location: SourceLocation(file: "content/static/" + $0, line: 1, column: 1), source: "/dev/null", size: 0)
            }
            // The CPTS page shows each as an image: the images' rules look them up, and suggest the nearest.
            bytes = markdownHead + Array(names.map { "![image](<\($0)>)\n\n![autre](<x\($0)>)\n" }.joined().utf8)
            relative = "cpts/vierzon.md"
        default:
            break
        }
        let displayPath = "content/" + relative
        let file = ContentFile(kind: kind.contentKind, path: relative)
        let parsed = ContentLoader.parse(bytes, as: file, displayPath: displayPath)
        // Parsing keeps the text; only a load told to keep none drops it afterwards.
        guard let text = parsed.text else { preconditionFailure("a parsed file lost its text") }
        checkPositions(parsed.diagnostics, of: text, in: displayPath)
        if isEmptyModel(parsed.value), !(kind == .indicators || kind == .communes) {
            precondition(parsed.diagnostics.hasErrors, "a file was dropped without an error")
        }

        // The file in its site: the other files of the minimal site, then the rules and the figures.
        var files = baseline.filter { $0.displayPath != displayPath }
        files.append(parsed)
        var diagnostics: [Diagnostic] = []
        var sources: [String: String] = [:]
        guard var content = ContentLoader.assemble(files, diagnostics: &diagnostics, sources: &sources) else {
            precondition(diagnostics.hasErrors, "no site, and no error to say why")
            return
        }
        content.staticFiles = staticFiles
        diagnostics += ContentRules.validate(content)
        checkPrintable(diagnostics, sources: sources)
        let lines = lineLengths(text)
        for diagnostic in diagnostics where diagnostic.location.file == displayPath {
            check(diagnostic, lines: lines)
        }
        guard !diagnostics.hasErrors else { return }
        compute(content)
        let renderer = MarkdownRenderer(options: .init(allowRawHTML: content.settings.allowRawHTML,
                                                       allowUnsafeLinks: content.settings.allowUnsafeLinks))
        // The bodies of the other files never change: only the fuzzed file's is rendered.
        let bodies = content.cpts.filter { $0.file == displayPath }.map(\.body) + content.pages.filter { $0.file == displayPath }.map(\.body)
        for body in (kind == .site ? content.cpts.map(\.body) : bodies) {
            let html = renderer.render(body).html
            if !content.settings.allowRawHTML && !content.settings.allowUnsafeLinks { HTMLSafety.check(html) }
        }
    }

    /// What reaches the terminal carries no control character and no bidirectional override raw, whatever the
    /// content: the names of files, the quoted source line and every value in the message (a raw HTML tag quoted
    /// with its line break, say) are escaped by the formatter (`TerminalText`), which keeps only tabs, for the caret.
    static func checkPrintable(_ diagnostics: [Diagnostic], sources: [String: String]) {
        for language in [Language.fr, .en] {
            let formatter = DiagnosticFormatter(sources: sources, language: language)
            for diagnostic in diagnostics {
                for line in formatter.format(diagnostic).split(separator: "\n", omittingEmptySubsequences: false) {
                    precondition(!line.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\t") || (0x7F...0x9F).contains($0.value)
                                     || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) },
                                 "a control character printed raw: \(line.debugDescription)")
                }
            }
        }
    }

    static func isEmptyModel(_ value: ParsedFile.Value) -> Bool {
        switch value {
        case .site(let model): model == nil
        case .region(let model): model == nil
        case .cpts(let model, _): model == nil
        case .indicators(let model): model == nil
        case .page(let model): model == nil
        case .schedule(let model): model == nil
        case .territory(let model): model == nil
        case .report(let model): model == nil
        case .communes, .none: false
        }
    }

    /// What the compute stage does (`SiteFigures`), minus the rendering.
    static func compute(_ content: SiteContent) {
        for cpts in content.cpts {
            let population = content.population(of: cpts)
            _ = content.schedule(for: cpts)?.tranche(for: population)
            _ = FundingCalculator.breakdown(of: cpts, in: content)
            _ = CoverageCalculator.populationByDepartment(of: cpts, in: content)
        }
        _ = CoverageCalculator.at(content.settings.asOf, in: content)
        _ = CoverageCalculator.monthlySeries(in: content)
        _ = CoverageCalculator.milestones(in: content)
    }

    static func renderEveryWay(_ markdown: String) {
        let safe = MarkdownRenderer().render(markdown)
        HTMLSafety.check(safe.html)
        precondition(Set(safe.headings.map(\.id)).count == safe.headings.count, "heading ids are not unique")
        _ = MarkdownRenderer(options: .init(allowRawHTML: true)).render(markdown)
        _ = MarkdownRenderer(options: .init(allowUnsafeLinks: true)).render(markdown)
    }

    /// Every diagnostic of a file points inside it: a real line (or the one after the last), a real column.
    static func checkPositions(_ diagnostics: [Diagnostic], of text: String, in path: String) {
        let lines = lineLengths(text)
        for diagnostic in diagnostics {
            precondition(diagnostic.location.file == path, "diagnostic in another file: \(diagnostic.headline(in: .en))")
            check(diagnostic, lines: lines)
        }
        // Formatting quotes the line under the headline: one file's worth, once.
        _ = DiagnosticFormatter(sources: [path: text]).report(diagnostics)
    }

    /// The length in Unicode scalars of each line.
    static func lineLengths(_ text: String) -> [Int] {
        var lengths = [0]
        for scalar in text.unicodeScalars {
            if scalar == "\n" { lengths.append(0) } else { lengths[lengths.count - 1] += 1 }
        }
        return lengths
    }

    static func check(_ diagnostic: Diagnostic, lines: [Int]) {
        let location = diagnostic.location
        precondition(location.line >= 1 && location.line <= lines.count + 1, "line out of the file: \(diagnostic.headline(in: .en))")
        precondition(location.column >= 1, "column before the line: \(diagnostic.headline(in: .en))")
        if location.line <= lines.count {
            precondition(location.column <= lines[location.line - 1] + 1, "column beyond the line's end: \(diagnostic.headline(in: .en))")
        }
    }
}

/// What safe HTML from Markdown may hold: the tags cmark-gfm makes, no event handler, no script URL.
enum HTMLSafety {
    static let allowedTags: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "em", "strong", "code", "pre", "blockquote", "ul", "ol",
        "li", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "del", "input", "section", "sup",
        // The box a table scrolls in at 320 px (`HTMLCompliance`): cpts-site's own markup, never the content's.
        "div",
    ]

    static func check(_ html: String) {
        let bytes = Array(html.utf8)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "/") { index += 1 }
            if index + 2 < bytes.count, bytes[index] == UInt8(ascii: "!"), bytes[index + 1] == UInt8(ascii: "-") {
                // `<!-- raw HTML omitted -->`: the only comment cmark writes.
                let comment = "!-- raw HTML omitted -->"
                precondition(html.utf8.dropFirst(index).starts(with: comment.utf8), "unexpected comment in \(html.prefix(400))")
                index += comment.utf8.count
                continue
            }
            let nameStart = index
            while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            precondition(allowedTags.contains(name), "tag <\(name)> in safe HTML: \(html.prefix(400))")
            // Attributes: name="value" pairs up to `>`.
            while index < bytes.count, bytes[index] != UInt8(ascii: ">") {
                if bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "/") { index += 1; continue }
                let attributeStart = index
                while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
                let attribute = String(decoding: bytes[attributeStart..<index], as: UTF8.self).lowercased()
                precondition(!attribute.isEmpty, "malformed tag <\(name)> in \(html.prefix(400))")
                precondition(!attribute.hasPrefix("on"), "event handler \(attribute) in \(html.prefix(400))")
                guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { continue }
                index += 1
                precondition(index < bytes.count && bytes[index] == UInt8(ascii: "\""), "unquoted attribute in \(html.prefix(400))")
                index += 1
                let valueStart = index
                while index < bytes.count, bytes[index] != UInt8(ascii: "\"") { index += 1 }
                let value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
                index += 1
                if attribute == "href" || attribute == "src" { checkURL(value, in: html) }
            }
        }
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
    }

    /// A browser ignores ASCII whitespace and control characters in a scheme and decodes entities first.
    static func checkURL(_ value: String, in html: String) {
        let decoded = value.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#58;", with: ":")
            .replacingOccurrences(of: "&colon;", with: ":")
        let scheme = String(decoded.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }).lowercased()
        for unsafe in ["javascript:", "vbscript:", "file:"] {
            precondition(!scheme.hasPrefix(unsafe), "unsafe URL \(value) in \(html.prefix(400))")
        }
        if scheme.hasPrefix("data:") {
            precondition(["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { scheme.hasPrefix($0) },
                         "unsafe data URL \(value) in \(html.prefix(400))")
        }
    }
}
