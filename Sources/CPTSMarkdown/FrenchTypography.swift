import CMarkGFM
import Glibc

/// French typographic rules applied to prose: typographic apostrophe (’), « » quotation marks with narrow
/// no-break spaces inside, and a narrow no-break space (U+202F) before `; : ! ?`.
///
/// It works on the text of a document, one text run after another, and carries what it needs across runs
/// (the last character seen, how deep the quotes go), since `**Note** : "un *mot*"` splits into several runs.
/// Colons inside numbers (`14:30`, `3:1`) and anything in a URL (`https://…?a=1`) are left alone.
public struct FrenchTypography: Sendable {
    public static let narrowNoBreakSpace: Character = "\u{202F}"
    static let noBreakSpace: Character = "\u{00A0}"

    /// The character before the next run (nil at the start of a block).
    var previous: Character?
    /// How many quotations are open: « » at depth 1, “ ” within.
    var quoteDepth = 0

    public init() {}

    /// Starts a new block: quotes do not run across paragraphs, and no character precedes its first run.
    public mutating func startBlock() {
        previous = nil
        quoteDepth = 0
    }

    /// Records a run that is not prose (a code span): its last character counts as a non-space before what follows.
    public mutating func skip(_ text: String) {
        if let last = text.last { previous = last }
    }

    /// One string on its own (a label, a title).
    public static func apply(_ text: String) -> String {
        var typography = FrenchTypography()
        return typography.apply(text)
    }

    /// The run with the rules applied; URLs inside it are copied unchanged.
    public mutating func apply(_ text: String) -> String {
        var text = text
        let typeset: [UInt8]?? = text.withUTF8 { bytes in
            switch apply(bytes: bytes) {
            case .unchanged: return .some(nil)
            case .changed(let output): return .some(output)
            case .unsupported: return nil
            }
        }
        switch typeset {
        case .some(.none): return text
        case .some(.some(let output)): return output.withUnsafeBufferPointer { UTF8Text.string($0) }
        case .none: return applyCharacters(text)
        }
    }

    /// The rules read one `Character` at a time: the reference for every text, and the path of the texts holding a
    /// character outside the byte path's set (`simpleScalars`: a combining mark, an emoji, a `\r`…).
    mutating func applyCharacters(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        var index = text.startIndex
        while index < text.endIndex {
            if let end = FrenchTypography.plainEnd(in: text, at: index, after: previous), end > index {
                // Copied as the rules would copy it character by character.
                out += text[index..<end]
                previous = text[text.index(before: end)]
                index = end
                continue
            }
            if let end = FrenchTypography.urlEnd(in: text, at: index, after: previous) {
                out += text[index..<end]
                previous = text[text.index(before: end)]
                index = end
                continue
            }
            index = typeset(text, at: index, into: &out)
        }
        return out
    }

    /// The character at `index` written to `out` by the rules; returns where to read on.
    private mutating func typeset(_ text: String, at index: String.Index, into out: inout String) -> String.Index {
        let character = text[index]
        let next = text.index(after: index)
        let following = next < text.endIndex ? text[next] : nil
        switch character {
        case "'":
            out.append("’")
        case "\"":
            if FrenchTypography.opens(after: previous, before: following, depth: quoteDepth) {
                return openQuote(text, before: next, into: &out)
            }
            if quoteDepth <= 1 {
                closeWithSpace(&out)
                out += "»"
            } else {
                out += "”"
            }
            quoteDepth = max(0, quoteDepth - 1)
        case "«":
            return openGuillemet(text, before: next, into: &out)
        case "»":
            closeWithSpace(&out)
            out.append("»")
        case ";", "!", "?":
            if !(previous == "!" || previous == "?") || character == ";" {
                spaceBefore(&out, keepNoBreakSpace: false, following: following)
            }
            out.append(character)
        case ":":
            let inNumber = previous.map(\.isNumber) == true && following.map(\.isNumber) == true
            if !inNumber { spaceBefore(&out, keepNoBreakSpace: true, following: following) }
            out.append(character)
        default:
            out.append(character)
        }
        previous = out.last
        return next
    }

    /// A `"` that opens a quotation (`next` is the index after it): « at depth 1, “ within.
    private mutating func openQuote(_ text: String, before next: String.Index, into out: inout String) -> String.Index {
        let following = next < text.endIndex ? text[next] : nil
        quoteDepth += 1
        out += quoteDepth == 1 ? "«\u{202F}" : "“"
        previous = quoteDepth == 1 ? FrenchTypography.narrowNoBreakSpace : "“"
        // A space the writer put inside the quote is replaced by the narrow one.
        if quoteDepth == 1, following == " " || following == FrenchTypography.noBreakSpace {
            return text.index(after: next)
        }
        return next
    }

