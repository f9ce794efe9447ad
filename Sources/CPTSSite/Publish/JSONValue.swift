/// A JSON document built in code and written with keys in the order given, so that exports are byte-stable
/// and read in a sensible order (`JSONSerialization` sorts or shuffles keys).
indirect enum JSONValue {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    case null
    /// Text already written by `text(atDepth:)` for the same depth, inserted as it is.
    case prerendered(String)

    /// Pretty-printed with two-space indentation and a final newline.
    var text: String {
        var out = ""
        write(to: &out, indent: 0)
        return out + "\n"
    }

    /// The value as it is written at `depth` in a document, to be reused there through `.prerendered`.
    func text(atDepth depth: Int) -> String {
        var out = ""
        write(to: &out, indent: depth)
        return out
    }

    private func write(to out: inout String, indent: Int) {
        let pad = String(repeating: "  ", count: indent + 1), close = String(repeating: "  ", count: indent)
        switch self {
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (index, (key, value)) in members.enumerated() {
                out += pad + JSONValue.quoted(key) + ": "
                value.write(to: &out, indent: indent + 1)
                out += index == members.count - 1 ? "\n" : ",\n"
            }
            out += close + "}"
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += pad
                item.write(to: &out, indent: indent + 1)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += close + "]"
        case .string(let string): out += JSONValue.quoted(string)
        case .integer(let value): out += String(value)
        case .number(let value): out += JSONValue.number(value)
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        case .prerendered(let text): out += text
        }
    }

    /// Up to six decimals, no exponent, no trailing zeros: `0.570231`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        let scaled = (value * 1_000_000).rounded()
        let sign = scaled < 0 ? "-" : ""
        let magnitude = Int(scaled.magnitude)
        var fraction = String(magnitude % 1_000_000)
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return sign + String(magnitude / 1_000_000) + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// A JSON string literal: `"` and `\` escaped with a backslash, control characters as `\n`, `\r`, `\t` or
    /// `\u00XX`, and `<`, `>`, `&` as `\u003c`, `\u003e`, `\u0026`; everything else, non-ASCII included, as it is.
    static func quoted(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 2)
            out.append(UInt8(ascii: "\""))
            // The bytes of a multi-byte UTF-8 sequence are all 0x80 or above and never escaped, so each run of bytes
            // between two escaped ones is copied in one go.
            var run = 0
            for index in bytes.indices where needsEscape(bytes[index]) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), byte]
                case UInt8(ascii: "\n"): out += #"\n"#.utf8
                case UInt8(ascii: "\r"): out += #"\r"#.utf8
                case UInt8(ascii: "\t"): out += #"\t"#.utf8
                default:
                    out += #"\u00"#.utf8
                    out += [hexDigit(byte >> 4), hexDigit(byte & 0xF)]
                }
                run = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
            out.append(UInt8(ascii: "\""))
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case 0..<0x20, UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"): true
        default: false
        }
    }

    /// Lowercase, as `\u003c` is written.
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
