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
        /// `versé` on or before the site's date, `à venir` after (`DomainLabels`).
        public let status: String
        public let paid: Bool
    }

    /// Every payment of the contract, or only those paying contract year `year`.
    public static func lines(_ funding: FundingBreakdown, year: Int? = nil) -> [Line] {
        funding.calendar.filter { year == nil || $0.year == year }.map { payment in
            let paid = payment.isPaid(asOf: funding.asOf)
            return Line(date: FrenchFormat.shortDate(payment.date), label: payment.label, amount: FrenchFormat.euros(payment.amount),
                        status: paid ? DomainLabels.paid : DomainLabels.upcoming, paid: paid)
        }
    }
}
