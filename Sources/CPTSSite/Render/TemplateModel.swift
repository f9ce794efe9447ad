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

    /// The value a template reads: an object with every key of `fields`.
    var templateValue: TemplateValue {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(Self.fields.count)
        for field in Self.fields { field.write(self, &members) }
        return .object(members)
    }
}

/// One key of a view model (or, for `inline`, every key of a part shown at the same level), with its shape and
/// how its value is read from the model. An absent value reads as `false`, as the themes have always seen it: a
/// section over it does not run, and the key still exists.
struct TemplateField<Model>: Sendable {
    let schemas: [String: TemplateSchema]
    let write: @Sendable (Model, inout [String: TemplateValue]) -> Void

    private static func named(_ name: String, _ schema: TemplateSchema,
                              _ value: @escaping @Sendable (Model) -> TemplateValue) -> Self {
        Self(schemas: [name: schema]) { model, members in members[name] = value(model) }
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
        named(name, Part.schema) { get($0).templateValue }
    }

    /// A part that may be absent (`false` then).
    static func optional<Part: TemplateModel>(_ name: String, _ get: @escaping @Sendable (Model) -> Part?) -> Self {
        named(name, .optional(Part.schema)) { get($0)?.templateValue ?? .bool(false) }
    }

    /// A list of parts of one shape.
    static func list<Part: TemplateModel>(_ name: String, _ get: @escaping @Sendable (Model) -> [Part]) -> Self {
        named(name, .list(Part.schema)) { .list(get($0).map(\.templateValue)) }
    }

    /// A list that may be absent (`false` then, rather than an empty list).
    static func optionalList<Part: TemplateModel>(_ name: String, _ get: @escaping @Sendable (Model) -> [Part]?) -> Self {
        named(name, .optional(.list(Part.schema))) { get($0).map { .list($0.map(\.templateValue)) } ?? .bool(false) }
    }

    /// The keys of a part, at the model's own level (the common frame of every page).
    static func inline<Part: TemplateModel>(_ get: @escaping @Sendable (Model) -> Part) -> Self {
        Self(schemas: Part.members) { model, members in
            let part = get(model)
            for field in Part.fields { field.write(part, &members) }
        }
    }
}
