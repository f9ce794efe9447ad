/// The one decision on which URLs a page keeps, for Markdown links and images (`UnsafeContentFilter`), URLs in
/// raw HTML (`RawHTMLSanitizer`) and the warnings of `check`, which read the same decisions.
///
/// A URL is kept when it has no scheme (relative URLs, `/…`, `#fragments`, `?queries`) or one of
/// `allowedSchemes`; every other scheme — `javascript:`, `vbscript:`, `file:`, `data:` (images included) — is dropped
/// unless the site sets `allowUnsafeLinks: true`. The scheme is read as a browser reads it: character references
/// decoded first (by the caller: cmark decodes them in Markdown, `decodingEntities` in HTML), then ASCII whitespace,
/// control characters and DEL ignored, and case.
package enum URLPolicy {
    package static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    package static func keeps(_ url: String, allowUnsafeLinks: Bool) -> Bool {
        guard !allowUnsafeLinks, let scheme = scheme(of: url) else { return true }
        return allowedSchemes.contains(scheme)
    }

    /// The scheme of `url`, lowercased, with blanks, control characters and DEL left out (browsers strip some of
    /// them anywhere in a URL: leaving all out can only drop more); nil when the URL is relative.
    package static func scheme(of url: String) -> String? {
        var scheme = ""
        for scalar in url.unicodeScalars where scalar.value > 0x20 && scalar.value != 0x7F {
            if scalar == ":" { return scheme.isEmpty ? nil : scheme }
            let isLetter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            guard isLetter || (!scheme.isEmpty && (("0"..."9").contains(scalar) || "+-.".unicodeScalars.contains(scalar)))
            else { return nil }
            scheme.unicodeScalars.append(isLetter ? Unicode.Scalar(UInt8(scalar.value) | 0x20) : scalar)
        }
        return nil
    }

    /// Character references in an attribute value, as a browser decodes them before reading a URL.
    package static func decodingEntities(_ text: String) -> String {
        guard text.containsBytes("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            var after = rest[rest.index(after: ampersand)...]
            if let scalar = reference(at: &after) {
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

    /// The character a reference names at the start of `text` (after its `&`), which is advanced past it.
    static func reference(at text: inout Substring) -> Unicode.Scalar? {
        if text.hasPrefix("#x") || text.hasPrefix("#X") {
            let digits = text.dropFirst(2).prefix { $0.isHexDigit }
            guard let scalar = UInt32(digits.prefix(8), radix: 16).flatMap(Unicode.Scalar.init) else { return nil }
            text = text.dropFirst(2 + digits.count)
            return scalar
        }
        if text.hasPrefix("#") {
            let digits = text.dropFirst().prefix { $0.isASCII && $0.isNumber }
            guard let scalar = UInt32(digits.prefix(10)).flatMap(Unicode.Scalar.init) else { return nil }
            text = text.dropFirst(1 + digits.count)
            return scalar
        }
        for (name, value) in [("colon", ":"), ("Tab", "\t"), ("NewLine", "\n"), ("lpar", "("), ("rpar", ")")]
        where text.hasPrefix(name) {
            text = text.dropFirst(name.count)
            return Unicode.Scalar(value)
        }
        return nil
    }
}
