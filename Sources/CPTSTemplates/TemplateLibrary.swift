/// A set of compiled templates that may include one another (`{{>name}}`, `{{<name}}`). Immutable and `Sendable`:
/// one library serves every render task at once.
public struct TemplateLibrary: Sendable {
    let templates: [String: [TemplateNode]]

    /// How deep sections, inverted sections, parents and blocks may open inside one another in one template.
    /// The compiled tree is walked recursively (rendered, and freed): this bounds the stack its walk needs.
    public static let maximumNesting = 100

    /// How deep a render may go: sections, inverted sections, partials, parents and blocks, each counted once,
    /// across the templates a render goes through. A render past it stops with `.renderTooDeep` at the tag that
    /// would go deeper. With `maximumNesting`, this is what makes every render fit in a small stack (a secondary
    /// thread's 512 KiB, in a debug build: `TemplateRecursionTests`), whatever the templates and the data. A debug
    /// build takes about 2.6 KiB of stack per level (measured: 528 KiB at 200 levels, 264 KiB at 100); a release
    /// build less. The default theme goes about a dozen levels deep.
    public static let maximumDepth = 100

    /// How many steps a render may take by default (each section, inverted section, partial, parent, block and
    /// list item rendered is one), and how many bytes it may write: a recursion through data found again at every
    /// level (`{{#list}}{{>self}}{{/list}}`) stays within `maximumDepth` but grows as the list's length to the
    /// power of the depth. A render past either stops with `.renderTooLong` or `.renderTooLarge` at the tag. The
    /// largest page of a 100 000-CPTS site should take about 2 million steps (about 20 a CPTS) and some tens of
    /// megabytes. 10 million steps take about 30 s in a debug build on a loaded machine, a few in a release one.
    public static let maximumSteps = 10_000_000
    public static let maximumBytes = 256 * 1024 * 1024

    /// Compiles every template (name → text); the first problem is thrown, with its template name, line and
    /// column: a syntax error, a nesting deeper than `maximumNesting`, or a template that includes itself whatever
    /// the data (`InclusionCheck`).
    public init(templates: [String: String]) throws(TemplateSyntaxError) {
        var compiled: [String: [TemplateNode]] = [:]
        for (name, text) in templates.sorted(by: { $0.key < $1.key }) {
            var parser = TemplateParser(name: name, text: text)
            compiled[name] = try parser.parse()
        }
        var check = InclusionCheck(templates: compiled)
        for name in compiled.keys.sorted() { try check.check(name) }
        self.templates = compiled
    }

    public var names: [String] { templates.keys.sorted() }

    public func contains(_ name: String) -> Bool { templates[name] != nil }

    /// What a render made: the page, and the names that resolved nowhere in the context stack.
    public struct Rendering: Sendable {
        public var bytes: [UInt8]
        /// First names of lookups that no value of the context stack had, the root included (`{{a.b}}` whose `a`
        /// nothing has records `a`; one whose `a` exists but lacks `b` records nothing).
        public var missingNames: Set<String>
    }

    /// Renders template `name` with `root` as the bottom of the context stack; nil when there is no such template.
    /// Throws, at the tag where the render stops, `.renderTooDeep` when it would go deeper than `maximumDepth` (a
    /// recursion through data that nests as deep, or never ends), `.renderTooLong` past `maximumSteps` steps,
    /// `.renderTooLarge` past `maximumBytes` bytes written (the defaults are `TemplateLibrary`'s).
    public func render(_ name: String, _ root: TemplateValue, capacity: Int = 16_384, maximumSteps: Int = maximumSteps,
                       maximumBytes: Int = maximumBytes) throws(TemplateSyntaxError) -> Rendering? {
        guard let nodes = templates[name] else { return nil }
        var renderer = TemplateRenderer(library: self, root: root, capacity: capacity)
        renderer.stepsLeft = maximumSteps
        renderer.maximumSteps = maximumSteps
        renderer.maximumBytes = maximumBytes
        renderer.render(nodes)
        if let failure = renderer.failure { throw failure }
        return Rendering(bytes: renderer.output, missingNames: renderer.missingNames)
    }

    /// Escapes the five characters HTML gives a meaning to: `<` `>` `&` `"` `'`.
    public static func escapeHTML(_ text: String, into output: inout [UInt8]) {
        var text = text
        text.withUTF8 { escapeHTML($0, into: &output) }
    }

