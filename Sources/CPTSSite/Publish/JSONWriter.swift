import CPTSDomain

/// A JSON document written straight from typed values into an `ExportBuffer`, pretty-printed (two-space
/// indentation, `"key": value`, `[]` and `{}` when empty, keys in the order written, so that exports are byte-stable
/// and read in a sensible order, where `JSONSerialization` sorts or shuffles keys), without a tree of the document:
/// the writer of every JSON file the site publishes, at a few instructions per byte.
///
/// A container is opened, its items written, then closed; an object's item starts with `key(_:)`, an array's with
/// `item()`. Only the innermost container's emptiness is tracked: a closed container is an item of its parent, which
/// is then not empty.
package struct JSONWriter {
    var out: ExportBuffer
    /// The depth of the innermost open container (0 outside any): its items are indented by twice that.
    private(set) var depth: Int
    /// Whether the innermost open container has no item yet.
    private var empty = false

    /// A writer of a value written at `depth` in a document (`SiteJSON.cptsDepth` for a CPTS's entry).
    init(into out: ExportBuffer, depth: Int = 0) {
        self.out = out
        self.depth = depth
    }

    // MARK: Containers

    mutating func beginObject() { begin(UInt8(ascii: "{")) }
    mutating func endObject() { end(UInt8(ascii: "}")) }
    mutating func beginArray() { begin(UInt8(ascii: "[")) }
    mutating func endArray() { end(UInt8(ascii: "]")) }

    private mutating func begin(_ bracket: UInt8) {
        out.append(bracket)
        depth += 1
        empty = true
    }

    private mutating func end(_ bracket: UInt8) {
        depth -= 1
        if !empty { out.append(JSONWriter.breaks, from: 1, indent: depth) }
        out.append(bracket)
        empty = false
    }

    /// The start of an array's next item: `,` after the one before, a line break, the indentation.
    mutating func item() {
        out.append(JSONWriter.breaks, from: empty ? 1 : 0, indent: depth)
        empty = false
    }

    /// The start of an object's next member, up to its value: `"name": `. `name` is written as it is: an ASCII
    /// literal that needs no escape (the members site.json spells out).
    mutating func key(_ name: StaticString) {
        item()
        out.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { out.append($0) }
        out.append(ascii: JSONWriter.keyEnd)
    }

    /// A member whose name is data (a stage's id), escaped as a string is.
    mutating func key(escaping name: String) {
        item()
        JSONWriter.writeQuoted(name, to: &out)
        out.append(UInt8(ascii: ":"))
        out.append(UInt8(ascii: " "))
    }

    /// An item already written as it is at this depth (a CPTS's entry from `serve`'s cache), copied as it is.
    mutating func prerendered(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { out.append($0) }
    }

    // MARK: Values

    mutating func string(_ text: String) { JSONWriter.writeQuoted(text, to: &out) }
    mutating func integer(_ value: Int) { out.append(decimal: value) }
    /// As `JSONWriter.number` writes it: up to six decimals, no exponent, `null` when not finite.
    mutating func number(_ value: Double) { JSONWriter.writeNumber(value, to: &out) }
    mutating func bool(_ value: Bool) { value ? out.append(ascii: "true") : out.append(ascii: "false") }
    mutating func null() { out.append(ascii: "null") }

    /// `"2019-12-31"`, as `Day.description` spells it, without making that `String`.
    mutating func day(_ day: Day) {
        out.append(UInt8(ascii: "\""))
        out.append(digits: day.year, width: 4)
        out.append(UInt8(ascii: "-"))
        out.append(digits: day.month, width: 2)
        out.append(UInt8(ascii: "-"))
        out.append(digits: day.day, width: 2)
        out.append(UInt8(ascii: "\""))
    }

    mutating func string(_ text: String?) { if let text { string(text) } else { null() } }
    mutating func integer(_ value: Int?) { if let value { integer(value) } else { null() } }
    mutating func number(_ value: Double?) { if let value { number(value) } else { null() } }
    mutating func day(_ value: Day?) { if let value { day(value) } else { null() } }

    // MARK: Bytes

    /// `,` `\n` and spaces: an item's separator is the slice from 0, a line break before the first item or a
    /// closing bracket the slice from 1, each with `2 × depth` spaces. Deeper than this table, spaces are added.
    static let breaks: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: "\n")] + [UInt8](repeating: UInt8(ascii: " "), count: 2 * 32)
    private static let keyEnd: StaticString = "\": "
}

extension ExportBuffer {
    /// `table[from..<2 + 2 × indent]`: a separator and an indentation, in one copy when the table is deep enough.
    mutating func append(_ table: [UInt8], from start: Int, indent: Int) {
        let end = 2 + 2 * indent
        table.withUnsafeBufferPointer { table in
            if end <= table.count {
                append(UnsafeBufferPointer(rebasing: table[start..<end]))
            } else {
                append(UnsafeBufferPointer(rebasing: table[start...]))
                append(spaces: end - table.count)
            }
        }
    }

    /// `value` in decimal digits, zero-padded to `width` (a date's year, month or day: never negative).
    mutating func append(digits value: Int, width: Int) {
        var padding = width - 1
        var power = 10
        while padding > 0 && value >= power {
            padding -= 1
            power *= 10
        }
        if padding > 0 { append(JSONWriter.zeros, count: padding) }
        append(decimal: value)
    }

    private mutating func append(_ zeros: StaticString, count: Int) {
        zeros.withUTF8Buffer { append(UnsafeBufferPointer(rebasing: $0.prefix(count))) }
    }
}

extension JSONWriter {
    /// Leading zeros of a padded number.
    fileprivate static let zeros: StaticString = "0000000000000000000"
}

extension ExportBuffer {
    /// Hands the buffer to a `JSONWriter` for `body` (as a value at `depth`), and takes it back: one buffer, no copy.
    mutating func writeJSON(depth: Int = 0, _ body: (inout JSONWriter) -> Void) {
        var writer = JSONWriter(into: ExportBuffer(placeholder: ()), depth: depth)
        swap(&self, &writer.out)
        body(&writer)
        swap(&self, &writer.out)
    }
}

extension JSONWriter {
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
