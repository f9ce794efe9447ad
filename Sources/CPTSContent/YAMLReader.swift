import CPTSDomain
import Yams

/// Reads typed values out of a composed YAML tree, recording a diagnostic at the exact key or value
/// for every problem instead of stopping at the first: Yams' `Codable` decoding loses positions.
final class YAMLReader {
    let path: String
    /// Added to Yams' lines: a front matter starts below the file's first line.
    let lineOffset: Int
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String, lineOffset: Int = 0) {
        self.path = path
        self.lineOffset = lineOffset
    }

    /// Composes `yaml` into a tree; a syntax error becomes a diagnostic and gives nil. So does a document
    /// without any value (empty, or comments only), unless `allowEmpty`: then nil without a diagnostic.
    /// - Parameters:
    ///   - what: the document, for the message (`site.yaml`, `the front matter`).
    ///   - required: the keys it needs, for the note.
    func compose(_ yaml: String, _ what: String = "the file", required: [String] = [], allowEmpty: Bool = false) -> Node? {
        do {
            // The basic resolver tags every scalar as a string: this reader types values itself, and Yams' default
            // resolver would run a dozen regular expressions on each scalar for nothing.
            if let node = try Yams.compose(yaml: yaml, .basic, .default, .utf8) { return node }
            if !allowEmpty {
                report(.error("file-empty", at: location(line: 1, column: 1), "\(what) is empty",
                              note: required.isEmpty ? nil : "it needs at least: \(required.joined(separator: ", "))"))
            }
            return nil
        } catch let error as YamlError {
            diagnostics.append(YAMLSyntaxError.diagnostic(for: error, yaml: yaml, path: path, lineOffset: lineOffset))
        } catch {
            diagnostics.append(.error("yaml-syntax", at: location(line: 1, column: 1), "YAML error: \(error)"))
        }
        return nil
    }

    private var reported: Set<Diagnostic> = []

    /// Records a diagnostic once: nodes reached through several aliases of one anchor would repeat it.
    func report(_ diagnostic: Diagnostic) {
        if reported.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
    }

    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line + lineOffset, column: column)
    }

    func location(of node: Node) -> SourceLocation {
        node.mark.map { location(line: $0.line, column: $0.column) } ?? location(line: 1, column: 1)
    }

    func error(_ code: String, at node: Node, _ message: String, note: String? = nil) {
        report(.error(code, at: location(of: node), message, note: note))
    }

    // MARK: Mappings

    /// The known keys of a mapping with their value nodes, in file order.
    struct Mapping {
        let entries: [(key: String, value: Node)]
        /// The keys alone: looking one up then compares strings without copying nodes (a hot path of loading).
        private let keys: [String]

        init(entries: [(key: String, value: Node)]) {
            self.entries = entries
            keys = entries.map(\.key)
        }

        subscript(key: String) -> Node? { keys.firstIndex(of: key).map { entries[$0].value } }
    }

    /// A mapping whose keys are checked: unknown ones warn with a suggestion, missing required ones are errors.
    func mapping(_ node: Node, _ what: String, known: [String], required: [String] = []) -> Mapping? {
        guard case .mapping(let mapping) = node else {
            error("type-mismatch", at: node, "\(what) must be a mapping of keys to values, found \(describe(node))")
            return nil
        }
        var entries: [(key: String, value: Node)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                error("key-invalid", at: keyNode, "a key must be a plain word")
                continue
            }
            if known.contains(key) {
                entries.append((key, value))
            } else {
                report(.warning("key-unknown", at: location(of: keyNode), "unknown key '\(key)' in \(what)",
                                note: Suggestion.note(for: key, in: known)))
            }
        }
        let result = Mapping(entries: entries)
        for key in required where result[key] == nil || result[key].map(isNull) == true {
            error("key-missing", at: node, "\(what) lacks the required key '\(key)'")
        }
        return result
    }

    /// A mapping with free keys (professions, stage dates), for the caller to check.
    func freeMapping(_ node: Node, _ what: String) -> [(key: String, keyNode: Node, value: Node)]? {
        guard case .mapping(let mapping) = node else {
            error("type-mismatch", at: node, "'\(what)' must be a mapping, found \(describe(node))")
            return nil
        }
        return mapping.compactMap { keyNode, value in
            guard let key = keyNode.scalar?.string else {
                error("key-invalid", at: keyNode, "a key of '\(what)' must be a plain word")
                return nil
            }
            return (key, keyNode, value)
        }
    }

    // MARK: Scalars

    func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    func string(_ node: Node, _ what: String) -> String? {
        guard let scalar = node.scalar, !isNull(node) else {
            error("type-mismatch", at: node, "'\(what)' must be text, found \(describe(node))")
            return nil
        }
        return scalar.string
    }

    /// A non-empty string. Text is shown as written, never as HTML: markup in it is a warning.
    func text(_ node: Node, _ what: String) -> String? {
        guard let value = string(node, what) else { return nil }
        if value.allSatisfy(\.isWhitespace) {
            error("value-empty", at: node, "'\(what)' must not be empty")
            return nil
        }
        if let tag = YAMLReader.markup(in: value) {
            report(.warning("text-markup", at: location(of: node), "'\(what)' contains HTML markup '\(tag)'",
                            note: "it is shown as written, not as HTML"))
        }
        return value
    }

    /// The first tag-like run of `text` (`<b>`, `</i>`, `<!--`), if any: `<` then a letter, `/`, `!` or `?`.
    static func markup(in text: String) -> String? {
        guard text.utf8.contains(UInt8(ascii: "<")) else { return nil }
        let scalars = Array(text.unicodeScalars)
        for index in scalars.indices.dropLast() where scalars[index] == "<" {
            let next = scalars[index + 1]
            guard (next.isASCII && next.properties.isAlphabetic) || next == "/" || next == "!" || next == "?" else { continue }
            let end = scalars[index...].firstIndex(of: ">").map { $0 + 1 } ?? scalars.endIndex
            var tag = String(String.UnicodeScalarView(scalars[index..<min(end, index + 30)]))
            if end > index + 30 { tag += "…" }
            return tag
        }
        return nil
    }

    /// Whole numbers of the content (inhabitants, euros, counts) stay within ±10⁹, and decimals within ±10¹²:
    /// far beyond any real figure, and small enough that sums over a region and products such as
    /// aid × count never overflow, nor a decimal fail to convert to a whole number when printed.
    static let largestInteger = 1_000_000_000
    static let largestNumber = 1e12
    /// Dates of the content lie within these years: a CPTS date before 1990 or after 2100 is a typo.
    static let years = 1990...2100

    func integer(_ node: Node, _ what: String) -> Int? {
        guard let scalar = node.scalar, scalar.style == .plain, !isNull(node) else {
            error("type-mismatch", at: node, "'\(what)' must be a whole number, found \(describe(node))")
            return nil
        }
        let digits = scalar.string.replacingUnderscores
        if let value = Int(digits), value.magnitude <= YAMLReader.largestInteger { return value }
        if digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "+") }), digits.contains(where: \.isNumber) {
            error("number-too-large", at: node, "'\(what)' is too large: \(describe(node))",
                  note: "whole numbers go from -1 000 000 000 to 1 000 000 000")
        } else {
            error("type-mismatch", at: node, "'\(what)' must be a whole number, found \(describe(node))",
                  note: Double(digits) != nil ? "write it without decimals" : nil)
        }
        return nil
    }

    func number(_ node: Node, _ what: String) -> Double? {
        guard let scalar = node.scalar, scalar.style == .plain, !isNull(node),
            let value = Double(scalar.string.replacingUnderscores), value.isFinite
        else {
            error("type-mismatch", at: node, "'\(what)' must be a number, found \(describe(node))")
            return nil
        }
        guard value.magnitude <= YAMLReader.largestNumber else {
            error("number-too-large", at: node, "'\(what)' is too large: \(describe(node))",
                  note: "numbers go from -1 000 000 000 000 to 1 000 000 000 000")
            return nil
        }
        return value
    }

    func boolean(_ node: Node, _ what: String) -> Bool? {
        guard let scalar = node.scalar, scalar.style == .plain else {
            error("type-mismatch", at: node, "'\(what)' must be true or false, found \(describe(node))")
            return nil
        }
        switch scalar.string {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default:
            error("type-mismatch", at: node, "'\(what)' must be true or false, found \(describe(node))")
            return nil
        }
    }

    func day(_ node: Node, _ what: String) -> Located<Day>? {
        guard let raw = node.scalar?.string, !isNull(node) else {
            error("type-mismatch", at: node, "'\(what)' must be a date YYYY-MM-DD, found \(describe(node))")
            return nil
        }
        guard let day = Day(iso: raw) else {
            error("date-invalid", at: node, "'\(raw)' is not a valid date (YYYY-MM-DD expected) for '\(what)'")
            return nil
        }
        if !YAMLReader.years.contains(day.year) {
            // An error, but the date is kept: the rules that follow need not report it missing.
            error("date-out-of-range", at: node, "'\(raw)' is out of range for '\(what)'",
                  note: "dates go from \(YAMLReader.years.lowerBound) to \(YAMLReader.years.upperBound)")
        }
        return Located(day, at: location(of: node))
    }

    /// One of the given values, with a suggestion for a near miss.
    func oneOf<T: RawRepresentable & CaseIterable>(_ node: Node, _ what: String, _: T.Type) -> T? where T.RawValue == String {
        guard let raw = string(node, what) else { return nil }
        if let value = T(rawValue: raw) { return value }
        let all = T.allCases.map(\.rawValue)
        error("value-unknown", at: node, "unknown \(what) '\(raw)'",
              note: Suggestion.note(for: raw, in: all) ?? "expected one of: \(all.joined(separator: ", "))")
        return nil
    }

    // MARK: Sequences

    func list(_ node: Node, _ what: String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            error("type-mismatch", at: node, "'\(what)' must be a list, found \(describe(node))")
            return nil
        }
        return Array(sequence)
    }

    func stringList(_ node: Node, _ what: String) -> [Located<String>] {
        (list(node, what) ?? []).compactMap { item in
            string(item, what).map { Located($0, at: location(of: item)) }
        }
    }

    func integerList(_ node: Node, _ what: String) -> [Int]? {
        guard let items = list(node, what) else { return nil }
        let values = items.compactMap { integer($0, what) }
        return values.count == items.count ? values : nil
    }

    /// How a value looks to the person who wrote it, for type errors.
    func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if isNull(node) { return "nothing" }
            let shown = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string
            return scalar.style == .plain ? "'\(shown)'" : "the text \"\(shown)\""
        }
    }
}

extension String {
    var replacingUnderscores: String { utf8.contains(UInt8(ascii: "_")) ? filter { $0 != "_" } : self }
}
