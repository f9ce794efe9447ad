import CPTSSync
import CPTSTemplates

/// A view model: a page's or a part's typed value, whose fields are declared once (`fields`), each with its key,
/// its shape and how to read it, so that the shape a theme is checked against (`schema`) and the value a template
/// reads (`templateValue`) cannot disagree.
protocol TemplateModel: Hashable, Sendable {
    /// Every key a template may read, in no particular order.
    static var fields: [TemplateField<Self>] { get }
}

/// A page's view model: the root of a template (`template`), the common frame included.
protocol PageModel: TemplateModel {
    /// The template that renders it (`themes/<theme>/templates/<template>.mustache`).
    static var template: String { get }
}

extension TemplateModel {
    /// The keys and their shapes.
    static var members: [String: TemplateSchema] {
        var members: [String: TemplateSchema] = [:]
        for field in fields { members.merge(field.schemas) { _, new in new } }
        return members
    }

    static var schema: TemplateSchema { .object(members) }

    /// The fields by key, built once per model type.
    static var fieldIndex: TemplateFieldIndex { TemplateFieldIndexes.shared.index(of: Self.self) }

    /// The value a template reads: an object with every key of `fields`, each read from the model when a
    /// template names it.
    var templateValue: TemplateValue { .model(ModelObject(self, Self.fieldIndex)) }
}

/// One key of a view model (or, for `inline`, every key of a part shown at the same level), with its shape and
/// how its value is read from the model. An absent value reads as `false`, as the themes have always seen it: a
/// section over it does not run, and the key still exists.
///
/// Each reader is made here, where the model's type is known: it reads its field from the model in place, where
/// a `ModelObject` holds it (a reader of a generic model, called through the model's type metadata, copied the
/// whole model for every key read).
struct TemplateField<Model: TemplateModel>: Sendable {
    let schemas: [String: TemplateSchema]
    /// Each key and how its value is read, in order (a key given again replaces the earlier one).
    let readers: [(name: String, read: TemplateReader)]
    /// How each inline part is made from the model (`inline`): once per model, not once per key read.
    var parts: [@Sendable (ModelSource) -> ModelSource] = []

    /// The model a source holds: a source is always a `ModelObject` of the model type its index was built for.
    @inline(__always)
    private static func object(_ source: ModelSource) -> ModelObject<Model> {
        unsafeDowncast(source, to: ModelObject<Model>.self)
    }

    private static func named(_ name: String, _ schema: TemplateSchema,
                              _ value: @escaping @Sendable (ModelSource) -> TemplateValue) -> Self {
        Self(schemas: [name: schema], readers: [(name, .direct(value))])
    }

    /// A text (`{{name}}`).
    static func text(_ name: String, _ get: @escaping @Sendable (Model) -> String) -> Self {
        named(name, .scalar) { .string(get(object($0).model)) }
    }

    /// A text that may be absent (`false` then).
    static func optionalText(_ name: String, _ get: @escaping @Sendable (Model) -> String?) -> Self {
        named(name, .optional(.scalar)) { get(object($0).model).map(TemplateValue.string) ?? .bool(false) }
    }

    /// Texts (`{{#name}}{{.}}{{/name}}`), each read when a template reaches it.
    static func texts(_ name: String, _ get: @escaping @Sendable (Model) -> [String]) -> Self {
        named(name, .list(.scalar)) { .lazyList(TextList(get(object($0).model))) }
    }

    /// A yes/no value.
    static func flag(_ name: String, _ get: @escaping @Sendable (Model) -> Bool) -> Self {
        named(name, .flag) { .bool(get(object($0).model)) }
    }

    /// A part with keys of its own.
    static func object<Part: TemplateModel>(_ name: String, _ get: @escaping @Sendable (Model) -> Part) -> Self {
        let index = Part.fieldIndex
        return named(name, Part.schema) { .model(ModelObject(get(object($0).model), index)) }
    }

    /// A part that may be absent (`false` then).
    static func optional<Part: TemplateModel>(_ name: String, _ get: @escaping @Sendable (Model) -> Part?) -> Self {
        let index = Part.fieldIndex
        return named(name, .optional(Part.schema)) { source in
            guard let part = get(object(source).model) else { return .bool(false) }
            return .model(ModelObject(part, index))
        }
    }

    /// A list of parts of one shape, each read in place when a template reaches it.
    static func list<Part: TemplateModel>(_ name: String, _ get: @escaping @Sendable (Model) -> [Part]) -> Self {
        let index = Part.fieldIndex
        return named(name, .list(Part.schema)) { .lazyList(ModelList(get(object($0).model), index)) }
    }

    /// A list that may be absent (`false` then, rather than an empty list).
    static func optionalList<Part: TemplateModel>(_ name: String, _ get: @escaping @Sendable (Model) -> [Part]?) -> Self {
        let index = Part.fieldIndex
        return named(name, .optional(.list(Part.schema))) { source in
            guard let parts = get(object(source).model) else { return .bool(false) }
            return .lazyList(ModelList(parts, index))
        }
    }

    /// The keys of a part, at the model's own level (the common frame of every page). The part is made a
    /// `ModelObject` once, with the model, and each of its keys is read from it.
    static func inline<Part: TemplateModel>(_ get: @escaping @Sendable (Model) -> Part) -> Self {
        let index = Part.fieldIndex
        return Self(schemas: Part.members, readers: index.table.names.map { ($0, .inline(part: 0)) },
                    parts: [{ ModelObject(get(object($0).model), index) }])
    }
}