    /// A « written by the writer (`next` is the index after it), given its narrow no-break space inside.
    private mutating func openGuillemet(_ text: String, before next: String.Index, into out: inout String) -> String.Index {
        let following = next < text.endIndex ? text[next] : nil
        out.append("«")
        previous = "«"
        if following == " " {
            out.append(FrenchTypography.narrowNoBreakSpace)
            previous = FrenchTypography.narrowNoBreakSpace
            return text.index(after: next)
        } else if following != nil, following != FrenchTypography.narrowNoBreakSpace,
            following != FrenchTypography.noBreakSpace
        {
            out.append(FrenchTypography.narrowNoBreakSpace)
            previous = FrenchTypography.narrowNoBreakSpace
        }
        return next
    }

    /// Before `; : ! ?`: a plain space becomes a narrow no-break one; none is inserted after a word, only when the
    /// mark ends there (followed by a space, the end of the run, or punctuation), so that `a;b` or `?x=1` stay.
    private func spaceBefore(_ out: inout String, keepNoBreakSpace: Bool, following: Character?) {
        guard let last = out.last else {
            // The run starts with the mark: a word (or code span) before it in another run still wants the space.
            if let previous, !previous.isWhitespace, !FrenchTypography.opening.contains(previous),
                FrenchTypography.endsMark(following)
            {
                out.append(FrenchTypography.narrowNoBreakSpace)
            }
            return
        }
        if last == " " || (last == FrenchTypography.noBreakSpace && !keepNoBreakSpace) {
            out.removeLast()
            out.append(FrenchTypography.narrowNoBreakSpace)
        } else if !last.isWhitespace, !FrenchTypography.opening.contains(last), last != ".", last != "…",
            FrenchTypography.endsMark(following)
        {
            out.append(FrenchTypography.narrowNoBreakSpace)
        }
    }

    /// Before a closing »: a narrow no-break space, replacing a plain one.
    private func closeWithSpace(_ out: inout String) {
        guard let last = out.last else {
            if let previous, !previous.isWhitespace { out.append(FrenchTypography.narrowNoBreakSpace) }
            return
        }
        if last == " " {
            out.removeLast()
            out.append(FrenchTypography.narrowNoBreakSpace)
        } else if !last.isWhitespace {
            out.append(FrenchTypography.narrowNoBreakSpace)
        }
    }

    static let opening: Set<Character> = ["(", "[", "{", "«", "“", "\u{202F}", "\u{00A0}", "/"]

    static func endsMark(_ following: Character?) -> Bool {
        guard let following else { return true }
        return following.isWhitespace || ")]}»”!?.,;:…*_\"'’".contains(following)
    }

    /// A straight double quote opens after a space, an opening bracket or at the start; it closes after a word.
    /// With a quotation open, a quote between a space and the end of a word (`" projet "`) closes it.
    static func opens(after previous: Character?, before following: Character?, depth: Int) -> Bool {
        if depth > 0, following.map({ $0.isWhitespace || ".,;:!?)".contains($0) }) ?? true { return false }
        guard let previous else { return following.map { !$0.isWhitespace } ?? false }
        return previous.isWhitespace || "([{—–-/“".contains(previous)
    }

    /// Where a run of characters that no rule changes ends, reading from `index` (after `previous`): ASCII
    /// characters other than the marks the rules read (`' " ; : ! ?`) and `\r`, and the Latin letters U+00C0–U+027F
    /// (two bytes, lead byte 0xC3–0xC9), each followed by one of those or the end (so that no combining mark joins
    /// it), and no letter that may start a URL unless a letter or digit precedes it. Nil when none starts there; the
    /// rules then read one character.
    private static func plainEnd(in text: String, at index: String.Index, after previous: Character?) -> String.Index? {
        let utf8 = text.utf8
        let start = utf8.distance(from: utf8.startIndex, to: index)
        let afterWord = previous.map { $0.isLetter || $0.isNumber } ?? false
        var copy = text
        let end = copy.withUTF8 { plainEnd(in: $0, from: start, afterWord: afterWord) }
        return end == start ? nil : utf8.index(utf8.startIndex, offsetBy: end)
    }

