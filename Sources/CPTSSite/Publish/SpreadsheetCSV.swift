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
        JSONValue.number(value).replacing(".", with: ",")
    }

    static func encode(_ rows: [[String]]) -> [UInt8] {
        let text = rows.map { $0.map(field).joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
        return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}
