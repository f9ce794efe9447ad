/// The professions a CPTS counts among its members, with their French labels.
public enum Profession {
    public static let labels: [(id: String, label: String)] = [
        ("medecin-generaliste", "Médecins généralistes"),
        ("medecin-specialiste", "Médecins spécialistes"),
        ("pharmacien", "Pharmaciens"),
        ("infirmier", "Infirmiers"),
        ("masseur-kinesitherapeute", "Masseurs-kinésithérapeutes"),
        ("sage-femme", "Sages-femmes"),
        ("chirurgien-dentiste", "Chirurgiens-dentistes"),
        ("orthophoniste", "Orthophonistes"),
        ("orthoptiste", "Orthoptistes"),
        ("psychologue", "Psychologues"),
        ("dieteticien", "Diététiciens"),
        ("podologue", "Pédicures-podologues"),
        ("ergotherapeute", "Ergothérapeutes"),
        ("psychomotricien", "Psychomotriciens"),
        ("biologiste", "Biologistes"),
        ("etablissement-sante", "Établissements de santé"),
        ("structure-medico-sociale", "Structures médico-sociales"),
        ("autre", "Autres"),
    ]

    public static var ids: [String] { labels.map(\.id) }

    public static func label(of id: String) -> String { labels.first { $0.id == id }?.label ?? id }
}
