import CMarkGFM
import Foundation

/// Markdown images that name a file of the site: `![Plan](img/plan.png)` shows `content/static/img/plan.png`,
/// published at `img/plan.png`. Such a path is written from `static/` (the site's root), whatever the page, and
/// the renderer prefixes it with the page's way back to the root. Images come from the site only: a destination
/// that names a file outside it (`leavesSite`: `/…`, `//host/…`, `file:`, `../` above the root) is emptied by
/// `confine`, and `check` warns about it. Other URLs with a scheme (`https:`, `data:`: see `URLPolicy`) and `#…` are
/// left as written and not checked.
public enum StaticImages {
    public struct Reference: Sendable, Hashable {
        /// The path under `static/`, percent-decoded, without `?query` or `#fragment`; as written when `leavesSite`.
        public var path: String
        /// As written in the Markdown.
        public var written: String
        public var line: Int
        public var column: Int
        /// It names a file outside the site (`StaticImages.leavesSite`).
        public var leavesSite = false
    }

    /// Whether an image destination names a file outside the site, read as a browser reads it (blanks and control
    /// characters before it ignored, tabs and line breaks in it dropped, `\` as `/`, `%2e` as `.`): a path from the
    /// server's or the machine's root (`/…`, `//host/…`), a `file:` URL, or a path that climbs above the site's root
    /// (`../x.png`, `img/../../x.png`). Printed from the build machine, such an image would be one of its files.
    public static func leavesSite(_ url: String) -> Bool {
        var scalars = String.UnicodeScalarView()
        for scalar in url.unicodeScalars.drop(while: { $0.value <= 0x20 }) where !"\t\n\r".unicodeScalars.contains(scalar) {
            scalars.append(scalar == "\\" ? "/" : scalar)
        }
        let cleaned = String(scalars)
        if cleaned.hasPrefix("/") { return true }
        if let scheme = URLPolicy.scheme(of: cleaned) { return scheme == "file" }
        guard let path = sitePath(cleaned) else { return false }
        var depth = 0
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) where segment != "." {
            depth += segment == ".." ? -1 : 1
            if depth < 0 { return true }
        }
        return false
    }

    /// The path under `static/` an image destination names, or nil when it is not a path into the site.
    public static func sitePath(_ url: String) -> String? {
        guard !url.isEmpty, !url.hasPrefix("/"), !url.hasPrefix("#"), !url.hasPrefix("\\") else { return nil }
        // A scheme: letters, digits, +, -, . before the first ':' that comes before any '/', '?' or '#'.
        if let colon = url.firstIndex(of: ":"), !url[..<colon].contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) {
            return nil
        }
        var path = Substring(url)
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        while path.hasPrefix("./") { path = path.dropFirst(2) }
        guard !path.isEmpty else { return nil }
        return String(path).removingPercentEncoding ?? String(path)
    }

    static func references(in document: OpaquePointer) -> [Reference] {
        var found: [Reference] = []
        guard let iterator = cmark_iter_new(document) else { return [] }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                cmark_node_get_type(node) == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node)
            else { continue }
            let written = String(cString: url)
            let leaves = leavesSite(written)
            guard let path = leaves ? written : sitePath(written) else { continue }
            found.append(Reference(path: path, written: written, line: Int(cmark_node_get_start_line(node)),
                                   column: Int(cmark_node_get_start_column(node)), leavesSite: leaves))
        }
        cmark_iter_free(iterator)
        return found
    }

    /// Empties the destination of every image that leaves the site (`leavesSite`), whatever the site allows, and
    /// prefixes with `root` (when not empty) every other that names a file of the site (`sitePath`); one walk.
    static func confine(_ document: OpaquePointer, prefixing root: String) {
        guard let iterator = cmark_iter_new(document) else { return }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                cmark_node_get_type(node) == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node)
            else { continue }
            var written = String(cString: url)
            if leavesSite(written) {
                cmark_node_set_url(node, "")
                continue
            }
            guard !root.isEmpty, sitePath(written) != nil else { continue }
            while written.hasPrefix("./") { written.removeFirst(2) }
            cmark_node_set_url(node, root + written)
        }
        cmark_iter_free(iterator)
    }
}
