// The composer as it was before issue #27's flat documents (commit f1a40ef), kept as the oracle that
// `YAMLDocumentOracleTests` holds `YAMLComposer` to: the same nodes, positions, styles, tags and failures.
import CYAML
@testable import CPTSContent

/// A YAML node composed by `YAMLComposer`, with the position it starts at. Every scalar is a string: the readers
/// type values themselves. An alias is no node of its own: it is replaced by the node its anchor names, that
/// node's position included.
/// Indirect: a node is copied at every step of reading (pairs, lookups, values handed on), and a copy is then one
/// reference counted, not each of its strings and arrays.
indirect enum ReferenceNode: Sendable {
    typealias Node = ReferenceNode
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)

    typealias Mark = CPTSContent.Node.Mark

    struct Scalar: Sendable {
        typealias Style = CPTSContent.Node.Scalar.Style

        let string: String
        let style: Style
        /// The explicit tag (`!!int`, `!local`), nil for the default one (`tag:yaml.org,2002:str`).
        let tag: String?
        let mark: Mark
    }

    /// The key-value pairs of a mapping, in file order.
    struct Mapping: RandomAccessCollection, Sendable {
        let pairs: [(key: Node, value: Node)]
        /// The explicit tag, nil for the default one.
        let tag: String?
        let mark: Mark

        var startIndex: Int { pairs.startIndex }
        var endIndex: Int { pairs.endIndex }
        subscript(position: Int) -> (key: Node, value: Node) { pairs[position] }
    }

    struct Sequence: RandomAccessCollection, Sendable {
        let nodes: [Node]
        /// The explicit tag, nil for the default one.
        let tag: String?
        let mark: Mark

        var startIndex: Int { nodes.startIndex }
        var endIndex: Int { nodes.endIndex }
        subscript(position: Int) -> Node { nodes[position] }
    }

    var mark: Mark {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .mapping(let mapping): mapping.mark
        case .sequence(let sequence): sequence.mark
        }
    }

    var scalar: Scalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }

    /// The value of the first key written `key` (a scalar), if this node is a mapping that has one.
    subscript(key: String) -> Node? {
        guard case .mapping(let mapping) = self else { return nil }
        return mapping.first { $0.key.scalar?.string == key }?.value
    }
}

/// Two nodes are the same key when they have the same content and tags, whatever their style and position (a
/// quoted `"a"` and a plain `a` are one key, as YAML 1.1 and Yams' basic resolver had it).
extension ReferenceNode: Hashable {
    static func == (lhs: ReferenceNode, rhs: ReferenceNode) -> Bool {
        switch (lhs, rhs) {
        case (.scalar(let left), .scalar(let right)):
            return left.string == right.string && left.tag == right.tag
        case (.mapping(let left), .mapping(let right)):
            return left.tag == right.tag && left.pairs.count == right.pairs.count
                && zip(left.pairs, right.pairs).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case (.sequence(let left), .sequence(let right)):
            return left.tag == right.tag && left.nodes == right.nodes
        default:
            return false
        }
    }

    func hash(into hasher: inout Hasher) {
        switch self {
        case .scalar(let scalar):
            hasher.combine(scalar.string)
            hasher.combine(scalar.tag)
        case .mapping(let mapping):
            hasher.combine(mapping.pairs.count)
            hasher.combine(mapping.tag)
            for pair in mapping.pairs {
                hasher.combine(pair.key)
                hasher.combine(pair.value)
            }
        case .sequence(let sequence):
            hasher.combine(sequence.nodes)
            hasher.combine(sequence.tag)
        }
    }
}


/// Composes one YAML document into a `Node` tree, in one pass over libyaml's events (Debian's libyaml parses;
/// this only assembles). What it adds to libyaml: a key given twice in a mapping is an error, at its second
/// occurrence; an alias is replaced by its anchor's node, and what aliases may copy is bounded (a billion-laughs
/// document is refused, not expanded); so is the nesting depth. Every scalar stays a string, `<<` is a plain key
/// and tags are kept only to tell keys apart: what Yams' `compose` with its basic resolver did.
enum ReferenceYAMLComposer {
    typealias Failure = YAMLComposer.Failure
    typealias Node = ReferenceNode
    /// Lists and mappings nested in one another, aliases' copies included: content needs a handful of levels.
    /// Nodes that aliases may copy in one document, all aliases together.
    /// Nodes in one document (scalars, lists and mappings, as written): the 64 MB file limit bounds bytes, and
    /// `[a, a, …]` makes a node of every three (40 MB took 2.1 GB). Content files hold a few thousand at most.


