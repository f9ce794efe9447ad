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

    /// Written byte by byte into `out`: no `String` is made for a value, a number or an indentation.
    private func write(to out: inout ExportBuffer, indent: Int) {
        switch self {
        case .object(let members):
            writeItems(members.count, to: &out, indent: indent, brackets: (UInt8(ascii: "{"), UInt8(ascii: "}"))) { index, out in
                JSONValue.writeQuoted(members[index].0, to: &out)
                out.append(UInt8(ascii: ":"))
                out.append(UInt8(ascii: " "))
                members[index].1.write(to: &out, indent: indent + 1)
            }
        case .array(let items):
            writeItems(items.count, to: &out, indent: indent, brackets: (UInt8(ascii: "["), UInt8(ascii: "]"))) { index, out in
                items[index].write(to: &out, indent: indent + 1)
            }
        case .lazyArray(let count, let item):
            writeItems(count, to: &out, indent: indent, brackets: (UInt8(ascii: "["), UInt8(ascii: "]"))) { index, out in
                item(index).write(to: &out, indent: indent + 1)
            }
        case .string(let string): JSONValue.writeQuoted(string, to: &out)
        case .integer(let value): out.append(decimal: value)
        case .number(let value): JSONValue.writeNumber(value, to: &out)
        case .bool(let value): out.append(ascii: value ? "true" : "false")
        case .null: out.append(ascii: "null")
        case .prerendered(let text): out.append(text)
        }
    }

    /// `count` items, one per line at `indent + 1`, between brackets; `[]` or `{}` when there are none.
    private func writeItems(_ count: Int, to out: inout ExportBuffer, indent: Int, brackets: (open: UInt8, close: UInt8),
                            item: (Int, inout ExportBuffer) -> Void) {
        out.append(brackets.open)
        guard count > 0 else { out.append(brackets.close); return }
        out.append(UInt8(ascii: "\n"))
        for index in 0..<count {
            out.append(spaces: 2 * (indent + 1))
            item(index, &out)
            if index < count - 1 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\n"))
        }
        out.append(spaces: 2 * indent)
        out.append(brackets.close)
    }

    /// Up to six decimals, no exponent, no trailing zeros: `0.570231`.
    static func number(_ value: Double) -> String {
        var out = ExportBuffer()
        writeNumber(value, to: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// `number(_:)`, written into `out`, with `decimalSeparator` between the units and the decimals.
    static func writeNumber(_ value: Double, to out: inout ExportBuffer, decimalSeparator: UInt8 = UInt8(ascii: ".")) {
        guard value.isFinite else { out.append(ascii: "null"); return }
        let scaled = (value * 1_000_000).rounded()
        // Millionths of more than 9.2 × 10¹² overflow an Int: content numbers stop at 10¹², but sums need not. At that
        // size a Double holds no millionth anyway: the whole number, or Swift's exponent form beyond an Int.
        guard scaled.magnitude < 9.2e18 else {
            let whole = value.rounded()
            guard whole.magnitude < 9.2e18 else { out.append(whole.description); return }
            if whole < 0 { out.append(UInt8(ascii: "-")) }
            out.append(decimal: Int(whole.magnitude))
            return
        }
        if scaled < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = Int(scaled.magnitude)
        out.append(decimal: magnitude / 1_000_000)
        var fraction = magnitude % 1_000_000
        guard fraction != 0 else { return }
        out.append(decimalSeparator)
        // Six digits, leading zeros kept, trailing zeros dropped.
        var digits = 6
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        var divisor = 1
        for _ in 1..<digits { divisor *= 10 }
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(fraction / divisor % 10))
            divisor /= 10
        }
    }

    /// A JSON string literal: `"` and `\` escaped with a backslash, control characters as `\n`, `\r`, `\t` or
    /// `\u00XX`, and `<`, `>`, `&` as `\u003c`, `\u003e`, `\u0026`; everything else, non-ASCII included, as it is.
    package static func quoted(_ text: String) -> String {
        var out = ExportBuffer()
        writeQuoted(text, to: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// `quoted(_:)`, written into `out`. The bytes of a multi-byte UTF-8 sequence are all 0x80 or above and never
    /// escaped, so each run of bytes between two escaped ones is copied in one go.
    static func writeQuoted(_ text: String, to out: inout ExportBuffer) {
        var text = text
        text.withUTF8 { bytes in
            out.append(UInt8(ascii: "\""))
            var run = 0
            for index in bytes.indices where needsEscape(bytes[index]) {
                if run < index { out.append(UnsafeBufferPointer(rebasing: bytes[run..<index])) }
                let byte = bytes[index]
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
                case UInt8(ascii: "\n"): out.append(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): out.append(UInt8(ascii: "r"))
                case UInt8(ascii: "\t"): out.append(UInt8(ascii: "t"))
                default:
                    out.append(ascii: "u00")
                    out.append(hexDigit(byte >> 4))
                    out.append(hexDigit(byte & 0xF))
                }
                run = index + 1
            }
            if run < bytes.count { out.append(UnsafeBufferPointer(rebasing: bytes[run...])) }
            out.append(UInt8(ascii: "\""))
        }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        // Above `>`, only the backslash is escaped: most text (letters, non-ASCII) is told apart in one comparison.
        if byte > UInt8(ascii: ">") { return byte == UInt8(ascii: "\\") }
        switch byte {
        case 0..<0x20, UInt8(ascii: "\""), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"): return true
        default: return false
        }
    }

    /// Lowercase, as `\u003c` is written.
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
