/// A template that could not be parsed, loaded or rendered, with the 1-based line and column (in Unicode scalars)
/// of the faulty tag: a syntax error, a nesting too deep, a cycle of inclusions, or a render gone too deep.
public struct TemplateSyntaxError: Error, Sendable, CustomStringConvertible {
    public let template: String
    public let line: Int
    public let column: Int
    /// What is wrong, for a caller to tell in its own words (cpts-site's diagnostic catalog does, in French).
    public let problem: Problem

    /// What is wrong with a template.
    public enum Problem: Hashable, Sendable {
        /// A tag opened and never closed: `{{name`.
        case unfinishedTag(closing: String)
        /// `{{=<% %>}}`: a set-delimiters tag must end with `=`.
        case delimitersUnterminated
        /// `{{=<%=}}`: a set-delimiters tag needs two delimiters.
        case delimitersNotTwo
        /// `{{}}`.
        case emptyTag
        /// `{{a b}}`: a name with a space, or not a name.
        case invalidName(String)
        /// `{{/a}}` with no `{{#a}}` before it.
        case closeWithoutOpen(String)
        /// `{{#a}}…{{/b}}`.
        case closedByAnother(opened: String, closed: String)
        /// `{{#a}}` with no `{{/a}}`.
        case neverClosed(String)
        /// Sections, inverted sections, parents and blocks opened inside one another deeper than the limit
        /// (`TemplateLibrary.maximumNesting`) in one template.
        case nestingTooDeep(limit: Int)
        /// A template or block that includes itself whatever the data (outside any section): the names from the
        /// template or block that starts the cycle to the one that closes it (`["a", "b", "a"]`, `["$x", "$x"]`).
        case inclusionCycle([String])
        /// While rendering, sections, partials, parents and blocks went deeper than `TemplateLibrary.maximumDepth`
        /// (a partial that includes itself inside a section over data that nests as deep).
        case renderTooDeep(limit: Int)
        /// A render took more than `TemplateLibrary.maximumSteps` steps (sections, inclusions, list items).
        case renderTooLong(steps: Int)
        /// A render wrote more than `TemplateLibrary.maximumBytes` bytes.
        case renderTooLarge(bytes: Int)
    }

    /// Where and what, for a developer: the words are the caller's (cpts-site's diagnostic catalog, in French and
    /// English), not the engine's.
    public var description: String { "\(template):\(line):\(column): \(problem)" }
}

/// A name as a tag writes it: `name`, `a.b.c`, `.` (the current value), `.name` (only in the current value),
/// and transforms around it, `empty(list)`, `first()` (inside a list, the position of the current item). A class:
/// a node that names it is walked at every render, and holds it by one reference instead of its four arrays and
/// strings (each retained and released at every visit).
final class TemplateName: Sendable {
    /// The names to follow, empty for `.`.
    let path: [String]
    /// `path`'s names with their hashes, for the lookups.
    let keys: [TemplateKey]
    /// `.name`: looked up in the current value only, not through the stack.
    let anchored: Bool
    /// Transforms to apply, innermost first.
    let transforms: [String]
    /// The tag's text, to match a section with its end tag.
    let source: String
    /// `first()`, `plusone(index())`…: transforms of the position of the current item of a list.
    let isPosition: Bool
    /// The one key of a plain name (`{{label}}`: one name, looked up through the stack, without transforms), the
    /// most frequent kind; nil for any other.
    let plainKey: TemplateKey?

    init?(_ text: String) {
        source = text
        var inner = Substring(text)
        var transforms: [String] = []
        while inner.hasSuffix(")"), let open = inner.firstIndex(of: "(") {
            let function = inner[..<open]
            guard !function.isEmpty, function.allSatisfy(TemplateName.isNameCharacter) else { return nil }
            transforms.append(String(function))
            inner = inner[inner.index(after: open)..<inner.index(before: inner.endIndex)]
        }
        self.transforms = transforms.reversed()
        isPosition = inner.isEmpty
        if inner == "." {
            path = []
            anchored = false
        } else if inner.isEmpty {
            // `first()`: only a transform of the position in the list.
            guard !transforms.isEmpty else { return nil }
            path = []
            anchored = false
        } else {
            guard !inner.contains(where: { $0.isWhitespace || $0 == "(" || $0 == ")" }) else { return nil }
            anchored = inner.first == "."
            path = inner.split(separator: ".").map(String.init)
            guard !path.isEmpty else { return nil }
        }
        keys = path.map(TemplateKey.init)
        plainKey = keys.count == 1 && !anchored && self.transforms.isEmpty ? keys[0] : nil
    }

