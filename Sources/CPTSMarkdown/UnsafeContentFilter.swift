import CMarkGFM

/// Walks the tree before rendering: link and image URLs `URLPolicy` does not keep are emptied; raw HTML, when cmark
/// runs in its unsafe mode (either opt-in), is removed unless allowed, and when allowed goes through
/// `RawHTMLSanitizer` (never an event handler; unsafe URLs only if those are allowed too). In cmark's safe mode
/// (neither opt-in), cmark leaves raw HTML out itself. `markup(in:)` reads the same decisions for `check`.
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

    /// What the renderer drops or escapes, where it is in the Markdown: a URL it drops when unsafe links are not
    /// allowed, or a raw HTML tag (or comment) it drops when raw HTML is not allowed.
    package struct Markup: Sendable, Hashable {
        package enum Kind: Sendable, Hashable {
            /// In raw HTML, dropped only when raw HTML is allowed (else the whole tag is).
            case url(inRawHTML: Bool)
            /// Shown as text even when raw HTML is allowed (`tagsShownAsText`).
            case tag(shownAsText: Bool)
        }

        package var kind: Kind
        /// The URL as the renderer reads it (entities decoded); the tag as written, cut at `longestTagShown` bytes.
        package var text: String
        /// 1-based, in the Markdown text; the column counts bytes, as cmark does.
        package var line: Int
        package var byteColumn: Int
    }

    /// Tags never let through as markup: cmark-gfm's tagfilter escapes these, and the sanitizer `escapedTags`.
    package static let tagsShownAsText = RawHTMLSanitizer.escapedTags.union(["title", "textarea", "style", "xmp", "iframe",
                                                                            "noembed", "noframes", "script", "plaintext"])
    static let longestTagShown = 60

    /// The URLs `apply` drops when unsafe links are not allowed (those of links and images, and those of raw HTML as
    /// the sanitizer drops them when raw HTML is allowed), and the start tags and comments of raw HTML, in order.
    static func markup(in document: OpaquePointer) -> [Markup] {
        var found: [Markup] = []
        forEachURLOrHTML(in: document) { node, isHTML in
            let line = Int(cmark_node_get_start_line(node)), column = Int(cmark_node_get_start_column(node))
            if isHTML {
                guard let literal = cmark_node_get_literal(node) else { return }
                found += rawHTMLMarkup(in: String(cString: literal), line: line, column: column)
            } else if let url = cmark_node_get_url(node).map({ String(cString: $0) }),
                !URLPolicy.keeps(url, allowUnsafeLinks: false),
                // An image leaving the site (a `file:` one) is dropped in every setting: `image-outside-site` says so.
                !(cmark_node_get_type(node) == CMARK_NODE_IMAGE && StaticImages.leavesSite(url)) {
                found.append(Markup(kind: .url(inRawHTML: false), text: url, line: line, byteColumn: column))
            }
        }
        return found
    }

    /// The tags, comments and dropped URLs of a raw HTML node starting at `line`, `column`.
    static func rawHTMLMarkup(in html: String, line: Int, column: Int) -> [Markup] {
        let bytes = Array(html.utf8)
        var found: [(kind: Markup.Kind, text: String, offset: Int)] = []
        HTMLTagTokenizer.tokenize(bytes) { token in
            let range: Range<Int>, shownAsText: Bool
            switch token {
            case .tag(let tag) where !tag.closing:
                range = (tag.nameRange.lowerBound - 1)..<tag.end
                shownAsText = tagsShownAsText.contains(tag.name)
            case .declaration(let declaration): (range, shownAsText) = (declaration, false)
            default: return
            }
            let shown = String(decoding: bytes[range.lowerBound..<min(range.upperBound, range.lowerBound + longestTagShown)], as: UTF8.self)
            found.append((.tag(shownAsText: shownAsText), shown, range.lowerBound))
        }
        found += RawHTMLSanitizer.sanitize(html, allowUnsafeLinks: false).droppedURLs.map { (.url(inRawHTML: true), $0.url, $0.offset) }
        return found.map { kind, text, offset in
            // A block's tag on a later line of the block: that line, from its start.
            let lineBreaks = bytes[..<offset].lazy.filter { $0 == UInt8(ascii: "\n") }.count
            let lineStart = bytes[..<offset].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            return Markup(kind: kind, text: text, line: line + lineBreaks, byteColumn: (lineBreaks == 0 ? column : 1) + offset - lineStart)
        }
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
