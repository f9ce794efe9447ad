import CPTSDomain

/// A national site's data files, made from its regions' files as published (nothing is recomputed): `data/site.json`
/// (format `cpts-site/national-site.json`, version 1, documented in `docs/site-json.md`) and `data/regions.csv`,
/// one line per region and a last line summing them. Each region keeps its own date: a sum adds regions dated
/// differently, as the CSV's « Données au » column and each region's `asOf` say.
public enum NationalExports {
    static let format = "cpts-site/national-site.json"
    static let version = 1

    /// The files, by path under the output folder.
    public static func files(_ content: NationalContent) -> [(path: String, bytes: [UInt8])] {
        var json = ExportBuffer()
        document(content).write(to: &json)
        var csv = ExportBuffer()
        regionsCSV(content, to: &csv)
        return [(Routes.siteJSON, json.bytes), (Routes.regionsCSV, csv.bytes)]
    }

    /// Writes the files into `output` the way a regional build does: staged beside it, swapped in whole, a failure
    /// leaving the previous folder as it was. The diagnostics of a failed write; none when written.
    public static func write(_ content: NationalContent, to output: String) -> [Diagnostic] {
        do {
            let staged = try StagedSite(output: output)
            do {
                for file in files(content) { try staged.write(OutputFile(path: file.path, bytes: file.bytes)) }
                try staged.commit()
            } catch {
                staged.abandon()
                throw error
            }
            return []
        } catch {
            return [SiteSession.writeFailed(error, output: output)]
        }
    }

    /// What a region (or all of them) counts: CPTS, constituted, signed, population covered, euros paid.
    struct Totals {
        var cpts = 0, constituted = 0, signed = 0, population = 0, populationCovered = 0, paid = 0
        var byStage: [Stage: Int] = [:]

        init(_ regions: [RegionalSite]) {
            for region in regions {
                population += region.population
                for cpts in region.cpts {
                    self.cpts += 1
                    if let stage = cpts.stage { byStage[stage, default: 0] += 1 }
                    if cpts.stage?.isConstituted == true {
                        constituted += 1
                        populationCovered += cpts.population
                    }
                    if cpts.stage == .aciSigned { signed += 1 }
                    paid += cpts.paid ?? 0
                }
            }
        }

        var json: [(String, JSONValue)] {
            [("cpts", .integer(cpts)), ("constituted", .integer(constituted)), ("signed", .integer(signed)),
             ("population", .integer(population)), ("populationCovered", .integer(populationCovered)),
             ("coverage", .number(population > 0 ? Double(populationCovered) / Double(population) : 0)), ("paid", .integer(paid)),
             ("byStage", .object(Stage.allCases.map { ($0.rawValue, .integer(byStage[$0] ?? 0)) }))]
        }
    }

    static func document(_ content: NationalContent) -> JSONValue {
        .object([
            ("format", .string(format)),
            ("version", .integer(version)),
            ("generator", .string("cpts-site")),
            ("title", .string(content.title)),
            ("totals", .object([("regions", .integer(content.regions.count))] + Totals(content.regions).json)),
            ("regions", .array(content.regions.map(region))),
        ])
    }

    static func region(_ region: RegionalSite) -> JSONValue {
        .object([
            ("code", .string(region.code.value)),
            ("name", .string(region.name)),
            ("url", .string(region.url)),
            ("asOf", .string(region.asOf.value.description)),
            ("populationVintage", .string(region.populationVintage)),
            ("totals", .object(Totals([region]).json)),
            ("funding", .array(region.funding.map { year in
                .object([("year", .integer(year.year)), ("total", .integer(year.total)), ("maximum", .integer(year.maximum)),
                         ("earned", .integer(year.earned)), ("projected", .bool(year.projected))])
            })),
            ("departments", .array(region.departments.map { department in
                .object([("code", .string(department.code.value)), ("name", .string(department.name)),
                         ("population", .integer(department.population))])
            })),
            ("cpts", .array(region.cpts.map { cpts in
                .object([
                    ("slug", .string(cpts.slug.value)),
                    ("name", .string(cpts.name)),
                    ("url", .string(region.pageURL(of: cpts))),
                    ("department", .string(cpts.department.value)),
                    ("stage", cpts.stage.map { .string($0.rawValue) } ?? .null),
                    ("population", .integer(cpts.population)),
                    ("communes", .array(cpts.communes.map { .string($0.value) })),
                    ("signature", cpts.signature.map { .string($0.description) } ?? .null),
                    ("paid", cpts.paid.map(JSONValue.integer) ?? .null),
                ])
            })),
        ])
    }

    static let regionsColumns = ["Code de la région", "Région", "Données au", "CPTS", "CPTS constituées", "CPTS signataires",
                                 "Population", "Population couverte", "Couverture", "Versé au titre de l’ACI (€)", "Site régional"]

    /// `data/regions.csv`: one line per region, then « Total » summing them (its date column lists the dates met).
    static func regionsCSV(_ content: NationalContent, to out: inout ExportBuffer) {
        out.append(contentsOf: SpreadsheetCSV.byteOrderMark)
        SpreadsheetCSV.row(regionsColumns, to: &out)
        func line(_ code: String, _ name: String, _ dates: String, _ totals: Totals, _ url: String) {
            let coverage = totals.population > 0 ? Double(totals.populationCovered) / Double(totals.population) : 0
            SpreadsheetCSV.row([code, name, dates, String(totals.cpts), String(totals.constituted), String(totals.signed),
                                String(totals.population), String(totals.populationCovered), SpreadsheetCSV.decimal(coverage),
                                String(totals.paid), url], to: &out)
        }
        for region in content.regions {
            line(region.code.value, region.name, FrenchFormat.shortDate(region.asOf.value), Totals([region]), region.url)
        }
        let dates = Set(content.regions.map(\.asOf.value)).sorted().map(FrenchFormat.shortDate)
        line("", "Total", dates.joined(separator: "\u{202F}; "), Totals(content.regions), "")
    }
}
