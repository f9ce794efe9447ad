/// Rules of `static/` and of what points into it: logos and Markdown images.
extension ContentRules {
    /// A file of `static/` is published at the same path under the site's root: it may not land where the site
    /// puts a page, an asset or an export (a built-in folder, a free page's folder, a file of the root).
    @Sendable static func staticPathsAreFree(_ content: SiteContent) -> [Diagnostic] {
        let pageFolders = Dictionary(content.pages.map { ($0.slug.value.split(separator: "/").first.map(String.init) ?? $0.slug.value, $0.title) },
                                     uniquingKeysWith: { first, _ in first })
        return content.staticFiles.compactMap { file -> Diagnostic? in
            let top = String(file.path.split(separator: "/").first ?? "")
            let shown = DisplayedPath.escaping(file.path)
            let owner: StaticOwner?
            if let reserved = SiteRoutes.reserved[top.lowercased()] {
                owner = .builtinFolder(folder: top, holds: reserved)
            } else if top.lowercased() == SiteRoutes.methodology {
                owner = .methodology(folder: top)
            } else if let title = pageFolders[top] {
                owner = .page(folder: top, title: title)
            } else if file.path == top, let generated = SiteRoutes.rootFiles[top.lowercased()] {
                owner = .rootFile(generated: generated)
            } else {
                owner = nil
            }
            guard let owner else { return nil }
            return .error(.staticPathTaken(path: shown, owner: owner), at: file.location)
        }
    }

    /// A file of `static/` keeps its name on every host: no backslash (browsers read it as `/`), and no two names
    /// that differ only in letter case or in the Unicode form of their accents (NFC, NFD), which a case-insensitive or
    /// normalising host takes for one file. The error is at the second file and names the first. (A name that is not
    /// UTF-8 is reported when `static/` is read: it makes no path.) `check` and `build` both stop here.
    @Sendable static func staticNamesArePortable(_ content: SiteContent) -> [Diagnostic] {
        var first: [String: StaticFile] = [:]
        var diagnostics: [Diagnostic] = []
        for file in content.staticFiles {
            let shown = "static/" + DisplayedPath.escaping(file.path)
            if file.path.contains("\\") {
                let suggestion = DisplayedPath.escaping(String((file.path.split(separator: "/").last ?? "").map { $0 == "\\" ? "-" : $0 }))
                diagnostics.append(.error(.staticNameBackslash(path: shown, suggestion: suggestion), at: file.location))
                continue
            }
            // Swift compares strings by canonical equivalence: NFC and NFD spellings share a key.
            let key = file.path.lowercased()
            guard let earlier = first[key] else {
                first[key] = file
                continue
            }
            // Equal keys whose scalars differ once lowercased: the accents are written in two forms.
            let unicodeForm = !earlier.path.lowercased().unicodeScalars.elementsEqual(file.path.lowercased().unicodeScalars)
            diagnostics.append(.error(.staticNameCollision(path: shown, other: "static/" + DisplayedPath.escaping(earlier.path),
                                                          unicodeForm: unicodeForm), at: file.location))
        }
        return diagnostics
    }

    /// A document of `static/` opened directly runs in the site's origin: an SVG or XML file holding a script, an
    /// event handler, a `javascript:` URL or what can bring one in (`ActiveMarkup`) is an error at that place, always;
    /// an HTML file too, unless the site allows raw HTML.
    @Sendable static func staticDocumentsRunNoScript(_ content: SiteContent) -> [Diagnostic] {
        content.staticFiles.compactMap { file -> Diagnostic? in
            guard let markup = file.activeMarkup, !(markup.inHTML && content.settings.allowRawHTML) else { return nil }
            return .error(.staticActiveContent(path: "static/" + DisplayedPath.escaping(file.path), what: markup.what.map(DisplayedPath.escaping),
                                               inHTML: markup.inHTML), at: markup.location)
        }
    }

