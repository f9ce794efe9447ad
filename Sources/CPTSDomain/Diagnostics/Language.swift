/// The language of what a person reads: diagnostics, console messages, the validation page.
public enum Language: String, Sendable, CaseIterable {
    case fr, en

    /// French unless `LC_ALL` (or, when it is unset or empty, `LANG`) starts with `en`.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        let setting = [environment["LC_ALL"], environment["LANG"]].compactMap { $0 }.first { !$0.isEmpty } ?? ""
        return setting.lowercased().hasPrefix("en") ? .en : .fr
    }
}

/// French text for the catalog: the literal parts are typeset (narrow no-break space before `:` `;` `!` `?` and
/// inside « », typographic apostrophe), the interpolated values are kept as written, since they are the user's.
public struct French: ExpressibleByStringInterpolation, Sendable {
    public var text: String

    public init(stringLiteral value: String) { text = French.typeset(value) }
    public static func + (lhs: French, rhs: French) -> French { French(text: lhs.text + rhs.text) }
    init(text: String) { self.text = text }
    public init(stringInterpolation: Interpolation) { text = stringInterpolation.text }

    public struct Interpolation: StringInterpolationProtocol {
        var text = ""
        public init(literalCapacity: Int, interpolationCount: Int) { text.reserveCapacity(literalCapacity + 16 * interpolationCount) }
        public mutating func appendLiteral(_ literal: String) { text += French.typeset(literal) }
        /// A value as written (a key, a code, a line of YAML).
        public mutating func appendInterpolation(_ value: String) { text += value }
        /// A value between French quotes: `« population »`.
        public mutating func appendInterpolation(q value: String) { text += "«\u{202F}" + value + "\u{202F}»" }
        /// `185000` → `185 000`.
        public mutating func appendInterpolation(_ value: Int) { text += French.integer(value) }
        /// `31/12/2019`.
        public mutating func appendInterpolation(_ day: Day) {
            text += pad(day.day, 2) + "/" + pad(day.month, 2) + "/" + pad(day.year, 4)
        }
        /// `12,5`.
        public mutating func appendInterpolation(decimal value: Double) { text += French.decimal(value) }
        /// `a, b, c`.
        public mutating func appendInterpolation(list: [String]) { text += list.joined(separator: ", ") }
        public mutating func appendInterpolation(_ french: French) { text += french.text }
    }

    /// Typeset scalar by scalar: the catalog's literals hold no combining marks, and reading them as characters
    /// (grapheme breaking) made printing 300 000 diagnostics take seconds.
    static func typeset(_ literal: String) -> String {
        let scalars = literal.unicodeScalars
        guard scalars.contains(where: { ":;!?«»'".unicodeScalars.contains($0) }) else { return literal }
        var result = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in scalars {
            switch scalar {
            case ":", ";", "!", "?", "»":
                if previous == " " { result.removeLast(); result.append("\u{202F}") }
                result.append(scalar)
            case " " where previous == "«":
                result.append("\u{202F}")
            case "'":
                result.append("’")
            default:
                result.append(scalar)
            }
            previous = scalar
        }
        return String(result)
    }

    static func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += "\u{202F}" }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    static func decimal(_ value: Double) -> String {
        if value == value.rounded(), value.magnitude < 1e15 { return integer(Int(value)) }
        return String(English.decimal(value).map { $0 == "." ? "," : $0 })
    }
}

/// English text for the catalog: values quoted 'like this', dates ISO, numbers plain.
public struct English: ExpressibleByStringInterpolation, Sendable {
    public var text: String

    public init(stringLiteral value: String) { text = value }
    public static func + (lhs: English, rhs: English) -> English { English(text: lhs.text + rhs.text) }
    init(text: String) { self.text = text }
    public init(stringInterpolation: Interpolation) { text = stringInterpolation.text }

    public struct Interpolation: StringInterpolationProtocol {
        var text = ""
        public init(literalCapacity: Int, interpolationCount: Int) { text.reserveCapacity(literalCapacity + 16 * interpolationCount) }
        public mutating func appendLiteral(_ literal: String) { text += literal }
        public mutating func appendInterpolation(_ value: String) { text += value }
        public mutating func appendInterpolation(q value: String) { text += "'" + value + "'" }
        public mutating func appendInterpolation(_ value: Int) { text += String(value) }
        public mutating func appendInterpolation(_ day: Day) { text += day.description }
        public mutating func appendInterpolation(decimal value: Double) { text += English.decimal(value) }
        public mutating func appendInterpolation(list: [String]) { text += list.joined(separator: ", ") }
        public mutating func appendInterpolation(_ english: English) { text += english.text }
    }

    static func decimal(_ value: Double) -> String {
        if value == value.rounded(), value.magnitude < 1e15 { return String(Int(value)) }
        return String(value)
    }
}

private func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return String(repeating: "0", count: max(0, width - s.count)) + s
}

/// A counted noun, singular for 0 and 1 in French (« 0 erreur »), plural from 2; in English singular for 1 only.
public enum Plural {
    public static func count(_ n: Int, _ singular: String, _ plural: String, in language: Language) -> String {
        let one = language == .fr ? n <= 1 : n == 1
        let number = language == .fr ? French.integer(n) : String(n)
        return number + " " + (one ? singular : plural)
    }
}
