import CPTSDomain
import CPTSTemplates

/// A text made as UTF-8 bytes in one reserved buffer, then turned into a `String` once: the figures, amounts, dates
/// and charts every CPTS and report page writes by the thousand, without the intermediate strings of chained
/// interpolations (`"\(a) \(b)"`, `a + b`, `joined`), each of which allocates, copies and validates again.
struct TextBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// The text made so far.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ literal: StaticString) {
        // A one-scalar literal (`"/"`) may be stored as that scalar, without bytes to point at.
        guard literal.hasPointerRepresentation else { return literal.withUTF8Buffer { bytes.append(contentsOf: $0) } }
        let count = literal.utf8CodeUnitCount
        // Most literals are a separator of a few bytes: appended byte by byte, they skip the generic copy's setup.
        guard count > 8 else {
            for index in 0..<count { bytes.append(literal.utf8Start[index]) }
            return
        }
        bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: count))
    }

    mutating func append(_ text: String) {
        // A native string's bytes are read in place, without the mutable copy `withUTF8` needs.
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
        if done == nil { bytes.append(contentsOf: text.utf8) }
    }

    mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    /// The bytes of `other` from offset `start` on.
    mutating func append(bytesOf other: TextBytes, from start: Int) {
        other.bytes.withUnsafeBufferPointer { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[start...])) }
    }

    /// Writes again bytes already written (`range`, of `bytes`): a coordinate an SVG element gives twice.
    mutating func repeatBytes(_ range: Range<Int>) {
        for index in range { bytes.append(bytes[index]) }
    }

    /// `text` escaped as the templates escape HTML (`HTMLEscaping`): `&`, `<`, `>`, `"`, `'`.
    mutating func append(escaping text: String) {
        TemplateLibrary.escapeHTML(text, into: &bytes)
    }

    /// An integer as `String(value)` writes it: its digits, `-` first when negative.
    mutating func append(plain value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(value.magnitude, grouped: false)
    }

    /// `value` on two digits at least (`05`), as dates write a day or a month.
    mutating func append(twoDigits value: Int) {
        if value < 10 { bytes.append(UInt8(ascii: "0")) }
        append(plain: value)
    }

    /// An integer in French: `2 576 252`, groups of thousands split by a narrow no-break space (U+202F), `-` first
    /// when negative (`FrenchFormat.integer`).
    mutating func append(integer value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(value.magnitude, grouped: true)
    }

    /// `185 000 €` (`FrenchFormat.euros`).
    mutating func append(euros value: Int) {
        append(integer: value)
        append("\u{00A0}€")
    }

    /// A decimal in French: a comma, at most `maximumFractionDigits` decimals, none when whole
    /// (`FrenchFormat.decimal`): `12,5`, `-1 234,25`, `3`.
    mutating func append(decimal value: Double, maximumFractionDigits: Int) {
        let scale = Double(FrenchFormat.pow10(maximumFractionDigits))
        let rounded = (value * scale).rounded() / scale
        let whole = Int(rounded.magnitude)
        var fraction = Int(((rounded.magnitude - Double(whole)) * scale).rounded())
        var fractionDigits = maximumFractionDigits
        while fractionDigits > 0 && fraction % 10 == 0 {
            fraction /= 10
            fractionDigits -= 1
        }
        // A value rounded to zero has no sign: `-0.04` is `0`, as `rounded < 0` is false for -0.0.
        if rounded < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(UInt(whole), grouped: true)
        guard fractionDigits > 0 else { return }
        bytes.append(UInt8(ascii: ","))
        // The fraction's leading zeros (`1,05`): as many as its digits fall short of `fractionDigits`.
        var digits = 1, rest = fraction / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        for _ in digits..<max(digits, fractionDigits) { bytes.append(UInt8(ascii: "0")) }
        append(plain: fraction)
    }

    /// `31/12/2019` (`FrenchFormat.shortDate`).
    mutating func append(shortDate day: Day) {
        append(twoDigits: day.day)
        bytes.append(UInt8(ascii: "/"))
        append(twoDigits: day.month)
        bytes.append(UInt8(ascii: "/"))
        append(plain: day.year)
    }

    /// A coordinate with at most one decimal, without a trailing `.0` (`SVG.number`).
    mutating func append(svgNumber value: Double) {
        let tenths = (value * 10).rounded()
        let whole = Int(tenths) / 10, fraction = abs(Int(tenths) % 10)
        if fraction == 0 {
            append(plain: whole)
            return
        }
        if tenths < 0 && whole == 0 { bytes.append(UInt8(ascii: "-")) }
        append(plain: whole)
        bytes.append(UInt8(ascii: "."))
        bytes.append(UInt8(ascii: "0") + UInt8(fraction))
    }

    /// The digits of `magnitude`, with a narrow no-break space between groups of thousands if `grouped`. Written
    /// from the last digit backwards into a stack buffer (the largest, UInt64.max: 20 digits and 6 separators of 3
    /// bytes), then copied in order.
    private mutating func appendDigits(_ magnitude: UInt, grouped: Bool) {
        if magnitude < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { buffer in
            var start = buffer.endIndex, rest = magnitude, digits = 0
            repeat {
                if grouped && digits > 0 && digits % 3 == 0 {
                    // U+202F in UTF-8, backwards.
                    buffer[start - 1] = 0xAF
                    buffer[start - 2] = 0x80
                    buffer[start - 3] = 0xE2
                    start -= 3
                }
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                digits += 1
            } while rest > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...]))
        }
    }
}