/// How a key's value is read from the model a `ModelSource` holds.
enum TemplateReader: Sendable {
    /// Read from the model itself.
    case direct(@Sendable (ModelSource) -> TemplateValue)
    /// Read, under the same key, from an inline part of the model: the field's `part`-th.
    case inline(part: Int)
}

/// A model's keys, each with how its value is read: what a template's lookup goes through. The readers take the
/// model's `ModelSource`, not the model's type: a lookup calls them without generic metadata (the type of a reader
/// of `Model`, looked up at run time on every lookup, cost more than the read).
final class TemplateFieldIndex: Sendable {
    let table: TemplateKeyTable
    let readers: [@Sendable (ModelSource) -> TemplateValue]
    /// How each inline part is made from the model, in the order of `ModelSource.parts`.
    let parts: [@Sendable (ModelSource) -> ModelSource]

    init<Model: TemplateModel>(_ fields: [TemplateField<Model>]) {
        var names: [String] = [], readers: [@Sendable (ModelSource) -> TemplateValue] = []
        var parts: [@Sendable (ModelSource) -> ModelSource] = []
        var positions: [String: Int] = [:]
        for field in fields {
            for (name, read) in field.readers {
                let reader: @Sendable (ModelSource) -> TemplateValue
                switch read {
                case .direct(let read): reader = read
                case .inline(let part): reader = Self.inlineReader(TemplateKey(name), part: parts.count + part)
                }
                if let position = positions[name] {
                    readers[position] = reader
                } else {
                    positions[name] = names.count
                    names.append(name)
                    readers.append(reader)
                }
            }
            parts += field.parts
        }
        table = TemplateKeyTable(names)
        self.readers = readers
        self.parts = parts
    }

    /// The member `key` names of the inline part `part` of the model a source holds.
    private static func inlineReader(_ key: TemplateKey, part: Int) -> @Sendable (ModelSource) -> TemplateValue {
        { source in
            let part = source.parts[part]
            return part.index.member(key, of: part) ?? .null
        }
    }

    /// The member `key` names of the model `source` holds.
    @inline(__always)
    func member(_ key: TemplateKey, of source: ModelSource) -> TemplateValue? {
        guard let field = table.position(of: key) else { return nil }
        return readers[field](source)
    }

    /// Every member of the model `source` holds.
    func members(of source: ModelSource) -> [String: TemplateValue] {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(readers.count)
        for (field, name) in table.names.enumerated() { members[name] = readers[field](source) }
        return members
    }
}

/// One field index per model type, built on first use.
final class TemplateFieldIndexes: Sendable {
    static let shared = TemplateFieldIndexes()
    private let indexes = Locked<[ObjectIdentifier: any Sendable]>([:])

    func index<Model: TemplateModel>(of type: Model.Type) -> TemplateFieldIndex {
        let id = ObjectIdentifier(type)
        if let index = indexes.withLock({ $0[id] }) as? TemplateFieldIndex { return index }
        // Built outside the lock: reading `fields` may build the indexes of the model's parts.
        let index = TemplateFieldIndex(Model.fields)
        return indexes.withLock { indexes in
            if let built = indexes[id] as? TemplateFieldIndex { return built }
            indexes[id] = index
            return index
        }
    }
}

/// A view model as a template reads it, its type erased: a lookup reaches the readers without the model type's
/// metadata.
class ModelSource: TemplateObject, @unchecked Sendable {
    let index: TemplateFieldIndex
    /// The model's inline parts (`TemplateField.inline`), made with it; set in `ModelObject.init` and never again,
    /// which is what makes the class `Sendable`.
    fileprivate(set) var parts: [ModelSource] = []

    init(_ index: TemplateFieldIndex) { self.index = index }

    final func member(_ key: TemplateKey) -> TemplateValue? { index.member(key, of: self) }

    final var members: [String: TemplateValue] { index.members(of: self) }
}

/// A view model as a template reads it: a key's value is read from the model when a template names the key.
/// Sendable as its superclass is: its one stored property is an immutable `Sendable` model (Swift 6 asks a
/// subclass of an `@unchecked Sendable` class to restate it).
final class ModelObject<Model: TemplateModel>: ModelSource, @unchecked Sendable {
    let model: Model

    init(_ model: Model, _ index: TemplateFieldIndex) {
        self.model = model
        super.init(index)
        if !index.parts.isEmpty { parts = index.parts.map { $0(self) } }
    }
}

/// A list of view models as a template reads it: `empty(…)` and `count(…)` read its count, and a section over it
/// makes one `ModelObject` of each item it reaches (copied once, where reading its keys in place through a closure
/// would copy it once for each key), instead of a list of them built at every lookup. Its items are made by a
/// closure built where the model's type is known: made in the generic class, each would look up the type
/// metadata of `ModelObject<Model>` at run time (more than the item's own cost).
final class ModelList: TemplateList {
    let count: Int
    private let make: @Sendable (Int) -> ModelSource

    init<Model: TemplateModel>(_ models: [Model], _ index: TemplateFieldIndex) {
        count = models.count
        make = { ModelObject(models[$0], index) }
    }

    func item(at position: Int) -> TemplateValue { .model(make(position)) }

    func member(_ key: TemplateKey, at position: Int) -> TemplateValue? { make(position).member(key) }

    func members(at position: Int) -> [String: TemplateValue] { make(position).members }
}

/// Texts as a template reads them, each made a value when a template reaches it.
final class TextList: TemplateList {
    let texts: [String]

    init(_ texts: [String]) { self.texts = texts }

    var count: Int { texts.count }

    func item(at position: Int) -> TemplateValue { .string(texts[position]) }

    func member(_ key: TemplateKey, at position: Int) -> TemplateValue? { nil }

    func members(at position: Int) -> [String: TemplateValue] { [:] }
}
