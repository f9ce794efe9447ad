/// Statistical secrecy (*secret statistique*): a small count of people is never published, as the Assurance
/// Maladie's Rézone CPTS hides a profession's figures in a commune with fewer than 6 practitioners (CNIL rule).
///
/// - Primary secrecy: a count of people from 1 to `threshold − 1` is hidden. A count of 0 is published: it
///   describes nobody (the rule hides a figure about *fewer than 6 practitioners*, not a commune with none).
/// - Secondary secrecy: in a table whose parts sum to a published total, one hidden part alone would follow by
///   subtraction; `table(_:)` hides more cells until none can be computed from the published ones.
public struct Secrecy: Sendable, Hashable {
    /// The CNIL rule as Rézone CPTS applies it: counts under 6 are hidden.
    public static let defaultThreshold = 6

    /// Counts from 1 to `threshold − 1` are hidden; a threshold of 0 or 1 hides nothing.
    public let threshold: Int

    public init(threshold: Int = Secrecy.defaultThreshold) {
        self.threshold = threshold
    }

    /// Whether a count of people is hidden by primary secrecy: from 1 to `threshold − 1`.
    public func isSecret(_ count: Int) -> Bool { count > 0 && count < threshold }

    /// Whether a measured count of people is hidden by primary secrecy (a non-integer value is not a count of
    /// people, but is judged all the same: above 0 and under the threshold).
    public func isSecret(_ count: Double) -> Bool { count > 0 && count < Double(threshold) }

    /// Indicator units (`unit:` of `indicators/<slug>.yaml`, plural, as written) that count people: judged on their
    /// first word, without case (`patients orientés`, `Médecins`). `%`, `count`, `réunions`, `créneaux`… are not.
    public static let peopleUnits: Set<String> = [
        "patients", "patient", "personnes", "personne", "professionnels", "professionnel", "médecins", "médecin",
        "medecins", "medecin", "internes", "interne", "participants", "participant", "habitants", "habitant",
        "membres", "membre", "usagers", "usager", "bénéficiaires", "bénéficiaire", "enfants", "enfant",
        "femmes", "femme", "hommes", "homme", "infirmiers", "infirmier", "infirmières", "infirmière",
        "pharmaciens", "pharmacien", "kinésithérapeutes", "kinésithérapeute", "sages-femmes", "sage-femme",
        "praticiens", "praticien", "soignants", "soignant", "résidents", "résident", "aidants", "aidant",
        "maîtres", "étudiants", "étudiant", "stagiaires", "stagiaire", "seniors", "adolescents", "jeunes",
    ]

    /// Whether an indicator's unit counts people (see `peopleUnits`).
    public static func countsPeople(unit: String?) -> Bool {
        guard let first = unit?.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" }).first else { return false }
        return peopleUnits.contains(first.lowercased())
    }

    /// Whether a measured value is hidden: a count of people (`countsPeople(unit:)`) from 1 to `threshold − 1`.
    /// The value is judged first: most are above the threshold, and reading the unit costs a split and a lowercasing.
    public func hides(_ value: Double, unit: String?) -> Bool { isSecret(value) && Secrecy.countsPeople(unit: unit) }

    /// Which cells of a table of counts of people to hide: its parts, and their total, which is published beside them.
    ///
    /// Primary secrecy hides each part, and the total, from 1 to `threshold − 1`. Then, while a hidden cell can be
    /// computed from the published ones (exactly one part hidden under a published total), one more part is hidden:
    /// the smallest published part that is not 0 (a published 0 may be known elsewhere, such as a profession a CPTS
    /// does not list: hiding it protects nothing). Among equal parts, the first by `keys` (a profession id), so
    /// that two tables listing the same counts in another order hide the same ones; without keys, the first in the
    /// table. With no such part left, the total.
    /// - Parameter people: which parts count people (all by default); a part that does not (a count of health
    ///   establishments) is never hidden by primary secrecy, but may be by secondary secrecy.
    public func table(_ parts: [Int], keys: [String]? = nil, people: [Bool]? = nil) -> SecretTable {
        var hidden = parts.indices.map { isSecret(parts[$0]) && people?[$0] != false }
        var totalHidden = isSecret(parts.reduce(0, +))
        func order(_ index: Int) -> (Int, String, Int) { (parts[index], keys?[index] ?? "", index) }
        while SecretTable(parts: hidden, total: totalHidden).computable(from: parts) != nil {
            let candidates = parts.indices.filter { !hidden[$0] && parts[$0] > 0 }
            if let smallest = candidates.min(by: { order($0) < order($1) }) {
                hidden[smallest] = true
            } else {
                totalHidden = true
            }
        }
        return SecretTable(parts: hidden, total: totalHidden)
    }

    /// Members that are organisations, not people: their counts are not hidden for themselves.
    public static let memberOrganisations: Set<String> = ["etablissement-sante", "structure-medico-sociale"]

    /// The members of a CPTS by profession, in the order it lists them, and their total.
    public func members(_ members: [Member]) -> SecretTable {
        table(members.map(\.count), keys: members.map(\.profession),
              people: members.map { !Secrecy.memberOrganisations.contains($0.profession) })
    }

    /// The ids of the figures of a CPTS's territorial diagnostic that are hidden: a count of people under the
    /// threshold, and a density computed from a hidden count of members (the density times the population gives
    /// the count back).
    public func hiddenFigures(of cpts: CPTS, in content: SiteContent, members: SecretTable) -> Set<String> {
        var hidden: Set<String> = []
        for figure in content.territoryDiagnostic(for: cpts.slug.value)?.figures ?? [] {
            if TerritoryFigure.named(figure.id.value)?.unit == .count, isSecret(figure.value.value) { hidden.insert(figure.id.value) }
        }
        let given = Set(content.territoryDiagnostic(for: cpts.slug.value)?.figures.map(\.id.value) ?? [])
        for (index, member) in cpts.members.enumerated() where index < members.parts.count && members.parts[index] {
            let id = TerritoryFigure.densityID(member.profession)
            if !given.contains(id) { hidden.insert(id) }
        }
        return hidden
    }

}

/// Which cells of a table are hidden: each part, and the total.
public struct SecretTable: Sendable, Hashable {
    public let parts: [Bool]
    public let total: Bool

    public init(parts: [Bool], total: Bool) {
        self.parts = parts
        self.total = total
    }

    /// Nothing hidden.
    public static func none(_ count: Int) -> SecretTable { SecretTable(parts: Array(repeating: false, count: count), total: false) }

    public var hidesAnything: Bool { total || parts.contains(true) }

    /// A hidden cell whose value follows from the published cells (`values` are the parts; the total is their sum):
    /// the only hidden part under a published total; the total when every part is published; several hidden parts
    /// that must all be 0. Nil when no hidden cell can be computed.
    func computable(from values: [Int]) -> Int? {
        let hiddenParts = parts.indices.filter { parts[$0] }
        if total { return hiddenParts.isEmpty ? -1 : nil }
        let hiddenSum = hiddenParts.map { values[$0] }.reduce(0, +)
        if hiddenParts.count == 1 || (hiddenParts.count > 1 && hiddenSum == 0) { return hiddenParts.first }
        return nil
    }
}
