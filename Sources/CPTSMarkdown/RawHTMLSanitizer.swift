/// Raw HTML a site lets through (`allowRawHTML: true`) still never carries event handlers: tags are read the way
/// a browser's tokenizer reads them, `on…` attributes (and `style`, `srcdoc`…) are removed, and so are
/// `javascript:`, `vbscript:`, `data:` and `file:` URLs unless the site also allows unsafe links; a `<` that
/// does not open a tag a browser would finish the same way is escaped. `<script>` and the other raw-text tags are escaped by cmark-gfm's
/// tagfilter afterwards; `<noscript>`, whose content browsers read as text when scripts run, is escaped here.
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

    static func sanitize(_ html: String, allowUnsafeLinks: Bool) -> String {
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        // Once a construct runs to the end of the input unfinished, every later `<` is escaped: a browser would
        // read on into the page's own markup, and looking for each one's end again would take quadratic time.
        var unfinished = false
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "<") else {
                output.append(byte)
                index += 1
                continue
            }
            if unfinished {
                output += Array("&lt;".utf8)
                index += 1
                continue
            }
            // Comments, `<!DOCTYPE`, `<?…>`: a browser never makes elements of them; kept as they are.
            if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "!") || bytes[index + 1] == UInt8(ascii: "?") {
                // A comment ends at the first `-->` or `--!>`, as browsers end it; `<!…>` and `<?…>` at the first `>`.
                let isComment = bytes[(index + 1)...].starts(with: Array("!--".utf8))
                if let end = isComment ? commentEnd(in: bytes, from: index + 2) : bytes[index...].firstIndex(of: UInt8(ascii: ">")).map({ $0 + 1 }) {
                    output += bytes[index..<end]
                    index = end
                } else {
                    output += Array("&lt;".utf8)
                    index += 1
                    unfinished = true
                }
                continue
            }
            guard let tag = Tag(bytes, at: index, unfinished: &unfinished) else {
                // `<` then a letter, or `</` then a letter, that a browser would read as a tag: escaped.
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                let after = index + 2 < bytes.count ? bytes[index + 2] : 0
                if isLetter(next) || (next == UInt8(ascii: "/") && isLetter(after)) {
                    output += Array("&lt;".utf8)
                } else {
                    output.append(byte)
                }
                index += 1
                continue
            }
            if escapedTags.contains(tag.name) {
                output += Array("&lt;".utf8)
                output += bytes[(index + 1)..<tag.end]
            } else {
                output.append(UInt8(ascii: "<"))
                if tag.closing { output.append(UInt8(ascii: "/")) }
                output += bytes[tag.nameRange]
                for attribute in tag.attributes where keeps(attribute, in: bytes, allowUnsafeLinks: allowUnsafeLinks) {
                    output.append(UInt8(ascii: " "))
                    output += bytes[attribute.whole]
                }
                if tag.selfClosing { output += Array(" /".utf8) }
                output.append(UInt8(ascii: ">"))
            }
            index = tag.end
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func keeps(_ attribute: Tag.Attribute, in bytes: [UInt8], allowUnsafeLinks: Bool) -> Bool {
        let name = String(decoding: bytes[attribute.name], as: UTF8.self).lowercased()
        if name.hasPrefix("on") || forbiddenAttributes.contains(name) { return false }
        guard urlAttributes.contains(name) || name.hasSuffix(":href"), let value = attribute.value else { return true }
        if allowUnsafeLinks { return true }
        let url = decodingEntities(String(decoding: bytes[value], as: UTF8.self))
        // `<animate values="a;javascript:…">` goes through each of its `;`-separated values in turn.
        let urls = name == "values" ? url.split(separator: ";", omittingEmptySubsequences: false).map(String.init) : [url]
        return !urls.contains { url in
            // Browsers ignore ASCII whitespace and control characters inside a scheme.
            let scheme = String(String.UnicodeScalarView(url.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F })).lowercased()
            return UnsafeContentFilter.unsafeSchemes.contains { scheme.hasPrefix($0) }
        }
    }

    /// A start or end tag, tokenized as the HTML standard says (tag name, then attributes separated by
    /// whitespace or `/`, values quoted or not), up to its `>`. Nil if the input ends first.
    struct Tag {
        struct Attribute {
            var name: Range<Int>
            var value: Range<Int>?
            /// The attribute as written, value and quotes included.
            var whole: Range<Int>
        }

        var name: String
        var nameRange: Range<Int>
        var closing: Bool
        var selfClosing = false
        var attributes: [Attribute] = []
        var end: Int

        /// `unfinished` is set when the input ends inside the tag.
        init?(_ bytes: [UInt8], at start: Int, unfinished: inout Bool) {
            var index = start + 1
            closing = index < bytes.count && bytes[index] == UInt8(ascii: "/")
            if closing { index += 1 }
            guard index < bytes.count, isLetter(bytes[index]) else { return nil }
            let nameStart = index
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "/"), bytes[index] != UInt8(ascii: ">") {
                index += 1
            }
            nameRange = nameStart..<index
            name = String(decoding: bytes[nameRange], as: UTF8.self).lowercased()
            end = index
            while true {
                while index < bytes.count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") {
                    selfClosing = bytes[index] == UInt8(ascii: "/")
                    index += 1
                }
                guard index < bytes.count else { unfinished = true; return nil }
                if bytes[index] == UInt8(ascii: ">") {
                    end = index + 1
                    return
                }
                selfClosing = false
                // An attribute name runs to whitespace, `/`, `>` or `=` (a leading `=` belongs to the name).
                let attributeStart = index
                index += 1
                while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "/"),
                    bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "=") {
                    index += 1
                }
                let attributeName = attributeStart..<index
                var probe = index
                while probe < bytes.count, isSpace(bytes[probe]) { probe += 1 }
                guard probe < bytes.count, bytes[probe] == UInt8(ascii: "=") else {
                    attributes.append(Attribute(name: attributeName, value: nil, whole: attributeName))
                    continue
                }
                probe += 1
                while probe < bytes.count, isSpace(bytes[probe]) { probe += 1 }
                guard probe < bytes.count else { unfinished = true; return nil }
                let value: Range<Int>
                if bytes[probe] == UInt8(ascii: "\"") || bytes[probe] == UInt8(ascii: "'") {
                    let quote = bytes[probe]
                    guard let close = bytes[(probe + 1)...].firstIndex(of: quote) else { unfinished = true; return nil }
                    value = (probe + 1)..<close
                    index = close + 1
                } else {
                    var valueEnd = probe
                    while valueEnd < bytes.count, !isSpace(bytes[valueEnd]), bytes[valueEnd] != UInt8(ascii: ">") { valueEnd += 1 }
                    value = probe..<valueEnd
                    index = valueEnd
                }
                attributes.append(Attribute(name: attributeName, value: value, whole: attributeStart..<index))
            }
        }
    }

    /// Just past the `-->` or `--!>` that ends a comment whose `--` search starts at `start`.
    static func commentEnd(in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 2 < bytes.count {
            if bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-") {
                if bytes[index + 2] == UInt8(ascii: ">") { return index + 3 }
                if bytes[index + 2] == UInt8(ascii: "!"), index + 3 < bytes.count, bytes[index + 3] == UInt8(ascii: ">") {
                    return index + 4
                }
            }
            index += 1
        }
        return nil
    }

    /// Character references in an attribute value, as a browser decodes them before reading a URL.
    package static func decodingEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            var after = rest[rest.index(after: ampersand)...]
            var scalar: Unicode.Scalar?
            if after.hasPrefix("#x") || after.hasPrefix("#X") {
                let digits = after.dropFirst(2).prefix { $0.isHexDigit }
                scalar = UInt32(digits.prefix(8), radix: 16).flatMap(Unicode.Scalar.init)
                if scalar != nil { after = after.dropFirst(2 + digits.count) }
            } else if after.hasPrefix("#") {
                let digits = after.dropFirst().prefix { $0.isASCII && $0.isNumber }
                scalar = UInt32(digits.prefix(10)).flatMap(Unicode.Scalar.init)
                if scalar != nil { after = after.dropFirst(1 + digits.count) }
            } else {
                for (name, value) in [("colon", ":"), ("Tab", "\t"), ("NewLine", "\n"), ("lpar", "("), ("rpar", ")")]
                where after.hasPrefix(name) {
                    scalar = Unicode.Scalar(value)
                    after = after.dropFirst(name.count)
                    break
                }
            }
            if let scalar {
                result.unicodeScalars.append(scalar)
                if after.hasPrefix(";") { after = after.dropFirst() }
                rest = after
            } else {
                result += "&"
                rest = rest[rest.index(after: ampersand)...]
            }
        }
        return result + rest
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
}
