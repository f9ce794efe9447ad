import CPTSDomain

/// The order readers look a CPTS up in: by its territory's name, not by "CPTS du/de la/des…".
/// `CPTS du Sud Lochois` sorts under S, `CPTS de l’Étang` under E, between `CPTS Est Touraine` and `CPTS Giennois`.
public enum TerritoryOrder {
    /// What follows "CPTS" and its article, case and accents folded: `CPTS de l’Étang` → `etang`.
    public static func key(_ name: String) -> String {
        var rest = Substring(name)
        // A name starting with a letter or a digit has no space to drop (a character is a space by its first scalar).
        if let first = rest.utf8.first, isASCIILetterOrDigit(first) {} else { rest = rest.drop { $0.isWhitespace } }
        // "cpts" in any case, byte by byte, before the same test on characters (which also reads the character after).
        if startsWithCPTS(rest.utf8), rest.prefix(4).lowercased() == "cpts",
            rest.dropFirst(4).first.map({ $0.isWhitespace || $0 == "-" }) ?? true
        {
            rest = rest.dropFirst(4).drop { $0.isWhitespace || $0 == "-" }
        }
        // Longest article first, so that "de la " is not read as "de " followed by "la …". Lowercased once; an article
        // is tested on characters (`hasPrefix`) only where its bytes start the name, which it needs to.
        let lowercased = rest.lowercased()
        for article in articles where lowercased.utf8.starts(with: article.utf8) && lowercased.hasPrefix(article) {
            let remainder = rest.dropFirst(article.count)
            if !remainder.isEmpty { rest = remainder }
            break
        }
        return fold(String(rest))
    }

    private static let articles = ["de la ", "de l’", "de l'", "des ", "du ", "de ", "d’", "d'"]

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// Whether the bytes start with `cpts`, whatever the case of each letter.
    private static func startsWithCPTS(_ bytes: Substring.UTF8View) -> Bool {
        var index = bytes.startIndex
        for letter in "cpts".utf8 {
            guard index < bytes.endIndex, bytes[index] | 0x20 == letter else { return false }
            index = bytes.index(after: index)
        }
        return true
    }

    /// Lowercase, without accents or ligatures: `Évreux` and `evreux` compare equal.
    public static func fold(_ text: String) -> String {
        foldLatin(text) ?? foldScalars(text)
    }

    /// `fold` of a text of ASCII, Latin-1 (U+0080 to U+00FF), `Œ`, `œ` and `’` only, byte by byte, without
    /// lowercasing a `String` first; nil for any other text (`foldScalars` folds it). The folded text is never longer.
    static func foldLatin(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var failed = false
            let folded = String(unsafeUninitializedCapacity: max(bytes.count, 1)) { out in
                var count = 0
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        out[count] = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
                        count += 1
                        index += 1
                        continue
                    }
                    let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                    var replacement: (UInt8, UInt8)?
                    switch (byte, next) {
                    case (0xC2, 0x80...0xBF):
                        // U+0080 to U+00BF (`°`, `«`, a no-break space…): no case, no accent, kept.
                        replacement = (byte, next)
                    case (0xC3, 0x80...0xBF):
                        replacement = latin1(0xC0 + (next & 0x3F))
                    case (0xC5, 0x92), (0xC5, 0x93):
                        replacement = (UInt8(ascii: "o"), UInt8(ascii: "e"))
                    case (0xE2, 0x80) where index + 2 < bytes.count && bytes[index + 2] == 0x99:
                        out[count] = UInt8(ascii: "'")
                        count += 1
                        index += 3
                        continue
                    default:
                        failed = true
                        return 0
                    }
                    guard let (first, second) = replacement else {
                        failed = true
                        return 0
                    }
                    out[count] = first
                    count += 1
                    if second != 0 {
                        out[count] = second
                        count += 1
                    }
                    index += 2
                }
                return count
            }
            return failed ? nil : folded
        }
    }

    /// The fold of Latin-1 letter `scalar` (U+00C0 to U+00FF): one or two ASCII letters (a second 0 for none), or
    /// its own two UTF-8 bytes, lowercased, when it has no accent to drop (`ð`, `ø`, `ß`, `×`…).
    private static func latin1(_ scalar: UInt8) -> (UInt8, UInt8) {
        // Lowercase: À to Þ but ×, as `lowercased()` maps them.
        let lower = (0xC0...0xDE).contains(scalar) && scalar != 0xD7 ? scalar + 0x20 : scalar
        switch lower {
        case 0xE0...0xE5: return (UInt8(ascii: "a"), 0)
        case 0xE6: return (UInt8(ascii: "a"), UInt8(ascii: "e"))
        case 0xE7: return (UInt8(ascii: "c"), 0)
        case 0xE8...0xEB: return (UInt8(ascii: "e"), 0)
        case 0xEC...0xEF: return (UInt8(ascii: "i"), 0)
        case 0xF1: return (UInt8(ascii: "n"), 0)
        case 0xF2...0xF6: return (UInt8(ascii: "o"), 0)
        case 0xF9...0xFC: return (UInt8(ascii: "u"), 0)
        case 0xFD, 0xFF: return (UInt8(ascii: "y"), 0)
        default: return (0xC3, 0x80 | (lower & 0x3F))
        }
    }

    /// `fold` of any text: lowercased, then scalar by scalar.
    static func foldScalars(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "à", "á", "â", "ä", "ã", "å": out += "a"
            case "ç": out += "c"
            case "è", "é", "ê", "ë": out += "e"
            case "ì", "í", "î", "ï": out += "i"
            case "ñ": out += "n"
            case "ò", "ó", "ô", "ö", "õ": out += "o"
            case "ù", "ú", "û", "ü": out += "u"
            case "ý", "ÿ": out += "y"
            case "œ": out += "oe"
            case "æ": out += "ae"
            case "’": out += "'"
            default:
                // Combining marks of a decomposed accent.
                if (0x300...0x36F).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Sorted by territory, then by the full name and slug so that the order never depends on the input's.
    public static func sorted(_ cpts: [CPTS]) -> [CPTS] {
        order(cpts).map { cpts[$0] }
    }

    /// The positions of `sorted(cpts)`: each key made once, and positions moved by the sort rather than CPTS.
    public static func order(_ cpts: [CPTS]) -> [Int] {
        let keys = cpts.map { key($0.name) }
        return cpts.indices.sorted { lhs, rhs in
            if keys[lhs] != keys[rhs] { return keys[lhs] < keys[rhs] }
            if cpts[lhs].name != cpts[rhs].name { return cpts[lhs].name < cpts[rhs].name }
            return cpts[lhs].slug.value < cpts[rhs].slug.value
        }
    }
}
