import CPTSDomain
import CPTSTemplates
import CPTSSync

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
