/// A name a template reads that the view model's shape (`TemplateSchema`) does not have, at the tag that reads it:
/// the template's name and the tag's 1-based line and column (in Unicode scalars), as `TemplateSyntaxError` gives.
public struct TemplateSchemaProblem: Sendable, Hashable, CustomStringConvertible {
    public let template: String
    public let line: Int
    public let column: Int
    /// The name as the tag writes it: `cpts.nom`, `empty(liste)`, `.titre`; empty for `.tooLong`.
    public let name: String
    public let kind: Kind

    public enum Kind: Hashable, Sendable {
        /// `part` is in no object of the context stack (the name's first part), or is not a member of the object
        /// the parts before it lead to (a further part of a dotted name).
        case unknown(part: String)
        /// `part`, a further part of a dotted name, is read inside a value that has no members: a text or number
        /// (`.scalar`), a yes/no (`.flag`), a list.
        case notAnObject(part: String)
        /// The check stopped here after `steps` steps (partials recursing through ever new context stacks, or
        /// templates of millions of tags): what follows this tag was not checked.
        case tooLong(steps: Int)
    }

    public var description: String { "\(template):\(line):\(column): \(kind) (\(name))" }
}

extension TemplateLibrary {
    /// How many tags `check(_:against:)` may visit by default. A tag is visited once per distinct context stack
    /// (and block contents) its template is included with: a theme of some thousands of tags takes some thousands.
    public static let maximumCheckSteps = 1_000_000

    /// The names template `name` reads that `schema` (the shape of the view model the template is rendered with,
    /// at the bottom of the context stack) does not have, in every branch: both sides of every section and
    /// inverted section, every partial, parent and block at the place it is included, with the context stack as a
    /// render would have it there. In the order a render meets the tags (a partial's problems where it is
    /// included, a block's where its parent expands it), each problem once. Nil when there is no such template.
    ///
    /// Resolution follows the renderer: a name's first part is looked up from the innermost object of the stack
    /// outwards (`.name`: in the innermost value only), its further parts strictly inside what the previous ones
    /// found; `.` and list positions (`first()`, `index()`) always resolve. A section pushes an object, a list's
    /// element or a scalar; over a flag it pushes nothing; over an optional it does what it would over the value
    /// it wraps. An inverted section pushes nothing (over a list, the list, in which no name is found). Inside a
    /// section whose name was not found, every name resolves, so that one mistake is reported once. The walk goes
    /// no deeper than a render may (`maximumDepth`), and stops with `.tooLong` after `maximumSteps` tags.
    /// It renders nothing and changes nothing: `render` is the same with or without it.
    public func check(_ name: String, against schema: TemplateSchema,
                      maximumSteps: Int = maximumCheckSteps) -> [TemplateSchemaProblem]? {
        guard let nodes = templates[name] else { return nil }
        var check = SchemaCheck(templates: templates, root: schema, maximumSteps: maximumSteps)
        check.include(nodes, template: name, block: nil, at: nil)
        return check.problems
    }
}

/// The walk behind `TemplateLibrary.check(_:against:)`: every branch of a template, with a context stack of
/// shapes instead of values.
struct SchemaCheck {
    /// A shape, with its members and elements by index in `shapes`: a frame of the stack is an index, so that a
    /// state is cheap to compare.
    enum Shape: Hashable {
        case scalar, flag
        case object([String: Int])
        case list(Int)
        case optional(Int)
        /// Anything: what a section whose name was not found pushes, and the values of `enumerated(object)`.
        /// Every name resolves in it, to it.
        case any
    }

    /// A template or a block's content, about to be walked with this context stack (innermost frame first, each
    /// shape once, only the frames a name can resolve in, and the top) and these block contents given.
    struct Entry: Hashable {
        let template: String?
        let block: TagSite?
        let stack: [Int]
        let overrides: [InclusionCheck.Override]
    }

    struct TransformKey: Hashable {
        let shape: Int
        let transform: String
    }

    static let any = 0, scalar = 1, flag = 2

    let templates: [String: [TemplateNode]]
    var shapes: [Shape] = [.any, .scalar, .flag]
    var transformed: [TransformKey: Int] = [:]
    /// The context stack, outermost first; each frame an index in `shapes`, never an optional.
    var stack: [Int] = []
    /// Block contents given by the parents being walked, the outermost caller's first (as a render's).
    var overrides: [String: BlockContent] = [:]
    /// Sections, partials, parents and blocks being walked, one inside the other (as a render counts them).
    var depth = 0
    /// The entries walked, with the smallest depth each was walked at.
    var walked: [Entry: Int] = [:]
    var stepsLeft: Int
    let maximumSteps: Int
    var problems: [TemplateSchemaProblem] = []
    var reported: Set<TemplateSchemaProblem> = []
    var stopped = false

