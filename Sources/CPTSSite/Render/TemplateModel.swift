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
struct TemplateField<Model>: Sendable {
    let schemas: [String: TemplateSchema]
    /// Each key and how its value is read from the model, in order (a key given again replaces the earlier one).
    let readers: [(name: String, read: @Sendable (Model) -> TemplateValue)]

    private static func named(_ name: String, _ schema: TemplateSchema,
                              _ value: @escaping @Sendable (Model) -> TemplateValue) -> Self {
        Self(schemas: [name: schema], readers: [(name, value)])
    }

    /// A text (`{{name}}`).
    static func text(_ name: String, _ get: @escaping @Sendable (Model) -> String) -> Self {
        named(name, .scalar) { .string(get($0)) }
    }

    /// A text that may be absent (`false` then).
    static func optionalText(_ name: String, _ get: @escaping @Sendable (Model) -> String?) -> Self {
        named(name, .optional(.scalar)) { get($0).map(TemplateValue.string) ?? .bool(false) }
    }

    /// Texts (`{{#name}}{{.}}{{/name}}`), each read when a template reaches it.
    static func texts(_ name: String, _ get: @escaping @Sendable (Model) -> [String]) -> Self {
        named(name, .list(.scalar)) { .lazyList(TextList(get($0))) }
    }

    /// A yes/no value.
    static func flag(_ name: String, _ get: @escaping @Sendable (Model) -> Bool) -> Self {
        named(name, .flag) { .bool(get($0)) }
    }

    /// A part with keys of its own.
    static func object<Part: TemplateModel>(_ name: String, _ get: @escaping @Sendable (Model) -> Part) -> Self {
        let index = Part.fieldIndex
        return named(name, Part.schema) { .model(ModelObject(get($0), index)) }
    }

    /// A part that may be absent (`false` then).
    static func optional<Part: TemplateModel>(_ name: String, _ get: @escaping @Sendable (Model) -> Part?) -> Self {
        let index = Part.fieldIndex
        return named(name, .optional(Part.schema)) { model in
            guard let part = get(model) else { return .bool(false) }
            return .model(ModelObject(part, index))
        }
    }

    /// A list of parts of one shape, each read in place when a template reaches it.
    static func list<Part: TemplateModel>(_ name: String, _ get: @escaping @Sendable (Model) -> [Part]) -> Self {
        let index = Part.fieldIndex
        return named(name, .list(Part.schema)) { .lazyList(ModelList(get($0), index)) }
    }

    /// A list that may be absent (`false` then, rather than an empty list).
    static func optionalList<Part: TemplateModel>(_ name: String, _ get: @escaping @Sendable (Model) -> [Part]?) -> Self {
        let index = Part.fieldIndex
        return named(name, .optional(.list(Part.schema))) { model in
            guard let parts = get(model) else { return .bool(false) }
            return .lazyList(ModelList(parts, index))
        }
    }

    /// The keys of a part, at the model's own level (the common frame of every page).
    static func inline<Part: TemplateModel>(_ get: @escaping @Sendable (Model) -> Part) -> Self {
        Self(schemas: Part.members, readers: Part.fields.flatMap(\.readers).map { name, read in
            (name, { model in read(get(model)) })
        })
    }
}

/// A model's keys, each with how its value is read: what a template's lookup goes through. The readers take the
/// model's `ModelSource`, not the model's type: a lookup calls them without generic metadata (the type of a reader
/// of `Model`, looked up at run time on every lookup, cost more than the read).
final class TemplateFieldIndex: Sendable {
    let table: TemplateKeyTable
    let readers: [@Sendable (ModelSource) -> TemplateValue]

    init<Model: TemplateModel>(_ fields: [TemplateField<Model>]) {
        var names: [String] = [], readers: [@Sendable (ModelSource) -> TemplateValue] = []
        var positions: [String: Int] = [:]
        for field in fields {
            for (name, read) in field.readers {
                let reader = Self.reader(read)
                if let position = positions[name] {
                    readers[position] = reader
                } else {
                    positions[name] = names.count
                    names.append(name)
                    readers.append(reader)
                }
            }
        }
        table = TemplateKeyTable(names)
        self.readers = readers
    }

    /// `read` applied to the model a source holds, where the source holds it (a class's constant: no copy of the
    /// model, which a list's element read through a closure would be, once for each key).
    private static func reader<Model: TemplateModel>(
        _ read: @escaping @Sendable (Model) -> TemplateValue
    ) -> @Sendable (ModelSource) -> TemplateValue {
        // A source is always a `ModelObject` of the model type its index was built for.
        { source in read(unsafeDowncast(source, to: ModelObject<Model>.self).model) }
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
class ModelSource: @unchecked Sendable {
    let index: TemplateFieldIndex

    init(_ index: TemplateFieldIndex) { self.index = index }
}

/// A view model as a template reads it: a key's value is read from the model when a template names the key.
/// Sendable as its superclass is: its one stored property is an immutable `Sendable` model (Swift 6 asks a
/// subclass of an `@unchecked Sendable` class to restate it).
final class ModelObject<Model: TemplateModel>: ModelSource, TemplateObject, @unchecked Sendable {
    let model: Model

    init(_ model: Model, _ index: TemplateFieldIndex) {
        self.model = model
        super.init(index)
    }

    func member(_ key: TemplateKey) -> TemplateValue? { index.member(key, of: self) }

    var members: [String: TemplateValue] { index.members(of: self) }
}

/// A list of view models as a template reads it: `empty(…)` and `count(…)` read its count, and a section over it
/// makes one `ModelObject` of each item it reaches (copied once, where reading its keys in place through a closure
/// would copy it once for each key), instead of a list of them built at every lookup.
final class ModelList<Model: TemplateModel>: TemplateList {
    let models: [Model]
    let index: TemplateFieldIndex

    init(_ models: [Model], _ index: TemplateFieldIndex) {
        self.models = models
        self.index = index
    }

    var count: Int { models.count }

    func item(at position: Int) -> TemplateValue { .model(ModelObject(models[position], index)) }

    func member(_ key: TemplateKey, at position: Int) -> TemplateValue? { ModelObject(models[position], index).member(key) }

    func members(at position: Int) -> [String: TemplateValue] { ModelObject(models[position], index).members }
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
