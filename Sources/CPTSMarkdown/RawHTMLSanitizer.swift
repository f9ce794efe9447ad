/// Raw HTML a site lets through (`allowRawHTML: true`) still never carries event handlers: tags are read the way
/// a browser's tokenizer reads them (`HTMLTagTokenizer`), `on…` attributes (and `style`, `srcdoc`…) are removed, and
/// so are URLs `URLPolicy` does not keep; a `<` that does not open a tag a browser would finish the same way is
/// escaped. `<script>` and the other raw-text tags are escaped by cmark-gfm's tagfilter afterwards; `<noscript>`,
/// whose content browsers read as text when scripts run, is escaped here.
package enum RawHTMLSanitizer {
    /// Attributes holding a URL a browser follows or loads.
    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "xlink:href", "data", "poster",
                                             "background", "codebase", "cite", "longdesc", "usemap", "srcset",
                                             "lowsrc", "dynsrc", "ping", "manifest", "icon",
                                             // SVG animation sets another attribute (`attributeName=href`) to these.
                                             "values", "to", "from", "by"]
    /// Attributes that are script or load a document whatever their value.
    static let forbiddenAttributes: Set<String> = ["srcdoc", "style", "formaction", "http-equiv"]
    /// Tags escaped here, beyond cmark-gfm's tagfilter.
    static let escapedTags: Set<String> = ["noscript", "meta", "base", "link", "object", "embed", "applet", "frame",
                                           "frameset", "template"]

    package struct Sanitized {
        package var html: String
        /// The URLs of the attributes removed because of a URL (all the values of an animation's `values`),
        /// entities decoded, in order; each with the byte offset of its tag in the input.
        package var droppedURLs: [(url: String, offset: Int)] = []
    }

    package static func sanitize(_ html: String, allowUnsafeLinks: Bool) -> Sanitized {
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var dropped: [(url: String, offset: Int)] = []
        HTMLTagTokenizer.tokenize(bytes) { token in
            switch token {
            case .text(let range), .declaration(let range): output += bytes[range]
            case .unfinished: output += Array("&lt;".utf8)
            case .tag(let tag):
                let start = tag.nameRange.lowerBound - (tag.closing ? 2 : 1)
                if escapedTags.contains(tag.name) {
                    output += Array("&lt;".utf8)
                    output += bytes[(start + 1)..<tag.end]
                    return
                }
                output += write(tag, of: bytes) { attribute in
                    let verdict = judge(attribute, in: bytes, allowUnsafeLinks: allowUnsafeLinks)
                    dropped += verdict.droppedURLs.map { ($0, start) }
                    return verdict.keeps
                }
            }
        }
        return Sanitized(html: String(decoding: output, as: UTF8.self), droppedURLs: dropped)
    }

    /// `tag` written again with the attributes `keeps` keeps.
    static func write(_ tag: HTMLTag, of bytes: [UInt8], keeping keeps: (HTMLTag.Attribute) -> Bool) -> [UInt8] {
        var output = [UInt8(ascii: "<")]
        if tag.closing { output.append(UInt8(ascii: "/")) }
        output += bytes[tag.nameRange]
        for attribute in tag.attributes where keeps(attribute) {
            output.append(UInt8(ascii: " "))
            output += bytes[attribute.whole]
        }
        if tag.selfClosing { output += Array(" /".utf8) }
        output.append(UInt8(ascii: ">"))
        return output
    }

    /// Whether an attribute is kept; when it is removed because of a URL `URLPolicy` drops, its URLs.
    static func judge(_ attribute: HTMLTag.Attribute, in bytes: [UInt8],
                      allowUnsafeLinks: Bool) -> (keeps: Bool, droppedURLs: [String]) {
        let name = String(decoding: bytes[attribute.name], as: UTF8.self).lowercased()
        if name.hasPrefix("on") || forbiddenAttributes.contains(name) { return (false, []) }
        guard urlAttributes.contains(name) || name.hasSuffix(":href"), let value = attribute.value else { return (true, []) }
        let url = URLPolicy.decodingEntities(String(decoding: bytes[value], as: UTF8.self))
        // `<animate values="a;javascript:…">` goes through each of its `;`-separated values in turn.
        let urls = name == "values" ? url.split(separator: ";", omittingEmptySubsequences: false).map(String.init) : [url]
        let keeps = urls.allSatisfy { URLPolicy.keeps($0, allowUnsafeLinks: allowUnsafeLinks) }
        guard !keeps else { return (true, []) }
        // The URLs the policy drops first, then the others the attribute took with it.
        let policy = { URLPolicy.keeps($0, allowUnsafeLinks: allowUnsafeLinks) }
        return (false, urls.filter { !policy($0) } + urls.filter(policy))
    }
}
