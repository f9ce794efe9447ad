import CPTSDomain

/// A JSON document written straight from typed values into an `ExportBuffer`, pretty-printed exactly as
/// `JSONValue.write` prints the same document (two-space indentation, `"key": value`, `[]` and `{}` when empty, keys
/// in the order written), without a tree of the document: site.json's writer, at a few instructions per byte.
///
/// A container is opened, its items written, then closed; an object's item starts with `key(_:)`, an array's with
/// `item()`. Only the innermost container's emptiness is tracked: a closed container is an item of its parent, which
/// is then not empty.
struct JSONWriter {
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
        JSONValue.writeQuoted(name, to: &out)
        out.append(UInt8(ascii: ":"))
        out.append(UInt8(ascii: " "))
    }

    /// An item already written as it is at this depth (a CPTS's entry from `serve`'s cache), copied as it is.
    mutating func prerendered(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { out.append($0) }
    }

    // MARK: Values

    mutating func string(_ text: String) { JSONValue.writeQuoted(text, to: &out) }
    mutating func integer(_ value: Int) { out.append(decimal: value) }
    /// As `JSONValue.number` writes it: up to six decimals, no exponent, `null` when not finite.
    mutating func number(_ value: Double) { JSONValue.writeNumber(value, to: &out) }
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
