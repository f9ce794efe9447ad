import CPTSMarkdown

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A document composed by `YAMLComposer`: every node in one contiguous array, a collection's children as a range of
/// another, and scalars as byte ranges of a third, made into strings only when a reader asks for them (issue #27:
/// a tree of boxed enum nodes, each scalar a `String`, cost more to build and free than libyaml took to parse).
final class YAMLDocument: Sendable {
    /// One node: its kind, style, explicit tag and position, and where its value is.
    struct Record: Sendable {
        enum Kind: UInt8, Sendable {
            case scalar, mapping, sequence
        }

        let kind: Kind
        let style: Node.Scalar.Style
        /// Whether a scalar's bytes are all ASCII (then its text equals another only if their bytes do).
        var isASCII: Bool
        /// Index in `tags`; -1 for the default tag.
        let tag: Int32
        let line: Int32
        let column: Int32
        /// A scalar's first byte in `bytes`, a collection's first child in `children` (a mapping's key, then its value).
        var start: Int32
        /// A scalar's bytes, a collection's children (a mapping has two per pair).
        var count: Int32
    }

    let records: [Record]
    let children: [Int32]
    let bytes: [UInt8]
    let tags: [String]

    init(records: [Record], children: [Int32], bytes: [UInt8], tags: [String]) {
        self.records = records
        self.children = children
        self.bytes = bytes
        self.tags = tags
    }

    func tag(of index: Int) -> String? {
        let tag = Int(records[index].tag)
        return tag < 0 ? nil : tags[tag]
    }

    /// The node's bytes, for a scalar (an empty range for a collection).
    func byteRange(of index: Int) -> Range<Int> {
        let record = records[index]
        return record.kind == .scalar ? Int(record.start)..<Int(record.start + record.count) : 0..<0
    }

    func string(of index: Int) -> String {
        bytes.withUnsafeBufferPointer { UTF8Text.string(UnsafeBufferPointer(rebasing: $0[byteRange(of: index)])) }
    }

    /// Whether the scalar at `index` is written with exactly these bytes (as a `String` compares them, when both are ASCII).
    func scalar(_ index: Int, equals text: String) -> Bool {
        let record = records[index]
        guard record.kind == .scalar, Int(record.count) == text.utf8.count else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            YAMLDocument.equal(UnsafeBufferPointer(rebasing: buffer[Int(record.start)..<Int(record.start + record.count)]), text)
        }
    }

    /// Whether `bytes` are `text`'s UTF-8 bytes, compared through `memcmp`.
    static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ text: String) -> Bool {
        guard bytes.count == text.utf8.count else { return false }
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return true }
        return text.utf8.withContiguousStorageIfAvailable { other in
            other.baseAddress.map { memcmp(base, $0, bytes.count) == 0 } ?? false
        } ?? text.utf8.elementsEqual(bytes)
    }
}

/// A node of a `YAMLDocument`, with the position it starts at. Every scalar is a string: the readers type values
/// themselves. An alias is no node of its own: it is the node its anchor names, that node's position included.
struct Node: Sendable {
    let document: YAMLDocument
    let index: Int

    /// A node's position: 1-based line, and 1-based column counted in Unicode scalars (libyaml's marks plus one).
    struct Mark: Hashable, Sendable {
        let line: Int
        let column: Int
    }

    /// A scalar node: its text is made on reading.
    struct Scalar: Sendable {
        enum Style: UInt8, Sendable {
            case plain, singleQuoted, doubleQuoted, literal, folded
        }

        let node: Node

        var string: String { node.document.string(of: node.index) }
        var style: Style { node.record.style }
        /// The explicit tag (`!!int`, `!local`), nil for the default one (`tag:yaml.org,2002:str`).
        var tag: String? { node.document.tag(of: node.index) }
        var mark: Mark { node.mark }

        /// Whether the scalar is written with exactly these bytes, whatever its style.
        func isWritten(_ text: String) -> Bool { node.document.scalar(node.index, equals: text) }
    }

    /// The key-value pairs of a mapping, in file order.
    struct Mapping: RandomAccessCollection, Sendable {
        let node: Node

        var tag: String? { node.document.tag(of: node.index) }
        var mark: Mark { node.mark }
        var startIndex: Int { 0 }
        var endIndex: Int { Int(node.record.count) / 2 }
        subscript(position: Int) -> (key: Node, value: Node) {
            let first = Int(node.record.start) + 2 * position
            let children = node.document.children
            return (Node(document: node.document, index: Int(children[first])),
                    Node(document: node.document, index: Int(children[first + 1])))
        }
    }

    struct Sequence: RandomAccessCollection, Sendable {
        let node: Node

        var tag: String? { node.document.tag(of: node.index) }
        var mark: Mark { node.mark }
        var startIndex: Int { 0 }
        var endIndex: Int { Int(node.record.count) }
        subscript(position: Int) -> Node {
            Node(document: node.document, index: Int(node.document.children[Int(node.record.start) + position]))
        }
    }

    var record: YAMLDocument.Record { document.records[index] }

    var mark: Mark {
        let record = record
        return Mark(line: Int(record.line), column: Int(record.column))
    }

    var scalar: Scalar? { record.kind == .scalar ? Scalar(node: self) : nil }
    var mapping: Mapping? { record.kind == .mapping ? Mapping(node: self) : nil }
    var sequence: Sequence? { record.kind == .sequence ? Sequence(node: self) : nil }

    /// The value of the first key written `key` (a scalar), if this node is a mapping that has one.
    subscript(key: String) -> Node? {
        guard let mapping else { return nil }
        return mapping.first { $0.key.scalar?.string == key }?.value
    }
}

/// Two nodes are the same key when they have the same content and tags, whatever their style and position (a
/// quoted `"a"` and a plain `a` are one key, as YAML 1.1 and Yams' basic resolver had it). Scalars compare as
/// strings do (canonically equivalent texts are one key).
extension Node: Hashable {
    static func == (lhs: Node, rhs: Node) -> Bool {
        let left = lhs.record, right = rhs.record
        guard left.kind == right.kind, left.count == right.count || left.kind == .scalar,
            lhs.document.tag(of: lhs.index) == rhs.document.tag(of: rhs.index)
        else { return false }
        switch left.kind {
        case .scalar:
            let leftBytes = lhs.document.byteRange(of: lhs.index), rightBytes = rhs.document.byteRange(of: rhs.index)
            if lhs.document.bytes[leftBytes].elementsEqual(rhs.document.bytes[rightBytes]) { return true }
            // Only a text with a byte over ASCII can be another text's canonical equivalent (`K`, the kelvin sign, is `K`).
            if left.isASCII, right.isASCII { return false }
            return lhs.document.string(of: lhs.index) == rhs.document.string(of: rhs.index)
        case .mapping:
            return Mapping(node: lhs).elementsEqual(Mapping(node: rhs)) { $0.key == $1.key && $0.value == $1.value }
        case .sequence:
            return Sequence(node: lhs).elementsEqual(Sequence(node: rhs))
        }
    }

    func hash(into hasher: inout Hasher) {
        switch record.kind {
        case .scalar:
            hasher.combine(document.string(of: index))
            hasher.combine(document.tag(of: index))
        case .mapping:
            hasher.combine(record.count)
            hasher.combine(document.tag(of: index))
            for pair in Mapping(node: self) {
                hasher.combine(pair.key)
                hasher.combine(pair.value)
            }
        case .sequence:
            hasher.combine(document.tag(of: index))
            for item in Sequence(node: self) { hasher.combine(item) }
        }
    }
}