    init(templates: [String: [TemplateNode]], root: TemplateSchema, maximumSteps: Int) {
        self.templates = templates
        self.maximumSteps = maximumSteps
        stepsLeft = maximumSteps
        let bottom = intern(root)
        stack = [unwrapped(bottom)]
    }

    // MARK: Shapes

    /// The index of `schema` in `shapes`, its members and elements added first.
    mutating func intern(_ schema: TemplateSchema) -> Int {
        switch schema {
        case .scalar: return Self.scalar
        case .flag: return Self.flag
        case .object(let members):
            var interned: [String: Int] = [:]
            for (name, member) in members { interned[name] = intern(member) }
            return add(.object(interned))
        case .list(let element):
            let interned = intern(element)
            return add(.list(interned))
        case .optional(let wrapped):
            let interned = intern(wrapped)
            return add(.optional(interned))
        }
    }

    mutating func add(_ shape: Shape) -> Int {
        shapes.append(shape)
        return shapes.count - 1
    }

    /// What an optional wraps (what a section over it pushes, where its members are).
    func unwrapped(_ index: Int) -> Int {
        var index = index
        while case .optional(let wrapped) = shapes[index] { index = wrapped }
        return index
    }

    // MARK: Walking

    mutating func walk(_ nodes: [TemplateNode]) {
        for node in nodes where !stopped {
            switch node {
            case .text, .lineStart:
                continue
            case .variable(let name, _, let site):
                guard step(site) else { return }
                _ = resolve(name, at: site)
            case .section(let name, let children, let site):
                guard enter(site) else { continue }
                section(resolve(name, at: site), children)
                depth -= 1
            case .inverted(let name, let children, let site):
                guard enter(site) else { continue }
                inverted(resolve(name, at: site), children)
                depth -= 1
            case .partial(let name, _, let site):
                guard let nodes = templates[name] else { continue }
                include(nodes, template: name, block: nil, at: site)
            case .parent(let name, _, let given, let site):
                guard let nodes = templates[name] else { continue }
                let saved = overrides
                // As a render does: the outer caller's blocks win over the ones given here.
                overrides.merge(given) { outer, _ in outer }
                include(nodes, template: name, block: nil, at: site)
                overrides = saved
            case .block(let name, let defaultContent, _):
                let content = overrides[name] ?? defaultContent
                include(content.nodes, template: nil, block: content.site, at: defaultContent.site)
            }
        }
    }

    /// The children of a section over `shape` (nil: a name not found), with what the section pushes.
    mutating func section(_ shape: Int?, _ children: [TemplateNode]) {
        let pushed: Int?
        if let shape {
            let value = unwrapped(shape)
            switch shapes[value] {
            case .flag: pushed = nil
            case .list(let element): pushed = unwrapped(element)
            case .object, .scalar, .any, .optional: pushed = value
            }
        } else {
            pushed = Self.any
        }
        walk(children, within: pushed)
    }

    /// The children of an inverted section over `shape`: they render when it is null, false or an empty list,
    /// and only the empty list is pushed.
    mutating func inverted(_ shape: Int?, _ children: [TemplateNode]) {
        var pushed: Int?
        if let shape, case .list = shapes[unwrapped(shape)] { pushed = unwrapped(shape) }
        walk(children, within: pushed)
    }

    mutating func walk(_ children: [TemplateNode], within pushed: Int?) {
        guard let pushed else { return walk(children) }
        stack.append(pushed)
        walk(children)
        stack.removeLast()
    }

    /// Walks a template or a block's content included at `site` (nil for the template checked), unless it was
    /// walked already with the same context stack and block contents, no deeper.
    mutating func include(_ nodes: [TemplateNode], template: String?, block: TagSite?, at site: TagSite?) {
        if let site {
            guard enter(site) else { return }
        }
        defer { if site != nil { depth -= 1 } }
        let entry = Entry(template: template, block: block, stack: canonicalStack(),
                          overrides: InclusionCheck.key(overrides))
        if let previous = walked[entry], previous <= depth { return }
        walked[entry] = depth
        walk(nodes)
    }