    /// A logo (of the site in site.yaml, of a CPTS in its front matter) is an image of `static/`, named by its path
    /// there (`logo: img/logo.svg` for `content/static/img/logo.svg`).
    @Sendable static func logosAreStaticImages(_ content: SiteContent) -> [Diagnostic] {
        let logos = [content.settings.logo].compactMap { $0 } + content.cpts.compactMap(\.logo)
        let paths = content.staticFiles.map(\.path)
        var budget = Suggestion.Budget()
        return logos.compactMap { logo -> Diagnostic? in
            staticImageProblem(logo, in: content, what: .logo, suggesting: paths, budget: &budget)
        }
    }

    /// Why `reference` (a path under `static/`) does not name a published image; nil when it does.
    /// A near name is looked for among `paths` (the static files'), paid from `budget`.
    static func staticImageProblem(_ reference: Located<String>, in content: SiteContent, what: StaticReference,
                                   suggesting paths: [String], budget: inout Suggestion.Budget) -> Diagnostic? {
        let path = reference.value
        let shown = DisplayedPath.escaping(path)
        guard let file = content.staticFile(path) else {
            var hint = StaticHint.howToName
            for prefix in ["static/", "/static/", "content/static/", "/"] where path.hasPrefix(prefix) {
                let inside = String(path.dropFirst(prefix.count))
                if content.staticFile(inside) != nil {
                    hint = .writeAs(DisplayedPath.escaping(inside))
                    break
                }
            }
            if hint == .howToName, let nearest = Suggestion.nearest(to: path, in: paths, budget: &budget) {
                hint = .didYouMean(DisplayedPath.escaping(nearest))
            }
            return .error(.staticImageMissing(what, path: shown, hint: hint), at: reference.location)
        }
        guard StaticFile.isImage(file.path) else {
            return .error(.staticNotAnImage(what, path: shown, extensions: StaticFile.imageExtensions), at: reference.location)
        }
        return nil
    }

    /// An image of a CPTS's projet de santé, a free page or a report that names a file of the site
    /// (`![Plan](img/plan.png)`, written from `static/`) must find it there; a missing one would be a broken image.
    @Sendable static func markdownImagesAreStaticFiles(_ content: SiteContent) -> [Diagnostic] {
        let images = content.cpts.flatMap(\.images) + content.pages.flatMap(\.images) + content.reports.flatMap(\.images)
        let paths = content.staticFiles.map(\.path)
        var budget = Suggestion.Budget()
        return images.compactMap { image -> Diagnostic? in
            guard content.staticFile(image.value) == nil else { return nil }
            let shown = DisplayedPath.escaping(image.value)
            let hint = Suggestion.nearest(to: image.value, in: paths, budget: &budget)
                .map { StaticHint.didYouMean(DisplayedPath.escaping($0)) } ?? .howToName
            return .warning(.staticImageMissing(.image, path: shown, hint: hint), at: image.location)
        }
    }

    /// An image of a CPTS's projet de santé, a free page or a report comes from the site: one naming a file outside it
    /// (`/…`, `../` above the site's root) would show a file of the machine that prints or views the page, so the
    /// renderer leaves it out.
    @Sendable static func markdownImagesStayInSite(_ content: SiteContent) -> [Diagnostic] {
        let images = content.cpts.flatMap(\.imagesOutsideSite) + content.pages.flatMap(\.imagesOutsideSite)
            + content.reports.flatMap(\.imagesOutsideSite)
        return images.map { image in
            .warning(.imageOutsideSite(path: DisplayedPath.escaping(image.value), hint: staticFileWithin(image.value, in: content)),
                     at: image.location)
        }
    }

    /// `.writeAs(p)` when a file of `static/` ends `path` (`/home/x/site/content/static/img/a.png`, `/img/a.png`,
    /// `../img/a.png` for `img/a.png`), else `.howToName`.
    static func staticFileWithin(_ path: String, in content: SiteContent) -> StaticHint {
        let parts = path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).map(String.init)
        for start in parts.indices.suffix(8) {
            let inside = parts[start...].joined(separator: "/")
            if content.staticFile(inside) != nil { return .writeAs(DisplayedPath.escaping(inside)) }
        }
        return .howToName
    }
}
