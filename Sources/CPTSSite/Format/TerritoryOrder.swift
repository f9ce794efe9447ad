import CPTSDomain

/// The order readers look a CPTS up in: by its territory's name, not by "CPTS du/de la/des…".
/// `CPTS du Sud Lochois` sorts under S, `CPTS de l’Étang` under E, between `CPTS Est Touraine` and `CPTS Giennois`.
public enum TerritoryOrder {
    /// What follows "CPTS" and its article, case and accents folded: `CPTS de l’Étang` → `etang`.
    public static func key(_ name: String) -> String {
        var rest = Substring(name)
        rest = rest.drop { $0.isWhitespace }
        if rest.prefix(4).lowercased() == "cpts", rest.dropFirst(4).first.map({ $0.isWhitespace || $0 == "-" }) ?? true {
            rest = rest.dropFirst(4).drop { $0.isWhitespace || $0 == "-" }
        }
        // Longest article first, so that "de la " is not read as "de " followed by "la …".
        for article in ["de la ", "de l’", "de l'", "des ", "du ", "de ", "d’", "d'"] where rest.lowercased().hasPrefix(article) {
            let remainder = rest.dropFirst(article.count)
            if !remainder.isEmpty { rest = remainder }
            break
        }
        return fold(String(rest))
    }

    /// Lowercase, without accents or ligatures: `Évreux` and `evreux` compare equal.
    public static func fold(_ text: String) -> String {
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
        cpts.map { (key($0.name), $0) }.sorted { lhs, rhs in
            if lhs.0 != rhs.0 { return lhs.0 < rhs.0 }
            if lhs.1.name != rhs.1.name { return lhs.1.name < rhs.1.name }
            return lhs.1.slug.value < rhs.1.slug.value
        }.map(\.1)
    }
}
