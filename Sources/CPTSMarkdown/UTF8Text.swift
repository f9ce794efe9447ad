/// UTF-8 bytes made a `String` with one check of their own instead of the standard library's: `String(decoding:)`
/// and `String(validating:)` read non-ASCII text one byte at a time (about 10 instructions a byte, 5 % of the heavy
/// set's load stage over the content files and cmark's HTML), where French prose is mostly runs of ASCII
/// between its accented letters, skipped here eight bytes at a time. Bytes found ill-formed take the standard
/// library's repairing path, so the `String` made is always the one `String(decoding:as:)` makes.
public enum UTF8Text {
    /// Whether `bytes` are well-formed UTF-8 (Unicode's table 3-7: no overlong form, no surrogate, nothing above
    /// U+10FFFF), and whether they are all ASCII.
    public static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> (valid: Bool, ascii: Bool) {
        guard let base = bytes.baseAddress else { return (true, true) }
        let count = bytes.count
        var index = 0
        var ascii = true
        while index < count {
            while index + 8 <= count,
                UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
            }
            guard index < count else { break }
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            ascii = false
            guard let length = scalarLength(base, at: index, count: count, lead: lead) else { return (false, false) }
            index += length
        }
        return (true, ascii)
    }

    /// The length of the well-formed scalar whose lead byte `lead` (not ASCII) is at `index`, nil if ill-formed.
    private static func scalarLength(_ base: UnsafePointer<UInt8>, at index: Int, count: Int, lead: UInt8) -> Int? {
        func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            index + offset < count && (low...high).contains(base[index + offset])
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : nil
        case 0xE0...0xEF:
            let second = lead == 0xE0 ? continuation(1, 0xA0) : lead == 0xED ? continuation(1, 0x80, 0x9F) : continuation(1)
            return second && continuation(2) ? 3 : nil
        case 0xF0...0xF4:
            let second = lead == 0xF0 ? continuation(1, 0x90) : lead == 0xF4 ? continuation(1, 0x80, 0x8F) : continuation(1)
            return second && continuation(2) && continuation(3) ? 4 : nil
        default:
            return nil
        }
    }

    /// `bytes` as `String(decoding: bytes, as: UTF8.self)` makes them, checked once.
    public static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let checked = check(bytes)
        guard checked.valid else { return String(decoding: bytes, as: UTF8.self) }
        return string(checked: bytes, ascii: checked.ascii)
    }

    /// `bytes` as `String(validating: bytes, as: UTF8.self)` makes them, checked once.
    public static func string(validating bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let checked = check(bytes)
        guard checked.valid else { return nil }
        return string(checked: bytes, ascii: checked.ascii)
    }

    /// A `String` of bytes `check` found well-formed, copied without another validation.
    private static func string(checked bytes: UnsafeBufferPointer<UInt8>, ascii: Bool) -> String {
        String(copying: UTF8Span(unchecked: bytes.span, isKnownASCII: ascii))
    }
}
