import Foundation
import XCTest

/// The invalid and hostile corpus (`Tests/Fixtures/invalid/`) built for real: nothing crashes or hangs, a case
/// with errors writes nothing, a case without builds a site where no script from content reaches a page, and
/// no build writes outside its output folder.
final class HostileContentTests: XCTestCase {
    func testEveryCorpusCaseBuildsSafelyOrFailsWithoutWriting() throws {
        let names = try Hostile.corpusCases()
        XCTAssertGreaterThanOrEqual(names.count, 40, "the hostile corpus lost cases")
        var built = 0
        for name in names {
            let site = try Hostile.site(for: name)
            let before = Hostile.tree(of: site.root)
            let result = try Hostile.run(["build"], in: site.root, timeout: 120)
            XCTAssertFalse(result.timedOut, "\(name): the build hung")
            XCTAssertNil(result.signal, "\(name): the build crashed\n\(result.stderr.prefix(2000))")
            XCTAssertFalse(result.stderr.contains("Fatal error") || result.stderr.contains("crashed")
                           || result.stderr.contains("Sanitizer"), "\(name): \(result.stderr.prefix(2000))")
            // Nothing outside public/ changed: no file written, moved or left behind beside it.
            XCTAssertEqual(Hostile.tree(of: site.root, excluding: ["public"]), before, "\(name): the build changed files outside public/")
            if try Hostile.expectsErrors(name) {
                XCTAssertEqual(result.status, 1, "\(name): \(result.stderr.prefix(2000))")
                XCTAssertFalse(FileManager.default.fileExists(atPath: site.url("public").path), "\(name): a failed build wrote public/")
                continue
            }
            XCTAssertEqual(result.status, 0, "\(name): \(result.stderr.prefix(2000))")
            built += 1
            let pages = try Hostile.pages(in: site.url("public"))
            XCTAssertFalse(pages.isEmpty, name)
            for (path, html) in pages {
                let problems = Hostile.scriptProblems(in: html, page: path)
                XCTAssertTrue(problems.isEmpty, "\(name): \(problems.prefix(5).joined(separator: "\n"))")
            }
        }
        XCTAssertGreaterThanOrEqual(built, 8, "the corpus should hold hostile cases that build (scripts, links, nesting, 20 MB)")
    }

