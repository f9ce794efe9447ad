import CPTSMarkdown
import CYAML

#if canImport(Glibc)
import Glibc
#endif

/// libyaml's events of one document, one at a time, for a reader that decodes them straight into the model
/// instead of composing a `Node` tree first. It takes only what needs none of the composer's checks: an anchor, an
/// alias, an explicit tag, a libyaml error or more values than `YAMLComposer.maximumNodes` ends the reading
/// (`Irregular`), and the caller then reads the text through `YAMLComposer` and `YAMLReader`, which report it.
struct YAMLEvents: ~Copyable {
    /// What the event reading leaves to the composer and the tree reader (they give its diagnostics).
    struct Irregular: Error {}

    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private var event = yaml_event_t()
    private var holdsEvent = false
    private var nodes = 0

    /// The current event's kind.
    private(set) var type = YAML_NO_EVENT

    /// Runs `body` over `yaml`'s events; nil when the text is irregular (see `YAMLEvents`).
    static func read<T>(_ yaml: String, _ body: (inout YAMLEvents) throws(Irregular) -> T) -> T? {
        var text = yaml
        return text.withUTF8 { bytes -> T? in
            // libyaml asserts a non-null input; an empty text is left to the composer.
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
            // Allocated, not a local: yaml_parser_set_input_string keeps a pointer to the parser itself.
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) != 0 else { return nil }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, base, bytes.count)
            var events = YAMLEvents(parser: parser)
            defer { events.release() }
            do throws(Irregular) {
                return try body(&events)
            } catch {
                return nil
            }
        }
    }

    private init(parser: UnsafeMutablePointer<yaml_parser_t>) {
        self.parser = parser
    }

    private mutating func release() {
        if holdsEvent { yaml_event_delete(&event) }
        holdsEvent = false
    }

    /// Moves to the next event and gives its kind.
    @discardableResult
    mutating func next() throws(Irregular) -> yaml_event_type_t {
        release()
        guard yaml_parser_parse(parser, &event) != 0 else { throw Irregular() }
        holdsEvent = true
        type = event.type
        switch type {
        case YAML_SCALAR_EVENT:
            guard event.data.scalar.anchor == nil, event.data.scalar.tag == nil else { throw Irregular() }
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            // The two start events share one layout (anchor, tag, implicit, style).
            guard event.data.sequence_start.anchor == nil, event.data.sequence_start.tag == nil else { throw Irregular() }
        case YAML_ALIAS_EVENT:
            throw Irregular()
        default:
            return type
        }
        nodes += 1
        guard nodes <= YAMLComposer.maximumNodes else { throw Irregular() }
        return type
    }

    /// Moves to the next event, which must be of kind `expected`.
    mutating func next(_ expected: yaml_event_type_t) throws(Irregular) {
        guard try next() == expected else { throw Irregular() }
    }

    /// Where the current event starts, as the composer gives a node's position.
    var mark: Node.Mark { Node.Mark(event.start_mark) }

    /// Whether the current event is a scalar written `key`, whatever its style (as `YAMLReader.mapping` reads keys).
    /// The keys are literals: their bytes are compared by `memcmp`, length first (the standard library's
    /// `elementsEqual` over a `String`'s UTF-8 cost about 2 % of the heavy set's load stage).
    func isScalar(_ key: StaticString) -> Bool {
        let scalar = event.data.scalar
        guard type == YAML_SCALAR_EVENT, scalar.length == key.utf8CodeUnitCount else { return false }
        guard let value = scalar.value else { return key.utf8CodeUnitCount == 0 }
        return memcmp(value, key.utf8Start, scalar.length) == 0
    }

    /// The current event, a scalar, with its style and position; throws for any other event.
    func scalar() throws(Irregular) -> Scalar {
        guard type == YAML_SCALAR_EVENT else { throw Irregular() }
        let scalar = event.data.scalar
        let string = UTF8Text.string(UnsafeBufferPointer(start: scalar.value, count: scalar.length))
        return Scalar(string: string, style: Node.Scalar.Style(scalar.style), mark: mark)
    }

    /// The current event, a scalar, made a text by `make` once per distinct bytes and style read into `table`.
    func internedText(in table: inout InternedTexts, making make: (Scalar) throws(Irregular) -> String) throws(Irregular) -> String {
        guard type == YAML_SCALAR_EVENT else { throw Irregular() }
        let scalar = event.data.scalar
        let bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
        let style = Node.Scalar.Style(scalar.style)
        if let known = table.text(of: bytes, style: style) { return known }
        return table.add(try make(try self.scalar()), of: bytes, style: style)
    }

    /// `scalar()` for a value read as a number: a plain scalar of digits (`YAMLReader.plainDigits`) is kept as its
    /// value, without making its `String`.
    func numberScalar() throws(Irregular) -> Scalar {
        guard type == YAML_SCALAR_EVENT else { throw Irregular() }
        let scalar = event.data.scalar
        if scalar.style == YAML_PLAIN_SCALAR_STYLE,
            let digits = YAMLReader.plainDigits(bytes: UnsafeBufferPointer(start: scalar.value, count: scalar.length))
        {
            return Scalar(digits: digits, mark: mark)
        }
        return try self.scalar()
    }

    /// A scalar read from an event, kept until its mapping ends (the keys of a mapping come in any order).
    struct Scalar {
        /// What is written; empty when `digits` holds it.
        let string: String
        let style: Node.Scalar.Style
        let mark: Node.Mark
        /// The value of a plain scalar of digits read by `numberScalar()`.
        let digits: Int?

        init(string: String, style: Node.Scalar.Style, mark: Node.Mark) {
            self.string = string
            self.style = style
            self.mark = mark
            self.digits = nil
        }

        init(digits: Int, mark: Node.Mark) {
            self.string = ""
            self.style = .plain
            self.mark = mark
            self.digits = digits
        }

        var isNull: Bool { digits == nil && YAMLReader.isNull(string, style: style) }
    }
}
