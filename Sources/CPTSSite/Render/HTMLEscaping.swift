import Mustache

/// Escapes text for HTML exactly as swift-mustache's own HTML content type does (`<`, `>`, `&`, `"`, `'`), in one
/// pass over the bytes: the library's version looks every character up in a dictionary, and escaping was an eighth
/// of a 1 000-CPTS build. Each theme template is given it through a `CONTENT_TYPE` pragma (see `Theme`).
struct HTMLEscaping: MustacheContentType {
    static let name = "CPTS_HTML"
    /// Put before each template's text, on a line of its own: a standalone tag outputs nothing, not even its line end.
    static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"

    static let registration: Void = MustacheContentTypes.register(HTMLEscaping(), named: name)

    func escapeText(_ text: String) -> String { Self.escape(text) }

    /// The one escaper of the site's markup: the templates use it through `escapeText`, and the SVG charts and maps
    /// and the XML files through `SVG.escape`, so that all of them escape the same five characters the same way.
    static func escape(_ text: String) -> String {
        var text = text
        let escaped: [UInt8]? = text.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: HTMLEscaping.needsEscape) else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
            for byte in bytes[first...] {
                switch byte {
                case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
                default: output.append(byte)
                }
            }
            return output
        }
        return escaped.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'")
    }
}
