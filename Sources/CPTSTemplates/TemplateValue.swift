/// A value a template reads: the typed, immutable tree a view model is converted into once before rendering.
///
/// Truthiness follows the Mustache specification where it speaks, and otherwise what the site's templates have
/// always relied on: `null`, `false` and an empty list are falsey; every string (the empty one too), every
/// number (zero too), every object and every opaque value are truthy.
public enum TemplateValue: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([TemplateValue])
    case object([String: TemplateValue])
    /// A value known only by its printed form: truthy, without members or transforms.
    case opaque(String)
    /// An object whose members are read when a template names them (a typed view model); it reads as
    /// `.object(members)` would, member for member.
    case model(any TemplateObject)
    /// A list whose items are read when a template reaches them (a typed view model's list field); it reads as
    /// `.list(list.items)` would, item for item.
    case lazyList(any TemplateList)
    /// The item at `index` of `list`, read in place through `list.member(_:at:)`; it reads as
    /// `.object(list.members(at: index))` would, member for member.
    case listItem(any TemplateList, index: Int)

    /// The member `name` of an object; nil for a missing member or a value that is not an object.
    public subscript(member name: String) -> TemplateValue? {
        switch self {
        case .object(let members): members[name]
        case .model(let object): object.member(TemplateKey(name))
        case .listItem(let list, let index): list.member(TemplateKey(name), at: index)
        default: nil
        }
    }

    /// The member `key` names, as `subscript(member:)` finds it.
    @inline(__always)
    func member(_ key: TemplateKey) -> TemplateValue? {
        switch self {
        case .object(let members): members[key.name]
        case .model(let object): object.member(key)
        case .listItem(let list, let index): list.member(key, at: index)
        default: nil
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByFloatLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    public init(nilLiteral: ()) { self = .null }
}

extension TemplateValue {
    /// The text `{{name}}` prints for a value (before escaping). Lists and objects print a debugging form, as
    /// Swift's `description` of an array or dictionary would; templates are not expected to print them.
    var text: String {
        switch self {
        case .null: ""
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .double(let value): "\(value)"
        case .string(let value), .opaque(let value): value
        case .list(let items): "[" + items.map(\.debugText).joined(separator: ", ") + "]"
        case .model(let object): TemplateValue.object(object.members).text
        case .lazyList(let list): TemplateValue.list(list.items).text
        case .listItem(let list, let index): TemplateValue.object(list.members(at: index)).text
        case .object(let members):
            members.isEmpty ? "[:]" : "[" + members.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value.debugText)" }
                .joined(separator: ", ") + "]"
        }
    }

    private var debugText: String {
        if case .string(let value) = self { return "\"" + value + "\"" }
        return text
    }

    /// The named transform (`{{empty(list)}}`, `{{count(list)}}`, `{{uppercased(name)}}`…); nil when the value
    /// has no such transform, which then reads as a missing value.
    func transformed(_ name: String) -> TemplateValue? {
        switch self {
        case .string(let value):
            switch name {
            case "empty": return .bool(value.isEmpty)
            case "lowercased": return .string(value.lowercased())
            case "uppercased": return .string(value.uppercased())
            case "capitalized": return .string(Self.capitalized(value))
            case "reversed": return .string(String(value.reversed()))
            default: return nil
            }
        case .list(let items):
            switch name {
            case "first": return items.first ?? .null
            case "last": return items.last ?? .null
            case "reversed": return .list(items.reversed())
            case "count": return .int(items.count)
            case "empty": return .bool(items.isEmpty)
            case "sorted": return Self.sorted(items).map(TemplateValue.list)
            default: return nil
            }
        case .object(let members):
            func pairs() -> [(key: String, value: TemplateValue)] { members.map { ($0.key, $0.value) } }
            switch name {
            case "count": return .int(members.count)
            case "empty": return .bool(members.isEmpty)
            case "enumerated": return .list(pairs().map { .object(["key": .string($0.key), "value": $0.value]) })
            case "sorted":
                return .list(pairs().sorted { $0.key < $1.key }.map { .object(["key": .string($0.key), "value": $0.value]) })
            default: return nil
            }
        case .int(let value):
            switch name {
            case "equalzero": return .bool(value == 0)
            case "plusone": return .int(value &+ 1)
            case "minusone": return .int(value &- 1)
            case "even": return .bool(value & 1 == 0)
            case "odd": return .bool(value & 1 == 1)
            default: return nil
            }
        case .lazyList(let list):
            // What needs no item built is answered from the count; the rest as the built list would.
            switch name {
            case "count": return .int(list.count)
            case "empty": return .bool(list.count == 0)
            case "first": return list.count == 0 ? .null : list.item(at: 0)
            case "last": return list.count == 0 ? .null : list.item(at: list.count - 1)
            default: return TemplateValue.list(list.items).transformed(name)
            }
        case .model(let object):
            return TemplateValue.object(object.members).transformed(name)
        case .listItem(let list, let index):
            return TemplateValue.object(list.members(at: index)).transformed(name)
        case .null, .bool, .double, .opaque:
            return nil
        }
    }

    /// Items all of one comparable kind (strings, integers or decimals), sorted; nil for any other list.
    private static func sorted(_ items: [TemplateValue]) -> [TemplateValue]? {
        var strings: [String] = [], ints: [Int] = [], doubles: [Double] = []
        for item in items {
            switch item {
            case .string(let value): strings.append(value)
            case .int(let value): ints.append(value)
            case .double(let value): doubles.append(value)
            default: return nil
            }
        }
        if strings.count == items.count { return strings.sorted().map(TemplateValue.string) }
        if ints.count == items.count { return ints.sorted().map(TemplateValue.int) }
        if doubles.count == items.count { return doubles.sorted().map(TemplateValue.double) }
        return nil
    }

    /// The first letter of each word upper-cased, the others lower-cased.
    private static func capitalized(_ text: String) -> String {
        var result = ""
        var atWordStart = true
        for character in text {
            result += atWordStart ? character.uppercased() : character.lowercased()
            atWordStart = character.isWhitespace
        }
        return result
    }
}