    /// The five bytes `escapeHTML` replaces, as bits of a word (all are below 64): one test per byte.
    static let escapedBytes: UInt64 = 0x5000_00C4_0000_0000  // bits 0x22 ", 0x26 &, 0x27 ', 0x3C <, 0x3E >

    @inline(__always)
    static func needsEscaping(_ byte: UInt8) -> Bool { byte < 64 && escapedBytes >> UInt64(byte) & 1 != 0 }

    /// Whether any byte of `word` may be one of the five: eight bytes tested at once (a zero byte of `word` XOR the
    /// byte repeated; `|1` folds `&` into `'`, `|2` `<` into `>`). Never false when one is there.
    @inline(__always)
    static func mayNeedEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let quote = hasZeroByte(word ^ (ones &* 0x22))
        let ampersandOrApostrophe = hasZeroByte((word | ones) ^ (ones &* 0x27))
        let angleBracket = hasZeroByte((word | (ones &* 0x02)) ^ (ones &* 0x3E))
        return quote | ampersandOrApostrophe | angleBracket != 0
    }

    /// Appends `bytes` escaped: eight bytes skipped at a time while none is special, the runs between special bytes
    /// appended whole, and a text without any (most of them) in one append.
    public static func escapeHTML(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        guard let base = bytes.baseAddress else { return }
        let count = bytes.count
        var start = 0, index = 0
        while index < count {
            if count - index >= 8, !mayNeedEscaping(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            let end = min(index + 8, count)
            while index < end {
                if needsEscaping(base[index]) {
                    if start < index { output.append(contentsOf: UnsafeBufferPointer(start: base + start, count: index - start)) }
                    appendReplacement(of: base[index], to: &output)
                    start = index + 1
                }
                index += 1
            }
        }
        if start < count { output.append(contentsOf: UnsafeBufferPointer(start: base + start, count: count - start)) }
    }

    /// The entity of one of the five bytes.
    static func appendReplacement(of byte: UInt8, to output: inout [UInt8]) {
        let replacement: StaticString
        switch byte {
        case UInt8(ascii: "<"): replacement = "&lt;"
        case UInt8(ascii: ">"): replacement = "&gt;"
        case UInt8(ascii: "&"): replacement = "&amp;"
        case UInt8(ascii: "\""): replacement = "&quot;"
        default: replacement = "&#39;"
        }
        replacement.withUTF8Buffer { output.append(contentsOf: $0) }
    }
}

/// Walks compiled nodes, appending UTF-8 to one buffer.
struct TemplateRenderer {
    /// Where an item of a list is: `{{#first()}}`, `{{index()}}`…
    struct Position {
        var index: Int
        var isLast: Bool
    }

    let library: TemplateLibrary
    var output: [UInt8] = []
    var stack: [TemplateValue]
    var position: Position?
    /// Put at the start of each line (indented partials and blocks).
    var indentation: [UInt8] = []
    /// The indentation is due before the next output.
    var indentationPending = false
    /// Block contents given by the parents being rendered, the outermost caller's first.
    var overrides: [String: BlockContent] = [:]
    var missingNames: Set<String> = []
    /// Sections, partials, parents and blocks being rendered, one inside the other.
    var depth = 0
    /// Steps the render may still take, of `maximumSteps`; and the bytes it may write.
    var stepsLeft = TemplateLibrary.maximumSteps
    var maximumSteps = TemplateLibrary.maximumSteps
    var maximumBytes = TemplateLibrary.maximumBytes
    /// Why the render stopped (too deep, too long, too large); once set, nothing more is rendered.
    var failure: TemplateSyntaxError?

    init(library: TemplateLibrary, root: TemplateValue, capacity: Int) {
        self.library = library
        stack = [root]
        stack.reserveCapacity(16)
        output.reserveCapacity(capacity)
    }

    @inline(__always)
    mutating func flushIndentation() {
        if indentationPending {
            indentationPending = false
            output.append(contentsOf: indentation)
        }
    }

    /// One level deeper, at the tag `site`; false, with the failure recorded, when that would pass the limit or
    /// the render has failed already. Each true is paired with a `depth -= 1`.
    @inline(__always)
    mutating func enter(_ site: TagSite) -> Bool {
        guard step(site) else { return false }
        guard depth < TemplateLibrary.maximumDepth else {
            return fail(site, .renderTooDeep(limit: TemplateLibrary.maximumDepth))
        }
        depth += 1
        return true
    }

