/// Absolute URLs from `baseURL`, for the sitemap and the feed (pages themselves link relatively,
/// so that the site works from any folder or from disk).
struct SiteURL {
    let base: String

    init(baseURL: String) {
        base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
    }

    /// `cpts/sud-lochois/index.html` → `https://example.org/cpts/cpts/sud-lochois/`.
    func absolute(_ path: String) -> String {
        let page = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
        return base + page
    }
}

enum XML {
    static func escape(_ text: String) -> String { SVG.escape(text) }
}
