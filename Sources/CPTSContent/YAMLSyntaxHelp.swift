import CPTSDomain

/// The usual mistakes behind a YAML syntax error, recognised from the parser's problem text and the lines around
/// the place it points at, so that a coordinator reads « mettez la valeur entre guillemets » rather than
/// "mapping values are not allowed in this context". It depends on no parser type: any YAML parser's problem
/// text and position will do.
public enum YAMLSyntaxHelp {
    /// The help, and the 1-based line and column it points at, or nil when the mistake is not a known one.
    /// - Parameters:
    ///   - problem: the parser's problem text (`mapping values are not allowed in this context`).
    ///   - context: the parser's context text (`while scanning a quoted scalar`), if any, and its 1-based line.
    ///   - lines: the document's lines.
    ///   - line: the 1-based line the parser points at; `column` likewise.
    public static func help(problem: String, context: String?, contextLine: Int?, lines: [String], line: Int, column: Int)
        -> (help: SyntaxHelp, line: Int, column: Int)?
    {
        func text(_ number: Int) -> String? { number >= 1 && number <= lines.count ? lines[number - 1] : nil }
        if problem.contains("tab") {
            return (.tabIndentation, line, 1)
        }
        // The lines the mistake may be on: the one pointed at, then up to the context's line (or three lines back).
        let first = max(1, min(contextLine ?? line, line - 3))
        let candidates = Array((first...max(first, min(line, lines.count))).reversed())
        // `name:CPTS`: libyaml reads one word and complains on a later line.
        for number in candidates {
            if let (key, value, valueColumn) = keyWithoutSpace(text(number) ?? "") {
                return (.noSpaceAfterColon(key: key, value: value), number, valueColumn)
            }
        }
        for number in candidates {
            guard let source = text(number), let (key, value, valueColumn) = keyAndValue(source) else { continue }
            // `name: 'CPTS de l'Ouest'`: the apostrophe closes the quote.
            if value.hasPrefix("'"), value.dropFirst().contains("'"),
                value.dropFirst().dropLast(value.hasSuffix("'") ? 1 : 0).contains(where: { $0 == "'" }) {
                let inside = value.dropFirst().dropLast(value.hasSuffix("'") ? 1 : 0)
                return (.apostropheInValue(key: key, value: String(inside)), number, valueColumn)
            }
            // `name: CPTS: Sud`: a second `: ` in a plain value.
            if !value.hasPrefix("\""), !value.hasPrefix("'"), !value.hasPrefix("["), !value.hasPrefix("{"), value.contains(": ") {
                return (.colonInValue(key: key, value: value), number, valueColumn)
            }
        }
        // A bad escape inside quotes (`\ud83d`, a JSON surrogate pair) is no unclosed quote: libyaml's own words say it.
        if !problem.contains("escape"),
            context?.contains("quoted scalar") == true || problem.contains("end of stream") && context?.contains("quoted") == true {
            return (.unclosedQuote, contextLine ?? line, 1)
        }
        for number in candidates {
            guard let source = text(number), let (_, value, valueColumn) = keyAndValue(source) else { continue }
            if value.hasPrefix("\""), value.filter({ $0 == "\"" }).count % 2 == 1 { return (.unclosedQuote, number, valueColumn) }
            if value.hasPrefix("["), !value.contains("]") { return (.unclosedBracket, number, valueColumn) }
        }
        return nil
    }

    /// `  name: value` → (`name`, `value`, the value's 1-based column); nil for a line that is not a key with a value.
    static func keyAndValue(_ line: String) -> (key: String, value: String, column: Int)? {
        guard let (scalars, key, colon) = key(in: line), colon + 1 < scalars.count, scalars[colon + 1] == " " else { return nil }
        var valueStart = colon + 1
        while valueStart < scalars.count, scalars[valueStart] == " " { valueStart += 1 }
        guard valueStart < scalars.count else { return nil }
        return (key, trimmed(scalars[valueStart...]), valueStart + 1)
    }

    /// `name:CPTS` → (`name`, `CPTS`, column of `CPTS`); not `name: x`, nor a URL or a time (`12:30`).
    static func keyWithoutSpace(_ line: String) -> (key: String, value: String, column: Int)? {
        guard let (scalars, key, colon) = key(in: line), colon + 1 < scalars.count,
            !([" ", "/", "\r"] as [Unicode.Scalar]).contains(scalars[colon + 1]),
            key.unicodeScalars.first?.properties.isAlphabetic == true
        else { return nil }
        return (key, trimmed(scalars[(colon + 1)...]), colon + 2)
    }

    /// The key a line starts with (after its indentation and list dashes) and the index of the `:` that ends it.
    private static func key(in line: String) -> (scalars: [Unicode.Scalar], key: String, colon: Int)? {
        let scalars = Array(line.unicodeScalars)
        var index = 0
        while index < scalars.count, scalars[index] == " " || scalars[index] == "-" { index += 1 }
        let keyStart = index
        while index < scalars.count, isKeyCharacter(scalars[index]) { index += 1 }
        guard index > keyStart, index < scalars.count, scalars[index] == ":" else { return nil }
        return (scalars, String(String.UnicodeScalarView(scalars[keyStart..<index])), index)
    }

    /// The value without its trailing spaces and carriage return.
    private static func trimmed(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var value = String(String.UnicodeScalarView(scalars))
        while value.hasSuffix(" ") || value.hasSuffix("\r") { value.removeLast() }
        return value
    }

    static func isKeyCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-" || scalar == "."
    }
}