    /// One more step at the tag `site` (an item of its list, or a level entered); false, with the failure
    /// recorded, past the steps or bytes a render may take, or once the render has failed.
    @inline(__always)
    mutating func step(_ site: TagSite) -> Bool {
        guard failure == nil else { return false }
        stepsLeft -= 1
        guard stepsLeft >= 0 else { return fail(site, .renderTooLong(steps: maximumSteps)) }
        guard output.count <= maximumBytes else { return fail(site, .renderTooLarge(bytes: maximumBytes)) }
        return true
    }

    mutating func fail(_ site: TagSite, _ problem: TemplateSyntaxError.Problem) -> Bool {
        failure = TemplateSyntaxError(template: site.template, line: site.line, column: site.column, problem: problem)
        return false
    }

    mutating func render(_ nodes: [TemplateNode]) {
        // Each node is read where the array holds it, not copied out: a copy retained the node and each field
        // bound from it, and released them after (the render's most frequent runtime calls).
        nodes.withUnsafeBufferPointer { renderNodes($0) }
    }

    private mutating func renderNodes(_ nodes: UnsafeBufferPointer<TemplateNode>) {
        for index in nodes.indices {
            switch nodes[index] {
            case .text(let bytes):
                flushIndentation()
                output.append(contentsOf: bytes)
            case .lineStart:
                if !indentation.isEmpty && (output.isEmpty || output.last == UInt8(ascii: "\n")) { indentationPending = true }
            case .variable(let name, let escaped, _):
                let value = lookup(name)
                write(value, escaped: escaped)
            case .section(let name, let children, let site):
                guard enter(site) else { return }
                renderSection(lookup(name), children, at: site)
                depth -= 1
            case .inverted(let name, let children, let site):
                guard enter(site) else { return }
                renderInverted(lookup(name), children)
                depth -= 1
            case .partial(let name, let indentation, let site):
                guard let template = library.templates[name] else { continue }
                guard enter(site) else { return }
                include(template, indentation: indentation)
                depth -= 1
            case .parent(let name, let indentation, let parentOverrides, let site):
                guard let template = library.templates[name] else { continue }
                guard enter(site) else { return }
                let saved = overrides
                // The outer caller's blocks win over the ones given here.
                overrides.merge(parentOverrides) { outer, _ in outer }
                include(template, indentation: indentation)
                overrides = saved
                depth -= 1
            case .block(let name, let defaultContent, let expansion):
                guard enter(defaultContent.site) else { return }
                renderBlock(overrides[name] ?? defaultContent, expansion: expansion)
                depth -= 1
            }
        }
    }

    /// A block's content (its caller's, or its default), laid out as `expansion` says.
    mutating func renderBlock(_ content: BlockContent, expansion: BlockExpansion) {
        let (savedIndentation, savedPosition) = (indentation, position)
        position = nil
        switch expansion {
        case .standalone(let extra):
            indentation += extra
            indentationPending = !indentation.isEmpty
        case .inline(let extra):
            indentation += extra
        }
        render(content.nodes)
        indentation = savedIndentation
        indentationPending = false
        position = savedPosition
    }

    /// Renders a partial or parent: with `indentation`, the tag stood alone on its line and each line is indented.
    mutating func include(_ template: [TemplateNode], indentation extra: [UInt8]?) {
        let (savedIndentation, savedPosition) = (indentation, position)
        position = nil
        if let extra {
            indentation += extra
            indentationPending = !indentation.isEmpty
        }
        render(template)
        indentation = savedIndentation
        indentationPending = false
        position = savedPosition
    }

    mutating func renderSection(_ value: TemplateValue, _ children: [TemplateNode], at site: TagSite) {
        switch value {
        case .null:
            return
        case .bool(let truth):
            if truth { render(children) }
        case .list(let items):
            guard !items.isEmpty else { return }
            let saved = position
            for index in items.indices {
                guard step(site) else { break }
                stack.append(items[index])
                position = Position(index: index, isLast: index == items.count - 1)
                render(children)
                stack.removeLast()
            }
            position = saved
        case .lazyList(let list):
            renderItems(of: list, children, at: site)
        default:
            render(children, within: value)
        }
    }