    /// The payloads of the corpus, seen through every page that shows them: none survives as markup.
    func testScriptInjectionThroughEveryFieldThatReachesAPage() throws {
        let site = try ScratchSite()
        let payload = "<script>alert('x')</script><img src=x onerror=alert(1)><a href=\"javascript:alert(2)\">j</a>"
        let quoted = payload.replacingOccurrences(of: "\"", with: "\\\"")
        try site.write("content/cpts/vierzon.md", """
            ---
            name: "CPTS \(quoted)"
            department: "18"
            population: 120000
            stage: health-project
            legalForm: "\(quoted)"
            dates:
              letter-of-intent: 2019-01-10
              diagnostic: 2019-09-01
              health-project: 2020-02-01
            missions:
              - { id: acces-soins, start: 2020-03-01, actions: ["\(quoted)"] }
            ---
            # Titre \(payload)

            \(payload)

            [lien](javascript:alert(3)) [données](data:text/html,<script>alert(4)</script>) <javascript:alert(5)>

            <div onmouseover="alert(6)">survol</div>

            """)
        try site.write("content/pages/methodologie.md", "---\ntitle: \"Méthode \(quoted)\"\n---\n\(payload)\n")
        var settings = try site.read("content/site.yaml")
        settings = settings.replacingOccurrences(of: "title: Observatoire de test", with: "title: \"Observatoire \(quoted)\"")
            .replacingOccurrences(of: "publisher: Fédération de test", with: "publisher: \"Fédération \(quoted)\"")
        try site.write("content/site.yaml", settings)
        var region = try site.read("content/region.yaml")
        region = region.replacingOccurrences(of: "name: Région de test", with: "name: \"Région \(quoted)\"")
            .replacingOccurrences(of: "name: Cher,", with: "name: \"Cher \(quoted)\",")
        try site.write("content/region.yaml", region)
        let result = try Hostile.run(["build"], in: site.root)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("warning: «\u{202F}name\u{202F}» contient la balise HTML «\u{202F}<script>\u{202F}»"), result.stderr)
        XCTAssertTrue(result.stderr.contains("warning: le HTML «\u{202F}<script>\u{202F}» est retiré de la page"), result.stderr)
        let pages = try Hostile.pages(in: site.url("public"))
        XCTAssertGreaterThanOrEqual(pages.count, 10, "every page of the site: home, 404, 3 pages, 3 CPTS, 2 departments")
        var shown = 0
        for (path, html) in pages {
            XCTAssertEqual(Hostile.scriptProblems(in: html, page: path), [], path)
            if html.contains("CPTS &lt;script&gt;alert(") { shown += 1 }
        }
        XCTAssertGreaterThan(shown, 2, "the name should be shown, as text, on several pages")
        // The Atom feed is read by feed readers that render it: the text stays escaped there too.
        for (path, data) in try site.snapshot("public") where path.hasSuffix(".xml") {
            XCTAssertFalse(String(decoding: data, as: UTF8.self).contains("<script"), path)
        }
    }

    /// A site that opts into raw HTML and unsafe links: cmark-gfm's tag filter and the sanitizer still keep
    /// `<script>` and event handlers out, and the Content-Security-Policy blocks whatever link is left.
    func testOptingIntoRawHTMLStillKeepsScriptsAndEventHandlersOut() throws {
        let site = try ScratchSite()
        try site.write("content/site.yaml", try site.read("content/site.yaml") + "allowRawHTML: true\n")
        let hostile = CLIRunner.repositoryRoot.appendingPathComponent("Tests/Fixtures/hostile-markdown/raw-html-opt-in.md")
        try site.write("content/cpts/vierzon.md", try site.read("content/cpts/vierzon.md") + "\n" + String(contentsOf: hostile, encoding: .utf8) + "\n")
        let result = try Hostile.run(["build"], in: site.root)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("warning: «\u{202F}<script>\u{202F}» est affiché comme du texte, sans être exécuté"), result.stderr)
        let html = try site.read("public/cpts/vierzon/index.html")
        XCTAssertEqual(Hostile.scriptProblems(in: html, page: "cpts/vierzon/index.html"), [])
        XCTAssertTrue(html.contains("<span class=\"garde\">gardé</span>"), "raw HTML is let through")
        XCTAssertTrue(html.contains("&lt;script>alert(1)"), "the tag filter escapes <script>")
    }

    func testASymbolicLinkOutsideContentIsNeverReadNorPublished() throws {
        let site = try ScratchSite()
        let secret = site.url("secret.md")
        try Data("---\ntitle: Secret\n---\nMOT-DE-PASSE-42\n".utf8).write(to: secret)
        try FileManager.default.createSymbolicLink(atPath: site.url("content/pages/secret.md").path, withDestinationPath: "../../secret.md")
        try FileManager.default.createSymbolicLink(atPath: site.url("content/cpts/passwd.md").path, withDestinationPath: "/etc/passwd")
        let result = try Hostile.run(["build", "--output", "out"], in: site.root)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("content/pages/secret.md:1:1: error: «\u{202F}pages/secret.md\u{202F}» est un lien symbolique vers un fichier hors du dossier de contenu"), result.stderr)
        XCTAssertFalse(result.stderr.contains("MOT-DE-PASSE-42"), "the diagnostics quoted the linked file")
        XCTAssertFalse(result.stderr.contains("root:"), "the diagnostics quoted /etc/passwd")
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.url("out").path))
    }

    /// A name, a label or a unit that a spreadsheet would run as a formula reaches `data/*.csv` defused.
    func testFormulasInContentReachTheCSVExportsDefused() throws {
        let site = try ScratchSite()
        try site.write("content/cpts/vierzon.md", try site.read("content/cpts/vierzon.md")
            .replacingOccurrences(of: "name: CPTS de Vierzon", with: "name: '=HYPERLINK(\"http://x.example\";\"clic\")'"))
        try site.write("content/indicators/sud-lochois.yaml", try site.read("content/indicators/sud-lochois.yaml")
            .replacingOccurrences(of: "label: Patients en ALD sans médecin traitant", with: "label: \"@SUM(1+1)\"")
            .replacingOccurrences(of: "unit: patients", with: "unit: \"+1+1\""))
        let result = try Hostile.run(["build"], in: site.root)
        XCTAssertEqual(result.status, 0, result.stderr)
        let cpts = try site.read("public/data/cpts.csv"), indicators = try site.read("public/data/indicators.csv")
        XCTAssertTrue(cpts.contains("\r\nvierzon;\"'=HYPERLINK(\"\"http://x.example\"\";\"\"clic\"\")\";18;"), cpts)
        XCTAssertTrue(indicators.contains(";'@SUM(1+1);'+1+1;à la baisse;219;120;"), indicators)
        for csv in [cpts, indicators] {
            for line in csv.split(separator: "\r\n") {
                for cell in line.split(separator: ";") {
                    XCTAssertFalse(["=", "@", "+"].contains(cell.first.map(String.init) ?? ""), "\(cell)")
                }
            }
        }
    }

    /// A theme asset (or template) that is a symbolic link out of its theme is neither read nor published.
    func testAThemeFileLinkedOutsideItsThemeIsRefused() throws {
        let site = try ScratchSite()
        try FileManager.default.createSymbolicLink(atPath: site.url("themes/default/assets/passwd.txt").path,
                                                   withDestinationPath: "/etc/passwd")
        let result = try Hostile.run(["build"], in: site.root)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("themes/default/assets/passwd.txt:1:1: error: «\u{202F}themes/default/assets/passwd.txt\u{202F}» est un lien symbolique vers un fichier hors du dossier du thème «\u{202F}themes/default\u{202F}»"), result.stderr)
        XCTAssertFalse(result.stderr.contains("root:"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.url("public").path))
        // A link that stays inside the theme is fine.
        try site.remove("themes/default/assets/passwd.txt")
        try FileManager.default.createSymbolicLink(atPath: site.url("themes/default/assets/copy.css").path, withDestinationPath: "style.css")
        XCTAssertEqual(try Hostile.run(["build"], in: site.root).status, 0)
    }

    /// `--output` pointing into content/ or at a parent folder must not destroy what is there.
    func testAnOutputFolderThatIsNotGeneratedIsNeverReplaced() throws {
        let site = try ScratchSite()
        let before = Hostile.tree(of: site.root)
        for output in ["content", ".", "..", "content/cpts", "themes"] {
            let result = try Hostile.run(["build", "--output", output], in: site.root)
            XCTAssertEqual(result.status, 1, "--output \(output): \(result.stderr)")
        }
        XCTAssertEqual(Hostile.tree(of: site.root), before)
    }
}


