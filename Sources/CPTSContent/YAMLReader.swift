import CPTSDomain
import CPTSMarkdown
import Foundation

/// Reads typed values out of a composed YAML tree, recording a diagnostic at the exact key or value
/// for every problem instead of stopping at the first.
final class YAMLReader {
    let path: String
    /// The path as every location of the file shares it.
    let file: SourceLocation.File
    /// Added to the composer's lines: a front matter starts below the file's first line.
    let lineOffset: Int
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String, lineOffset: Int = 0) {
        self.path = path
        file = SourceLocation.File(path)
        self.lineOffset = lineOffset
    }

    /// Composes `yaml` into a tree; a syntax error becomes a diagnostic and gives nil. So does a document
    /// without any value (empty, or comments only), unless `allowEmpty`: then nil without a diagnostic.
    /// - Parameters:
    ///   - what: the document, for the message (`site.yaml`, `the front matter`).
    ///   - required: the keys it needs, for the note.
    func compose(_ yaml: String, _ what: Subject, required: [String] = [], allowEmpty: Bool = false) -> Node? {
        do throws(YAMLComposer.Failure) {
            // Every scalar is a string: this reader types values itself.
            if let node = try YAMLComposer.compose(yaml) { return node }
            if !allowEmpty {
                report(.error(.documentEmpty(what, required: required), at: location(line: 1, column: 1)))
            }
        } catch {
            diagnostics.append(YAMLSyntaxError.diagnostic(for: error, yaml: yaml, path: path, lineOffset: lineOffset))
        }
        return nil
    }

    /// Long texts already read in this file (`interned`).
    private var texts: Set<String> = []

    /// `text`, or the equal text read before in this file: an indicator's label and unit come back in every contract
    /// year, and the model keeps one string for them all. Texts of 15 bytes or fewer are held inline: kept as they are.
    func interned(_ text: String) -> String {
        guard text.utf8.count > 15 else { return text }
        return texts.insert(text).memberAfterInsert
    }

    private var reported: Set<Diagnostic> = []
    /// The words of each enum `oneOf` reads, made once per file rather than once per value.
    private var valueWords: [ObjectIdentifier: ValueWords] = [:]

    /// Records a diagnostic once: nodes reached through several aliases of one anchor would repeat it.
    func report(_ diagnostic: Diagnostic) {
        if reported.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
    }

    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line + lineOffset, column: column)
    }

    func location(of node: Node) -> SourceLocation {
        location(line: node.mark.line, column: node.mark.column)
    }

    func error(_ message: DiagnosticMessage, at node: Node) {
        report(.error(message, at: location(of: node)))
    }

    // MARK: Mappings

    /// The known keys of a mapping with their value nodes, in file order.
    struct Mapping {
        /// The keys the mapping was read with.
        private let known: [String]
        /// Each known key given, as its index in `known`, with its value: looking one up compares small integers.
        private let slots: [(slot: Int, value: Node)]

        init(entries: [(key: String, value: Node)]) {
            known = entries.map(\.key)
            slots = entries.enumerated().map { ($0.offset, $0.element.value) }
        }

        fileprivate init(known: [String], slots: [(slot: Int, value: Node)]) {
            self.known = known
            self.slots = slots
        }

        var entries: [(key: String, value: Node)] { slots.map { (known[$0.slot], $0.value) } }

        subscript(key: String) -> Node? {
            guard let slot = known.firstIndex(of: key) else { return nil }
            return slots.first { $0.slot == slot }?.value
        }
    }

    /// The index in `known` of the key a scalar writes: compared as bytes, or as strings (which compare canonical
    /// equivalents equal) when the key is not ASCII.
    private static func slot(of key: Node, in known: [String]) -> Int? {
        let document = key.document
        let record = document.records[key.index]
        guard record.isASCII else { return known.firstIndex(of: document.string(of: key.index)) }
        return document.bytes.withUnsafeBufferPointer { buffer in
            let written = UnsafeBufferPointer(rebasing: buffer[Int(record.start)..<Int(record.start + record.count)])
            return known.firstIndex { YAMLDocument.equal(written, $0) }
        }
    }

    /// A mapping whose keys are checked: unknown ones warn with a suggestion, missing required ones are errors.
    /// - Parameter needed: keys that are not required but that a misspelling must not hide (a CPTS's `population`,
    ///   which its communes may replace): missing with an unknown key close to one, it is an error, like a required key.
    func mapping(_ node: Node, _ what: Subject, known: [String], required: [String] = [], needed: [String] = []) -> Mapping? {
        guard let mapping = node.mapping else {
            error(.notMapping(what, found: describe(node)), at: node)
            return nil
        }
        var slots: [(slot: Int, value: Node)] = []
        slots.reserveCapacity(mapping.count)
        var unknown: [(key: String, node: Node, suggestion: String?)] = []
        for (keyNode, value) in mapping {
            guard keyNode.scalar != nil else {
                error(.keyInvalid(in: nil), at: keyNode)
                continue
            }
            if let slot = YAMLReader.slot(of: keyNode, in: known) {
                slots.append((slot, value))
            } else {
                let key = keyNode.document.string(of: keyNode.index)
                unknown.append((key, keyNode, Suggestion.nearest(to: key, in: known)))
            }
        }
        let result = Mapping(known: known, slots: slots)
        func missing(_ key: String) -> Bool {
            guard let value = result[key] else { return true }
            return isNull(value)
        }
        // The usual case, every key known: only the required ones to look for.
        if unknown.isEmpty {
            for key in required where missing(key) {
                error(.keyMissing(key: key, in: what), at: node)
            }
            return result
        }
        // A missing key with a misspelling of it in the file: one error at the misspelling, instead of a warning
        // there and an error (or, for a needed key, silence and a wrong figure) elsewhere.
        var misspelt: [String: String] = [:]
        for key in required + needed where missing(key) {
            guard let typo = unknown.first(where: { $0.suggestion == key }) else { continue }
            misspelt[typo.key] = key
            error(.keyMisspelt(written: typo.key, key: key, in: what, required: required.contains(key)), at: typo.node)
        }
        for typo in unknown where misspelt[typo.key] == nil {
            report(.warning(.keyUnknown(key: typo.key, in: what, suggestion: typo.suggestion), at: location(of: typo.node)))
        }
        for key in required where missing(key) && !misspelt.values.contains(key) {
            error(.keyMissing(key: key, in: what), at: node)
        }
        return result
    }

    /// A mapping with free keys (professions, stage dates), for the caller to check.
    func freeMapping(_ node: Node, _ what: String) -> [(key: String, keyNode: Node, value: Node)]? {
        guard let mapping = node.mapping else {
            error(.notMapping(.key(what), found: describe(node)), at: node)
            return nil
        }
        return mapping.compactMapTight { keyNode, value in
            guard let key = keyNode.scalar?.string else {
                error(.keyInvalid(in: .key(what)), at: keyNode)
                return nil
            }
            return (key, keyNode, value)
        }
    }

    // MARK: Scalars

    func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        // The bytes of `isNull(_:style:)`'s words, without making the string.
        switch node.document.byteRange(of: node.index).count {
        case 0: return true
        case 1: return scalar.isWritten("~")
        case 4: return scalar.isWritten("null") || scalar.isWritten("Null") || scalar.isWritten("NULL")
        default: return false
        }
    }

    /// Whether a scalar written so stands for no value (YAML 1.1's null, unquoted).
    static func isNull(_ string: String, style: Node.Scalar.Style) -> Bool {
        // A null is at most four bytes: longer scalars, nearly all, are told apart without comparing strings.
        guard style == .plain, string.utf8.count <= 4 else { return false }
        switch string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    func string(_ node: Node, _ what: String) -> String? {
        guard let scalar = node.scalar, !isNull(node) else {
            error(.notText(key: what, found: describe(node)), at: node)
            return nil
        }
        return scalar.string
    }

    /// A non-empty string. Text is shown as written, never as HTML: markup in it is a warning.
    func text(_ node: Node, _ what: String) -> String? {
        guard let value = string(node, what) else { return nil }
        // Read on the scalar's bytes first: a first byte of ASCII other than a space is a first character that is
        // not one (a character is whitespace as its first scalar is), and without `<` there is no markup.
        let (startsWithText, hasAngle) = node.document.bytes.withUnsafeBufferPointer { buffer in
            let bytes = UnsafeBufferPointer(rebasing: buffer[node.document.byteRange(of: node.index)])
            let first = bytes.first ?? 0x20
            return (first < 0x80 && first != 0x20 && !(0x09...0x0D).contains(first),
                    ByteSearch.firstOffset(of: UInt8(ascii: "<"), in: bytes) != nil)
        }
        if !startsWithText, value.allSatisfy(\.isWhitespace) {
            error(.valueEmpty(key: what), at: node)
            return nil
        }
        if hasAngle, let tag = YAMLReader.markup(in: value) {
            report(.warning(.textMarkup(key: what, tag: tag), at: location(of: node)))
        }
        return value
    }

    /// The first tag-like run of `text` (`<b>`, `</i>`, `<!--`), if any: `<` then a letter, `/`, `!` or `?`.
    static func markup(in text: String) -> String? {
        var text = text
        guard text.withUTF8({ ByteSearch.firstOffset(of: UInt8(ascii: "<"), in: $0) }) != nil else { return nil }
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
    static let years = Day.plausibleYears

    func integer(_ node: Node, _ what: String) -> Int? {
        guard let scalar = node.scalar, scalar.style == .plain, !isNull(node) else {
            error(.notWholeNumber(key: what, found: describe(node), help: node.scalar.flatMap { NumberHelp.of($0.string, whole: true) }), at: node)
            return nil
        }
        if let value = YAMLReader.integerValue(scalar.string) { return value }
        let digits = scalar.string.replacingUnderscores
        if digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-" || $0 == "+") }), digits.contains(where: \.isNumber) {
            error(.numberTooLarge(key: what, found: describe(node), whole: true), at: node)
        } else {
            error(.notWholeNumber(key: what, found: describe(node), help: NumberHelp.of(scalar.string, whole: true)), at: node)
        }
        return nil
    }

    /// The whole number a plain, non-null scalar writes, if it is one within `largestInteger`.
    static func integerValue(_ written: String) -> Int? {
        guard let value = plainDigits(written) ?? Int(written.replacingUnderscores), value.magnitude <= largestInteger
        else { return nil }
        return value
    }

    /// The number a plain, non-null scalar writes, if it is a finite one within `largestNumber`.
    static func numberValue(_ written: String) -> Double? {
        guard let value = double(written), value.isFinite, value.magnitude <= largestNumber else { return nil }
        return value
    }

    /// `Double(written)`, underscores aside. A whole number of at most 15 digits (what the content mostly writes) is
    /// converted from its `Int`, exactly as `strtod` rounds it (every such integer is a `Double`), without `strtod`'s
    /// copy and locale-free parse, which cost about 1 000 instructions a number.
    static func double(_ written: String) -> Double? {
        if let whole = plainDigits(written) { return Double(whole) }
        return Double(written.replacingUnderscores)
    }

    /// The value of `written` when it is only ASCII digits (1 to 15 of them) after an optional `-`, and not `-0`
    /// (whose `Double` is negative zero); nil otherwise, for the standard library's parsers to read.
    static func plainDigits(_ written: String) -> Int? {
        var written = written
        return written.withUTF8 { plainDigits(bytes: $0) }
    }

    /// `plainDigits` of UTF-8 bytes.
    static func plainDigits(bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let negative = bytes.first == UInt8(ascii: "-")
        let digits = negative ? UnsafeBufferPointer(rebasing: bytes.dropFirst()) : bytes
        guard !digits.isEmpty, digits.count <= 15 else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        if negative {
            guard value != 0 else { return nil }
            return -value
        }
        return value
    }

    /// The boolean a plain scalar writes, if it is one.
    static func booleanValue(_ written: String) -> Bool? {
        switch written {
        case "true", "True", "TRUE": true
        case "false", "False", "FALSE": false
        default: nil
        }
    }

    func number(_ node: Node, _ what: String) -> Double? {
        guard let scalar = node.scalar, scalar.style == .plain, !isNull(node),
            let value = YAMLReader.double(scalar.string), value.isFinite
        else {
            error(.notNumber(key: what, found: describe(node), help: node.scalar.flatMap { NumberHelp.of($0.string, whole: false) }), at: node)
            return nil
        }
        guard value.magnitude <= YAMLReader.largestNumber else {
            error(.numberTooLarge(key: what, found: describe(node), whole: false), at: node)
            return nil
        }
        return value
    }

    func boolean(_ node: Node, _ what: String) -> Bool? {
        guard let scalar = node.scalar, scalar.style == .plain else {
            error(.notBoolean(key: what, found: describe(node)), at: node)
            return nil
        }
        guard let value = YAMLReader.booleanValue(scalar.string) else {
            error(.notBoolean(key: what, found: describe(node)), at: node)
            return nil
        }
        return value
    }

    func day(_ node: Node, _ what: String) -> Located<Day>? {
        guard let raw = node.scalar?.string, !isNull(node) else {
            error(.notDate(key: what, found: describe(node)), at: node)
            return nil
        }
        guard let day = Day(iso: raw) else {
            error(.dateInvalid(written: raw, key: what, help: DateHelp.of(raw)), at: node)
            return nil
        }
        if !YAMLReader.years.contains(day.year) {
            // An error, but the date is kept: the rules that follow need not report it missing, and the rules that
            // compare dates skip it (`Day.isPlausible`), so that it is reported once.
            error(.dateOutOfRange(written: raw, key: what, years: YAMLReader.years), at: node)
        }
        return Located(day, at: location(of: node))
    }

    /// One of the given values, written as its id or its French label (`ValueWords`), with a suggestion for a near miss.
    func oneOf<T: Labelled & RawRepresentable>(_ node: Node, _ what: String, _: T.Type) -> T? where T.RawValue == String {
        guard let raw = string(node, what) else { return nil }
        if let value = T(rawValue: raw) { return value }
        let words = valueWords[ObjectIdentifier(T.self)] ?? ValueWords(T.self)
        valueWords[ObjectIdentifier(T.self)] = words
        return oneOf(raw, what, words, at: node).flatMap(T.init(rawValue:))
    }

    /// The id `written` stands for among `words`, or nil with the error listing the values with their French labels.
    func oneOf(_ written: String, _ what: String, _ words: ValueWords, at node: Node) -> String? {
        if let id = words.id(of: written) { return id }
        error(.valueUnknown(key: what, written: written, suggestion: Suggestion.nearest(to: written, in: words.suggestions),
                            known: words.choices), at: node)
        return nil
    }

    // MARK: Sequences

    func list(_ node: Node, _ what: String) -> [Node]? {
        guard let sequence = node.sequence else {
            error(.notList(key: what, found: describe(node)), at: node)
            return nil
        }
        return Array(sequence)
    }

    func stringList(_ node: Node, _ what: String) -> [Located<String>] {
        (list(node, what) ?? []).compactMapTight { item in
            string(item, what).map { Located($0, at: location(of: item)) }
        }
    }

    func integerList(_ node: Node, _ what: String) -> [Int]? {
        guard let items = list(node, what) else { return nil }
        let values = items.compactMap { integer($0, what) }
        return values.count == items.count ? values : nil
    }

    /// How a value looks to the person who wrote it, for type errors.
    func describe(_ node: Node) -> Found {
        guard let scalar = node.scalar else { return node.mapping != nil ? .mapping : .list }
        if isNull(node) { return .nothing }
        let string = scalar.string
        let shown = string.count > 40 ? String(string.prefix(40)) + "…" : string
        return scalar.style == .plain ? .plain(shown) : .quoted(shown)
    }
}

