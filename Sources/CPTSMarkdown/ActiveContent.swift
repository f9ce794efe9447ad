/// What would run in the site's origin if a file of `static/` were opened directly: an SVG, XML or HTML document
/// holding a script, an event handler, a `javascript:` URL, or markup that can bring one in (`<foreignObject>`, an
/// `<iframe srcdoc>`, an XML entity or an XSLT stylesheet that writes markup). Such a file is refused rather than
/// sanitised: an SVG is XML, which the HTML tokenizer of the raw-HTML policy reads only approximately (CDATA,
/// namespaces, entities), and a sanitiser that misreads one construct lets a script through, while a refusal that
/// misreads one only errs on the side of caution. Tags are read with `HTMLTagTokenizer`, names without their
/// namespace prefix and case (`<svg:SCRIPT>` is a script), URLs as `URLPolicy` reads them.
package enum ActiveContent {
    /// The kind of document a file's extension makes it.
    package enum Document: Sendable {
        /// SVG and other XML documents (`svg`, `xml`, `xsl`, `xslt`): no script ever.
        case xml
        /// HTML (`html`, `htm`, `xhtml`, `xht`): no script unless the site allows raw HTML.
        case html

        package init?(fileExtension: String) {
            switch fileExtension.lowercased() {
            case "svg", "xml", "xsl", "xslt": self = .xml
            case "html", "htm", "xhtml", "xht": self = .html
            default: return nil
            }
        }
    }

    /// One construct that would run: what it is, as a message quotes it (`<script>`, `onload=`, `javascript:`; nil
    /// for text that is not UTF-8), and the byte offset where it starts.
    package struct Finding: Sendable, Hashable {
        package var what: String?
        package var offset: Int
    }

    /// Elements that run a script or embed a document that can.
    static let activeElements: Set<String> = ["script", "foreignobject", "handler", "iframe", "frame", "embed", "object",
                                              "applet"]
    static let schemes = ["javascript:", "vbscript:"]

    /// The first construct of `bytes` that would run, or nil. Text that is not UTF-8 (a UTF-16 document hides its
    /// tags from a byte scan) is one too.
    package static func first(in bytes: [UInt8]) -> Finding? {
        guard String(validating: bytes, as: UTF8.self) != nil, !bytes.contains(0) else {
            return Finding(what: nil, offset: 0)
        }
        var tagFinding: Finding?
        HTMLTagTokenizer.tokenize(bytes) { token in
            guard tagFinding == nil, case .tag(let tag) = token, !tag.closing else { return }
            tagFinding = finding(in: tag, bytes)
        }
        let markers = ["<!ENTITY", "<?xml-stylesheet"].compactMap { marker in
            firstOffset(of: marker, in: bytes).map { Finding(what: marker, offset: $0) }
        }
        return ([tagFinding].compactMap { $0 } + markers).min { $0.offset < $1.offset }
    }

    /// What runs in `tag`: the tag itself, an event handler, an `srcdoc`, or a script URL in any attribute.
    static func finding(in tag: HTMLTag, _ bytes: [UInt8]) -> Finding? {
        let start = tag.nameRange.lowerBound - 1
        if activeElements.contains(localName(tag.name)) {
            return Finding(what: "<" + String(decoding: bytes[tag.nameRange], as: UTF8.self) + ">", offset: start)
        }
        for attribute in tag.attributes {
            let written = String(decoding: bytes[attribute.name], as: UTF8.self)
            let name = localName(written.lowercased())
            if name.hasPrefix("on") || name == "srcdoc" {
                return Finding(what: written + "=", offset: attribute.name.lowerBound)
            }
            guard let value = attribute.value else { continue }
            let decoded = URLPolicy.decodingEntities(String(decoding: bytes[value], as: UTF8.self))
            let squeezed = String(String.UnicodeScalarView(decoded.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }))
                .lowercased()
            if let scheme = schemes.first(where: { squeezed.contains($0) }) {
                return Finding(what: scheme, offset: attribute.name.lowerBound)
            }
        }
        return nil
    }

    static func localName(_ name: String) -> String {
        name.split(separator: ":").last.map(String.init) ?? name
    }

    /// The offset of `marker` in `bytes`, ASCII letters compared without case.
    static func firstOffset(of marker: String, in bytes: [UInt8]) -> Int? {
        let pattern = Array(marker.lowercased().utf8)
        guard bytes.count >= pattern.count, let first = pattern.first else { return nil }
        var index = 0
        while let start = bytes[index...].firstIndex(of: first) {
            if start + pattern.count > bytes.count { return nil }
            if zip(bytes[start..<(start + pattern.count)], pattern).allSatisfy({ lowered($0) == $1 }) { return start }
            index = start + 1
        }
        return nil
    }

    static func lowered(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }
}
