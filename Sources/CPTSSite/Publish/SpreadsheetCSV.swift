import CPTSDomain

/// `data/cpts.csv` and `data/indicators.csv` for spreadsheet users: UTF-8 with a byte order mark (so that
/// Excel reads the accents), `;` separators and decimal commas, as French spreadsheets expect.
enum SpreadsheetCSV {
    static func cptsFile(content: SiteContent, figures: SiteFigures) -> OutputFile {
        var rows: [[String]] = [["slug", "nom", "departement", "etape", "constituee", "population", "tranche", "bareme"]
            + Stage.allCases.map { "date_\($0.rawValue)" } + ["financement_max_annee_1", "financement_annee_1"]]
        for cpts in content.cpts.sorted(by: { $0.slug.value < $1.slug.value }) {
            let numbers = figures[cpts]
            let firstYear = numbers.funding?.year(1)
            rows.append([cpts.slug.value, cpts.name, cpts.department.value, cpts.stage.value.rawValue,
                         cpts.stage.value.isConstituted ? "oui" : "non", String(numbers.population),
                         numbers.tranche.map { String($0.number) } ?? "", (cpts.schedule ?? content.settings.schedule).value]
                + Stage.allCases.map { cpts.dates[$0]?.value.description ?? "" }
                + [firstYear.map { String($0.maximum) } ?? "", firstYear.map { String($0.total) } ?? ""])
        }
        return OutputFile(path: "data/cpts.csv", bytes: encode(rows))
    }

    static func indicatorsFile(content: SiteContent) -> OutputFile {
        var rows: [[String]] = [["slug", "annee_contrat", "indicateur", "mission", "libelle", "unite", "sens",
                                 "reference", "valeur", "montant_gagne"]]
        for file in content.indicators.sorted(by: { $0.slug < $1.slug }) {
            for year in file.contractYears.sorted(by: { $0.year.value < $1.year.value }) {
                for indicator in year.indicators {
                    rows.append([file.slug, String(year.year.value), indicator.id.value, indicator.mission.value,
                                 indicator.label, indicator.unit ?? "", indicator.direction.value.rawValue,
                                 indicator.baseline.map(decimal) ?? "", value(indicator.value),
                                 String(FundingCalculator.reward(indicator).earned)])
                }
            }
        }
        return OutputFile(path: "data/indicators.csv", bytes: encode(rows))
    }

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

    /// Straight into bytes: the indicators file has a row per indicator and contract year of every CPTS, and
    /// `serve` writes it again on each save.
    static func encode(_ rows: [[String]]) -> [UInt8] {
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes.reserveCapacity(rows.count * 96)
        for row in rows {
            for (index, cell) in row.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ";")) }
                append(cell, to: &bytes)
            }
            bytes.append(contentsOf: [0x0D, 0x0A])
        }
        return bytes
    }

    /// A cell, quoted when it holds a separator, a quote or a line break (quotes doubled).
    static func append(_ text: String, to bytes: inout [UInt8]) {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == UInt8(ascii: ";") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }) else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        for byte in utf8 {
            bytes.append(byte)
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
