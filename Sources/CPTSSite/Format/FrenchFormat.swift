import CPTSDomain

/// French typography for figures: `185 000 €`, `57 %`, `31/12/2019`, `1er janvier 2020`.
public enum FrenchFormat {
    /// Narrow no-break space between groups of thousands, as the Imprimerie nationale recommends.
    public static let thousandsSeparator = "\u{202F}"
    /// No-break space before a unit, so that `57 %` never breaks across lines.
    public static let unitSpace = "\u{00A0}"
    /// A colon in a label the site writes: the narrow no-break space of French typography before it, the policy
    /// `FrenchTypography` applies to prose (`≥ 214 patients : 3 000 €`).
    public static let colon: StaticString = "\u{202F}: "
    /// A semicolon between items of a label, with the same narrow no-break space before it.
    public static let semicolon: StaticString = "\u{202F}; "

    /// `2576252` → `2 576 252`.
    public static func integer(_ value: Int) -> String { grouped(value, suffix: "") }

    /// `value`'s digits in groups of thousands, then `suffix`. Figures are written on every page of a build, so
    /// the bytes are put straight into a stack buffer, from the end backwards, and a `String` made of it once
    /// (without a heap allocation when it fits in a small string: `185 000 €` does). `magnitude` is used because
    /// `-Int.min` does not fit in an `Int`. The largest output is Int.min: a sign, 19 digits and 6 separators.
    static func grouped(_ value: Int, suffix: StaticString) -> String {
        // U+202F (narrow no-break space) in UTF-8, written byte by byte: a copy through `withUTF8Buffer` for each
        // group cost more than the digits.
        let separator: (UInt8, UInt8, UInt8) = (0xE2, 0x80, 0xAF)
        let capacity = 1 + 19 + 6 * 3 + suffix.utf8CodeUnitCount
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var start = buffer.endIndex
            suffix.withUTF8Buffer { bytes in
                start -= bytes.count
                for index in bytes.indices { buffer[start + index] = bytes[index] }
            }
            var magnitude = value.magnitude
            var digits = 0
            repeat {
                if digits > 0 && digits % 3 == 0 {
                    start -= 3
                    (buffer[start], buffer[start + 1], buffer[start + 2]) = separator
                }
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                digits += 1
            } while magnitude > 0
            if value < 0 {
                start -= 1
                buffer[start] = UInt8(ascii: "-")
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self)
        }
    }

    /// `185000` → `185 000 €`.
    public static func euros(_ value: Int) -> String { grouped(value, suffix: "\u{00A0}€") }

    /// A decimal with a comma: `12.5` → `12,5`; whole numbers without decimals.
    public static func decimal(_ value: Double, maximumFractionDigits: Int = 1) -> String {
        var text = TextBytes(capacity: 32)
        text.append(decimal: value, maximumFractionDigits: maximumFractionDigits)
        return text.string
    }

    /// A count and its noun agreed as French agrees them: the singular below 2 (`0 patient`, `1,5 point`,
    /// `2 patients`). `noun` is written in the plural, as content writes an indicator's unit (`patients`, `créneaux`,
    /// `réunions tenues`); below 2 each word before its complement (`de`, `par`…) loses its plural mark, unless it
    /// is the same in the singular (`mois`, `inclus`).
    public static func count(_ value: Double, _ noun: String) -> String {
        decimal(value, maximumFractionDigits: 1) + unitSpace + agreed(noun, with: (value * 10).rounded() / 10)
    }

    /// `noun` (plural) agreed with `value`: itself from 2 on, its singular below (see `count`).
    public static func agreed(_ noun: String, with value: Double) -> String {
        guard value.magnitude < 2 else { return noun }
        var inComplement = false
        return noun.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            let text = String(word)
            if inComplement || complementStarts.contains(text.lowercased()) || text.hasPrefix("d’") {
                inComplement = true
                return text
            }
            return singular(text)
        }.joined(separator: " ")
    }

    private static let complementStarts: Set<String> = ["de", "du", "des", "par", "pour", "en", "à", "au", "aux", "sur", "avec", "sans"]
    private static let sameInTheSingular: Set<String> = ["mois", "fois", "cas", "pas", "prix", "choix", "avis", "temps", "corps",
                                                         "repas", "inclus", "exclus", "compris", "remis", "acquis", "admis"]

    private static func singular(_ word: String) -> String {
        let lower = word.lowercased()
        guard word.count > 2, !sameInTheSingular.contains(lower), !lower.hasSuffix("ss") else { return word }
        if lower.hasSuffix("eaux") { return String(word.dropLast()) }
        if lower.hasSuffix("s") { return String(word.dropLast()) }
        return word
    }

    /// A fraction as a percentage: `0.5702` → `57 %`.
    public static func percent(_ fraction: Double, fractionDigits: Int = 0) -> String {
        var text = TextBytes(capacity: 32)
        text.append(decimal: fraction * 100, maximumFractionDigits: fractionDigits)
        text.append("\u{00A0}%")
        return text.string
    }

    /// `31/12/2019`: ten ASCII bytes, a small string (no heap allocation) made from a stack buffer.
    public static func shortDate(_ day: Day) -> String {
        // Three numbers of at most 20 bytes each (a sign and 19 digits), a leading zero and two slashes.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
            var end = buffer.startIndex
            func two(_ value: Int) {
                if value < 10 {
                    buffer[end] = UInt8(ascii: "0")
                    end += 1
                }
                end = digits(value, into: buffer, at: end)
            }
            two(day.day)
            buffer[end] = UInt8(ascii: "/")
            end += 1
            two(day.month)
            buffer[end] = UInt8(ascii: "/")
            end = digits(day.year, into: buffer, at: end + 1)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<end]), as: UTF8.self)
        }
    }

    /// Writes `value` as `String(value)` would at `start` of `buffer` (room for 20 bytes); returns the end.
    private static func digits(_ value: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) -> Int {
        var start = start
        if value < 0 {
            buffer[start] = UInt8(ascii: "-")
            start += 1
        }
        var magnitude = value.magnitude, count = 0
        repeat {
            count += 1
            magnitude /= 10
        } while magnitude > 0
        magnitude = value.magnitude
        for index in stride(from: start + count - 1, through: start, by: -1) {
            buffer[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        }
        return start + count
    }

    static let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                         "octobre", "novembre", "décembre"]

    /// `1er janvier 2020`, `15 novembre 2019`.
    public static func longDate(_ day: Day) -> String {
        "\(day.day == 1 ? "1er" : String(day.day)) \(months[day.month - 1]) \(day.year)"
    }

    /// `janvier 2020`.
    public static func monthYear(_ day: Day) -> String { "\(months[day.month - 1]) \(day.year)" }

    static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    static func pow10(_ n: Int) -> Int { (0..<n).reduce(1) { result, _ in result * 10 } }
}
