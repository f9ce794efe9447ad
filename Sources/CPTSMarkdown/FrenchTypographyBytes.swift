/// The rules on UTF-8 bytes, for the text of a cmark node read in place (`cmark_node_get_literal`): a text holding
/// none of the characters the rules change (most of them) is left as it is after one pass over its bytes; the
/// others are typeset byte by byte as `applyCharacters` would, the runs no rule reads copied whole, as long as each
/// scalar is a `Character` of its own (ASCII but `\r`, U+00A0–U+027F and a few punctuation marks: `scalarLength`).
/// A text holding anything else (a combining mark, an emoji…) is `unsupported` and goes through `applyCharacters`,
/// with the state untouched.
extension FrenchTypography {
    enum ByteResult: Equatable {
        case unchanged
        case changed([UInt8])
        case unsupported
    }

    /// Whether a byte may start or be part of a character a rule changes (`' " ; : ! ?`, the second byte of `«` `»`).
    private static func mayChange(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"),
            UInt8(ascii: "?"), 0xAB, 0xBB:
            return true
        default:
            return false
        }
    }

    mutating func apply(bytes: UnsafeBufferPointer<UInt8>) -> ByteResult {
        guard !bytes.isEmpty else { return .unchanged }
        guard bytes.contains(where: FrenchTypography.mayChange) else {
            // No rule applies: URLs and the rest are copied as they are, and no quotation opens or closes.
            if let last = FrenchTypography.lastCharacter(of: bytes) { previous = last }
            return .unchanged
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 32)
        var state = self
        guard state.typeset(bytes, into: &out) else { return .unsupported }
        self = state
        if out.count == bytes.count, out.withUnsafeBufferPointer({ $0.elementsEqual(bytes) }) { return .unchanged }
        return .changed(out)
    }

    /// The length of the scalar at `index` when it is of the byte path's set (and valid UTF-8), nil otherwise.
    static func scalarLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let lead = bytes[index]
        if lead < 0x80 { return lead == UInt8(ascii: "\r") ? nil : 1 }
        if lead >= 0xC2, lead <= 0xC9 {
            guard index + 1 < bytes.count, bytes[index + 1] & 0xC0 == 0x80 else { return nil }
            // U+0080–U+009F (C2 80–9F) are controls, outside the set.
            return lead == 0xC2 && bytes[index + 1] < 0xA0 ? nil : 2
        }
        guard lead == 0xE2, index + 2 < bytes.count, bytes[index + 1] & 0xC0 == 0x80, bytes[index + 2] & 0xC0 == 0x80,
            simplePunctuation(scalar(bytes, at: index, length: 3))
        else { return nil }
        return 3
    }

    /// – — ‘ ’ “ ” • … (narrow no-break space) €: none joins a neighbour in a `Character`.
    private static func simplePunctuation(_ value: UInt32) -> Bool {
        switch value {
        case 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026, 0x202F, 0x20AC: return true
        default: return false
        }
    }

    /// The scalar of `length` bytes at `index`, valid.
    private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> UInt32 {
        switch length {
        case 1: return UInt32(bytes[index])
        case 2: return UInt32(bytes[index] & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
        default:
            return UInt32(bytes[index] & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
        }
    }

    /// The character at `index`, nil at the end (or when it is outside the set: the run is then given up on anyway).
    private static func character(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Character? {
        guard index < bytes.count, let length = scalarLength(bytes, at: index) else { return nil }
        return Unicode.Scalar(scalar(bytes, at: index, length: length)).map(Character.init)
    }

    /// The last scalar written to `out` (the set and the marks the rules write: valid, at most three bytes), and its length.
    private static func lastScalar(of out: [UInt8]) -> (value: UInt32, length: Int)? {
        guard let last = out.last else { return nil }
        let count = out.count
        if last < 0x80 { return (UInt32(last), 1) }
        if out[count - 2] >= 0xC0 { return (UInt32(out[count - 2] & 0x1F) << 6 | UInt32(last & 0x3F), 2) }
        return (UInt32(out[count - 3] & 0x0F) << 12 | UInt32(out[count - 2] & 0x3F) << 6 | UInt32(last & 0x3F), 3)
    }

    private static func append(_ value: UInt32, to out: inout [UInt8]) {
        if value < 0x80 {
            out.append(UInt8(value))
        } else if value < 0x800 {
            out.append(0xC0 | UInt8(value >> 6))
            out.append(0x80 | UInt8(value & 0x3F))
        } else {
            out.append(0xE0 | UInt8(value >> 12))
            out.append(0x80 | UInt8(value >> 6 & 0x3F))
            out.append(0x80 | UInt8(value & 0x3F))
        }
    }

    private static func letter(_ value: UInt32) -> Character {
        Character(Unicode.Scalar(value) ?? "\u{FFFD}")
    }

    /// How the run copied whole reads a byte (`plainEnd`).
    private enum ByteKind: UInt8 {
        /// ASCII other than the marks, `\r` and the letters a URL may start with.
        case plain
        /// A letter a URL may start with: plain after an ASCII letter or digit.
        case urlStart
        /// ASCII letter or digit: a URL cannot start after it.
        case word
        /// The lead byte of a Latin letter U+00C0–U+027F: plain with its continuation byte.
        case latinLead
        /// Anything else: read by the rules.
        case other
    }

    private static let byteKinds: [ByteKind] = (0..<256).map { value in
        let byte = UInt8(value)
        if "hfmwHW".utf8.contains(byte) { return .urlStart }
        if byte < 0x80, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { return .word }
        if byte < 0x80 { return "'\";:!?\r".utf8.contains(byte) ? .other : .plain }
        return (0xC3...0xC9).contains(byte) ? .latinLead : .other
    }

    /// Where the run from `index` that no rule reads ends: ASCII but the marks and `\r`, a letter a URL may start with
    /// after an ASCII letter or digit, a Latin letter in two bytes. Copied as it is, as the rules would copy it.
    private static func plainEnd(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> Int {
        // The table read through a pointer: the loop then checks neither the static's initialization nor bounds.
        byteKinds.withUnsafeBufferPointer { kinds in
            var index = index
            let count = bytes.count
            while index < count {
                switch kinds[Int(bytes[index])] {
                case .plain, .word:
                    index += 1
                case .urlStart:
                    guard index > 0, kinds[Int(bytes[index - 1])] == .word || kinds[Int(bytes[index - 1])] == .urlStart
                    else { return index }
                    index += 1
                case .latinLead:
                    guard index + 1 < count, bytes[index + 1] & 0xC0 == 0x80 else { return index }
                    index += 2
                case .other:
                    return index
                }
            }
            return index
        }
    }

    private static let schemeBytes: [[UInt8]] = schemes.map { Array($0.utf8) }

    /// Whether the bytes from `index` start with a scheme, ASCII letters compared without case.
    private static func startsScheme(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        schemeBytes.contains { scheme in
            guard bytes.count - index >= scheme.count else { return false }
            for offset in scheme.indices {
                var byte = bytes[index + offset]
                if (0x41...0x5A).contains(byte) { byte |= 0x20 }
                if byte != scheme[offset] { return false }
            }
            return true
        }
    }

    /// Where the URL starting at `index` ends: at the next whitespace, less the punctuation that closes the sentence
    /// (`.,;:!?)»`). Nil when a scalar outside the set comes first.
    private static func urlEnd(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        var end = index
        while end < bytes.count {
            guard let length = scalarLength(bytes, at: end) else { return nil }
            let value = scalar(bytes, at: end, length: length)
            if value == 0x20 || (0x09...0x0D).contains(value) || value == 0xA0 || value == 0x202F { break }
            end += length
        }
        while end > index {
            if bytes[end - 1] < 0x80, ".,;:!?)".utf8.contains(bytes[end - 1]) {
                end -= 1
            } else if end - 2 >= index, bytes[end - 2] == 0xC2, bytes[end - 1] == 0xBB {
                end -= 2
            } else {
                break
            }
        }
        return end
    }

    /// `applyCharacters` on bytes whose scalars are each a `Character`: `out` holds the run so far, so the character
    /// before the one read is `out`'s last, or `previous` at the start. False when a scalar is outside the set.
    private mutating func typeset(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        var before: Character? { FrenchTypography.lastScalar(of: out).map { FrenchTypography.letter($0.value) } ?? previous }
        var index = 0
        let count = bytes.count
        while index < count {
            let start = index
            index = FrenchTypography.plainEnd(bytes, from: index)
            if index > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index])) }
            guard index < count else { break }
            guard let length = FrenchTypography.scalarLength(bytes, at: index) else { return false }
            let value = FrenchTypography.scalar(bytes, at: index, length: length)
            if length == 1, FrenchTypography.byteKinds[Int(value)] == .urlStart, FrenchTypography.startsScheme(bytes, at: index),
                !(before.map { $0.isLetter || $0.isNumber } ?? false)
            {
                guard let end = FrenchTypography.urlEnd(bytes, at: index) else { return false }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                index = end
                continue
            }
            switch value {
            case 0x27:  // ' (what `typesetMark` writes, without the characters around it that it does not read)
                FrenchTypography.append(0x2019, to: &out)
                index += 1
            case 0x22, 0xAB, 0xBB, 0x3B, 0x21, 0x3F, 0x3A:  // " « » ; ! ? :
                index += length
                index += typesetMark(value, before: before, following: FrenchTypography.character(bytes, at: index), into: &out)
            default:
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
                index += length
            }
        }
        if let last = FrenchTypography.lastScalar(of: out) { previous = FrenchTypography.letter(last.value) }
        return true
    }

    /// The scalar `value` written by the rules after `before`; returns how many bytes after it were taken.
    private mutating func typesetMark(_ value: UInt32, before: Character?, following: Character?, into out: inout [UInt8]) -> Int {
        switch value {
        case 0x27:  // '
            FrenchTypography.append(0x2019, to: &out)
        case 0x22:  // "
            if FrenchTypography.opens(after: before, before: following, depth: quoteDepth) {
                quoteDepth += 1
                if quoteDepth == 1 {
                    FrenchTypography.append(0xAB, to: &out)
                    FrenchTypography.append(0x202F, to: &out)
                    if following == " " { return 1 }
                    if following == FrenchTypography.noBreakSpace { return 2 }
                } else {
                    FrenchTypography.append(0x201C, to: &out)
                }
                return 0
            }
            if quoteDepth <= 1 {
                closeWithSpace(&out)
                FrenchTypography.append(0xBB, to: &out)
            } else {
                FrenchTypography.append(0x201D, to: &out)
            }
            quoteDepth = max(0, quoteDepth - 1)
        case 0xAB:  // «
            FrenchTypography.append(0xAB, to: &out)
            if following == " " {
                FrenchTypography.append(0x202F, to: &out)
                return 1
            }
            if following != nil, following != FrenchTypography.narrowNoBreakSpace, following != FrenchTypography.noBreakSpace {
                FrenchTypography.append(0x202F, to: &out)
            }
        case 0xBB:  // »
            closeWithSpace(&out)
            FrenchTypography.append(0xBB, to: &out)
        case 0x3B, 0x21, 0x3F:  // ; ! ?
            if !(before == "!" || before == "?") || value == 0x3B {
                spaceBefore(&out, keepNoBreakSpace: false, following: following)
            }
            FrenchTypography.append(value, to: &out)
        case 0x3A:  // :
            let inNumber = before.map(\.isNumber) == true && following.map(\.isNumber) == true
            if !inNumber { spaceBefore(&out, keepNoBreakSpace: true, following: following) }
            FrenchTypography.append(value, to: &out)
        default:
            FrenchTypography.append(value, to: &out)
        }
        return 0
    }

    /// The last scalar of `out` replaced by a narrow no-break space.
    private static func replaceLastWithNarrowSpace(_ out: inout [UInt8], length: Int) {
        out.removeLast(length)
        append(0x202F, to: &out)
    }

    /// `spaceBefore(_:keepNoBreakSpace:following:)` on bytes.
    private func spaceBefore(_ out: inout [UInt8], keepNoBreakSpace: Bool, following: Character?) {
        guard let (lastValue, length) = FrenchTypography.lastScalar(of: out) else {
            if let previous, !previous.isWhitespace, !FrenchTypography.opening.contains(previous),
                FrenchTypography.endsMark(following)
            {
                FrenchTypography.append(0x202F, to: &out)
            }
            return
        }
        let last = FrenchTypography.letter(lastValue)
        if last == " " || (last == FrenchTypography.noBreakSpace && !keepNoBreakSpace) {
            FrenchTypography.replaceLastWithNarrowSpace(&out, length: length)
        } else if !last.isWhitespace, !FrenchTypography.opening.contains(last), last != ".", last != "…",
            FrenchTypography.endsMark(following)
        {
            FrenchTypography.append(0x202F, to: &out)
        }
    }

    /// `closeWithSpace(_:)` on bytes.
    private func closeWithSpace(_ out: inout [UInt8]) {
        guard let (lastValue, length) = FrenchTypography.lastScalar(of: out) else {
            if let previous, !previous.isWhitespace { FrenchTypography.append(0x202F, to: &out) }
            return
        }
        let last = FrenchTypography.letter(lastValue)
        if last == " " {
            FrenchTypography.replaceLastWithNarrowSpace(&out, length: length)
        } else if !last.isWhitespace {
            FrenchTypography.append(0x202F, to: &out)
        }
    }
}
