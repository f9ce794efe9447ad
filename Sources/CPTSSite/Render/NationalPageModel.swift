import CPTSContent
import CPTSDomain

/// Makes the typed view models of a national site's pages from its regions' files, as published: nothing is
/// recomputed, and every sum says the dates of the regions it adds.
struct NationalViewModels: Sendable {
    let content: NationalContent
    let theme: Theme
    /// Department shapes of the national folder's `geo/departements.geojson`, for the map; empty without one.
    var departments: [GeoFeature] = []

    /// The frame of every national page: the regional pages' header and footer, with the national navigation.
    func common(root: String, title: String) -> NationalFrame {
        NationalFrame(
            root: root,
            pageTitle: title,
            site: NationalIdentity(title: content.title, publisher: content.title, language: "fr", logo: nil),
            stylesheet: root + (theme.assetPath("style.css") ?? "style.css"),
            script: root + (theme.assetPath("search.js") ?? "search.js"),
            regionsURL: root + Routes.home + "#les-regions",
            dates: NationalViewModels.datesSentence(content.regions),
            notice: content.notice)
    }

    /// « données au 31/12/2024 pour Bretagne et Centre-Val de Loire ; au 30/06/2025 pour Pays de la Loire », or
    /// « données au 31/12/2024 pour toutes les régions » when they agree.
    static func datesSentence(_ regions: [RegionalSite]) -> String {
        let groups = byDate(regions)
        if groups.count == 1, let date = groups.first?.date {
            return "données au \(FrenchFormat.shortDate(date)) pour toutes les régions"
        }
        return "données " + groups.map { group in
            "au \(FrenchFormat.shortDate(group.date)) pour \(list(group.regions.map(\.name)))"
        }.joined(separator: "\u{202F}; ")
    }

    /// The regions by date, earliest first, each group in the order `site.yaml` lists them.
    static func byDate(_ regions: [RegionalSite]) -> [(date: Day, regions: [RegionalSite])] {
        Dictionary(grouping: regions, by: \.asOf.value).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// « A », « A et B », « A, B et C ».
    static func list(_ names: [String]) -> String {
        guard let last = names.last else { return "" }
        return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " et " + last
    }

    /// The national data files, for every national page.
    func downloads(root: String) -> [DataDownload] {
        [DataDownload(url: root + Routes.regionsCSV, name: "Les régions", format: "CSV pour tableur (regions.csv)"),
         DataDownload(url: root + Routes.siteJSON, name: "Toutes les données des régions", format: "JSON pour les programmes (site.json)")]
    }

    func regionRow(_ region: RegionalSite, root: String) -> NationalRegionRow {
        let totals = NationalExports.Totals([region])
        return NationalRegionRow(
            code: region.code.value, name: region.name, url: root + Routes.region(region.code.value), siteURL: region.url,
            asOf: FrenchFormat.shortDate(region.asOf.value), cpts: FrenchFormat.integer(totals.cpts),
            constituted: FrenchFormat.integer(totals.constituted), signed: FrenchFormat.integer(totals.signed),
            population: FrenchFormat.integer(totals.population), populationCovered: FrenchFormat.integer(totals.populationCovered),
            coverage: FrenchFormat.percent(NationalViewModels.share(totals.populationCovered, of: totals.population)),
            paid: FrenchFormat.euros(totals.paid),
            cptsDetail: NationalViewModels.cptsDetail(totals), populationDetail: NationalViewModels.populationDetail(totals))
    }

    /// « dont 1 constituée et 0 sous contrat ACI »: words agreeing with their numbers.
    static func cptsDetail(_ totals: NationalExports.Totals) -> String {
        "dont \(FrenchFormat.integer(totals.constituted)) \(FrenchFormat.agreed("constituées", with: Double(totals.constituted))) "
            + "et \(FrenchFormat.integer(totals.signed)) sous contrat ACI"
    }

    /// « 155 000 habitants sur 2 573 180 ».
    static func populationDetail(_ totals: NationalExports.Totals) -> String {
        "\(FrenchFormat.integer(totals.populationCovered)) \(FrenchFormat.agreed("habitants", with: Double(totals.populationCovered))) "
            + "sur \(FrenchFormat.integer(totals.population))"
    }

    static func share(_ part: Int, of whole: Int) -> Double { whole > 0 ? Double(part) / Double(whole) : 0 }

    func stages(_ totals: NationalExports.Totals) -> [StageCount] {
        Stage.allCases.map { StageCount(label: $0.label, count: FrenchFormat.integer(totals.byStage[$0] ?? 0)) }
    }
}

/// The keys every national page has: those of the regional frame the layout (`base.mustache`) reads outside the
/// blocks a national page replaces (`navigation`, `footer`, `feed`), the national navigation and the regions' dates.
struct NationalFrame: TemplateModel {
    let root: String
    let pageTitle: String
    let site: NationalIdentity
    let stylesheet: String
    let script: String
    let regionsURL: String
    /// The date of each region's figures (`NationalViewModels.datesSentence`).
    let dates: String
    /// `notice:` of `site.yaml`, shown on every page (« Données illustratives… »).
    let notice: String?

    static let fields: [TemplateField<Self>] = [
        .text("root", \.root), .text("pageTitle", \.pageTitle), .object("site", \.site), .text("stylesheet", \.stylesheet),
        .text("script", \.script), .text("regionsURL", \.regionsURL), .text("dates", \.dates), .optionalText("notice", \.notice),
    ]
}

struct NationalIdentity: TemplateModel {
    let title: String
    let publisher: String
    let language: String
    let logo: Logo?

    static let fields: [TemplateField<Self>] = [
        .text("title", \.title), .text("publisher", \.publisher), .text("language", \.language), .optional("logo", \.logo),
    ]
}

/// A region: a row of the national dashboard, and the head of its own page.
struct NationalRegionRow: TemplateModel {
    let code: String
    let name: String
    let url: String
    /// The regional site's address.
    let siteURL: String
    let asOf: String
    let cpts: String
    let constituted: String
    let signed: String
    let population: String
    let populationCovered: String
    let coverage: String
    let paid: String
    let cptsDetail: String
    let populationDetail: String

    static let fields: [TemplateField<Self>] = [
        .text("code", \.code), .text("name", \.name), .text("url", \.url), .text("siteURL", \.siteURL), .text("asOf", \.asOf),
        .text("cpts", \.cpts), .text("constituted", \.constituted), .text("signed", \.signed), .text("population", \.population),
        .text("populationCovered", \.populationCovered), .text("coverage", \.coverage), .text("paid", \.paid),
        .text("cptsDetail", \.cptsDetail), .text("populationDetail", \.populationDetail),
    ]
}
