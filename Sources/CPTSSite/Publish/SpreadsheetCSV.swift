import CPTSDomain

/// `data/cpts.csv` and `data/indicators.csv` for spreadsheet users: UTF-8 with a byte order mark (so that
/// Excel reads the accents), `;` separators and decimal commas, as French spreadsheets expect.
enum SpreadsheetCSV {
    static func cptsExport(content: SiteContent, figures: SiteFigures) -> Export {
        Export(path: "data/cpts.csv") { out in
            out.append(contentsOf: byteOrderMark)
            row(["slug", "nom", "departement", "etape", "constituee", "population", "tranche", "bareme"]
                + Stage.allCases.map { "date_\($0.rawValue)" } + ["financement_max_annee_1", "financement_annee_1"], to: &out)
            for cpts in content.cpts.sorted(by: { $0.slug.value < $1.slug.value }) {
                let numbers = figures[cpts]
                let firstYear = numbers.funding?.year(1)
                row([cpts.slug.value, cpts.name, cpts.department.value, numbers.stage?.rawValue ?? "",
                     numbers.stage?.isConstituted == true ? "oui" : "non", String(numbers.population),
                     numbers.tranche.map { String($0.number) } ?? "", (cpts.schedule ?? content.settings.schedule).value]
                    + Stage.allCases.map { cpts.dates[$0]?.value.description ?? "" }
                    + [firstYear.map { String($0.maximum) } ?? "", firstYear.map { String($0.total) } ?? ""], to: &out)
            }
        }
    }

    /// A row per indicator and contract year of every CPTS, written as it is made: a million rows at
    /// national scale.
    static func indicatorsExport(content: SiteContent) -> Export {
        Export(path: "data/indicators.csv") { out in
            out.append(contentsOf: byteOrderMark)
            row(["slug", "annee_contrat", "indicateur", "mission", "libelle", "unite", "sens", "reference", "valeur",
                 "montant_gagne"], to: &out)
            for file in content.indicators.sorted(by: { $0.slug < $1.slug }) {
                for year in file.contractYears.sorted(by: { $0.year.value < $1.year.value }) {
                    for indicator in year.indicators {
                        row([file.slug, String(year.year.value), indicator.id.value, indicator.mission.value,
                             indicator.label, indicator.unit ?? "", indicator.direction.value.rawValue,
                             indicator.baseline.map(decimal) ?? "", value(indicator.value),
                             String(FundingCalculator.reward(indicator).earned)], to: &out)
                    }
                }
            }
        }
    }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func value(_ value: IndicatorValue?) -> String {
        switch value {
        case .number(let number)?: decimal(number)
        case .done(let done)?: done ? "oui" : "non"
        case nil: ""
        }
    }

    /// `12.5` → `12,5`; no thousands separator, so that spreadsheets read it as a number.
    static func decimal(_ value: Double) -> String {
        String(decoding: JSONValue.number(value).utf8.map { $0 == UInt8(ascii: ".") ? UInt8(ascii: ",") : $0 }, as: UTF8.self)
    }

    /// A cell a spreadsheet would run as a formula (`=HYPERLINK(…)`, `@SUM(…)`, `+1+1`, `-2+3`, or one starting
    /// with a tab or a carriage return) gets a leading `'`, OWASP's rule against CSV injection; a plain number
    /// (`-12`, `-3,5`, `1e6`) is left as it is, so that it stays a number.
    static func defused(_ cell: String) -> String {
        guard let first = cell.utf8.first,
            [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains(first),
            !isPlainNumber(cell)
        else { return cell }
        return "'" + cell
    }

    /// `-12`, `+4`, `-3,5`, `2.5`, `-1e6`: an optional sign, digits, an optional decimal part, an optional exponent.
    static func isPlainNumber(_ cell: String) -> Bool {
        var bytes = cell.utf8[...]
        func digits() -> Int {
            let count = bytes.prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        guard digits() > 0 else { return false }
        if bytes.first == UInt8(ascii: ",") || bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard digits() > 0 else { return false }
        }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }

    /// One line: cells separated by `;`, ended by CR LF.
    static func row(_ cells: [String], to out: inout ExportBuffer) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ";")) }
            append(cell, to: &out)
        }
        out.append(contentsOf: [0x0D, 0x0A])
    }

    /// A cell, defused (`defused(_:)`), then quoted when it holds a separator, a quote or a line break
    /// (quotes doubled). Every cell of every CSV export goes through here.
    static func append(_ text: String, to out: inout ExportBuffer) {
        let text = defused(text)
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else {
            out.append(contentsOf: utf8)
            return
        }
        out.append(UInt8(ascii: "\""))
        for byte in utf8 {
            out.append(byte)
            if byte == UInt8(ascii: "\"") { out.append(byte) }
        }
        out.append(UInt8(ascii: "\""))
    }
}
