import CPTSDomain

/// Turns a composer failure into a diagnostic at the line and column libyaml (or the composer) reported, in plain
/// words when the mistake is a usual one (`YAMLSyntaxHelp`).
enum YAMLSyntaxError {
    static func diagnostic(for failure: YAMLComposer.Failure, yaml: String, path: String, lineOffset: Int) -> Diagnostic {
        // libyaml reports an unclosed bracket at the end of input, below the last line: point at the end of that line.
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        func at(_ mark: Node.Mark) -> SourceLocation {
            if mark.line > lines.count, let last = lines.last {
                return SourceLocation(file: path, line: lines.count + lineOffset, column: last.unicodeScalars.count + 1)
            }
            return SourceLocation(file: path, line: mark.line + lineOffset, column: max(1, mark.column))
        }
        switch failure {
        case .syntax(let problem, let mark, let context, let contextMark):
            if let help = YAMLSyntaxHelp.help(problem: problem, context: context, contextLine: contextMark?.line,
                                              lines: lines.map(String.init), line: mark.line, column: mark.column) {
                return .error(.yamlHelp(help.help), at: SourceLocation(file: path, line: help.line + lineOffset, column: max(1, help.column)))
            }
            return .error(.yamlSyntax(problem: problem, context: context, contextLine: contextMark.map { $0.line + lineOffset }),
                          at: at(mark))
        case .duplicateKey(let key, let first, let second):
            return .error(.keyDuplicate(key: key, firstLine: first.line + lineOffset), at: at(second))
        case .aliasesTooLarge(let mark):
            return .error(.yamlAliasesTooLarge(limit: YAMLComposer.maximumAliasedNodes), at: at(mark))
        case .tooDeep(let mark):
            return .error(.yamlTooDeep(limit: YAMLComposer.maximumDepth), at: at(mark))
        case .tooManyNodes(let mark):
            return .error(.yamlTooManyValues(limit: YAMLComposer.maximumNodes), at: at(mark))
        case .unreadable(let problem):
            // libyaml's reader gives no position: the character it refuses is looked for here.
            if let (line, column, scalar) = firstDisallowedCharacter(in: lines) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                return .error(.controlCharacter(code: code), at: SourceLocation(file: path, line: line + lineOffset, column: column))
            }
            return .error(.yamlUnreadable(problem: problem), at: SourceLocation(file: path, line: 1 + lineOffset, column: 1))
        }
    }

    /// The first character YAML 1.1 does not allow (libyaml's reader: tab, line ends, printable ASCII, NEL, and
    /// the rest of Unicode but the C1 controls and U+FFFE, U+FFFF), with its 1-based line and column.
    static func firstDisallowedCharacter(in lines: [Substring]) -> (Int, Int, Unicode.Scalar)? {
        for (index, line) in lines.enumerated() {
            for (offset, scalar) in line.unicodeScalars.enumerated() where !isAllowed(scalar) {
                return (index + 1, offset + 1, scalar)
            }
        }
        return nil
    }

    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0x85, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