/// What the hostile-content, atomicity and determinism tests share: running the tool with a time limit,
/// laying a corpus case over a site, and reading generated pages the way a browser tokenizes them.
enum Hostile {
    struct Run {
        let status: Int32
        /// Set when the process died of a signal (a crash) rather than exiting.
        let signal: Int32?
        let stdout: String
        let stderr: String
        let timedOut: Bool
    }

    /// Runs `cpts-site` (or `executable`) in `directory`, killing it after `timeout` seconds.
    static func run(_ arguments: [String], in directory: URL, timeout: TimeInterval = 120,
                    executable: URL = CLIRunner.executable, environment: [String: String]? = nil) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        let outData = LockedData(), errData = LockedData()
        let group = DispatchGroup()
        for (pipe, data) in [(out, outData), (err, errData)] {
            group.enter()
            DispatchQueue.global().async {
                data.set(pipe.fileHandleForReading.readDataToEndOfFile())
                group.leave()
            }
        }
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
                break
            }
            usleep(10_000)
        }
        process.waitUntilExit()
        group.wait()
        let signaled = process.terminationReason == .uncaughtSignal
        let run = Run(status: process.terminationStatus, signal: signaled ? process.terminationStatus : nil,
                      stdout: String(decoding: outData.get(), as: UTF8.self),
                      stderr: String(decoding: errData.get(), as: UTF8.self), timedOut: timedOut)
        SanitizerReports.assertNone(in: run.stderr, "\(executable.lastPathComponent) \(arguments.joined(separator: " "))")
        return run
    }

    final class LockedData: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
        func get() -> Data { lock.lock(); defer { lock.unlock() }; return data }
    }

    // MARK: The invalid-content corpus

    static let corpus = CLIRunner.repositoryRoot.appendingPathComponent("Tests/Fixtures/invalid")

    static func corpusCases() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
    }

    /// The minimal site with a corpus case laid over it: its `files/` copied over the site, the paths of
    /// `delete.txt` removed, then its `setup.sh` run in the site's folder (symbolic links, named pipes…).
    static func site(for name: String) throws -> ScratchSite {
        let folder = corpus.appendingPathComponent(name)
        let site = try ScratchSite()
        let overlay = folder.appendingPathComponent("files")
        if let enumerator = FileManager.default.enumerator(atPath: overlay.path) {
            while let relative = enumerator.nextObject() as? String {
                let source = overlay.appendingPathComponent(relative)
                var isDirectory: ObjCBool = false
                FileManager.default.fileExists(atPath: source.path, isDirectory: &isDirectory)
                if isDirectory.boolValue { continue }
                let target = site.url(relative)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try? FileManager.default.removeItem(at: target)
                try FileManager.default.copyItem(at: source, to: target)
            }
        }
        if let deletions = try? String(contentsOf: folder.appendingPathComponent("delete.txt"), encoding: .utf8) {
            for path in deletions.split(separator: "\n") where !path.isEmpty {
                try site.remove(String(path))
            }
        }
        if let setup = try? String(contentsOf: folder.appendingPathComponent("setup.sh"), encoding: .utf8) {
            let result = try run(["-c", setup], in: site.root, executable: URL(fileURLWithPath: "/bin/sh"))
            XCTAssertEqual(result.status, 0, "\(name)/setup.sh failed: \(result.stderr)")
        }
        return site
    }

    static func expectsErrors(_ name: String) throws -> Bool {
        let expected = try String(contentsOf: corpus.appendingPathComponent(name).appendingPathComponent("expected.txt"),
                                  encoding: .utf8)
        // `check` prints nothing at all on content without a problem.
        return !expected.isEmpty && !expected.contains("\n0 erreur,") && !expected.hasPrefix("0 erreur,")
    }

    /// Every entry below `root` (files, folders, links), without following links, with the bytes of regular files:
    /// what a build may not change outside its output folder.
    static func tree(of root: URL, excluding excluded: Set<String> = []) -> [String: Data] {
        var entries: [String: Data] = [:]
        func walk(_ relative: String) {
            let path = relative.isEmpty ? root.path : root.path + "/" + relative
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
            for name in names {
                let child = relative.isEmpty ? name : relative + "/" + name
                if excluded.contains(child) { continue }
                var status = stat()
                guard lstat(root.path + "/" + child, &status) == 0 else { continue }
                switch status.st_mode & S_IFMT {
                case S_IFDIR:
                    entries[child + "/"] = Data()
                    walk(child)
                case S_IFREG:
                    // Big generated inputs are compared by size: reading 70 MB twice would only slow the test.
                    entries[child] = status.st_size > 1 << 20 ? Data("size \(status.st_size)".utf8)
                        : (FileManager.default.contents(atPath: root.path + "/" + child) ?? Data())
                default:
                    let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: root.path + "/" + child)) ?? ""
                    entries[child] = Data("link or special → \(target)".utf8)
                }
            }
        }
        walk("")
        return entries
    }

    // MARK: Reading generated pages

    struct Tag {
        var name: String
        var closing: Bool
        var attributes: [(name: String, value: String?)]
        /// Byte offset of the `<` in the page.
        var offset: Int
    }

    /// The tags of an HTML page, tokenized as the HTML standard does it (attributes separated by whitespace or
    /// `/`, values quoted or not; comments skipped; the content of `<script>` and `<style>` skipped as raw text).
    static func tags(in html: String) -> [Tag] {
        let bytes = Array(html.utf8)
        var tags: [Tag] = []
        var index = 0
        func isSpace(_ byte: UInt8) -> Bool { [0x20, 0x09, 0x0A, 0x0C, 0x0D].contains(byte) }
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count else { index += 1; continue }
            let start = index
            if bytes[(index + 1)...].starts(with: Array("!--".utf8)) {
                var probe = index + 2
                while probe + 2 < bytes.count, !(bytes[probe] == 0x2D && bytes[probe + 1] == 0x2D && (bytes[probe + 2] == 0x3E
                    || (bytes[probe + 2] == 0x21 && probe + 3 < bytes.count && bytes[probe + 3] == 0x3E))) { probe += 1 }
                index = probe + 3
                continue
            }
            if bytes[index + 1] == UInt8(ascii: "!") || bytes[index + 1] == UInt8(ascii: "?") {
                index = (bytes[index...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count) + 1
                continue
            }
            var probe = index + 1
            let closing = bytes[probe] == UInt8(ascii: "/")
            if closing { probe += 1 }
            guard probe < bytes.count, isLetter(bytes[probe]) else { index += 1; continue }
            let nameStart = probe
            while probe < bytes.count, !isSpace(bytes[probe]), bytes[probe] != 0x2F, bytes[probe] != 0x3E { probe += 1 }
            var tag = Tag(name: String(decoding: bytes[nameStart..<probe], as: UTF8.self).lowercased(), closing: closing,
                          attributes: [], offset: start)
            while probe < bytes.count {
                while probe < bytes.count, isSpace(bytes[probe]) || bytes[probe] == 0x2F { probe += 1 }
                guard probe < bytes.count, bytes[probe] != 0x3E else { break }
                let attributeStart = probe
                probe += 1
                while probe < bytes.count, !isSpace(bytes[probe]), bytes[probe] != 0x2F, bytes[probe] != 0x3E, bytes[probe] != 0x3D {
                    probe += 1
                }
                let name = String(decoding: bytes[attributeStart..<probe], as: UTF8.self).lowercased()
                while probe < bytes.count, isSpace(bytes[probe]) { probe += 1 }
                guard probe < bytes.count, bytes[probe] == 0x3D else {
                    tag.attributes.append((name, nil))
                    continue
                }
                probe += 1
                while probe < bytes.count, isSpace(bytes[probe]) { probe += 1 }
                var value = ""
                if probe < bytes.count, bytes[probe] == 0x22 || bytes[probe] == 0x27 {
                    let quote = bytes[probe]
                    let end = bytes[(probe + 1)...].firstIndex(of: quote) ?? bytes.count
                    value = String(decoding: bytes[(probe + 1)..<end], as: UTF8.self)
                    probe = end + 1
                } else {
                    let valueStart = probe
                    while probe < bytes.count, !isSpace(bytes[probe]), bytes[probe] != 0x3E { probe += 1 }
                    value = String(decoding: bytes[valueStart..<probe], as: UTF8.self)
                }
                tag.attributes.append((name, decodeEntities(value)))
            }
            tags.append(tag)
            index = probe + 1
            // Raw text elements: their content is not markup.
            if !closing, ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"].contains(tag.name) {
                let end = Array("</\(tag.name)".utf8)
                var search = index
                while search + end.count <= bytes.count {
                    if bytes[search] == 0x3C, bytes[search..<(search + end.count)].map({ $0 | 0x20 }) == end.map({ $0 | 0x20 }) { break }
                    search += 1
                }
                index = search
            }
        }
        return tags
    }

    static func decodeEntities(_ text: String) -> String {
        var result = text
        for (entity, value) in [("&quot;", "\""), ("&#39;", "'"), ("&lt;", "<"), ("&gt;", ">"), ("&colon;", ":"), ("&amp;", "&")] {
            result = result.replacingOccurrences(of: entity, with: value)
        }
        // Numeric references, as a browser decodes them in an attribute.
        while let range = result.range(of: "&#[xX]?[0-9a-fA-F]+;?", options: .regularExpression) {
            var digits = result[range].dropFirst(2)
            let hex = digits.first == "x" || digits.first == "X"
            if hex { digits = digits.dropFirst() }
            if digits.last == ";" { digits = digits.dropLast() }
            let scalar = UInt32(digits, radix: hex ? 16 : 10).flatMap(Unicode.Scalar.init) ?? "\u{FFFD}"
            result.replaceSubrange(range, with: String(scalar))
        }
        return result
    }

    static let contentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; base-uri 'none'; form-action 'self'"

    /// Everything a page may not hold when its content is hostile: a script other than the theme's own files,
    /// an event-handler attribute, a script URL; and it must carry the site's Content-Security-Policy.
    static func scriptProblems(in html: String, page: String) -> [String] {
        var problems: [String] = []
        let tags = tags(in: html)
        let policies = tags.filter { $0.name == "meta" && $0.attributes.contains { $0.name == "http-equiv" && $0.value?.lowercased() == "content-security-policy" } }
        if policies.count != 1 {
            problems.append("\(page): \(policies.count) Content-Security-Policy meta tags")
        } else if let policy = policies[0].attributes.first(where: { $0.name == "content" })?.value,
            !policy.contains("script-src 'self'") || policy.contains("unsafe-inline") || policy.contains("unsafe-eval") {
            problems.append("\(page): Content-Security-Policy allows more than the site's scripts: \(policy)")
        }
        if let head = html.range(of: "</head>"), let meta = html.range(of: "http-equiv=\"Content-Security-Policy\""),
            meta.lowerBound > head.lowerBound {
            problems.append("\(page): the Content-Security-Policy comes after </head>")
        }
        for tag in tags where !tag.closing {
            if tag.name == "script" {
                let source = tag.attributes.first { $0.name == "src" }?.value ?? ""
                let isThemeAsset = !source.isEmpty && !source.contains(":") && !source.hasPrefix("//") && source.hasSuffix(".js")
                if !isThemeAsset { problems.append("\(page): <script> that is not one of the site's files (src '\(source)')") }
            }
            for (name, value) in tag.attributes {
                if name.hasPrefix("on") { problems.append("\(page): event handler \(name) on <\(tag.name)>") }
                guard let value, ["href", "src", "action", "formaction", "xlink:href", "data", "srcdoc", "values", "to", "from", "by"]
                    .contains(name) else { continue }
                // SVG animation's `values` is a `;`-separated list of values, each set in turn.
                for item in name == "values" ? value.split(separator: ";").map(String.init) : [value] {
                    let scheme = String(String.UnicodeScalarView(item.unicodeScalars.filter { $0.value > 0x20 })).lowercased()
                    let documentData = scheme.hasPrefix("data:") && ["a", "area", "iframe", "frame", "object", "embed", "form"].contains(tag.name)
                    if scheme.hasPrefix("javascript:") || scheme.hasPrefix("vbscript:") || documentData {
                        problems.append("\(page): \(name)=\"\(value.prefix(60))\" on <\(tag.name)>")
                    }
                }
            }
        }
        return problems
    }

    /// The HTML pages of a built site, by path.
    static func pages(in folder: URL) throws -> [(path: String, html: String)] {
        try ScratchSite.snapshot(of: folder).filter { $0.key.hasSuffix(".html") }.sorted { $0.key < $1.key }
            .map { ($0.key, String(decoding: $0.value, as: UTF8.self)) }
    }
}
