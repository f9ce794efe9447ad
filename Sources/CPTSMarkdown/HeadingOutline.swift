import CMarkGFM
import CPTSDomain

/// Collects the headings of a document (shifting their levels) and gives them stable, unique ids.
enum HeadingOutline {
    static func collect(in document: OpaquePointer, offset: Int) -> [RenderedText.Heading] {
        var headings: [RenderedText.Heading] = []
        var ids = UniqueIDs()
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                cmark_node_get_type(node) == CMARK_NODE_HEADING
            else { continue }
            let level = min(6, Int(cmark_node_get_heading_level(node)) + offset)
            cmark_node_set_heading_level(node, Int32(level))
            let text = plainText(of: node)
            let id = ids.unique(slug(text))
            headings.append(RenderedText.Heading(level: level, text: text, id: id))
        }
        return headings
    }

    /// Removes the document's first block when it is a heading whose text is `text` (case, the apostrophe's form and
    /// runs of spaces aside).
    static func dropLeadingHeading(of document: OpaquePointer, saying text: String) {
        guard let first = cmark_node_first_child(document), cmark_node_get_type(first) == CMARK_NODE_HEADING,
            sameWords(plainText(of: first), text)
        else { return }
        cmark_node_unlink(first)
        cmark_node_free(first)
    }

    /// Whether `a` and `b` say the same (`normalized`): compared on their bytes when both hold only ASCII, the
    /// letters U+00C0–U+00FF and `’` (what a French heading holds), through `normalized` otherwise.
    static func sameWords(_ a: String, _ b: String) -> Bool {
        if let a = normalizedBytes(a), let b = normalizedBytes(b) { return a == b }
        return normalized(a) == normalized(b)
    }

    /// The UTF-8 of `normalized(text)` for a text of printable ASCII, ASCII whitespace, U+0080–U+00FF and `’` only
    /// (each its own `Character`; U+0085 and U+00A0 are whitespace, U+00C0–U+00DE lowercased by a fixed offset, the
    /// others their own lowercase); nil for any other text.
    static func normalizedBytes(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { bytes -> [UInt8]? in
            var words: [UInt8] = []
            words.reserveCapacity(bytes.count + 8)
            var spaced = false
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let second = index + 1 < bytes.count ? bytes[index + 1] : 0
                if byte == 0x20 || (0x09...0x0D).contains(byte) || byte == 0xC2 && (second == 0x85 || second == 0xA0) {
                    spaced = !words.isEmpty
                    index += byte == 0xC2 ? 2 : 1
                    continue
                }
                if spaced { words.append(0x20) }
                spaced = false
                if byte >= 0x21, byte < 0x7F {
                    words += byte == UInt8(ascii: "'") ? [0xE2, 0x80, 0x99] : [(0x41...0x5A).contains(byte) ? byte | 0x20 : byte]
                    index += 1
                } else if byte == 0xC2, (0x80...0xBF).contains(second) {
                    words += [0xC2, second]
                    index += 2
                } else if byte == 0xC3, index + 1 < bytes.count, (0x80...0xBF).contains(bytes[index + 1]) {
                    // U+00C0–U+00DE but × (U+00D7) lowercase to the letter 0x20 further; the others are lowercase.
                    let second = bytes[index + 1]
                    words += [0xC3, second <= 0x9E && second != 0x97 ? second + 0x20 : second]
                    index += 2
                } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99 {
                    words += [0xE2, 0x80, 0x99]
                    index += 3
                } else {
                    return nil
                }
            }
            return words
        }
    }

    /// `text` lowercased, with `’` for `'` and one space for each run of whitespace, none at either end.
    static func normalized(_ text: String) -> String {
        var words = ""
        words.reserveCapacity(text.utf8.count + 8)
        var spaced = false
        for character in text {
            if character.isWhitespace {
                spaced = !words.isEmpty
                continue
            }
            if spaced { words.append(" ") }
            spaced = false
            words.append(character == "'" ? "’" : character)
        }
        return words.lowercased()
    }

    /// The ids given so far in a document: a slug already given gets the first of `-2`, `-3`… not given either, so
    /// that `Bilan`, `Bilan`, `Bilan-2` give `bilan`, `bilan-2`, `bilan-2-2`.
    struct UniqueIDs {
        private var given: Set<String> = []
        /// For each slug, the last suffix tried.
        private var suffixes: [String: Int] = [:]

        /// `slug` (`section` when empty) or, once it is given, with the next suffix no id holds.
        mutating func unique(_ slug: String) -> String {
            let base = slug.isEmpty ? "section" : slug
            var id = base
            if given.contains(base) {
                var suffix = suffixes[base, default: 1]
                repeat {
                    suffix += 1
                    id = base + "-\(suffix)"
                } while given.contains(id)
                suffixes[base] = suffix
            }
            given.insert(id)
            return id
        }
    }

    /// The text of a node's descendants (text and code spans), as a reader sees it.
    static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(child) {
                text += String(cString: literal)
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            }
        }
        return text
    }

    /// `Diagnostic du territoire` → `diagnostic-du-territoire`: ASCII, lowercase, dashes.
    static func slug(_ text: String) -> String {
        var text = text
        return text.withUTF8 { latin1Slug(of: $0) } ?? foldedSlug(text)
    }

    /// ASCII letters and digits are kept; anything else, and each run of it, becomes one dash between them.
    private struct SlugBytes {
        var bytes: [UInt8] = []
        var pendingDash = false

        init() { bytes.reserveCapacity(slugLength + 2) }

        mutating func add(_ byte: UInt8) {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                if pendingDash && !bytes.isEmpty { bytes.append(UInt8(ascii: "-")) }
                pendingDash = false
                bytes.append(byte)
            default:
                pendingDash = true
            }
        }

        var slug: String { String(decoding: bytes.prefix(slugLength), as: UTF8.self) }
    }

    /// The slug of a heading of ASCII and U+0080–U+00FF only, read byte by byte (each of those is its own
    /// `Character` and lowercases to one of them: `foldedSlug` gives the same); nil for any other heading.
    private static func latin1Slug(of text: UnsafeBufferPointer<UInt8>) -> String? {
        var slug = SlugBytes()
        var index = 0
        while index < text.count, slug.bytes.count < slugLength {
            let byte = text[index]
            if byte < 0x80 {
                slug.add((UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte)
                index += 1
                continue
            }
            guard byte == 0xC2 || byte == 0xC3, index + 1 < text.count, (0x80...0xBF).contains(text[index + 1]) else {
                return nil
            }
            let folded = latin1Folding[Int(byte - 0xC2) << 6 | Int(text[index + 1] - 0x80)]
            if folded.isEmpty {
                slug.pendingDash = true
            } else {
                for letter in folded { slug.add(letter) }
            }
            index += 2
        }
        return slug.slug
    }

    /// What `foldedSlug` makes of each character U+0080–U+00FF alone (its letters, or none for a dash), indexed by
    /// its UTF-8 lead byte (0xC2, 0xC3) and continuation byte: computed from `foldedSlug`, so that both agree.
    private static let latin1Folding: [[UInt8]] = (0xC2...0xC3).flatMap { (lead: UInt8) in
        (0x80...0xBF).map { (second: UInt8) in Array(foldedSlug(String(decoding: [lead, second], as: UTF8.self)).utf8) }
    }

    /// `slug` through `lowercased()` and `Character`s, for any heading.
    static func foldedSlug(_ text: String) -> String {
        var slug = SlugBytes()
        // Lowercased first, so that `É` folds like `é`.
        for character in text.lowercased() {
            // The slug is cut at `slugLength` bytes, so the rest of a long heading need not be read.
            if slug.bytes.count >= slugLength { break }
            if let byte = character.asciiValue {
                slug.add(byte)
            } else {
                // Only the rare non-ASCII character is looked up. One that is not in the table still gives its ASCII
                // scalars (the `i` of a lowercased `İ`, which is `i` + U+0307); its other scalars are separators.
                for scalar in accentFolding[character]?.unicodeScalars ?? character.unicodeScalars {
                    if scalar.isASCII { slug.add(UInt8(scalar.value)) } else { slug.pendingDash = true }
                }
            }
        }
        return slug.slug
    }

    private static let slugLength = 64

    /// French accented letters and ligatures, folded to ASCII for slugs. Keys are `Character`s, which compare by
    /// canonical equivalence: a decomposed `e` + U+0301 folds like `é`.
    private static let accentFolding: [Character: String] = [
        "à": "a", "â": "a", "ä": "a", "ç": "c", "é": "e", "è": "e", "ê": "e", "ë": "e", "î": "i", "ï": "i",
        "ô": "o", "ö": "o", "ù": "u", "û": "u", "ü": "u", "ÿ": "y", "œ": "oe", "æ": "ae",
    ]

}