    static func isNameCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "-"
    }
}

/// Where a tag stands: its template and its 1-based line and column (in Unicode scalars), for the problems found
/// after parsing (cycles, depth, names the view model's shape lacks). Two tags never share one.
struct TagSite: Hashable, Sendable {
    let template: String
    let line: Int
    let column: Int
}

/// A block's content, and the site of the `{{$name}}` tag that gave it (what makes it one and the same content).
struct BlockContent: Sendable {
    let nodes: [TemplateNode]
    let site: TagSite
}

/// A compiled template: a tree of nodes, rendered by walking it.
indirect enum TemplateNode: Sendable {
    /// Literal template text, UTF-8.
    case text([UInt8])
    /// The start of a template line: where the indentation of an indented partial or block goes.
    case lineStart
    /// `{{name}}` (escaped) or `{{{name}}}`, `{{&name}}`; the site is the tag's, for the schema check.
    case variable(TemplateName, escaped: Bool, TagSite)
    case section(TemplateName, [TemplateNode], TagSite)
    case inverted(TemplateName, [TemplateNode], TagSite)
    /// `{{>name}}`; `indentation` is nil when the tag is not alone on its line.
    case partial(String, indentation: [UInt8]?, TagSite)
    /// `{{<name}}…{{/name}}`: the named template with these blocks replaced.
    case parent(String, indentation: [UInt8]?, overrides: [String: BlockContent], TagSite)
    /// `{{$name}}default{{/name}}`: the content a parent's caller gave for `name`, or the default.
    case block(String, BlockContent, expansion: BlockExpansion)
}

/// How a block's content is laid out where the block is expanded.
enum BlockExpansion: Sendable {
    /// The opening tag stands alone on its line: every line of the content is indented by this.
    case standalone([UInt8])
    /// The opening tag is inside a line: lines after the first are indented like that line.
    case inline([UInt8])
}

/// Parses a template into nodes, following the Mustache specification (comments, set delimiters, interpolation,
/// sections, inverted sections, partials, inheritance) and its rules for standalone lines and indentation.
struct TemplateParser {
    enum Kind: Equatable {
        case variable, raw, section, inverted, close, partial, parent, block, comment, delimiters

        /// Tags that print nothing themselves, and so may stand alone on a line.
        var mayStandAlone: Bool { self != .variable && self != .raw }
        var opens: Bool { self == .section || self == .inverted || self == .parent || self == .block }
    }

    struct Tag {
        var kind: Kind
        var content: String
        var offset: Int
        /// For opening tags: the index of the matching end tag, and for end tags the opening one's.
        var match = -1
        var line = 0
        var standalone = false
        /// Where the tag starts in the template, 1-based (the column in Unicode scalars).
        var site = TagSite(template: "", line: 0, column: 0)
    }

    enum Token {
        case text(ArraySlice<UInt8>)
        case tag(Tag)
    }

    struct Line {
        var tokens: [Int] = []
        /// The whitespace the line starts with, taken off its first text token.
        var indentation: [UInt8] = []
        var standalone = false
    }

    let name: String
    let bytes: [UInt8]
    var tokens: [Token] = []
    /// How far `site(of:)` has counted lines and columns, so that the whole template is counted once.
    var cursor = (offset: 0, line: 1, column: 1)

    init(name: String, text: String) {
        self.name = name
        bytes = Array(text.utf8)
    }

