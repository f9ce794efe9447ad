import CYAML
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Composes one YAML document into a flat `YAMLDocument` (its root a `Node`), in one pass over libyaml's events
/// (Debian's libyaml parses; this only assembles). What it adds to libyaml: a key given twice in a mapping is an
/// error, at its second occurrence; an alias stands for its anchor's node (the node itself, not a copy), and what
/// aliases may expand to is bounded (a billion-laughs document is refused); so is the nesting depth. Every scalar stays a string, `<<` is a plain key
/// and tags are kept only to tell keys apart: what Yams' `compose` with its basic resolver did.
enum YAMLComposer {
    /// Lists and mappings nested in one another, aliases' copies included: content needs a handful of levels.
    static let maximumDepth = 100
    /// Nodes that aliases may copy in one document, all aliases together.
    static let maximumAliasedNodes = 100_000
    /// Nodes in one document (scalars, lists and mappings, as written): the 64 MB file limit bounds bytes, and
    /// `[a, a, …]` makes a node of every three (40 MB took 2.1 GB). Content files hold a few thousand at most.
    static let maximumNodes = 1_000_000

    enum Failure: Error, Equatable {
        /// libyaml's scanner or parser, or a second document: its problem, and its context if it gave one.
        case syntax(problem: String, mark: Node.Mark, context: String?, contextMark: Node.Mark?)
        /// libyaml's reader (a control character, a bad byte) or a memory error: no position.
        case unreadable(problem: String)
        case duplicateKey(key: String, first: Node.Mark, second: Node.Mark)
        /// The alias at `mark` would make aliases copy more than `maximumAliasedNodes` nodes.
        case aliasesTooLarge(mark: Node.Mark)
        /// The list, mapping or alias at `mark` would nest deeper than `maximumDepth`.
        case tooDeep(mark: Node.Mark)
        /// The value at `mark` is one more than `maximumNodes`.
        case tooManyNodes(mark: Node.Mark)
    }

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
        var builder = Builder(capacity: bytes.count)
        while builder.root == nil {
            try events.next { (event) throws(Failure) in try builder.add(event) }
        }
        _ = try events.next { $0.type }  // DOCUMENT-END
        let next = try events.next { ($0.type, Node.Mark($0.start_mark)) }
        guard next.0 == YAML_STREAM_END_EVENT else {
            throw .syntax(problem: "but found another document", mark: next.1,
                          context: "expected a single document in the stream", contextMark: Node.Mark(line: 1, column: 1))
        }
        guard let root = builder.root else { return nil }
        return Node(document: builder.document, index: Int(root))
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

    /// A node composed, anchored or not, with what an alias of it costs: its nodes, aliases' copies included, and
    /// its nesting height.
    private struct Composed {
        let index: Int32
        let size: Int
        let height: Int
    }

    /// A list or mapping whose end event has not come yet.
    private struct Frame {
        let index: Int32
        let isMapping: Bool
        let anchor: String?
        /// Where its children start in `Builder.open`.
        let first: Int
        var size = 1
        var height = 1
        /// The keys by hash, once a mapping has too many keys to compare each new one with all others.
        var keysByHash: [Int: [Int32]]?
    }

    /// The document's arrays as they fill, the open lists and mappings, the anchors met so far, and the root once
    /// complete. An alias adds its anchor's node again as a child: nothing is copied.
    private struct Builder {
        var records: [YAMLDocument.Record] = []
        var children: [Int32] = []
        var bytes: [UInt8] = []
        var tags: [String] = []
        /// The children of the open lists and mappings, the innermost's last.
        var open: [Int32] = []
        /// A fingerprint of each of `open`'s mapping keys (`fingerprint(of:)`), 0 for other children.
        var fingerprints: [UInt64] = []
        var stack: [Frame] = []
        var anchors: [String: Composed] = [:]
        var aliasedNodes = 0
        var root: Int32?

