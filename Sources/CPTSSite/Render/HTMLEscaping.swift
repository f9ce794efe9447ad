import CPTSTemplates

/// The one escaper of the site's markup: the templates escape through CPTSTemplates (`TemplateLibrary.escapeHTML`),
/// and the SVG charts and maps and the XML files through `escape` here, which uses the same function, so that all
/// of them escape the same five characters (`<`, `>`, `&`, `"`, `'`) the same way.
enum HTMLEscaping {
    static func escape(_ text: String) -> String {
        var text = text
        let escaped: [UInt8]? = text.withUTF8 { bytes in
            guard bytes.contains(where: HTMLEscaping.needsEscape) else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            TemplateLibrary.escapeHTML(bytes, into: &output)
            return output
        }
        return escaped.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "'")
    }
}
