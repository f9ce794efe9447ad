/// What a template may read under each name: the shape of a view model, known before any page is rendered, so
/// that a theme's templates are checked against it when the theme loads (every branch, not only those a site reaches).
public indirect enum TemplateSchema: Sendable, Equatable {
    /// A printable value (text or number): `{{name}}`; a section over it runs once, with it on the stack.
    case scalar
    /// A yes/no value: a section over it shows or not and pushes nothing readable.
    case flag
    /// An object with these members.
    case object([String: TemplateSchema])
    /// A list whose elements all have this shape: a section over it runs once per element, the element on the stack.
    case list(TemplateSchema)
    /// A value that may be absent (null or false): a section over it runs only when present, with what it wraps.
    case optional(TemplateSchema)
}
