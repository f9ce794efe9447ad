/// Absolute URLs from `baseURL`, for the sitemap and the feed (pages themselves link relatively,
/// so that the site works from any folder or from disk).
struct SiteURL {
    let base: String

    init(baseURL: String) {
        base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
    }

    /// The path part of the base URL: `https://example.org/cpts/` → `/cpts/`.
    var rootPath: String {
        guard let scheme = base.firstRange(of: "://") else { return base.hasPrefix("/") ? base : "/" + base }
        let afterHost = base[scheme.upperBound...].firstIndex(of: "/").map { base[$0...] } ?? "/"
        return String(afterHost)
    }

    /// A URL from the site's root (`Routes`), absolute: `cpts/sud-lochois/` → `https://example.org/cpts/cpts/sud-lochois/`.
    func absolute(_ url: String) -> String { base + url }
}

enum XML {
    static func escape(_ text: String) -> String { SVG.escape(text) }
}
