import CPTSDomain

/// swift-argument-parser's usage errors (1.8.2, `ErrorMessageGenerator`), each form put into French with its values.
/// A form not listed gets a French line without the parser's English words.
extension UsageErrors {
    static func translate(_ english: String) -> String {
        let message: French
        if let m = english.wholeMatch(of: /Unexpected argument '(.*)'/) {
            message = "argument inattendu \(q: String(m.1))"
        } else if let m = english.wholeMatch(of: /(\d+) unexpected arguments: '(.*)'/) {
            message = "arguments inattendus : \(quoted(String(m.2)))"
        } else if let m = english.wholeMatch(of: /Unknown option '(.*)'\. Did you mean '(.*)'\?/) {
            message = "option inconnue \(q: String(m.1)) (vouliez-vous dire \(q: String(m.2)) ?)"
        } else if let m = english.wholeMatch(of: /Unknown option '(.*)'/) {
            message = "option inconnue \(q: String(m.1))"
        } else if let m = english.wholeMatch(of: /Missing value for '(.*)'/) {
            message = "il manque la valeur de \(q: String(m.1))"
        } else if let m = english.wholeMatch(of: /Missing expected argument '(.*)'/) {
            let missing = String(m.1)
            message = missing.hasPrefix("-") ? "il manque l’option obligatoire \(q: missing)" : "il manque l’argument \(q: missing)"
        } else if let m = english.wholeMatch(of: /Missing one of: '(.*)'/) {
            message = "il manque l’un de ces arguments : \(quoted(String(m.1)))"
        } else if let m = english.wholeMatch(of: /The option '(.*)' does not take any value, but '(.*)' was specified\./) {
            message = "l’option \(q: String(m.1)) ne prend pas de valeur (\(q: String(m.2)) donné)"
        } else if let m = english.firstMatch(of: /^The value '(.*?)' is invalid for '(.*?)'/) {
            message = "la valeur \(q: String(m.1)) ne convient pas pour \(q: String(m.2))" + accepted(in: english)
        } else if let m = english.wholeMatch(of: /Invalid option: (.*)/) {
            message = "option invalide \(q: String(m.1))"
        } else if english == "Missing required subcommand." {
            message = "il manque la commande"
        } else {
            message = "la ligne de commande est mal écrite"
        }
        return message.text
    }

    /// `a', 'b` (the parser's list, its outer quotes removed) → `« a », « b »`.
    static func quoted(_ list: String) -> String {
        list.components(separatedBy: "', '").map { "«\u{202F}\($0)\u{202F}»" }.joined(separator: ", ")
    }

    /// `. Please provide one of 'fr' and 'en'.` → ` (valeurs possibles : fr, en)`.
    static func accepted(in english: String) -> French {
        guard english.contains("Please provide one of") else { return "" }
        let values = english.matches(of: /'([^']*)'/).map { String($0.1) }.dropFirst(2)
        return values.isEmpty ? "" : " (valeurs possibles : \(list: Array(values)))"
    }
}
