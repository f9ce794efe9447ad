/// The words content may write for one enumerated value: its id (`done`), or its French label as `DomainLabels`
/// gives it (`Réalisée`), in the forms French users type: without accents or capitals (`realisee`), masculine or
/// singular (`réalisé`, `médecin généraliste` for `Médecins généralistes`), without the parenthesis
/// (`Personnel` for `Personnel (coordination)`), or as initials (`AG` for `Assemblée générale`).
///
/// The French labels are the one source of these words: there is no second list to keep. A form that two values
/// share (two labels with the same initials) is accepted for neither: the reader then lists the values.
public struct ValueWords: Sendable {
    /// Each value's id and its French labels (a value may have a long and a short label).
    public let entries: [(id: String, labels: [String])]
    /// The forms accepted, folded (`forms(of:)`), with the id they stand for; nil for a form two values share.
    private let ids: [String: String?]

    public init(_ entries: [(id: String, labels: [String])]) {
        self.entries = entries
        var ids: [String: String?] = [:]
        for entry in entries {
            let forms = Set([ValueWords.fold(entry.id)] + entry.labels.flatMap(ValueWords.forms))
            for form in forms {
                if let other = ids[form], other != entry.id { ids[form] = .some(nil) } else { ids[form] = .some(entry.id) }
            }
        }
        self.ids = ids
    }

    /// The words of a table of ids and labels (professions, legal forms…), with more labels from other tables.
    public init(_ table: LabelTable, _ more: LabelTable...) {
        self.init(table.entries.map { entry in
            (entry.id, [entry.label] + more.compactMap { $0.knownLabel(of: entry.id) })
        })
    }

    /// The words of a labelled enum's cases.
    public init<T: Labelled & RawRepresentable>(_: T.Type) where T.RawValue == String {
        self.init(T.allCases.map { ($0.rawValue, [$0.label]) })
    }

    /// The id `written` stands for: the id itself, or one of the French forms; nil for an unknown word.
    public func id(of written: String) -> String? {
        if entries.contains(where: { $0.id == written }) { return written }
        guard let id = ids[ValueWords.fold(written)] else { return nil }
        return id
    }

    /// What a message lists: each value's French label in guillemets, with its id in parentheses when it differs
    /// (`« Réalisée » (done)`, `« SISA »`), in both languages: the label is the French word content may write.
    public var choices: [String] {
        entries.map { entry in
            guard let label = entry.labels.first else { return entry.id }
            let quoted = "«\u{202F}" + label + "\u{202F}»"
            return ValueWords.fold(label) == ValueWords.fold(entry.id) ? quoted : "\(quoted) (\(entry.id))"
        }
    }

    /// The words a "did you mean" may suggest: the labels, then the ids.
    public var suggestions: [String] { entries.compactMap(\.labels.first) + entries.map(\.id) }

    // MARK: Folding

    /// Small words initials skip (`Conseil d’administration` → `CA`).
    static let smallWords: Set<String> = ["de", "d", "du", "des", "la", "le", "l", "les", "et", "aux", "au", "en", "a"]

    /// The accepted forms of a label or an id, folded: the whole, the whole without its parenthesis, the initials.
    static func forms(of label: String) -> [String] {
        let bare = String(label.prefix { $0 != "(" })
        var forms = [fold(label), fold(bare)]
        let words = words(of: bare).filter { !smallWords.contains($0) }
        if words.count >= 2 { forms.append(String(words.compactMap(\.first))) }
        return forms.filter { !$0.isEmpty }
    }

    /// `Médecins généralistes` → `medecin generalist`: lowercase, no accents, words split on spaces, hyphens and
    /// apostrophes, each without a final `s` then its final `e`s (plural, feminine, accent lost), so that
    /// `réalisé`, `Réalisée` and `realisees` fold alike.
    static func fold(_ written: String) -> String {
        words(of: written).map { word in
            var word = Substring(word)
            if word.count > 3, word.last == "s" { word = word.dropLast() }
            while word.count > 3, word.last == "e" { word = word.dropLast() }
            return String(word)
        }.joined(separator: " ")
    }

    /// The lowercase words of `text`, without accents: `Département` → `departement`, `Code INSEE` → `code`, `insee`.
    public static func words(of text: String) -> [String] {
        var folded = ""
        for character in text.lowercased() {
            switch character {
            case "à", "â", "ä": folded.append("a")
            case "é", "è", "ê", "ë": folded.append("e")
            case "î", "ï": folded.append("i")
            case "ô", "ö": folded.append("o")
            case "ù", "û", "ü": folded.append("u")
            case "ç": folded.append("c")
            case "œ": folded.append("oe")
            case "æ": folded.append("ae")
            case "ÿ": folded.append("y")
            case _ where character.isLetter || character.isNumber: folded.append(character)
            default: folded.append(" ")
            }
        }
        return folded.split(separator: " ").map(String.init)
    }
}
