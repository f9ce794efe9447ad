/// A mission of the ACI CPTS, with the deadlines the agreement sets after the contract's signature.
public struct Mission: Hashable, Sendable {
    public let id: String
    /// Months after signature by which the mission must have started, if the ACI sets it.
    public let startWithinMonths: Int?
    /// Months after signature by which the mission must be fully deployed, if the ACI sets it.
    public let deployWithinMonths: Int?

    /// The missions of the ACI CPTS (2019 text and avenant 2). Which are *socle* is the schedule's business.
    public static let catalogue: [Mission] = [
        Mission(id: "acces-soins", startWithinMonths: 6, deployWithinMonths: 18),
        Mission(id: "parcours", startWithinMonths: 12, deployWithinMonths: 24),
        Mission(id: "prevention", startWithinMonths: 12, deployWithinMonths: 24),
        Mission(id: "crises-sanitaires", startWithinMonths: 6, deployWithinMonths: 18),
        Mission(id: "qualite-pertinence", startWithinMonths: nil, deployWithinMonths: nil),
        Mission(id: "accompagnement-professionnels", startWithinMonths: nil, deployWithinMonths: nil),
    ]

    /// French name, as the site shows it (`DomainLabels.missions`).
    public var name: String { DomainLabels.missions.label(of: id) }

    public static func named(_ id: String) -> Mission? { catalogue.first { $0.id == id } }
    public static var ids: [String] { catalogue.map(\.id) }
}
