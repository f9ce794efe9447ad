import CPTSDomain

/// French typography for figures: `185 000 €`, `57 %`, `31/12/2019`, `1er janvier 2020`.
public enum FrenchFormat {
    /// Narrow no-break space between groups of thousands, as the Imprimerie nationale recommends.
    public static let thousandsSeparator = "\u{202F}"
    /// No-break space before a unit, so that `57 %` never breaks across lines.
    public static let unitSpace = "\u{00A0}"

    /// `2576252` → `2 576 252`.
    public static func integer(_ value: Int) -> String {
        // Figures are written on every page of a build, so the bytes are put straight into a stack buffer, from the
        // last digit backwards, instead of joining groups of substrings. `magnitude` is used because `-Int.min` does
        // not fit in an `Int`. The largest output is Int.min: a sign, 19 digits and 6 separators.
        let capacity = 1 + 19 + 6 * thousandsSeparatorUTF8.count
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var start = buffer.endIndex
            func prepend(_ byte: UInt8) {
                start -= 1
                buffer[start] = byte
            }
            var magnitude = value.magnitude
            var digits = 0
            repeat {
                if digits > 0 && digits % 3 == 0 { thousandsSeparatorUTF8.reversed().forEach(prepend) }
                prepend(UInt8(ascii: "0") + UInt8(magnitude % 10))
                magnitude /= 10
                digits += 1
            } while magnitude > 0
            if value < 0 { prepend(UInt8(ascii: "-")) }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self)
        }
    }

    private static let thousandsSeparatorUTF8 = Array(thousandsSeparator.utf8)

    /// `185000` → `185 000 €`.
    public static func euros(_ value: Int) -> String {
        var text = TextBytes(capacity: 32)
        text.append(euros: value)
        return text.string
    }

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

    /// `31/12/2019`.
    public static func shortDate(_ day: Day) -> String {
        var text = TextBytes(capacity: 16)
        text.append(shortDate: day)
        return text.string
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