    private static func plainEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, afterWord: Bool) -> Int {
        func isPlainStart(_ byte: UInt8) -> Bool { byte < 0x80 || (0xC3...0xC9).contains(byte) }
        var position = start
        var afterWord = afterWord
        while position < bytes.count {
            let byte = bytes[position]
            guard isPlainStart(byte) else { break }
            let next = min(position + (byte < 0x80 ? 1 : 2), bytes.count)
            guard next == bytes.count || isPlainStart(bytes[next]) else { break }
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"),
                UInt8(ascii: "?"), UInt8(ascii: "\r"):
                return position
            case UInt8(ascii: "h"), UInt8(ascii: "f"), UInt8(ascii: "m"), UInt8(ascii: "w"), UInt8(ascii: "H"),
                UInt8(ascii: "W"):
                guard afterWord else { return position }
            default:
                break
            }
            // A two-byte letter counts as none for the test above: the rules are then asked once too many.
            afterWord = isASCIILetterOrDigit(byte)
            position = next
        }
        return position
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    static let schemes = ["http://", "https://", "ftp://", "mailto:", "www."]

    /// Where a URL starting at `index` ends (at the next space), or nil when no URL starts there.
    private static func urlEnd(in text: String, at index: String.Index, after previous: Character?) -> String.Index? {
        if let previous, previous.isLetter || previous.isNumber { return nil }
        let rest = text[index...]
        guard let first = rest.first, first == "h" || first == "f" || first == "m" || first == "w" || first == "H" || first == "W",
            case let start = rest.prefix(8).lowercased(), schemes.contains(where: { start.hasPrefix($0) })
        else { return nil }
        var end = rest.firstIndex(where: { $0.isWhitespace }) ?? text.endIndex
        // Punctuation that closes the sentence is not part of the URL.
        while end > index, ".,;:!?)»".contains(text[text.index(before: end)]) { end = text.index(before: end) }
        return end > index ? end : nil
    }
}

extension FrenchTypography {
    /// Applies the rules to every text node of a cmark document; code, raw HTML and the text of autolinks are skipped.
    static func apply(to document: OpaquePointer) {
        var typography = FrenchTypography()
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_ENTER, type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING
                || strcmp(cmark_node_get_type_string(node), "table_cell") == 0
            {
                typography.startBlock()
            }
            guard event == CMARK_EVENT_ENTER else { continue }
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                typography.skip(" ")
                continue
            }
            guard type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(node) else {
                continue
            }
            // The literal's bytes are read where cmark keeps them: a text is copied only when a rule changes it.
            let bytes = UnsafeRawPointer(literal).withMemoryRebound(to: UInt8.self, capacity: 1) {
                UnsafeBufferPointer(start: $0, count: strlen(literal))
            }
            if type == CMARK_NODE_TEXT, !isAutolinkText(node, bytes) {
                switch typography.apply(bytes: bytes) {
                case .unchanged:
                    break
                case .changed(var output):
                    output.append(0)
                    output.withUnsafeBufferPointer { buffer in
                        buffer.withMemoryRebound(to: CChar.self) { _ = cmark_node_set_literal(node, $0.baseAddress) }
                    }
                case .unsupported:
                    let text = String(decoding: bytes, as: UTF8.self)
                    let typeset = typography.applyCharacters(text)
                    if typeset != text { cmark_node_set_literal(node, typeset) }
                }
            } else {
                typography.skip(bytes: bytes)
            }
        }
    }

    /// Records a run that is not prose, read from its bytes.
    mutating func skip(bytes: UnsafeBufferPointer<UInt8>) {
        if let last = FrenchTypography.lastCharacter(of: bytes) { previous = last }
    }

    /// The last `Character` of UTF-8 `bytes` (repaired as `String(decoding:)` repairs them), read from the last two
    /// or three bytes when they are a character that no neighbour can join (an ASCII one other than `\n`, a Latin
    /// letter U+00A0–U+027F) after one that joins nothing either; from the whole text otherwise.
    static func lastCharacter(of bytes: UnsafeBufferPointer<UInt8>) -> Character? {
        let count = bytes.count
        guard count > 0 else { return nil }
        // Whether the character ending at `end` (exclusive) is ASCII or Latin in two bytes (C2–C9 lead), and its length.
        func simpleLength(endingAt end: Int) -> Int? {
            guard end > 0 else { return nil }
            let last = bytes[end - 1]
            if last < 0x80 { return 1 }
            guard last < 0xC0, end > 1, (0xC2...0xC9).contains(bytes[end - 2]) else { return nil }
            return 2
        }
        guard bytes[count - 1] != UInt8(ascii: "\n"), let length = simpleLength(endingAt: count),
            count == length || simpleLength(endingAt: count - length) != nil
        else { return String(decoding: bytes, as: UTF8.self).last }
        if length == 1 { return Character(Unicode.Scalar(bytes[count - 1])) }
        let value = UInt32(bytes[count - 2] & 0x1F) << 6 | UInt32(bytes[count - 1] & 0x3F)
        return Unicode.Scalar(value).map(Character.init)
    }

    /// `<https://example.org>` and bare `www.example.org`: the link's text is its address, left as written.
    private static func isAutolinkText(_ node: OpaquePointer, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let parent = cmark_node_parent(node), cmark_node_get_type(parent) == CMARK_NODE_LINK,
            let url = cmark_node_get_url(parent)
        else { return false }
        let text = String(decoding: bytes, as: UTF8.self)
        let address = String(cString: url)
        return address == text || address == "mailto:" + text || address == "http://" + text || address.hasSuffix("://" + text)
    }
}
