/// A YAML node composed by `YAMLComposer`, with the position it starts at. Every scalar is a string: the readers
/// type values themselves. An alias is no node of its own: it is replaced by the node its anchor names, that
/// node's position included.
/// Indirect: a node is copied at every step of reading (pairs, lookups, values handed on), and a copy is then one
/// reference counted, not each of its strings and arrays.
indirect enum Node: Sendable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)

    /// A node's position: 1-based line, and 1-based column counted in Unicode scalars (libyaml's marks plus one).
    struct Mark: Hashable, Sendable {
        let line: Int
        let column: Int
    }

    struct Scalar: Sendable {
        enum Style: Sendable {
            case plain, singleQuoted, doubleQuoted, literal, folded
        }

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
extension Node: Hashable {
    static func == (lhs: Node, rhs: Node) -> Bool {
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
