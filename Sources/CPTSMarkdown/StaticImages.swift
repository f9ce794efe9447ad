import CMarkGFM
import Foundation

/// Markdown images that name a file of the site: `![Plan](img/plan.png)` shows `content/static/img/plan.png`,
/// published at `img/plan.png`. Such a path is written from `static/` (the site's root), whatever the page, and
/// the renderer prefixes it with the page's way back to the root. URLs with a scheme (`https:`, `data:`),
/// `//host/…`, `/…` (from the server's root) and `#…` are left as written and not checked.
public enum StaticImages {
    public struct Reference: Sendable, Hashable {
        /// The path under `static/`, percent-decoded, without `?query` or `#fragment`.
        public var path: String
        /// As written in the Markdown.
        public var written: String
        public var line: Int
        public var column: Int
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
            guard let path = sitePath(written) else { continue }
            found.append(Reference(path: path, written: written, line: Int(cmark_node_get_start_line(node)),
                                   column: Int(cmark_node_get_start_column(node))))
        }
        cmark_iter_free(iterator)
        return found
    }

    static func prefix(in document: OpaquePointer, with root: String) {
        guard let iterator = cmark_iter_new(document) else { return }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                cmark_node_get_type(node) == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node)
            else { continue }
            var written = String(cString: url)
            guard sitePath(written) != nil else { continue }
            while written.hasPrefix("./") { written.removeFirst(2) }
            cmark_node_set_url(node, root + written)
        }
        cmark_iter_free(iterator)
    }
}
