/// A small, careful HTML tokenizer for the link checker: it reports the start tags of a page with their
/// attributes and where each value starts, and nothing else. It follows the HTML parsing rules that matter for
/// finding attributes: comments, doctypes and CDATA sections are skipped; the text of `script`, `style`,
/// `textarea`, `title`… is never read as markup (outside SVG and MathML, where those are ordinary elements);
/// attribute values may be double-quoted, single-quoted or unquoted; the first of two attributes with the same
/// name wins; names are case-insensitive. Text that merely looks like `href="…"` outside a tag is ignored.
struct HTMLScanner {
    struct Attribute: Equatable {
        /// Lower-cased.
        var name: String
        /// The value's bytes as written, before character references are decoded.
        var rawValue: ArraySlice<UInt8>
        /// Byte offset of the value's first character in the page (just after the quote, if quoted).
        var valueOffset: Int

        /// The value with its character references (`&amp;`, `&#39;`…) decoded.
        var value: String { HTMLScanner.decodeCharacterReferences(rawValue) }
    }

    struct Tag: Equatable {
        /// Lower-cased.
        var name: String
        var attributes: [Attribute]
        /// Byte offset of the `<`.
        var offset: Int

        func attribute(_ name: String) -> Attribute? { attributes.first { $0.name == name } }
    }

    /// Elements whose content is text up to their end tag, in HTML (not in SVG or MathML).
    static let rawTextElements: Set<String> = ["script", "style", "xmp", "iframe", "noembed", "noframes",
                                                "textarea", "title"]

    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Every start tag, in document order.
    func tags() -> [Tag] {
        var tags: [Tag] = []
        var i = 0
        var foreignDepth = 0  // inside <svg> or <math>: no raw-text elements there
        let count = bytes.count
        while i < count {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < count else { i += 1; continue }
            let next = bytes[i + 1]
            if next == UInt8(ascii: "!") {
                i = skipMarkupDeclaration(from: i)
            } else if next == UInt8(ascii: "?") {
                i = index(of: UInt8(ascii: ">"), from: i + 2).map { $0 + 1 } ?? count
            } else if next == UInt8(ascii: "/") {
                // An end tag: its attributes, if any, mean nothing. Only the name matters, to leave SVG.
                let (name, afterName) = readTagName(from: i + 2)
                if (name == "svg" || name == "math"), foreignDepth > 0 { foreignDepth -= 1 }
                i = index(of: UInt8(ascii: ">"), from: afterName).map { $0 + 1 } ?? count
            } else if Self.isASCIILetter(next) {
                let (tag, end, selfClosing) = readStartTag(from: i)
                tags.append(tag)
                i = end
                if tag.name == "svg" || tag.name == "math" {
                    if !selfClosing { foreignDepth += 1 }
                } else if foreignDepth == 0 {
                    if tag.name == "plaintext" { break }
                    if Self.rawTextElements.contains(tag.name) { i = skipRawText(of: tag.name, from: i) }
                }
            } else {
                i += 1  // a lone `<` in text
            }
        }
        return tags
    }

    // MARK: - Pieces of markup

    /// `<!-- … -->`, `<![CDATA[ … ]]>`, `<!DOCTYPE …>` or a bogus comment; returns the index after it.
    private func skipMarkupDeclaration(from start: Int) -> Int {
        if matches("<!--", at: start) {
            // `<!-->` and `<!--->` are (abrupt) empty comments.
            if matches(">", at: start + 4) { return start + 5 }
            if matches("->", at: start + 4) { return start + 6 }
            return range(of: Array("-->".utf8), from: start + 4).map { $0 + 3 } ?? bytes.count
        }
        if matches("<![CDATA[", at: start) {
            return range(of: Array("]]>".utf8), from: start + 9).map { $0 + 3 } ?? bytes.count
        }
        return index(of: UInt8(ascii: ">"), from: start + 2).map { $0 + 1 } ?? bytes.count
    }

    /// The text of a raw-text element: everything up to `</name` followed by a space, `/` or `>`.
    private func skipRawText(of name: String, from start: Int) -> Int {
        let closing = Array(("</" + name).utf8)
        var i = start
        while let found = range(of: closing, from: i, caseInsensitive: true) {
            let after = found + closing.count
            if after >= bytes.count || Self.isSpace(bytes[after]) || bytes[after] == UInt8(ascii: "/")
                || bytes[after] == UInt8(ascii: ">") {
                return found
            }
            i = found + 1
        }
        return bytes.count
    }

    private func readTagName(from start: Int) -> (String, Int) {
        var i = start
        while i < bytes.count, !Self.isSpace(bytes[i]), bytes[i] != UInt8(ascii: "/"), bytes[i] != UInt8(ascii: ">") {
            i += 1
        }
        return (Self.lowercased(bytes[start..<i]), i)
    }