    /// The stack as far as names can tell: innermost first, each shape at its innermost place only (a name found
    /// in an outer copy is found in the inner one first), frames without members left out but the top.
    func canonicalStack() -> [Int] {
        var seen: Set<Int> = []
        var frames: [Int] = []
        for level in stack.indices.reversed() {
            let frame = stack[level]
            let readable: Bool
            switch shapes[frame] {
            case .object, .any: readable = true
            case .scalar, .flag, .list, .optional: readable = level == stack.count - 1
            }
            if readable && seen.insert(frame).inserted { frames.append(frame) }
        }
        return frames
    }

    /// One level deeper at `site`, as a render goes: false past `TemplateLibrary.maximumDepth` (a render fails
    /// there, whatever the data) or past the steps. Each true is paired with a `depth -= 1`.
    mutating func enter(_ site: TagSite) -> Bool {
        guard step(site), depth < TemplateLibrary.maximumDepth else { return false }
        depth += 1
        return true
    }

    /// One more tag visited; false, with `.tooLong` reported at `site`, past `maximumSteps`.
    mutating func step(_ site: TagSite) -> Bool {
        guard !stopped else { return false }
        stepsLeft -= 1
        guard stepsLeft >= 0 else {
            stopped = true
            report(.tooLong(steps: maximumSteps), name: "", at: site)
            return false
        }
        return true
    }

    mutating func report(_ kind: TemplateSchemaProblem.Kind, name: String, at site: TagSite) {
        let problem = TemplateSchemaProblem(template: site.template, line: site.line, column: site.column, name: name,
                                            kind: kind)
        if reported.insert(problem).inserted { problems.append(problem) }
    }
}

extension SchemaCheck {
    /// The shape `name` reads at `site`, its transforms applied; nil, with the problem reported, when the context
    /// stack does not have it.
    mutating func resolve(_ name: TemplateName, at site: TagSite) -> Int? {
        var transforms = name.transforms[...]
        var shape: Int
        if name.isPosition, let position = transforms.popFirst() {
            shape = position == "index" ? Self.scalar : Self.flag
        } else if name.path.isEmpty {
            shape = stack[stack.count - 1]
        } else {
            let first = name.path[0]
            guard let found = name.anchored ? member(first, of: stack[stack.count - 1]) : lookUp(first) else {
                report(.unknown(part: first), name: name.source, at: site)
                return nil
            }
            shape = found
            for part in name.path.dropFirst() {
                let value = unwrapped(shape)
                switch shapes[value] {
                case .object, .any:
                    guard let member = member(part, of: value) else {
                        report(.unknown(part: part), name: name.source, at: site)
                        return nil
                    }
                    shape = member
                case .scalar, .flag, .list, .optional:
                    report(.notAnObject(part: part), name: name.source, at: site)
                    return nil
                }
            }
        }
        for transform in transforms { shape = self.transform(shape, transform) }
        return shape
    }

    /// The frame `name` is found in, from the innermost outwards: its member there.
    func lookUp(_ name: String) -> Int? {
        for level in stack.indices.reversed() {
            if let found = member(name, of: stack[level]) { return found }
        }
        return nil
    }

    /// The member `name` of an object (anything of `.any`); nil for any other shape.
    func member(_ name: String, of shape: Int) -> Int? {
        switch shapes[unwrapped(shape)] {
        case .object(let members): return members[name]
        case .any: return Self.any
        case .scalar, .flag, .list, .optional: return nil
        }
    }

    /// What transform `name` (`TemplateValue.transformed`) makes of `shape`; one the value does not have reads
    /// as null, which pushes nothing and has no members, as a flag.
    mutating func transform(_ shape: Int, _ name: String) -> Int {
        let value = unwrapped(shape)
        let key = TransformKey(shape: value, transform: name)
        if let known = transformed[key] { return known }
        let result: Int
        switch (shapes[value], name) {
        case (.any, _): result = Self.any
        case (.scalar, "lowercased"), (.scalar, "uppercased"), (.scalar, "capitalized"), (.scalar, "reversed"),
             (.scalar, "plusone"), (.scalar, "minusone"), (.list, "count"), (.object, "count"):
            result = Self.scalar
        case (.list(let element), "first"), (.list(let element), "last"): result = add(.optional(element))
        case (.list, "reversed"), (.list, "sorted"): result = value
        case (.object, "enumerated"), (.object, "sorted"):
            result = add(.list(add(.object(["key": Self.scalar, "value": Self.any]))))
        default: result = Self.flag
        }
        transformed[key] = result
        return result
    }
}
