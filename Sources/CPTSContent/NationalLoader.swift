import CPTSDomain

/// A national site's content folder: `site.yaml` says `kind: national`, names the site and lists its regions, each
/// by its INSEE code with the address of the regional site; `regions/<code>.json` is a copy of that site's
/// `data/site.json` (builds stay offline).
///
/// ```yaml
/// kind: national
/// title: Observatoire national des CPTS
/// regions:
///   "24": https://cpts-centre-val-de-loire.example.org/
///   "52": https://cpts-pays-de-la-loire.example.org/
/// ```
public enum NationalLoader {
    /// Largest regional file read: a region of 1 000 CPTS with ten contract years each writes about 15 MB.
    /// Beyond it the file is refused before it is read (`file-unreadable`, « le fichier est trop gros »).
    public static let maximumRegionalFileSize = 32 * 1024 * 1024
    static let keys = ["kind", "title", "regions"]
    /// Optional keys of `site.yaml`: `notice`, a sentence shown on every page (« Données illustratives »).
    static let optionalKeys = ["notice"]

    /// Whether `root/site.yaml` says `kind: national`. An unreadable or invalid file is not national: the regional
    /// loader then reports its problems.
    public static func isNational(root: String) -> Bool {
        let folder = ContentFolder(root: root, displayRoot: root)
        guard folder.linkProblem("site.yaml") == nil, folder.exists("site.yaml"),
            let bytes = try? folder.read("site.yaml", limit: ContentLoader.maximumFileSize),
            let node = try? YAMLComposer.compose(SourceText(bytes: bytes, path: "site.yaml").text)
        else { return false }
        return node["kind"]?.scalar?.string == "national"
    }

    /// Reads `site.yaml` and every regional file, in the order `site.yaml` lists them. The content is nil when a
    /// file has an error; the texts are kept in `sources` to quote diagnostics.
    public static func load(from root: String, displayRoot: String? = nil)
        -> (content: NationalContent?, diagnostics: [Diagnostic], sources: [String: String])
    {
        let folder = ContentFolder(root: root, displayRoot: displayRoot ?? root)
        var sources: [String: String] = [:]
        let (title, listed, siteDiagnostics, notice) = readSite(folder, sources: &sources)
        guard !siteDiagnostics.hasErrors else { return (nil, siteDiagnostics, sources) }
        var diagnostics = siteDiagnostics
        var regions: [RegionalSite] = []
        for (code, url, node) in listed {
            // The code names a file: only letters and digits (`24`, `94`), never a path (`../x`).
            guard (1...3).contains(code.count), code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                diagnostics.append(.error(.national(.regionUnknown(code: code)), at: node))
                continue
            }
            let relative = "regions/\(code).json"
            let path = folder.display(relative)
            if let problem = folder.linkProblem(relative) { diagnostics.append(problem); continue }
            guard folder.exists(relative) else {
                diagnostics.append(.error(.national(.regionFileMissing(code: code, path: path)), at: node))
                continue
            }
            let bytes: [UInt8]
            do {
                bytes = try folder.read(relative, limit: maximumRegionalFileSize)
            } catch {
                let message = (error as? ContentFolder.ReadError)?.message ?? .fileUnreadable(reason: "\(error)")
                diagnostics.append(.error(message, at: folder.location(relative)))
                continue
            }
            let source = SourceText(bytes: bytes, path: path)
            diagnostics += source.diagnostics
            sources[path] = source.text
            guard !source.diagnostics.hasErrors else { continue }
            let (read, found) = RegionalSiteReader.read(source.text, path: path, url: url.value)
            diagnostics += found
            if var region = read {
                region.urlLocation = url.location
                if region.code.value != code {
                    diagnostics.append(.error(.national(.regionCodeMismatch(found: region.code.value, listed: code)), at: region.code.location))
                }
                regions.append(region)
            }
        }
        let complete = !diagnostics.hasErrors
        return (complete ? NationalContent(title: title, regions: regions, notice: notice) : nil, diagnostics, sources)
    }

    /// `site.yaml`'s title, regions (code, address, where the code is written) and notice; empty when it cannot be read.
    static func readSite(_ folder: ContentFolder, sources: inout [String: String])
        -> (title: String, regions: [(code: String, url: Located<String>, at: SourceLocation)], diagnostics: [Diagnostic], notice: String?)
    {
        let path = folder.display("site.yaml")
        let bytes: [UInt8]
        do {
            bytes = try folder.read("site.yaml", limit: ContentLoader.maximumFileSize)
        } catch {
            let message = (error as? ContentFolder.ReadError)?.message ?? .fileUnreadable(reason: "\(error)")
            return ("", [], [.error(message, at: folder.location("site.yaml"))], nil)
        }
        let source = SourceText(bytes: bytes, path: path)
        sources[path] = source.text
        let reader = YAMLReader(path: path)
        guard let root = reader.compose(source.text, .file("site.yaml"), required: keys),
            let map = reader.mapping(root, .file("site.yaml"), known: keys + optionalKeys, required: keys)
        else { return ("", [], source.diagnostics + reader.diagnostics, nil) }
        let title = map["title"].flatMap { reader.text($0, "title") } ?? ""
        let notice = map["notice"].flatMap { reader.text($0, "notice") }.flatMap { $0.isEmpty ? nil : $0 }
        var regions: [(code: String, url: Located<String>, at: SourceLocation)] = []
        for (code, keyNode, value) in map["regions"].flatMap({ reader.freeMapping($0, "regions") }) ?? [] {
            guard let url = reader.text(value, "regions.\(code)") else { continue }
            regions.append((code, Located(url, at: reader.location(of: value)), reader.location(of: keyNode)))
        }
        if regions.isEmpty, let node = map["regions"], !reader.diagnostics.hasErrors {
            reader.error(.national(.regionsEmpty), at: node)
        }
        return (title, regions, source.diagnostics + reader.diagnostics, notice)
    }
}
