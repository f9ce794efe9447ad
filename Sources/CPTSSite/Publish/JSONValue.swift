/// A JSON document built in code and written with keys in the order given, so that exports are byte-stable
/// and read in a sensible order (`JSONSerialization` sorts or shuffles keys).
package indirect enum JSONValue {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    case null
    /// Text already written by `text(atDepth:)` for the same depth, inserted as it is.
    case prerendered(String)
    /// An array whose items are made one at a time as they are written, and dropped once written: a document
    /// with an item per CPTS then never holds them all.
    case lazyArray(count: Int, item: (Int) -> JSONValue)

    /// The document, pretty-printed with two-space indentation and a final newline, into `out`.
    func write(to out: inout ExportBuffer) {
        write(to: &out, indent: 0)
        out.append(UInt8(ascii: "\n"))
    }

    /// The value as it is written at `depth` in a document, to be reused there through `.prerendered`.
    func text(atDepth depth: Int) -> String {
        var out = ExportBuffer()
        write(to: &out, indent: depth)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    private func write(to out: inout ExportBuffer, indent: Int) {
        switch self {
        case .object(let members):
            writeItems(members.count, to: &out, indent: indent, brackets: ("{", "}")) { index, out in
                out.append(JSONValue.quoted(members[index].0))
                out.append(": ")
                members[index].1.write(to: &out, indent: indent + 1)
            }
        case .array(let items):
            writeItems(items.count, to: &out, indent: indent, brackets: ("[", "]")) { index, out in
                items[index].write(to: &out, indent: indent + 1)
            }
        case .lazyArray(let count, let item):
            writeItems(count, to: &out, indent: indent, brackets: ("[", "]")) { index, out in
                item(index).write(to: &out, indent: indent + 1)
            }
        case .string(let string): out.append(JSONValue.quoted(string))
        case .integer(let value): out.append(String(value))
        case .number(let value): out.append(JSONValue.number(value))
        case .bool(let value): out.append(value ? "true" : "false")
        case .null: out.append("null")
        case .prerendered(let text): out.append(text)
        }
    }

    /// `count` items, one per line at `indent + 1`, between brackets; `[]` or `{}` when there are none.
    private func writeItems(_ count: Int, to out: inout ExportBuffer, indent: Int, brackets: (open: String, close: String),
                            item: (Int, inout ExportBuffer) -> Void) {
        guard count > 0 else { out.append(brackets.open + brackets.close); return }
        let pad = String(repeating: "  ", count: indent + 1)
        out.append(brackets.open + "\n")
        for index in 0..<count {
            out.append(pad)
            item(index, &out)
            out.append(index == count - 1 ? "\n" : ",\n")
        }
        out.append(String(repeating: "  ", count: indent) + brackets.close)
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
    package static func quoted(_ text: String) -> String {
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
