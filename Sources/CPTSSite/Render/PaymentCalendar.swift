import CPTSDomain

/// A contract's payments as people read them, in French: the one wording the CPTS page and `report` share, so
/// that both say the same thing as `site.json` about every payment.
public enum PaymentCalendar {
    public struct Line: Sendable, Equatable {
        /// `05/12/2019`.
        public let date: String
        public let label: String
        /// `50 000 €`.
        public let amount: String
        /// `versé` on or before the site's date, `à venir` after.
        public let status: String
        public let paid: Bool
    }

    /// Every payment of the contract, or only those paying contract year `year`.
    public static func lines(_ funding: FundingBreakdown, year: Int? = nil) -> [Line] {
        funding.calendar.filter { year == nil || $0.year == year }.map { payment in
            let paid = payment.isPaid(asOf: funding.asOf)
            return Line(date: FrenchFormat.shortDate(payment.date), label: label(payment), amount: FrenchFormat.euros(payment.amount),
                        status: paid ? "versé" : "à venir", paid: paid)
        }
    }

    /// Short on purpose (a calendar has a dozen rows): the methodology page explains each kind once.
    public static func label(_ payment: Payment) -> String {
        let year = "année\u{A0}\(payment.year)"
        switch payment.kind {
        case .operation:
            return "Fonctionnement de l’\(year), en totalité"
        case .fixedAdvance:
            let mission = payment.mission.map { Mission.named($0)?.name ?? $0 } ?? "mission"
            return "Avance de 75\u{A0}% de la part fixe de l’\(year)\u{202F}: \(mission)"
        case .advance:
            return "Avance de 75\u{A0}% de l’\(year)"
        case .balance:
            return "Solde de l’\(year)"
        case .variable:
            return "Part variable de l’\(year)"
        }
    }

    /// How a contract year stands at the site's date, for a caption.
    public static func status(_ year: ContractYearFunding) -> String {
        switch year.status {
        case .upcoming: "à venir"
        case .inProgress: "en cours"
        case .ended: "terminée"
        }
    }
}
