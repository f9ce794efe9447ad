/// A mission of the ACI CPTS, with the deadlines the agreement sets after the contract's signature.
public struct Mission: Hashable, Sendable {
    public let id: String
    /// French name, as the site shows it.
    public let name: String
    /// Months after signature by which the mission must have started, if the ACI sets it.
    public let startWithinMonths: Int?
    /// Months after signature by which the mission must be fully deployed, if the ACI sets it.
    public let deployWithinMonths: Int?

    /// The missions of the ACI CPTS (2019 text and avenant 2). Which are *socle* is the schedule's business.
    public static let catalogue: [Mission] = [
        Mission(id: "acces-soins", name: "Accès aux soins (médecin traitant, soins non programmés)",
                startWithinMonths: 6, deployWithinMonths: 18),
        Mission(id: "parcours", name: "Parcours pluriprofessionnels autour du patient",
                startWithinMonths: 12, deployWithinMonths: 24),
        Mission(id: "prevention", name: "Actions territoriales de prévention",
                startWithinMonths: 12, deployWithinMonths: 24),
        Mission(id: "crises-sanitaires", name: "Réponse aux crises sanitaires graves",
                startWithinMonths: 6, deployWithinMonths: 18),
        Mission(id: "qualite-pertinence", name: "Qualité et pertinence des soins",
                startWithinMonths: nil, deployWithinMonths: nil),
        Mission(id: "accompagnement-professionnels", name: "Accompagnement des professionnels de santé",
                startWithinMonths: nil, deployWithinMonths: nil),
    ]

    public static func named(_ id: String) -> Mission? { catalogue.first { $0.id == id } }
    public static var ids: [String] { catalogue.map(\.id) }
}
