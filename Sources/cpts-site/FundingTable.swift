import CPTSDomain
import CPTSSite

/// The funding breakdown of one CPTS as a plain-text table for the terminal, amounts in French format.
struct FundingTable {
    let cpts: CPTS
    let funding: FundingBreakdown
    /// Where the schedules' labels are.
    let content: SiteContent
    let onlyYear: Int?

    var text: String {
        var lines = ["\(cpts.name) — tranche \(funding.tranche.number), barème «\u{202F}\(funding.scheduleLabel)\u{202F}», contrat signé le \(FrenchFormat.shortDate(funding.signature))"]
        for year in funding.years where onlyYear.map({ $0 == year.year }) ?? true {
            lines.append("")
            // The ledger's period convention, as on every page: "du 30/09/2019 au 29/09/2020".
            lines.append("Année \(year.year) du contrat (du \(FrenchFormat.shortDate(year.start)) au \(FrenchFormat.shortDate(year.lastDay)), \(year.status.label))"
                + (year.scheduleID == funding.scheduleID ? "" : ", barème «\u{202F}\(year.scheduleLabel)\u{202F}»")
                + (year.assessed ? "" : ", part variable non évaluée")
                + (year.isProjected ? " — \(DomainLabels.projection)" : ""))
            var rows: [[String]] = [[""] + ([.fixed, .extra, .variableMaximum, .variableEarned, .total] as [FundingPart]).map(\.label)]
            rows.append([FundingPart.operation.label, euros(year.operation), "", "", "", euros(year.operation)])
            for mission in year.missions {
                rows.append([DomainLabels.missions.label(of: mission.mission), euros(mission.fixed), euros(mission.extra), euros(mission.variableMaximum),
                             euros(mission.variableEarned) + (mission.isCapped ? " (\(DomainLabels.capped))" : ""), euros(mission.total)])
            }
            rows.append([FundingPart.total.label, euros(year.operationAndFixed), euros(year.extra), euros(year.variableMaximum),
                         euros(year.variableEarned), euros(year.total)])
            rows.append([FundingPart.maximum.label, "", "", "", "", euros(year.maximum)])
            lines += align(rows)
        }
        // The whole calendar, in the words of the CPTS page (`PaymentCalendar`), whatever `--year` shows.
        lines.append("")
        lines.append("Calendrier des versements au \(FrenchFormat.shortDate(funding.asOf)) (\(euros(funding.paidAsOf)) versés)\u{202F}:")
        lines += align(PaymentCalendar.lines(funding).map { ["  " + $0.date, $0.amount, $0.status, $0.label] }, rightAligned: [1])
        return lines.joined(separator: "\n")
    }

    func euros(_ amount: Int) -> String { FrenchFormat.euros(amount) }

    /// Left-aligned first column, right-aligned figures (or only the `rightAligned` columns); no trailing spaces.
    func align(_ rows: [[String]], rightAligned: Set<Int>? = nil) -> [String] {
        guard let first = rows.first else { return [] }
        let widths = (0..<first.count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            let cells = row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                let right = rightAligned.map { $0.contains(column) } ?? (column != 0)
                return right ? padding + cell : cell + padding
            }
            var line = cells.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
