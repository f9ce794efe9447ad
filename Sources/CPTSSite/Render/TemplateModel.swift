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
    static var fieldIndex: TemplateFieldIndex<Self> { TemplateFieldIndexes.shared.index(of: Self.self) }

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

    /// Texts (`{{#name}}{{.}}{{/name}}`).
    static func texts(_ name: String, _ get: @escaping @Sendable (Model) -> [String]) -> Self {
        named(name, .list(.scalar)) { .list(get($0).map(TemplateValue.string)) }
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

    /// A list of parts of one shape.
    static func list<Part: TemplateModel>(_ name: String, _ get: @escaping @Sendable (Model) -> [Part]) -> Self {
        let index = Part.fieldIndex
        return named(name, .list(Part.schema)) { .list(get($0).map { .model(ModelObject($0, index)) }) }
    }

    /// A list that may be absent (`false` then, rather than an empty list).
    static func optionalList<Part: TemplateModel>(_ name: String, _ get: @escaping @Sendable (Model) -> [Part]?) -> Self {
        let index = Part.fieldIndex
        return named(name, .optional(.list(Part.schema))) { model in
            guard let parts = get(model) else { return .bool(false) }
            return .list(parts.map { .model(ModelObject($0, index)) })
        }
    }

    /// The keys of a part, at the model's own level (the common frame of every page).
    static func inline<Part: TemplateModel>(_ get: @escaping @Sendable (Model) -> Part) -> Self {
        Self(schemas: Part.members, readers: Part.fields.flatMap(\.readers).map { name, read in
            (name, { model in read(get(model)) })
        })
    }
}

/// A model's keys, each with how its value is read: what a template's lookup goes through.
final class TemplateFieldIndex<Model>: Sendable {
    let table: TemplateKeyTable
    let readers: [@Sendable (Model) -> TemplateValue]

    init(_ fields: [TemplateField<Model>]) {
        var names: [String] = [], readers: [@Sendable (Model) -> TemplateValue] = []
        var positions: [String: Int] = [:]
        for field in fields {
            for (name, read) in field.readers {
                if let position = positions[name] {
                    readers[position] = read
                } else {
                    positions[name] = names.count
                    names.append(name)
                    readers.append(read)
                }
            }
        }
        table = TemplateKeyTable(names)
        self.readers = readers
    }
}

/// One field index per model type, built on first use.
final class TemplateFieldIndexes: Sendable {
    static let shared = TemplateFieldIndexes()
    private let indexes = Locked<[ObjectIdentifier: any Sendable]>([:])

    func index<Model: TemplateModel>(of type: Model.Type) -> TemplateFieldIndex<Model> {
        let id = ObjectIdentifier(type)
        if let index = indexes.withLock({ $0[id] }) as? TemplateFieldIndex<Model> { return index }
        // Built outside the lock: reading `fields` may build the indexes of the model's parts.
        let index = TemplateFieldIndex(Model.fields)
        return indexes.withLock { indexes in
            if let built = indexes[id] as? TemplateFieldIndex<Model> { return built }
            indexes[id] = index
            return index
        }
    }
}

/// A view model as a template reads it: a key's value is read from the model when a template names the key.
final class ModelObject<Model: TemplateModel>: TemplateObject {
    let model: Model
    let index: TemplateFieldIndex<Model>

    init(_ model: Model, _ index: TemplateFieldIndex<Model>) {
        self.model = model
        self.index = index
    }

    func member(_ key: TemplateKey) -> TemplateValue? {
        guard let position = index.table.position(of: key) else { return nil }
        return index.readers[position](model)
    }

    var members: [String: TemplateValue] {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(index.readers.count)
        for (position, name) in index.table.names.enumerated() { members[name] = index.readers[position](model) }
        return members
    }
}