        init(capacity: Int) {
            // About one node per ten bytes of YAML: reserved once rather than grown by doubling.
            records.reserveCapacity(min(capacity / 8 + 16, YAMLComposer.maximumNodes))
            children.reserveCapacity(min(capacity / 8 + 16, YAMLComposer.maximumNodes))
            bytes.reserveCapacity(capacity)
        }

        var document: YAMLDocument { YAMLDocument(records: records, children: children, bytes: bytes, tags: tags) }

        mutating func add(_ event: yaml_event_t) throws(Failure) {
            let mark = Node.Mark(event.start_mark)
            switch event.type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let index = try record(.scalar, style: Node.Scalar.Style(scalar.style), mark: mark,
                                       tag: scalar.quoted_implicit != 0 ? nil : scalar.tag, default: "str")
                if let value = scalar.value, scalar.length > 0 {
                    let written = UnsafeBufferPointer(start: value, count: scalar.length)
                    records[Int(index)].start = Int32(bytes.count)
                    records[Int(index)].count = Int32(scalar.length)
                    records[Int(index)].isASCII = YAMLComposer.isASCII(written)
                    bytes.append(contentsOf: written)
                }
                try complete(Composed(index: index, size: 1, height: 0), anchor: YAMLComposer.string(scalar.anchor))
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                // The two start events share one layout (anchor, tag, implicit, style).
                let start = event.data.sequence_start
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let index = try record(isMapping ? .mapping : .sequence, style: .plain, mark: mark,
                                       tag: start.implicit != 0 ? nil : start.tag, default: isMapping ? "map" : "seq")
                guard stack.count < YAMLComposer.maximumDepth else { throw .tooDeep(mark: mark) }
                stack.append(Frame(index: index, isMapping: isMapping, anchor: YAMLComposer.string(start.anchor), first: open.count))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast() else { return }
                // A mapping's pending key, which cannot be left, is dropped.
                let count = frame.isMapping ? (open.count - frame.first) & ~1 : open.count - frame.first
                records[Int(frame.index)].start = Int32(children.count)
                records[Int(frame.index)].count = Int32(count)
                children.append(contentsOf: open[frame.first..<(frame.first + count)])
                open.removeSubrange(frame.first...)
                fingerprints.removeSubrange(frame.first...)
                try complete(Composed(index: frame.index, size: frame.size, height: frame.height), anchor: frame.anchor)
            case YAML_ALIAS_EVENT:
                guard let name = YAMLComposer.string(event.data.alias.anchor), let anchored = anchors[name] else {
                    throw .syntax(problem: "found undefined alias", mark: mark, context: nil, contextMark: nil)
                }
                aliasedNodes += anchored.size
                guard aliasedNodes <= YAMLComposer.maximumAliasedNodes else { throw .aliasesTooLarge(mark: mark) }
                guard stack.count + anchored.height <= YAMLComposer.maximumDepth else { throw .tooDeep(mark: mark) }
                try complete(anchored, anchor: nil)
            default:
                return
            }
        }

        /// Adds a node's record (its value's range comes later) and gives its index.
        mutating func record(_ kind: YAMLDocument.Record.Kind, style: Node.Scalar.Style, mark: Node.Mark,
                             tag pointer: UnsafeMutablePointer<yaml_char_t>?, default name: String) throws(Failure) -> Int32 {
            guard records.count < YAMLComposer.maximumNodes else { throw .tooManyNodes(mark: mark) }
            var tag: Int32 = -1
            if let written = YAMLComposer.tag(pointer, default: name) {
                tag = Int32(tags.count)
                tags.append(written)
            }
            records.append(YAMLDocument.Record(kind: kind, style: style, isASCII: true, tag: tag, line: Int32(mark.line),
                                               column: Int32(mark.column), start: 0, count: 0))
            return Int32(records.count - 1)
        }

        mutating func complete(_ composed: Composed, anchor: String?) throws(Failure) {
            if let anchor { anchors[anchor] = composed }
            guard !stack.isEmpty else {
                root = composed.index
                return
            }
            let top = stack.count - 1
            var fingerprint: UInt64 = 0
            if stack[top].isMapping, (open.count - stack[top].first) % 2 == 0 {
                fingerprint = self.fingerprint(of: composed.index)
                try checkUnique(key: composed.index, fingerprint: fingerprint, in: top)
            }
            open.append(composed.index)
            fingerprints.append(fingerprint)
            stack[top].size += composed.size
            stack[top].height = max(stack[top].height, composed.height + 1)
        }

