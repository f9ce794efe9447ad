import CMarkGFM

/// cmark has one switch for raw HTML and unsafe links together. When a site opts into one of them, this filter
/// walks the tree before rendering: raw HTML is removed unless allowed, and when allowed goes through
/// `RawHTMLSanitizer` (never an event handler; unsafe URLs only if those are allowed too); link and image URLs with
/// an unsafe scheme are emptied unless allowed.
package enum UnsafeContentFilter {
    package static let unsafeSchemes = ["javascript:", "vbscript:", "file:", "data:"]

    /// Whether a URL has one of `schemes`, ignoring case, blanks and control characters as browsers do.
    static func isUnsafe(_ url: String, schemes: [String] = unsafeSchemes) -> Bool {
        let lowered = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F })).lowercased()
        return schemes.contains { lowered.hasPrefix($0) }
    }

    static func apply(to document: OpaquePointer, options: MarkdownRenderer.Options) {
        var doomed: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(document) else { return }
        let linkSchemes = options.allowUnsafeLinks ? [] : unsafeSchemes
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE {
                if !options.allowRawHTML {
                    doomed.append(node)
                } else if let literal = cmark_node_get_literal(node) {
                    let html = String(cString: literal)
                    let safe = RawHTMLSanitizer.sanitize(html, allowUnsafeLinks: options.allowUnsafeLinks)
                    if safe != html { cmark_node_set_literal(node, safe) }
                }
            } else if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE,
                let url = cmark_node_get_url(node), isUnsafe(String(cString: url), schemes: linkSchemes) {
                cmark_node_set_url(node, "")
            }
        }
        cmark_iter_free(iterator)
        // Unlinking while iterating would invalidate the iterator.
        for node in doomed { cmark_node_free(node) }
    }
}