    func error(_ problem: TemplateSyntaxError.Problem, at offset: Int) -> TemplateSyntaxError {
        var line = 1, lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self).unicodeScalars.count + 1
        return TemplateSyntaxError(template: name, line: line, column: column, problem: problem)
    }

    /// The site of the tag at `offset`, counted on from the previous tag's (offsets only grow).
    mutating func site(of offset: Int) -> TagSite {
        while cursor.offset < offset {
            let byte = bytes[cursor.offset]
            if byte == UInt8(ascii: "\n") {
                cursor.line += 1
                cursor.column = 1
            } else if byte & 0xC0 != 0x80 {
                cursor.column += 1
            }
            cursor.offset += 1
        }
        return TagSite(template: name, line: cursor.line, column: cursor.column)
    }

    static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    func starts(with pattern: [UInt8], at offset: Int) -> Bool {
        guard offset + pattern.count <= bytes.count else { return false }
        for index in pattern.indices where bytes[offset + index] != pattern[index] { return false }
        return true
    }

    func find(_ pattern: [UInt8], from offset: Int) -> Int? {
        var index = offset
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0], starts(with: pattern, at: index) { return index }
            index += 1
        }
        return nil
    }

    /// Splits `bytes[start..<end]` into text tokens of one line each (a token ends with its `\n`).
    mutating func appendText(_ start: Int, _ end: Int) {
        var lineStart = start
        var index = start
        while index < end {
            if bytes[index] == UInt8(ascii: "\n") {
                tokens.append(.text(bytes[lineStart...index]))
                lineStart = index + 1
            }
            index += 1
        }
        if lineStart < end { tokens.append(.text(bytes[lineStart..<end])) }
    }

    static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        var slice = bytes
        while let first = slice.first, first == 32 || first == 9 || first == 10 || first == 13 { slice = slice.dropFirst() }
        while let last = slice.last, last == 32 || last == 9 || last == 10 || last == 13 { slice = slice.dropLast() }
        return String(decoding: slice, as: UTF8.self)
    }

    /// The template as text and tags, with sections matched to their end tags.
    mutating func tokenize() throws(TemplateSyntaxError) {
        var open = Array("{{".utf8), close = Array("}}".utf8)
        var textStart = 0, index = 0
        var openTags: [Int] = []
        while index < bytes.count {
            guard bytes[index] == open[0], starts(with: open, at: index) else {
                index += 1
                continue
            }
            appendText(textStart, index)
            let tagStart = index
            let (kind, contentStart, closing) = tagKind(at: index + open.count, close: close)
            guard let end = find(closing, from: contentStart) else {
                throw error(.unfinishedTag(closing: String(decoding: closing, as: UTF8.self)), at: tagStart)
            }
            var content = Self.trimmed(bytes[contentStart..<end])
            index = end + closing.count
            textStart = index
            if kind == .delimiters {
                (open, close) = try delimiters(content, at: tagStart)
                content = ""
            } else if kind != .comment {
                try checkName(content, of: kind, at: tagStart)
            }
            let located = kind.opens || kind == .partial || kind == .variable || kind == .raw
            let site = located ? site(of: tagStart) : TagSite(template: name, line: 0, column: 0)
            try append(Tag(kind: kind, content: content, offset: tagStart, site: site), openTags: &openTags)
        }
        appendText(textStart, bytes.count)
        if let unclosed = openTags.last, case .tag(let tag) = tokens[unclosed] {
            throw error(.neverClosed(tag.content), at: tag.offset)
        }
    }

    /// The kind of the tag whose content may start at `contentStart` (after its opening delimiter), where its content
    /// does start (after the sigil), and the delimiter that closes it.
    func tagKind(at contentStart: Int, close: [UInt8]) -> (Kind, contentStart: Int, closing: [UInt8]) {
        guard contentStart < bytes.count else { return (.variable, contentStart, close) }
        let kind: Kind
        switch bytes[contentStart] {
        case UInt8(ascii: "!"): kind = .comment
        case UInt8(ascii: "="): kind = .delimiters
        case UInt8(ascii: "{"): return (.raw, contentStart + 1, [UInt8(ascii: "}")] + close)
        case UInt8(ascii: "&"): kind = .raw
        case UInt8(ascii: "#"): kind = .section
        case UInt8(ascii: "^"): kind = .inverted
        case UInt8(ascii: "/"): kind = .close
        case UInt8(ascii: ">"): kind = .partial
        case UInt8(ascii: "<"): kind = .parent
        case UInt8(ascii: "$"): kind = .block
        default: return (.variable, contentStart, close)
        }
        return (kind, contentStart + 1, close)
    }

    /// The opening and closing delimiters a set-delimiters tag (`{{=<% %>=}}`, here `<% %>=`) sets.
    func delimiters(_ content: String, at tagStart: Int) throws(TemplateSyntaxError) -> (open: [UInt8], close: [UInt8]) {
        guard content.hasSuffix("=") else { throw error(.delimitersUnterminated, at: tagStart) }
        let parts = content.dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            throw error(.delimitersNotTwo, at: tagStart)
        }
        return (Array(parts[0].utf8), Array(parts[1].utf8))
    }

    /// A tag names a value (`TemplateName`), or a template or block (no whitespace), never nothing.
    func checkName(_ content: String, of kind: Kind, at tagStart: Int) throws(TemplateSyntaxError) {
        guard !content.isEmpty else { throw error(.emptyTag, at: tagStart) }
        if kind != .partial && kind != .parent && kind != .block && kind != .close {
            guard TemplateName(content) != nil else { throw error(.invalidName(content), at: tagStart) }
        } else if content.contains(where: { $0.isWhitespace }) {
            throw error(.invalidName(content), at: tagStart)
        }
    }

    /// Appends a tag, matching a closing tag with the section it closes.
    mutating func append(_ tag: Tag, openTags: inout [Int]) throws(TemplateSyntaxError) {
        var tag = tag
        let position = tokens.count
        if tag.kind.opens {
            // The tree is walked (rendered, and freed) recursively: its depth is bounded here, once for all.
            guard openTags.count < TemplateLibrary.maximumNesting else {
                throw error(.nestingTooDeep(limit: TemplateLibrary.maximumNesting), at: tag.offset)
            }
            openTags.append(position)
        } else if tag.kind == .close {
            guard let opening = openTags.popLast() else {
                throw error(.closeWithoutOpen(tag.content), at: tag.offset)
            }
            guard case .tag(var openingTag) = tokens[opening] else { preconditionFailure() }
            guard openingTag.content == tag.content else {
                throw error(.closedByAnother(opened: openingTag.content, closed: tag.content), at: tag.offset)
            }
            openingTag.match = position
            tokens[opening] = .tag(openingTag)
            tag.match = opening
        }
        tokens.append(.tag(tag))
    }

    /// Groups the tokens into lines and finds the standalone ones: lines with only whitespace and tags that print
    /// nothing. A line holds one such tag, or several when a parent tag is among them (the text between a parent's
    /// tags is not printed, so `{{<parent}}{{$block}}` or `{{/block}}{{/parent}}` stand alone together).
    mutating func lines() -> [Line] {
        var lines: [Line] = []
        var current = Line()
        for position in tokens.indices {
            current.tokens.append(position)
            if case .text(let text) = tokens[position], text.last == UInt8(ascii: "\n") {
                lines.append(current)
                current = Line()
            }
        }
        if !current.tokens.isEmpty { lines.append(current) }

        for lineIndex in lines.indices {
            var tags: [Int] = []
            var blank = true
            for position in lines[lineIndex].tokens {
                switch tokens[position] {
                case .text(let text):
                    var body = text
                    if body.last == UInt8(ascii: "\n") { body = body.dropLast() }
                    if body.last == UInt8(ascii: "\r") { body = body.dropLast() }
                    if !body.allSatisfy(Self.isBlank) { blank = false }
                case .tag(var tag):
                    tag.line = lineIndex
                    tokens[position] = .tag(tag)
                    tags.append(position)
                }
            }
            let kinds = tags.map { position -> Tag in
                guard case .tag(let tag) = tokens[position] else { preconditionFailure() }
                return tag
            }
            let standalone = blank && !tags.isEmpty && kinds.allSatisfy(\.kind.mayStandAlone)
                && (tags.count == 1 || kinds.contains { $0.kind == .parent || isParentEnd($0) })
            // The leading whitespace becomes the line's indentation.
            if let first = lines[lineIndex].tokens.first, case .text(let text) = tokens[first] {
                let blankPrefix = text.prefix(while: Self.isBlank)
                lines[lineIndex].indentation = Array(blankPrefix)
                tokens[first] = .text(text.dropFirst(blankPrefix.count))
            }
            if standalone {
                lines[lineIndex].standalone = true
                for position in tags {
                    guard case .tag(var tag) = tokens[position] else { continue }
                    tag.standalone = true
                    tokens[position] = .tag(tag)
                }
            }
        }
        return lines
    }

    func isParentEnd(_ tag: Tag) -> Bool {
        guard tag.kind == .close, case .tag(let opening) = tokens[tag.match] else { return false }
        return opening.kind == .parent
    }

    /// Block reindentation: the content of a block whose opening tag stands alone loses the indentation of its
    /// first line, and is given, where it is expanded, the indentation its expansion site has.
    mutating func reindentBlocks(_ lines: inout [Line]) -> [Int: BlockExpansion] {
        var expansions: [Int: BlockExpansion] = [:]
        for position in tokens.indices {
            guard case .tag(let tag) = tokens[position], tag.kind == .block, tag.standalone,
                case .tag(let end) = tokens[tag.match] else { continue }
            let next = tag.line + 1
            let indentation = next < lines.count ? lines[next].indentation : []
            expansions[position] = .standalone(indentation)
            guard !indentation.isEmpty, next <= end.line else { continue }
            for lineIndex in next...end.line {
                let common = zip(lines[lineIndex].indentation, indentation).prefix { $0 == $1 }.count
                lines[lineIndex].indentation.removeFirst(common)
            }
        }
        for position in tokens.indices {
            guard case .tag(let tag) = tokens[position], tag.kind == .block, !tag.standalone else { continue }
            // Lines after the first are indented like the line, when only its indentation comes before the tag.
            let line = lines[tag.line]
            let first = line.tokens.first { index in
                if case .text(let text) = tokens[index] { return !text.isEmpty }
                return true
            }
            expansions[position] = .inline(first == position ? line.indentation : [])
        }
        return expansions
    }

    /// Parses the whole template.
    mutating func parse() throws(TemplateSyntaxError) -> [TemplateNode] {
        try tokenize()
        var lines = lines()
        let expansions = reindentBlocks(&lines)

        // Containers being filled: the template itself, then each open section, parent or block.
        var stack: [(tag: Tag?, nodes: [TemplateNode])] = [(nil, [])]
        func append(_ node: TemplateNode) {
            if case .text(let text) = node, case .text(let previous)? = stack[stack.count - 1].nodes.last {
                stack[stack.count - 1].nodes[stack[stack.count - 1].nodes.count - 1] = .text(previous + text)
            } else {
                stack[stack.count - 1].nodes.append(node)
            }
        }
        for (lineIndex, line) in lines.enumerated() {
            if !line.standalone {
                if lineIndex > 0 { stack[stack.count - 1].nodes.append(.lineStart) }
                if !line.indentation.isEmpty { append(.text(line.indentation)) }
            }
            for position in line.tokens {
                switch tokens[position] {
                case .text(let text):
                    if !line.standalone && !text.isEmpty { append(.text(Array(text))) }
                case .tag(let tag):
                    let indentation = tag.standalone ? line.indentation : nil
                    switch tag.kind {
                    case .comment, .delimiters:
                        break
                    case .variable, .raw:
                        append(.variable(TemplateName(tag.content)!, escaped: tag.kind == .variable, tag.site))
                    case .partial:
                        append(.partial(tag.content, indentation: indentation, tag.site))
                    case .section, .inverted, .parent, .block:
                        stack.append((tag, []))
                    case .close:
                        let (opening, nodes) = stack.removeLast()
                        guard let opening else { preconditionFailure("end tags are matched while tokenizing") }
                        switch opening.kind {
                        case .section: append(.section(TemplateName(opening.content)!, nodes, opening.site))
                        case .inverted: append(.inverted(TemplateName(opening.content)!, nodes, opening.site))
                        case .block:
                            append(.block(opening.content, BlockContent(nodes: nodes, site: opening.site),
                                          expansion: expansions[tag.match] ?? .inline([])))
                        case .parent:
                            var overrides: [String: BlockContent] = [:]
                            for case .block(let name, let content, _) in nodes where overrides[name] == nil {
                                overrides[name] = content
                            }
                            append(.parent(opening.content, indentation: opening.standalone ? lines[opening.line].indentation : nil,
                                           overrides: overrides, opening.site))
                        default: preconditionFailure()
                        }
                    }
                }
            }
        }
        return stack[0].nodes
    }
}
