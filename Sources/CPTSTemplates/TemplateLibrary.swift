/// A set of compiled templates that may include one another (`{{>name}}`, `{{<name}}`). Immutable and `Sendable`:
/// one library serves every render task at once.
public struct TemplateLibrary: Sendable {
    let templates: [String: [TemplateNode]]

    /// Compiles every template (name → text); the first syntax error is thrown, with its template name, line and
    /// column.
    public init(templates: [String: String]) throws(TemplateSyntaxError) {
        var compiled: [String: [TemplateNode]] = [:]
        for (name, text) in templates.sorted(by: { $0.key < $1.key }) {
            var parser = TemplateParser(name: name, text: text)
            compiled[name] = try parser.parse()
        }
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
    public func render(_ name: String, _ root: TemplateValue, capacity: Int = 16_384) -> Rendering? {
        guard let nodes = templates[name] else { return nil }
        var renderer = TemplateRenderer(library: self, root: root, capacity: capacity)
        renderer.render(nodes)
        return Rendering(bytes: renderer.output, missingNames: renderer.missingNames)
    }

    /// Escapes the five characters HTML gives a meaning to: `<` `>` `&` `"` `'`.
    public static func escapeHTML(_ text: String, into output: inout [UInt8]) {
        var text = text
        text.withUTF8 { escapeHTML($0, into: &output) }
    }

    public static func escapeHTML(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var start = 0
        for index in 0..<bytes.count {
            let replacement: StaticString
            switch bytes[index] {
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default: continue
            }
            if start < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index])) }
            replacement.withUTF8Buffer { output.append(contentsOf: $0) }
            start = index + 1
        }
        if start < bytes.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...])) }
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
    var overrides: [String: [TemplateNode]] = [:]
    var missingNames: Set<String> = []

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

    mutating func render(_ nodes: [TemplateNode]) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                flushIndentation()
                output.append(contentsOf: bytes)
            case .lineStart:
                if !indentation.isEmpty && (output.isEmpty || output.last == UInt8(ascii: "\n")) { indentationPending = true }
            case .variable(let name, let escaped):
                let value = lookup(name)
                write(value, escaped: escaped)
            case .section(let name, let children):
                renderSection(lookup(name), children)
            case .inverted(let name, let children):
                renderInverted(lookup(name), children)
            case .partial(let name, let indentation):
                guard let template = library.templates[name] else { continue }
                include(template, indentation: indentation)
            case .parent(let name, let indentation, let parentOverrides):
                guard let template = library.templates[name] else { continue }
                let saved = overrides
                // The outer caller's blocks win over the ones given here.
                overrides.merge(parentOverrides) { outer, _ in outer }
                include(template, indentation: indentation)
                overrides = saved
            case .block(let name, let defaultContent, let expansion):
                let content = overrides[name] ?? defaultContent
                let (savedIndentation, savedPosition) = (indentation, position)
                position = nil
                switch expansion {
                case .standalone(let extra):
                    indentation += extra
                    indentationPending = !indentation.isEmpty
                case .inline(let extra):
                    indentation += extra
                }
                render(content)
                indentation = savedIndentation
                indentationPending = false
                position = savedPosition
            }
        }
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

    mutating func renderSection(_ value: TemplateValue, _ children: [TemplateNode]) {
        switch value {
        case .null:
            return
        case .bool(let truth):
            if truth { render(children) }
        case .list(let items):
            guard !items.isEmpty else { return }
            let saved = position
            for index in items.indices {
                stack.append(items[index])
                position = Position(index: index, isLast: index == items.count - 1)
                render(children)
                stack.removeLast()
            }
            position = saved
        default:
            render(children, within: value)
        }
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
        default:
            return
        }
    }

    mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .null:
            return
        case .string(var text):
            flushIndentation()
            if escaped {
                text.withUTF8 { TemplateLibrary.escapeHTML($0, into: &output) }
            } else {
                output.append(contentsOf: text.utf8)
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

    /// The value `name` reads: its first name looked up from the innermost value of the stack to the root, the
    /// following ones in what it found; transforms applied last.
    mutating func lookup(_ name: TemplateName) -> TemplateValue {
        var value: TemplateValue
        let path = name.path
        if path.isEmpty {
            if name.isPosition {
                guard let position else { return .null }
                value = .object(["first": .bool(position.index == 0), "last": .bool(position.isLast), "index": .int(position.index),
                                 "even": .bool(position.index & 1 == 0), "odd": .bool(position.index & 1 == 1)])
                // `first()` reads the position's `first`; transforms around it apply to that.
                guard let member = value[member: name.transforms[0]] else { return .null }
                value = member
                for transform in name.transforms.dropFirst() {
                    guard let transformed = value.transformed(transform) else { return .null }
                    value = transformed
                }
                return value
            }
            value = stack[stack.count - 1]
        } else if name.anchored {
            guard let found = stack[stack.count - 1][member: path[0]] else {
                if stack.count == 1 { missingNames.insert(path[0]) }
                return .null
            }
            value = found
        } else {
            var found: TemplateValue?
            var level = stack.count - 1
            while level >= 0 {
                if case .object(let members) = stack[level], let member = members[path[0]] {
                    found = member
                    break
                }
                level -= 1
            }
            guard let found else {
                missingNames.insert(path[0])
                return .null
            }
            value = found
        }
        if path.count > 1 {
            for component in path[1...] {
                guard let member = value[member: component] else { return .null }
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