extension String {
    var replacingUnderscores: String {
        var text = self
        let underscored = text.withUTF8 { ByteSearch.firstOffset(of: UInt8(ascii: "_"), in: $0) != nil }
        return underscored ? filter { $0 != "_" } : self
    }
}

extension NumberHelp {
    /// The hint for a number written the French way: `31,5` (decimal comma), `30 000` or `30.000` (thousands).
    static func of(_ written: String, whole: Bool) -> NumberHelp? {
        let text = written.trimmingCharacters(in: .whitespaces)
        let sign = text.hasPrefix("-") ? "-" : ""
        let unsigned = text.dropFirst(sign.count)
        // Groups of three digits after a first group of one to three: `30 000`, `1 250 000`, `30.000` (a whole number only).
        let separators: Set<Character> = whole ? [" ", ".", "\u{00A0}", "\u{202F}", "'"] : [" ", "\u{00A0}", "\u{202F}", "'"]
        if let separator = unsigned.first(where: { !$0.isNumber }), separators.contains(separator) {
            let groups = unsigned.split(separator: separator, omittingEmptySubsequences: false)
            if groups.count >= 2, (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }),
                groups.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) {
                return .thousandsSeparator(suggested: sign + groups.joined())
            }
        }
        let parts = unsigned.split(separator: ",", omittingEmptySubsequences: false)
        if parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) {
            return whole ? .hasDecimals : .decimalComma(suggested: sign + parts[0] + "." + parts[1])
        }
        // A whole number written in quotes (`"120000"`) has no decimals: no hint rather than a wrong one.
        if whole, Double(text) != nil, Int(text) == nil { return .hasDecimals }
        return nil
    }
}

extension DateHelp {
    /// Why `written` is not a `YYYY-MM-DD` date: a French order (`31/12/2019`), a day that does not exist, or another form.
    static func of(_ written: String) -> DateHelp {
        let text = written.trimmingCharacters(in: .whitespaces)
        for separator in ["/", ".", "-"] as [Character] {
            let parts = text.split(separator: separator, omittingEmptySubsequences: false)
            if parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
                parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                let day = Int(parts[0]), let month = Int(parts[1]), (1...31).contains(day), (1...12).contains(month) {
                func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
                return .frenchOrder(suggested: "\(parts[2])-\(two(month))-\(two(day))")
            }
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) {
            return .dayDoesNotExist
        }
        return .format
    }
}
