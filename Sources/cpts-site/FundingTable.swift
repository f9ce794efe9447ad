import CPTSDomain
import CPTSSite

/// The funding breakdown of one CPTS as a plain-text table for the terminal, amounts in French format.
struct FundingTable {
    let cpts: CPTS
    let funding: FundingBreakdown
    let onlyYear: Int?

    var text: String {
        var lines = ["\(cpts.name) — tranche \(funding.tranche.number), barème \(funding.scheduleID), contrat signé le \(FrenchFormat.shortDate(funding.signature))"]
        for year in funding.years where onlyYear.map({ $0 == year.year }) ?? true {
            lines.append("")
            lines.append("Année \(year.year) du contrat (\(FrenchFormat.shortDate(year.start)) – \(FrenchFormat.shortDate(year.end)))"
                + (year.assessed ? "" : ", part variable non évaluée"))
            var rows: [[String]] = [["", "fixe", "complément", "variable max", "variable acquise", "total"]]
            rows.append(["Fonctionnement", euros(year.operation), "", "", "", euros(year.operation)])
            for mission in year.missions {
                rows.append([mission.mission, euros(mission.fixed), euros(mission.extra), euros(mission.variableMaximum),
                             euros(mission.variableEarned) + (mission.isCapped ? " (plafonné)" : ""), euros(mission.total)])
            }
            rows.append(["Total", euros(year.operation + year.fixed), euros(year.extra), euros(year.variableMaximum),
                         euros(year.variableEarned), euros(year.total)])
            rows.append(["Maximum théorique", "", "", "", "", euros(year.maximum)])
            lines += align(rows)
            lines.append("Versements : " + year.payments.map { payment in
                "\(FrenchFormat.shortDate(payment.date)) \(label(payment.kind)) \(euros(payment.amount))"
            }.joined(separator: " ; "))
        }
        return lines.joined(separator: "\n")
    }

    func euros(_ amount: Int) -> String { FrenchFormat.euros(amount) }

    func label(_ kind: Payment.Kind) -> String {
        switch kind {
        case .advance: "avance 75 %"
        case .balance: "solde"
        case .variable: "part variable"
        }
    }

    /// Left-aligned first column, right-aligned figures.
    func align(_ rows: [[String]]) -> [String] {
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }
    }
}
