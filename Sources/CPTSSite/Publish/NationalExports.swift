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
        document(content, to: &json)
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

        /// The members, written into the open object.
        func write(to json: inout JSONWriter) {
            json.key("cpts"); json.integer(cpts)
            json.key("constituted"); json.integer(constituted)
            json.key("signed"); json.integer(signed)
            json.key("population"); json.integer(population)
            json.key("populationCovered"); json.integer(populationCovered)
            json.key("coverage"); json.number(population > 0 ? Double(populationCovered) / Double(population) : 0)
            json.key("paid"); json.integer(paid)
            json.key("byStage")
            json.beginObject()
            for stage in Stage.allCases { json.key(escaping: stage.rawValue); json.integer(byStage[stage] ?? 0) }
            json.endObject()
        }
    }

    /// `data/site.json`, pretty-printed, with a final newline.
    static func document(_ content: NationalContent, to out: inout ExportBuffer) {
        out.writeJSON { json in
            json.beginObject()
            json.key("format"); json.string(format)
            json.key("version"); json.integer(version)
            json.key("generator"); json.string("cpts-site")
            json.key("title"); json.string(content.title)
            json.key("totals")
            json.beginObject()
            json.key("regions"); json.integer(content.regions.count)
            Totals(content.regions).write(to: &json)
            json.endObject()
            json.key("regions")
            json.beginArray()
            for region in content.regions { json.item(); Self.region(region, to: &json) }
            json.endArray()
            json.endObject()
        }
        out.append(UInt8(ascii: "\n"))
    }

    static func region(_ region: RegionalSite, to json: inout JSONWriter) {
        json.beginObject()
        json.key("code"); json.string(region.code.value)
        json.key("name"); json.string(region.name)
        json.key("url"); json.string(region.url)
        json.key("asOf"); json.string(region.asOf.value.description)
        json.key("populationVintage"); json.string(region.populationVintage)
        json.key("totals"); json.beginObject(); Totals([region]).write(to: &json); json.endObject()
        json.key("funding")
        json.beginArray()
        for year in region.funding {
            json.item()
            json.beginObject()
            json.key("year"); json.integer(year.year)
            json.key("total"); json.integer(year.total)
            json.key("maximum"); json.integer(year.maximum)
            json.key("earned"); json.integer(year.earned)
            json.key("projected"); json.bool(year.projected)
            json.endObject()
        }
        json.endArray()
        json.key("departments")
        json.beginArray()
        for department in region.departments {
            json.item()
            json.beginObject()
            json.key("code"); json.string(department.code.value)
            json.key("name"); json.string(department.name)
            json.key("population"); json.integer(department.population)
            json.endObject()
        }
        json.endArray()
        json.key("cpts")
        json.beginArray()
        for cpts in region.cpts { json.item(); Self.cpts(cpts, of: region, to: &json) }
        json.endArray()
        json.endObject()
    }

    static func cpts(_ cpts: RegionalCPTS, of region: RegionalSite, to json: inout JSONWriter) {
        json.beginObject()
        json.key("slug"); json.string(cpts.slug.value)
        json.key("name"); json.string(cpts.name)
        json.key("url"); json.string(region.pageURL(of: cpts))
        json.key("department"); json.string(cpts.department.value)
        json.key("stage"); json.string(cpts.stage?.rawValue)
        json.key("population"); json.integer(cpts.population)
        json.key("communes")
        json.beginArray()
        for commune in cpts.communes { json.item(); json.string(commune.value) }
        json.endArray()
        json.key("signature"); json.string(cpts.signature?.description)
        json.key("paid"); json.integer(cpts.paid)
        json.endObject()
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
