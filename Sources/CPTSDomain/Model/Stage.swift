/// The stages a CPTS goes through, in order, from the letter of intent to the signed contract.
public enum Stage: String, CaseIterable, Comparable, Sendable {
    /// *Lettre d'intention* validated by the ARS.
    case letterOfIntent = "letter-of-intent"
    /// *Pré-projet*.
    case preProject = "pre-project"
    /// *Diagnostic territorial*: care supply, health needs, the territory.
    case diagnostic
    /// *Projet de santé* validated by the ARS and the Assurance Maladie.
    case healthProject = "health-project"
    /// The tripartite ACI contract (CPTS, CPAM, ARS), for five years.
    case aciSigned = "aci-signed"

    /// Its position in `allCases` (a switch: `allCases` makes an array at each call).
    public var order: Int {
        switch self {
        case .letterOfIntent: 0
        case .preProject: 1
        case .diagnostic: 2
        case .healthProject: 3
        case .aciSigned: 4
        }
    }

    /// A CPTS counts as constituted (*constituée*) from its validated projet de santé on.
    public var isConstituted: Bool { self >= .healthProject }

    public static func < (lhs: Stage, rhs: Stage) -> Bool { lhs.order < rhs.order }
}
