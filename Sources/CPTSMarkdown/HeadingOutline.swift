import CMarkGFM

/// Collects the headings of a document (shifting their levels) and gives them stable, unique ids.
enum HeadingOutline {
    static func collect(in document: OpaquePointer, offset: Int) -> [Heading] {
        var headings: [Heading] = []
        var used: [String: Int] = [:]
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                cmark_node_get_type(node) == CMARK_NODE_HEADING
            else { continue }
            let level = min(6, Int(cmark_node_get_heading_level(node)) + offset)
            cmark_node_set_heading_level(node, Int32(level))
            let text = plainText(of: node)
            var id = slug(text)
            if id.isEmpty { id = "section" }
            if let count = used[id] {
                used[id] = count + 1
                id += "-\(count + 1)"
            } else {
                used[id] = 1
            }
            headings.append(Heading(level: level, text: text, id: id))
        }
        return headings
    }

    /// Removes the document's first block when it is a heading whose text is `text` (case, the apostrophe's form and
    /// runs of spaces aside).
    static func dropLeadingHeading(of document: OpaquePointer, saying text: String) {
        guard let first = cmark_node_first_child(document), cmark_node_get_type(first) == CMARK_NODE_HEADING,
            normalized(plainText(of: first)) == normalized(text)
        else { return }
        cmark_node_unlink(first)
        cmark_node_free(first)
    }

    static func normalized(_ text: String) -> String {
        String(text.map { $0 == "'" ? "’" : $0 }).split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
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
        var slug: [UInt8] = []
        slug.reserveCapacity(slugLength + 2)
        var pendingDash = false
        // ASCII letters and digits are kept; anything else, and each run of it, becomes one dash between them.
        func add(_ byte: UInt8) {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                if pendingDash && !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                pendingDash = false
                slug.append(byte)
            default:
                pendingDash = true
            }
        }
        // An ASCII heading is read byte by byte: what `lowercased()` would give, without building it.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in text.utf8 {
                if slug.count >= slugLength { break }
                add((UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte)
            }
            return String(decoding: slug.prefix(slugLength), as: UTF8.self)
        }
        // Lowercased first, so that `É` folds like `é`.
        for character in text.lowercased() {
            // The slug is cut at `slugLength` bytes, so the rest of a long heading need not be read.
            if slug.count >= slugLength { break }
            if let byte = character.asciiValue {
                add(byte)
            } else {
                // Only the rare non-ASCII character is looked up. One that is not in the table still gives its ASCII
                // scalars (the `i` of a lowercased `İ`, which is `i` + U+0307); its other scalars are separators.
                for scalar in accentFolding[character]?.unicodeScalars ?? character.unicodeScalars {
                    if scalar.isASCII { add(UInt8(scalar.value)) } else { pendingDash = true }
                }
            }
        }
        return String(decoding: slug.prefix(slugLength), as: UTF8.self)
    }

    private static let slugLength = 64

    /// French accented letters and ligatures, folded to ASCII for slugs. Keys are `Character`s, which compare by
    /// canonical equivalence: a decomposed `e` + U+0301 folds like `é`.
    private static let accentFolding: [Character: String] = [
        "à": "a", "â": "a", "ä": "a", "ç": "c", "é": "e", "è": "e", "ê": "e", "ë": "e", "î": "i", "ï": "i",
        "ô": "o", "ö": "o", "ù": "u", "û": "u", "ü": "u", "ÿ": "y", "œ": "oe", "æ": "ae",
    ]

    /// cmark renders `<h2>` without ids; headings come out in document order, so the n-th opening tag
    /// of the output belongs to the n-th heading collected.
    static func addingIDs(to html: String, headings: [Heading]) -> String {
        guard !headings.isEmpty else { return html }
        // On the bytes: the headings come in document order, so one forward scan finds each opening tag.
        var html = html
        return html.withUTF8 { bytes in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + headings.count * 24)
            var position = 0
            for heading in headings {
                let tag = Array("<h\(heading.level)>".utf8)
                guard let start = HeadingOutline.find(tag, in: bytes, from: position) else { break }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<start]))
                output.append(contentsOf: "<h\(heading.level) id=\"\(heading.id)\">".utf8)
                position = start + tag.count
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position...]))
            return String(decoding: output, as: UTF8.self)
        }
    }

    static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start <= bytes.count else { return nil }
        return needle.withUnsafeBufferPointer { needle in
            ByteSearch.firstOffset(of: needle, in: UnsafeBufferPointer(rebasing: bytes[start...])).map { $0 + start }
        }
    }
}