    /// A start tag at `start` (`<` then a letter): its name and attributes, the index after its `>`, and whether
    /// it ended with `/>`.
    private func readStartTag(from start: Int) -> (Tag, Int, Bool) {
        let (name, afterName) = readTagName(from: start + 1)
        var tag = Tag(name: name, attributes: [], offset: start)
        var names = Set<String>()  // a tag may hold 100 000 attributes: no scan of those before for each
        var i = afterName
        var selfClosing = false
        let count = bytes.count
        while i < count {
            let byte = bytes[i]
            if Self.isSpace(byte) { i += 1; continue }
            if byte == UInt8(ascii: ">") { return (tag, i + 1, selfClosing) }
            if byte == UInt8(ascii: "/") { selfClosing = true; i += 1; continue }
            selfClosing = false
            // An attribute name: up to a space, `/`, `>` or `=` (an `=` in first place belongs to the name).
            let nameStart = i
            i += 1
            while i < count, !Self.isSpace(bytes[i]), bytes[i] != UInt8(ascii: "/"), bytes[i] != UInt8(ascii: ">"),
                  bytes[i] != UInt8(ascii: "=") {
                i += 1
            }
            let attributeName = Self.lowercased(bytes[nameStart..<i])
            var j = i
            while j < count, Self.isSpace(bytes[j]) { j += 1 }
            var value: ArraySlice<UInt8> = []
            var valueOffset = i
            if j < count, bytes[j] == UInt8(ascii: "=") {
                j += 1
                while j < count, Self.isSpace(bytes[j]) { j += 1 }
                if j < count, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") {
                    let quote = bytes[j]
                    let end = index(of: quote, from: j + 1) ?? count
                    value = bytes[(j + 1)..<end]
                    valueOffset = j + 1
                    i = min(end + 1, count)
                } else {
                    var end = j
                    while end < count, !Self.isSpace(bytes[end]), bytes[end] != UInt8(ascii: ">") { end += 1 }
                    value = bytes[j..<end]
                    valueOffset = j
                    i = end
                }
            }
            // The first of two attributes with the same name wins, as in browsers.
            if names.insert(attributeName).inserted {
                tag.attributes.append(Attribute(name: attributeName, rawValue: value, valueOffset: valueOffset))
            }
        }
        return (tag, count, selfClosing)
    }

    // MARK: - Byte helpers

    private func matches(_ text: String, at offset: Int) -> Bool {
        let pattern = Array(text.utf8)
        guard offset >= 0, offset + pattern.count <= bytes.count else { return false }
        for (k, byte) in pattern.enumerated() where bytes[offset + k] != byte { return false }
        return true
    }

    private func index(of byte: UInt8, from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return bytes[start...].firstIndex(of: byte)
    }

    private func range(of pattern: [UInt8], from start: Int, caseInsensitive: Bool = false) -> Int? {
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
        var i = max(start, 0)
        let last = bytes.count - pattern.count
        while i <= last {
            var k = 0
            while k < pattern.count {
                let a = caseInsensitive ? Self.lower(bytes[i + k]) : bytes[i + k]
                if a != pattern[k] { break }
                k += 1
            }
            if k == pattern.count { return i }
            i += 1
        }
        return nil
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    static func lowercased(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.map(lower), as: UTF8.self)
    }

    // MARK: - Character references

    /// The named references a URL or an id may plausibly hold; others are left as written.
    static let namedReferences: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
    ]

    /// Decodes `&name;`, `&#NN;` and `&#xHH;` in an attribute value.
    static func decodeCharacterReferences(_ raw: ArraySlice<UInt8>) -> String {
        guard raw.contains(UInt8(ascii: "&")) else { return String(decoding: raw, as: UTF8.self) }
        let text = String(decoding: raw, as: UTF8.self)
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let afterAmp = rest[rest.index(after: amp)...]
            if let semicolon = afterAmp.prefix(12).firstIndex(of: ";") {
                let reference = afterAmp[..<semicolon]
                if let decoded = decode(reference) {
                    out += decoded
                    rest = afterAmp[afterAmp.index(after: semicolon)...]
                    continue
                }
            }
            out += "&"
            rest = afterAmp
        }
        return out + rest
    }

    private static func decode(_ reference: Substring) -> String? {
        if reference.hasPrefix("#") {
            let digits = reference.dropFirst()
            let value: UInt32?
            if digits.hasPrefix("x") || digits.hasPrefix("X") {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits, radix: 10)
            }
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
            return String(Character(scalar))
        }
        return namedReferences[String(reference)]
    }
}
