import CPTSDomain
import CPTSTemplates
import Foundation
import CPTSSync

/// The view models are `[String: Any]` trees; a page's is converted once into the typed tree the templates read.
/// Each value reads as swift-mustache, the engine the themes were written for, read it: an optional reads as
/// what it wraps; `nil` inside an `Any` was truthy there and printed `nil` (the models write `false` for absent
/// values instead, see `ViewModels.present`); `NSNull` is null; a type not listed here prints its description.
extension TemplateValue {
    init(viewModel value: Any) {
        switch value {
        case let text as String: self = .string(text)
        case let members as [String: Any]: self = .object(members.mapValues(TemplateValue.init(viewModel:)))
        case let items as [Any]: self = .list(items.map(TemplateValue.init(viewModel:)))
        case let truth as Bool: self = .bool(truth)
        case let number as Int: self = .int(number)
        case let number as Double: self = .double(number)
        case let text as Substring: self = .string(String(text))
        case is NSNull: self = .null
        case let optional as any OptionalValue: self = optional.wrappedValue.map(TemplateValue.init(viewModel:)) ?? .opaque("nil")
        default: self = .opaque(String(describing: value))
        }
    }
}

protocol OptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedValue: Any? { self }
}

/// Names looked up in vain while rendering, gathered from every render task.
final class MissedKeys: Sendable {
    private let names = Locked<Set<String>>([])

    func record(_ name: String) {
        names.withLock { _ = $0.insert(name) }
    }

    func record(_ newNames: Set<String>) {
        names.withLock { $0.formUnion(newNames) }
    }

    var all: [String] { names.withLock { $0.sorted() } }

    /// One diagnostic per missing name, at its first use in the theme's templates.
    func diagnostics(in theme: Theme) -> [Diagnostic] {
        all.map { name in
            let location = theme.firstUse(of: name)
            return .error(.templateKeyUnknown(key: name), at: location)
        }
    }
}

extension Theme {
    /// Where `name` first appears inside a `{{ }}` tag, template by template in name order.
    func firstUse(of name: String) -> SourceLocation {
        for (_, file) in templateFiles.sorted(by: { $0.key < $1.key }) {
            for (index, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                var searchStart = line.startIndex
                while let open = line[searchStart...].firstRange(of: "{{") {
                    guard let close = line[open.upperBound...].firstRange(of: "}}") else { break }
                    let tag = line[open.upperBound..<close.lowerBound]
                    let words = tag.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") })
                    if words.contains(where: { $0 == name }), let offset = tag.firstRange(of: name) {
                        let column = line.unicodeScalars.distance(from: line.startIndex, to: offset.lowerBound) + 1
                        return SourceLocation(file: file.path, line: index + 1, column: column)
                    }
                    searchStart = close.upperBound
                }
            }
        }
        return SourceLocation(file: "themes", line: 1, column: 1)
    }
}