    /// The document's root node; nil for a stream without any document (empty, or comments only).
    /// A second document is an error, as in Yams' `compose`.
    static func compose(_ yaml: String) throws(Failure) -> Node? {
        var text = yaml
        let result: Result<Node?, Failure> = text.withUTF8 { bytes in
            Result { () throws(Failure) in try compose(bytes) }
        }
        return try result.get()
    }

    private static func compose(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> Node? {
        // libyaml asserts a non-null input; an empty text holds no document anyway.
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
        // Allocated, not a local: yaml_parser_set_input_string keeps a pointer to the parser itself.
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) != 0 else { throw .unreadable(problem: "Memory error") }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, base, bytes.count)
        var events = Events(parser: parser)
        _ = try events.next { $0.type }  // STREAM-START
        guard try events.next({ $0.type }) != YAML_STREAM_END_EVENT else { return nil }  // DOCUMENT-START
        var builder = Builder()
        while builder.root == nil {
            try events.next { (event) throws(Failure) in try builder.add(event) }
        }
        _ = try events.next { $0.type }  // DOCUMENT-END
        let next = try events.next { ($0.type, Node.Mark($0.start_mark)) }
        guard next.0 == YAML_STREAM_END_EVENT else {
            throw .syntax(problem: "but found another document", mark: next.1,
                          context: "expected a single document in the stream", contextMark: Node.Mark(line: 1, column: 1))
        }
        return builder.root
    }

    /// libyaml's events, one at a time, each freed once read.
    private struct Events {
        let parser: UnsafeMutablePointer<yaml_parser_t>
        var event = yaml_event_t()

        mutating func next<T>(_ body: (yaml_event_t) throws(Failure) -> T) throws(Failure) -> T {
            guard yaml_parser_parse(parser, &event) != 0 else { throw Self.failure(parser.pointee) }
            defer { yaml_event_delete(&event) }
            return try body(event)
        }

        static func failure(_ parser: yaml_parser_t) -> Failure {
            let problem = parser.problem.map { String(cString: $0) } ?? ""
            switch parser.error {
            case YAML_SCANNER_ERROR, YAML_PARSER_ERROR, YAML_COMPOSER_ERROR:
                let context = parser.context.map { String(cString: $0) }
                return .syntax(problem: problem, mark: Node.Mark(parser.problem_mark), context: context,
                               contextMark: context == nil ? nil : Node.Mark(parser.context_mark))
            case YAML_MEMORY_ERROR:
                return .unreadable(problem: "Memory error")
            default:
                return .unreadable(problem: problem)
            }
        }
    }

    /// A node being composed, with what it costs: its nodes, aliases' copies included, and its nesting height.
    private struct Composed {
        let node: Node
        let size: Int
        let height: Int
    }

    /// A list or mapping whose end event has not come yet.
    private struct Frame {
        let isMapping: Bool
        let anchor: String?
        let tag: String?
        let mark: Node.Mark
        /// A list's items.
        var items: [Node] = []
        /// A mapping's pairs, made as each value comes: the node is then made without copying them again.
        var pairs: [(key: Node, value: Node)] = []
        /// A mapping's key whose value has not come yet.
        var pendingKey: Node?
        var size = 1
        var height = 1
        /// The keys and their marks, once a mapping has too many keys to compare each new one with all others.
        var keyMarks: [Node: Node.Mark]?

        mutating func add(_ composed: Composed) throws(Failure) {
            if !isMapping {
                items.append(composed.node)
            } else if let key = pendingKey {
                pairs.append((key, composed.node))
                pendingKey = nil
            } else {
                try checkUnique(key: composed.node)
                pendingKey = composed.node
            }
            size += composed.size
            height = max(height, composed.height + 1)
        }

        mutating func checkUnique(key: Node) throws(Failure) {
            func duplicate(_ first: Node.Mark) -> Failure {
                .duplicateKey(key: key.scalar?.string ?? "…", first: first, second: key.mark)
            }
            if keyMarks == nil, pairs.count < 16 {
                for pair in pairs where pair.key == key { throw duplicate(pair.key.mark) }
                return
            }
            if keyMarks == nil {
                keyMarks = Dictionary(pairs.map { ($0.key, $0.key.mark) }, uniquingKeysWith: { first, _ in first })
            }
            if let first = keyMarks?[key] { throw duplicate(first) }
            keyMarks?[key] = key.mark
        }

        /// The node, once its end event has come (a mapping's pending key, which cannot be left, is dropped).
        var node: Node {
            isMapping ? .mapping(Node.Mapping(pairs: pairs, tag: tag, mark: mark))
                : .sequence(Node.Sequence(nodes: items, tag: tag, mark: mark))
        }
    }

    /// The open lists and mappings, the anchors met so far, and the root once complete.
    private struct Builder {
        var stack: [Frame] = []
        var anchors: [String: Composed] = [:]
        var aliasedNodes = 0
        var nodes = 0
        var root: Node?

        mutating func add(_ event: yaml_event_t) throws(Failure) {
            let mark = Node.Mark(event.start_mark)
            if event.type == YAML_SCALAR_EVENT || event.type == YAML_SEQUENCE_START_EVENT || event.type == YAML_MAPPING_START_EVENT {
                nodes += 1
                guard nodes <= CPTSContent.YAMLComposer.maximumNodes else { throw .tooManyNodes(mark: mark) }
            }
            switch event.type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                let tag = scalar.quoted_implicit != 0 ? nil : ReferenceYAMLComposer.tag(scalar.tag, default: "str")
                let node = Node.scalar(Node.Scalar(string: value, style: Node.Scalar.Style(scalar.style), tag: tag, mark: mark))
                try complete(Composed(node: node, size: 1, height: 0), anchor: ReferenceYAMLComposer.string(scalar.anchor))
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                guard stack.count < CPTSContent.YAMLComposer.maximumDepth else { throw .tooDeep(mark: mark) }
                // The two start events share one layout (anchor, tag, implicit, style).
                let start = event.data.sequence_start
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let tag = start.implicit != 0 ? nil : ReferenceYAMLComposer.tag(start.tag, default: isMapping ? "map" : "seq")
                stack.append(Frame(isMapping: isMapping, anchor: ReferenceYAMLComposer.string(start.anchor), tag: tag, mark: mark))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { return }
                try complete(Composed(node: frame.node, size: frame.size, height: frame.height), anchor: frame.anchor)
            case YAML_ALIAS_EVENT:
                guard let name = ReferenceYAMLComposer.string(event.data.alias.anchor), let anchored = anchors[name] else {
                    throw .syntax(problem: "found undefined alias", mark: mark, context: nil, contextMark: nil)
                }
                aliasedNodes += anchored.size
                guard aliasedNodes <= CPTSContent.YAMLComposer.maximumAliasedNodes else { throw .aliasesTooLarge(mark: mark) }
                guard stack.count + anchored.height <= CPTSContent.YAMLComposer.maximumDepth else { throw .tooDeep(mark: mark) }
                try complete(anchored, anchor: nil)
            default:
                return
            }
        }

        mutating func complete(_ composed: Composed, anchor: String?) throws(Failure) {
            if let anchor { anchors[anchor] = composed }
            if stack.isEmpty {
                root = composed.node
            } else {
                try stack[stack.count - 1].add(composed)
            }
        }
    }

    /// A tag as written, or nil for the kind's default one (`tag:yaml.org,2002:str`, `seq` or `map`).
    private static func tag(_ pointer: UnsafeMutablePointer<yaml_char_t>?, default kind: String) -> String? {
        guard let tag = string(pointer), tag != "tag:yaml.org,2002:" + kind else { return nil }
        return tag
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}

