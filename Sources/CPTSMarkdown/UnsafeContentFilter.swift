import CMarkGFM

/// Walks the tree before rendering: link and image URLs `URLPolicy` does not keep are emptied; raw HTML, when cmark
/// runs in its unsafe mode (either opt-in), is removed unless allowed, and when allowed goes through
/// `RawHTMLSanitizer` (never an event handler; unsafe URLs only if those are allowed too). In cmark's safe mode
/// (neither opt-in), cmark leaves raw HTML out itself. `droppedURLs(in:)` reads the same decisions for `check`.
package enum UnsafeContentFilter {
    static func apply(to document: OpaquePointer, options: MarkdownRenderer.Options) {
        var doomed: [OpaquePointer] = []
        let cmarkDropsHTML = !options.allowRawHTML && !options.allowUnsafeLinks
        forEachURLOrHTML(in: document) { node, isHTML in
            if isHTML {
                if options.allowRawHTML, let literal = cmark_node_get_literal(node) {
                    let html = String(cString: literal)
                    let safe = RawHTMLSanitizer.sanitize(html, allowUnsafeLinks: options.allowUnsafeLinks).html
                    if safe != html { cmark_node_set_literal(node, safe) }
                } else if !options.allowRawHTML, !cmarkDropsHTML {
                    doomed.append(node)
                }
            } else if let url = cmark_node_get_url(node),
                !URLPolicy.keeps(String(cString: url), allowUnsafeLinks: options.allowUnsafeLinks) {
                cmark_node_set_url(node, "")
            }
        }
        // Unlinking while iterating would invalidate the iterator.
        for node in doomed { cmark_node_free(node) }
    }

    /// A URL the renderer drops when unsafe links are not allowed, where it is in the Markdown.
    package struct DroppedURL: Sendable, Hashable {
        package var url: String
        /// 1-based, in the Markdown text; the column counts bytes, as cmark does.
        package var line: Int
        package var byteColumn: Int
        /// In raw HTML, dropped only when raw HTML is allowed (else the whole tag is).
        package var inRawHTML: Bool
    }

    /// The URLs `apply` drops when unsafe links are not allowed: those of links and images, and those of raw HTML
    /// as the sanitizer would drop them if raw HTML were allowed.
    static func droppedURLs(in document: OpaquePointer) -> [DroppedURL] {
        var found: [DroppedURL] = []
        forEachURLOrHTML(in: document) { node, isHTML in
            let line = Int(cmark_node_get_start_line(node)), column = Int(cmark_node_get_start_column(node))
            if isHTML {
                guard let literal = cmark_node_get_literal(node) else { return }
                let html = String(cString: literal)
                let bytes = Array(html.utf8)
                for (url, offset) in RawHTMLSanitizer.sanitize(html, allowUnsafeLinks: false).droppedURLs {
                    // A block's tag on a later line of the block: that line, from its start.
                    let lineBreaks = bytes[..<offset].lazy.filter { $0 == UInt8(ascii: "\n") }.count
                    let lineStart = bytes[..<offset].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
                    found.append(DroppedURL(url: url, line: line + lineBreaks,
                                            byteColumn: (lineBreaks == 0 ? column : 1) + offset - lineStart, inRawHTML: true))
                }
            } else if let url = cmark_node_get_url(node).map({ String(cString: $0) }),
                !URLPolicy.keeps(url, allowUnsafeLinks: false) {
                found.append(DroppedURL(url: url, line: line, byteColumn: column, inRawHTML: false))
            }
        }
        return found
    }

    /// Calls `body` with each link, image and raw HTML node (`isHTML`) of `document`, in document order.
    static func forEachURLOrHTML(in document: OpaquePointer, _ body: (_ node: OpaquePointer, _ isHTML: Bool) -> Void) {
        guard let iterator = cmark_iter_new(document) else { return }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE {
                body(node, true)
            } else if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE {
                body(node, false)
            }
        }
        cmark_iter_free(iterator)
    }
}