    /// Renders `children` once for each item of `list`, read in place, each the current value in turn.
    mutating func renderItems(of list: any TemplateList, _ children: [TemplateNode], at site: TagSite) {
        let count = list.count
        guard count > 0 else { return }
        let saved = position
        for index in 0..<count {
            guard step(site) else { break }
            stack.append(list.item(at: index))
            position = Position(index: index, isLast: index == count - 1)
            render(children)
            stack.removeLast()
        }
        position = saved
    }

    /// Renders `children` with `value` as the current value, outside any list position.
    mutating func render(_ children: [TemplateNode], within value: TemplateValue) {
        let saved = position
        position = nil
        stack.append(value)
        render(children)
        stack.removeLast()
        position = saved
    }

    mutating func renderInverted(_ value: TemplateValue, _ children: [TemplateNode]) {
        switch value {
        case .null:
            render(children)
        case .bool(let truth):
            if !truth { render(children) }
        case .list(let items):
            guard items.isEmpty else { return }
            // The empty list becomes the current value, as a section's value does.
            render(children, within: value)
        case .lazyList(let list):
            guard list.count == 0 else { return }
            render(children, within: value)
        default:
            return
        }
    }

    mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .null:
            return
        case .string(let text):
            flushIndentation()
            // A native string's bytes are read in place; a bridged one (never made here) is copied first.
            let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
                if escaped {
                    TemplateLibrary.escapeHTML(bytes, into: &output)
                } else {
                    output.append(contentsOf: bytes)
                }
            }
            if done == nil {
                if escaped { TemplateLibrary.escapeHTML(text, into: &output) } else { output.append(contentsOf: text.utf8) }
            }
        default:
            flushIndentation()
            if escaped {
                TemplateLibrary.escapeHTML(value.text, into: &output)
            } else {
                output.append(contentsOf: value.text.utf8)
            }
        }
    }

    /// The value a plain name (`TemplateName.plainKey`) reads: the member `key` names of the innermost value of the
    /// stack that has one; `.null`, with the name recorded as missing, when none has.
    @inline(__always)
    mutating func lookup(plain key: TemplateKey) -> TemplateValue {
        guard let found = innermostMember(key) else {
            missingNames.insert(key.name)
            return .null
        }
        return found
    }

    /// The member `key` names of the innermost value of the stack that has one, read where the stack holds the
    /// values (not copied out: a retain and a release each).
    @inline(__always)
    func innermostMember(_ key: TemplateKey) -> TemplateValue? {
        stack.withUnsafeBufferPointer { levels in
            var level = levels.count - 1
            while level >= 0 {
                if let member = levels[level].member(key) { return member }
                level -= 1
            }
            return nil
        }
    }

    /// The value `name` reads: its first name looked up from the innermost value of the stack to the root, the
    /// following ones in what it found; transforms applied last.
    mutating func lookup(_ name: TemplateName) -> TemplateValue {
        if let key = name.plainKey { return lookup(plain: key) }
        var value: TemplateValue
        let keys = name.keys
        if keys.isEmpty {
            if name.isPosition {
                guard let position else { return .null }
                // `first()` reads the position's `first`; transforms around it apply to that.
                switch name.transforms[0] {
                case "first": value = .bool(position.index == 0)
                case "last": value = .bool(position.isLast)
                case "index": value = .int(position.index)
                case "even": value = .bool(position.index & 1 == 0)
                case "odd": value = .bool(position.index & 1 == 1)
                default: return .null
                }
                for transform in name.transforms.dropFirst() {
                    guard let transformed = value.transformed(transform) else { return .null }
                    value = transformed
                }
                return value
            }
            value = stack[stack.count - 1]
        } else if name.anchored {
            // The stack's values are read where it holds them, not copied out (a retain and a release each).
            guard let found = stack.withUnsafeBufferPointer({ $0[$0.count - 1].member(keys[0]) }) else {
                if stack.count == 1 { missingNames.insert(keys[0].name) }
                return .null
            }
            value = found
        } else {
            guard let found = innermostMember(keys[0]) else {
                missingNames.insert(keys[0].name)
                return .null
            }
            value = found
        }
        if keys.count > 1 {
            for key in keys[1...] {
                guard let member = value.member(key) else { return .null }
                value = member
            }
        }
        for transform in name.transforms {
            if case .null = value { return .null }
            guard let transformed = value.transformed(transform) else { return .null }
            value = transformed
        }
        return value
    }
}
