import CMarkGFM

/// cmark has one switch for raw HTML and unsafe links together. When a site opts into one of them only,
/// the other is removed here from the tree before rendering.
enum UnsafeContentFilter {
    static let unsafeSchemes = ["javascript:", "vbscript:", "file:", "data:"]

    static func isUnsafe(_ url: String) -> Bool {
        let lowered = url.lowercased().filter { !$0.isWhitespace }
        return unsafeSchemes.contains { lowered.hasPrefix($0) }
    }

    static func apply(to document: OpaquePointer, options: MarkdownRenderer.Options) {
        var doomed: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if !options.allowRawHTML, type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE {
                doomed.append(node)
            } else if !options.allowUnsafeLinks, type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE,
                let url = cmark_node_get_url(node), isUnsafe(String(cString: url)) {
                cmark_node_set_url(node, "")
            }
        }
        cmark_iter_free(iterator)
        // Unlinking while iterating would invalidate the iterator.
        for node in doomed { cmark_node_free(node) }
    }
}