        /// Throws if the open mapping `frame` already has the key `key` (the same content and tags).
        mutating func checkUnique(key: Int32, fingerprint: UInt64, in frame: Int) throws(Failure) {
            let first = stack[frame].first
            if stack[frame].keysByHash == nil, open.count - first < 32 {
                for other in stride(from: first, to: open.count, by: 2) {
                    let known = fingerprints[other]
                    if known != fingerprint, known != .max, fingerprint != .max { continue }
                    let exact = known == fingerprint && fingerprint != .max && fingerprint >> 56 <= 7
                    if exact || sameKey(open[other], key) { throw duplicate(of: open[other], at: key) }
                }
                return
            }
            let document = self.document
            func hash(_ index: Int32) -> Int { Node(document: document, index: Int(index)).hashValue }
            if stack[frame].keysByHash == nil {
                var byHash: [Int: [Int32]] = [:]
                for other in stride(from: first, to: open.count, by: 2) { byHash[hash(open[other]), default: []].append(open[other]) }
                stack[frame].keysByHash = byHash
            }
            let keyHash = hash(key)
            for other in stack[frame].keysByHash?[keyHash] ?? [] where sameKey(other, key) {
                throw duplicate(of: other, at: key)
            }
            stack[frame].keysByHash?[keyHash, default: []].append(key)
        }

        func duplicate(of first: Int32, at key: Int32) -> Failure {
            let document = self.document
            let node = Node(document: document, index: Int(key))
            return .duplicateKey(key: node.scalar?.string ?? "…", first: Node(document: document, index: Int(first)).mark,
                                 second: node.mark)
        }

        /// An untagged ASCII scalar's length and first seven bytes: two such keys are the same only if their
        /// fingerprints are, and are when the fingerprints are and hold every byte (seven or fewer). `.max` for any
        /// other key, which is compared in full.
        func fingerprint(of index: Int32) -> UInt64 {
            let record = records[Int(index)]
            guard record.kind == .scalar, record.tag < 0, record.isASCII else { return .max }
            var fingerprint = UInt64(min(Int(record.count), 255)) << 56
            for offset in 0..<min(Int(record.count), 7) {
                fingerprint |= UInt64(bytes[Int(record.start) + offset]) << (8 * offset)
            }
            return fingerprint
        }

        /// Whether two complete nodes are the same key, as `Node`'s equality says; two untagged scalars of ASCII
        /// bytes (nearly every key) are compared here, without making a document.
        func sameKey(_ left: Int32, _ right: Int32) -> Bool {
            let a = records[Int(left)], b = records[Int(right)]
            if a.kind == .scalar, b.kind == .scalar, a.tag < 0, b.tag < 0, a.isASCII, b.isASCII {
                return a.count == b.count && bytes.withUnsafeBufferPointer { buffer in
                    guard let base = buffer.baseAddress, a.count > 0 else { return true }
                    return memcmp(base + Int(a.start), base + Int(b.start), Int(a.count)) == 0
                }
            }
            let document = self.document
            return Node(document: document, index: Int(left)) == Node(document: document, index: Int(right))
        }
    }

    /// Whether `bytes` are all ASCII, read eight at a time.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= bytes.count {
            if raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            offset += 8
        }
        while offset < bytes.count {
            if bytes[offset] >= 0x80 { return false }
            offset += 1
        }
        return true
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

extension Node.Mark {
    /// libyaml's 0-based mark, made 1-based (its column counts Unicode scalars).
    init(_ mark: yaml_mark_t) {
        self.init(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }
}

extension Node.Scalar.Style {
    init(_ style: yaml_scalar_style_t) {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: self = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: self = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: self = .literal
        case YAML_FOLDED_SCALAR_STYLE: self = .folded
        default: self = .plain
        }
    }
}
