import CPTSDomain
import Yams

/// Turns a Yams error into a diagnostic at the line and column libyaml reported, in plain words when the mistake
/// is a usual one (`YAMLSyntaxHelp`).
enum YAMLSyntaxError {
    static func diagnostic(for error: YamlError, yaml: String, path: String, lineOffset: Int) -> Diagnostic {
        // libyaml reports an unclosed bracket at the end of input, below the last line: point at the end of that line.
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        func at(_ mark: Mark) -> SourceLocation {
            if mark.line > lines.count, let last = lines.last {
                return SourceLocation(file: path, line: lines.count + lineOffset, column: last.unicodeScalars.count + 1)
            }
            return SourceLocation(file: path, line: mark.line + lineOffset, column: max(1, mark.column))
        }
        func at(_ position: (line: Int, column: Int)) -> SourceLocation {
            SourceLocation(file: path, line: position.line + lineOffset, column: max(1, position.column))
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            if let help = YAMLSyntaxHelp.help(problem: problem, context: context?.text, contextLine: context?.mark.line,
                                              lines: lines.map(String.init), line: mark.line, column: mark.column) {
                return .error(.yamlHelp(help.help), at: at((help.line, help.column)))
            }
            return .error(.yamlSyntax(problem: problem, context: context?.text, contextLine: context.map { $0.mark.line + lineOffset }),
                          at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let second = secondOccurrence(of: key, after: context.mark, in: yaml) ?? (context.mark.line, context.mark.column)
            return .error(.keyDuplicate(key: key, firstLine: context.mark.line + lineOffset), at: at(second))
        case .reader(let problem, _, _, _):
            return .error(.yamlUnreadable(problem: problem), at: SourceLocation(file: path, line: 1 + lineOffset, column: 1))
        default:
            return .error(.yamlUnreadable(problem: "\(error)"), at: SourceLocation(file: path, line: 1 + lineOffset, column: 1))
        }
    }

    /// Yams points at the first of two duplicate keys; the mistake is usually the second one.
    static func secondOccurrence(of key: String, after first: Mark, in yaml: String) -> (line: Int, column: Int)? {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line <= lines.count else { return nil }
        let indent = first.column - 1
        for index in first.line..<lines.count {
            let line = lines[index]
            let prefix = line.prefix(indent)
            let rest = line.dropFirst(indent)
            guard prefix.allSatisfy({ $0 == " " || $0 == "-" }) else { continue }
            if rest.hasPrefix(key + ":") || rest.hasPrefix("\"\(key)\":") || rest.hasPrefix("'\(key)':") {
                return (index + 1, first.column)
            }
        }
        return nil
    }
}
