import CPTSDomain

extension NationalViewModels {
    /// The national dashboard: key figures summed over the regions, CPTS by stage, each region's coverage with its
    /// date, and the ACI funding by year summed over the regions of one date.
    func home(root: String) -> NationalHomePage {
        let totals = NationalExports.Totals(content.regions)
        let regions = content.regions.sorted { $0.name < $1.name }
        return NationalHomePage(
            frame: common(root: root, title: "Tableau de bord national"),
            keyFigures: keyFigures(totals),
            stages: stages(totals),
            stageChart: BarChart(
                title: "CPTS par étape",
                description: Stage.allCases.map { "\($0.label)\u{202F}: \(totals.byStage[$0] ?? 0)" }.joined(separator: ", "),
                bars: Stage.allCases.map { stage in
                    let count = totals.byStage[stage] ?? 0
                    return .init(label: stage.label, value: Double(count), text: FrenchFormat.integer(count))
                },
                maximum: Double(totals.byStage.values.max() ?? 0)).responsive(),
            regions: regions.map { regionRow($0, root: root) },
            total: NationalRegionRow(
                code: "", name: "France", url: root + Routes.home, siteURL: "", asOf: "",
                cpts: FrenchFormat.integer(totals.cpts), constituted: FrenchFormat.integer(totals.constituted),
                signed: FrenchFormat.integer(totals.signed), population: FrenchFormat.integer(totals.population),
                populationCovered: FrenchFormat.integer(totals.populationCovered),
                coverage: FrenchFormat.percent(NationalViewModels.share(totals.populationCovered, of: totals.population)),
                paid: FrenchFormat.euros(totals.paid), cptsDetail: NationalViewModels.cptsDetail(totals),
                populationDetail: NationalViewModels.populationDetail(totals)),
            regionChart: BarChart(
                title: "Part de la population couverte par région",
                description: regions.map { region in
                    let row = NationalExports.Totals([region])
                    return "\(region.name)\u{202F}: \(FrenchFormat.percent(NationalViewModels.share(row.populationCovered, of: row.population)))"
                }.joined(separator: ", "),
                bars: regions.map { region in
                    let row = NationalExports.Totals([region])
                    let share = NationalViewModels.share(row.populationCovered, of: row.population)
                    return .init(label: region.name, value: share, text: FrenchFormat.percent(share))
                },
                maximum: 1).responsive(),
            datesAgree: NationalViewModels.byDate(content.regions).count == 1,
            funding: fundingSeries(),
            map: map(root: root),
            downloads: downloads(root: root))
    }

    /// The map of the regions, when the national folder has department shapes (`geo/departements.geojson`): every
    /// region of France, those of the site shaded and linked to their page.
    func map(root: String) -> String? {
        let published = Dictionary(content.regions.map { ($0.code.value, $0) }, uniquingKeysWith: { first, _ in first })
        let regions = FrenchRegions.regions.map { code, name in
            guard let region = published[code] else { return MapRegion(code: code, name: name, href: "", coverage: nil) }
            let totals = NationalExports.Totals([region])
            return MapRegion(code: code, name: region.name, href: root + Routes.region(code),
                             coverage: NationalViewModels.share(totals.populationCovered, of: totals.population))
        }
        guard let svg = NationalMap(departments: departments).svg(regions: regions) else { return nil }
        return svg + NationalMap.legendHTML(regions: regions)
    }

    func keyFigures(_ totals: NationalExports.Totals) -> [KeyFigure] {
        let coverage = NationalViewModels.share(totals.populationCovered, of: totals.population)
        return [
            KeyFigure(label: "CPTS", value: FrenchFormat.integer(totals.cpts),
                      detail: "\(NationalViewModels.cptsDetail(totals)), dans \(content.regions.count) \(FrenchFormat.agreed("régions", with: Double(content.regions.count)))"),
            KeyFigure(label: "Population couverte", value: FrenchFormat.percent(coverage),
                      detail: NationalViewModels.populationDetail(totals)),
            KeyFigure(label: "Contrats ACI signés", value: FrenchFormat.integer(totals.signed),
                      detail: "CPTS signataires de l’accord conventionnel interprofessionnel"),
            KeyFigure(label: "Enveloppe ACI de l’année", value: FrenchFormat.euros(envelope()),
                      detail: "maximum des contrats signés pour l’année de la date de chaque région"),
            KeyFigure(label: "Versé au titre de l’ACI", value: FrenchFormat.euros(totals.paid),
                      detail: "sommes versées aux CPTS à la date de chaque région"),
        ]
    }

    /// The contracts' maximum for the calendar year of each region's date, summed.
    func envelope() -> Int {
        content.regions.reduce(0) { sum, region in
            sum + (region.funding.first { $0.year == region.asOf.value.year }?.maximum ?? 0)
        }
    }

    /// The ACI funding by calendar year, summed over the regions of one date only: one table per date, up to its
    /// year; none for a date whose regions publish no funding.
    func fundingSeries() -> [NationalFundingSeries] {
        NationalViewModels.byDate(content.regions).compactMap { date, regions in
            let years = Set(regions.flatMap { $0.funding.map(\.year) }).filter { $0 <= date.year }.sorted()
            guard !years.isEmpty else { return nil }
            return NationalFundingSeries(
                caption: "Financement ACI par année, données au \(FrenchFormat.shortDate(date)) pour \(NationalViewModels.list(regions.map(\.name)))",
                years: years.map { year in
                    let parts = regions.compactMap { region in region.funding.first { $0.year == year } }
                    return NationalFundingYear(
                        year: String(year),
                        maximum: FrenchFormat.euros(parts.reduce(0) { $0 + $1.maximum }),
                        total: FrenchFormat.euros(parts.reduce(0) { $0 + $1.total }),
                        earned: FrenchFormat.euros(parts.reduce(0) { $0 + $1.earned }),
                        projected: parts.contains(where: \.projected) ? DomainLabels.projection : nil)
                })
        }
    }
}

/// The national dashboard (`national-home.mustache`).
struct NationalHomePage: PageModel {
    static let template = "national-home"
    let frame: NationalFrame
    let keyFigures: [KeyFigure]
    let stages: [StageCount]
    let stageChart: String
    let regions: [NationalRegionRow]
    /// The regions summed: its `url` is the dashboard's, its `code`, `siteURL` and `asOf` empty.
    let total: NationalRegionRow
    let regionChart: String
    /// Every region's figures are at the same date.
    let datesAgree: Bool
    let funding: [NationalFundingSeries]
    /// The map of the regions and its legend, without department shapes nil.
    let map: String?
    let downloads: [DataDownload]

    static let fields: [TemplateField<Self>] = [
        .inline(\.frame), .list("keyFigures", \.keyFigures), .list("stages", \.stages), .text("stageChart", \.stageChart),
        .list("regions", \.regions), .object("total", \.total), .text("regionChart", \.regionChart),
        .flag("datesAgree", \.datesAgree), .list("funding", \.funding), .optionalText("map", \.map),
        .list("downloads", \.downloads),
    ]
}

/// The ACI funding of the regions of one date, year by year.
struct NationalFundingSeries: TemplateModel {
    let caption: String
    let years: [NationalFundingYear]

    static let fields: [TemplateField<Self>] = [.text("caption", \.caption), .list("years", \.years)]
}

struct NationalFundingYear: TemplateModel {
    let year: String
    let maximum: String
    let total: String
    let earned: String
    let projected: String?

    static let fields: [TemplateField<Self>] = [
        .text("year", \.year), .text("maximum", \.maximum), .text("total", \.total), .text("earned", \.earned),
        .optionalText("projected", \.projected),
    ]
}
