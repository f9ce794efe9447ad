/// HTML read as a browser's tokenizer reads it, for the raw HTML a site lets through: text, comments and
/// declarations (`<!…>`, `<?…>`), start and end tags with their attributes. The one reader of tags for the
/// sanitizer, which `check`'s warnings and the render-time filter both go through, and for the table labels.
package enum HTMLTagTokenizer {
    package enum Tokens<Tag> {
        /// Bytes that are text.
        case text(Range<Int>)
        /// A comment, `<!DOCTYPE…>` or `<?…>`: never an element.
        case declaration(Range<Int>)
        case tag(Tag)
        /// A `<` a browser would read as the start of a tag or comment that never ends.
        case unfinished
    }

    /// A token whose tags carry their attributes (`HTMLTag`).
    package typealias Token = Tokens<HTMLTag>

    /// Calls `body` with each token of `bytes`, in order. Once a construct runs to the end of the input unfinished,
    /// every later `<` is `unfinished` too: a browser would read on into the page's own markup, and looking for
    /// each one's end again would take quadratic time.
    package static func tokenize(_ bytes: [UInt8], _ body: (Token) -> Void) {
        bytes.withUnsafeBufferPointer { tokenize($0, body) }
    }

    /// `tokenize(_:_:)` on bytes read in place; `<` is found by `memchr` (`ByteSearch`).
    package static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Token) -> Void) {
        tokenize(bytes, reading: HTMLTag.self, body)
    }

    /// `tokenize(_:_:)` with the tags read as `Tag`: `HTMLTag.Outline` reads the same tags without keeping their
    /// names or attributes, for a pass that only needs where they are.
    static func tokenize<Tag: HTMLTagReading>(_ bytes: UnsafeBufferPointer<UInt8>, reading _: Tag.Type,
                                              _ body: (Tokens<Tag>) -> Void) {
        var index = 0
        var unfinished = false
        while index < bytes.count {
            guard let open = firstOffset(of: UInt8(ascii: "<"), in: bytes, from: index) else {
                body(.text(index..<bytes.count))
                return
            }
            if open > index { body(.text(index..<open)) }
            index = open + 1
            if unfinished {
                body(.unfinished)
            } else if let end = declarationEnd(in: bytes, at: open, unfinished: &unfinished) {
                body(.declaration(open..<end))
                index = end
            } else if unfinished {
                body(.unfinished)
            } else if let tag = Tag(bytes, at: open, unfinished: &unfinished) {
                body(.tag(tag))
                index = tag.end
            } else {
                // `<` then a letter, or `</` then a letter, that a browser would read as a tag.
                let next = open + 1 < bytes.count ? bytes[open + 1] : 0
                let after = open + 2 < bytes.count ? bytes[open + 2] : 0
                let opensTag = isLetter(next) || (next == UInt8(ascii: "/") && isLetter(after))
                body(opensTag || unfinished ? .unfinished : .text(open..<open + 1))
            }
        }
    }

    /// The offset of the first `byte` at or after `start`, nil when absent.
    static func firstOffset(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return ByteSearch.firstOffset(of: byte, in: UnsafeBufferPointer(rebasing: bytes[start...])).map { $0 + start }
    }

    /// Just past the comment or declaration at `start`: a comment ends at the first `-->` or `--!>`, as browsers
    /// end it, `<!…>` and `<?…>` at the first `>`. Nil (and `unfinished` set) if it never ends, nil if none starts.
    static func declarationEnd(in bytes: UnsafeBufferPointer<UInt8>, at start: Int, unfinished: inout Bool) -> Int? {
        guard start + 1 < bytes.count, bytes[start + 1] == UInt8(ascii: "!") || bytes[start + 1] == UInt8(ascii: "?")
        else { return nil }
        let isComment = start + 3 < bytes.count && bytes[start + 1] == UInt8(ascii: "!")
            && bytes[start + 2] == UInt8(ascii: "-") && bytes[start + 3] == UInt8(ascii: "-")
        let end = isComment ? commentEnd(in: bytes, from: start + 2)
            : firstOffset(of: UInt8(ascii: ">"), in: bytes, from: start).map { $0 + 1 }
        if end == nil { unfinished = true }
        return end
    }

    /// Just past the `-->` or `--!>` that ends a comment whose `--` search starts at `start`.
    static func commentEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        while index + 2 < bytes.count {
            if bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-") {
                if bytes[index + 2] == UInt8(ascii: ">") { return index + 3 }
                if bytes[index + 2] == UInt8(ascii: "!"), index + 3 < bytes.count, bytes[index + 3] == UInt8(ascii: ">") {
                    return index + 4
                }
            }
            index += 1
        }
        return nil
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
}

/// What the tokenizer reads a tag as.
protocol HTMLTagReading {
    /// The tag whose `<` is at `start`; nil if none starts there, or if the input ends first (then `unfinished` is set).
    init?(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, unfinished: inout Bool)
    /// Just past the tag's `>`.
    var end: Int { get }
}

/// A start or end tag, tokenized as the HTML standard says (tag name, then attributes separated by whitespace or
/// `/`, values quoted or not), up to its `>`.
package struct HTMLTag: HTMLTagReading {
    package struct Attribute {
        package var name: Range<Int>
        package var value: Range<Int>?
        /// The attribute as written, value and quotes included.
        package var whole: Range<Int>
    }

    package var name: String
    package var nameRange: Range<Int>
    package var closing: Bool
    package var selfClosing = false
    package var attributes: [Attribute] = []
    /// Just past the tag's `>`.
    package var end: Int

    /// The tag whose `<` is at `start`; nil if none starts there, or if the input ends first (then `unfinished` is set).
    init?(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, unfinished: inout Bool) {
        var attributes: [Attribute] = []
        guard let outline = Outline.read(bytes, at: start, unfinished: &unfinished, attribute: { attributes.append($0) })
        else { return nil }
        nameRange = outline.nameRange
        name = HTMLTag.lowercasedName(UnsafeBufferPointer(rebasing: bytes[nameRange]))
        closing = outline.closing
        selfClosing = outline.selfClosing
        self.attributes = attributes
        end = outline.end
    }

    /// A tag's bounds without its name as text or its attributes: what a pass that only finds tags needs, read
    /// without allocating.
    struct Outline: HTMLTagReading {
        var nameRange: Range<Int>
        var closing: Bool
        var selfClosing = false
        var attributeCount = 0
        /// Just past the tag's `>`.
        var end: Int

        init?(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, unfinished: inout Bool) {
            var count = 0
            guard var outline = Outline.read(bytes, at: start, unfinished: &unfinished, attribute: { _ in count += 1 })
            else { return nil }
            outline.attributeCount = count
            self = outline
        }

        private init(nameRange: Range<Int>, closing: Bool) {
            self.nameRange = nameRange
            self.closing = closing
            end = nameRange.upperBound
        }

        /// Reads the tag at `start` as the HTML standard says (tag name, then attributes separated by whitespace or
        /// `/`, values quoted or not), up to its `>`, handing `attribute` each attribute in order.
        static func read(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, unfinished: inout Bool,
                         attribute: (Attribute) -> Void) -> Outline? {
            var index = start + 1
            let closing = index < bytes.count && bytes[index] == UInt8(ascii: "/")
            if closing { index += 1 }
            guard index < bytes.count, HTMLTagTokenizer.isLetter(bytes[index]) else { return nil }
            let nameStart = index
            while index < bytes.count, !HTMLTagTokenizer.isSpace(bytes[index]), bytes[index] != UInt8(ascii: "/"),
                bytes[index] != UInt8(ascii: ">") {
                index += 1
            }
            var outline = Outline(nameRange: nameStart..<index, closing: closing)
            while true {
                while index < bytes.count, HTMLTagTokenizer.isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") {
                    outline.selfClosing = bytes[index] == UInt8(ascii: "/")
                    index += 1
                }
                guard index < bytes.count else { unfinished = true; return nil }
                if bytes[index] == UInt8(ascii: ">") {
                    outline.end = index + 1
                    return outline
                }
                outline.selfClosing = false
                guard let found = HTMLTag.attribute(in: bytes, at: index) else { unfinished = true; return nil }
                attribute(found)
                index = found.whole.upperBound
            }
        }
    }

    /// The name lowercased: ASCII letters folded byte by byte (no allocation for a short name), any other name
    /// through `String.lowercased()`.
    static func lowercasedName(_ name: UnsafeBufferPointer<UInt8>) -> String {
        guard name.allSatisfy({ $0 < 0x80 }) else { return String(decoding: name, as: UTF8.self).lowercased() }
        guard name.contains(where: { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) else {
            return String(decoding: name, as: UTF8.self)
        }
        return String(decoding: name.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// The attribute starting at `start`: its name runs to whitespace, `/`, `>` or `=` (a leading `=` belongs to
    /// the name); then optionally `=` and a value, quoted or not. Nil if the input ends inside it.
    static func attribute(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Attribute? {
        var index = start + 1
        while index < bytes.count, !HTMLTagTokenizer.isSpace(bytes[index]), bytes[index] != UInt8(ascii: "/"),
            bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "=") {
            index += 1
        }
        let name = start..<index
        var probe = index
        while probe < bytes.count, HTMLTagTokenizer.isSpace(bytes[probe]) { probe += 1 }
        guard probe < bytes.count, bytes[probe] == UInt8(ascii: "=") else {
            return Attribute(name: name, value: nil, whole: name)
        }
        probe += 1
        while probe < bytes.count, HTMLTagTokenizer.isSpace(bytes[probe]) { probe += 1 }
        guard probe < bytes.count else { return nil }
        if bytes[probe] == UInt8(ascii: "\"") || bytes[probe] == UInt8(ascii: "'") {
            guard let close = HTMLTagTokenizer.firstOffset(of: bytes[probe], in: bytes, from: probe + 1) else { return nil }
            return Attribute(name: name, value: (probe + 1)..<close, whole: start..<(close + 1))
        }
        var valueEnd = probe
        while valueEnd < bytes.count, !HTMLTagTokenizer.isSpace(bytes[valueEnd]), bytes[valueEnd] != UInt8(ascii: ">") {
            valueEnd += 1
        }
        return Attribute(name: name, value: probe..<valueEnd, whole: start..<valueEnd)
    }
}
