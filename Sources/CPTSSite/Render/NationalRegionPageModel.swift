import CPTSDomain

extension NationalViewModels {
    /// A region's page: its figures at its date, its departments and its CPTS, each linking to the regional site's
    /// own page.
    func region(_ region: RegionalSite, root: String) -> NationalRegionPage {
        let names = Dictionary(region.departments.map { ($0.code.value, $0.name) }, uniquingKeysWith: { first, _ in first })
        return NationalRegionPage(
            frame: common(root: root, title: region.name),
            region: regionRow(region, root: root),
            stages: stages(NationalExports.Totals([region])),
            departments: region.departments.map { department in
                let members = region.cpts.filter { $0.department.value == department.code.value }
                let covered = members.filter { $0.stage?.isConstituted == true }.reduce(0) { $0 + $1.population }
                return NationalDepartmentRow(
                    code: department.code.value, name: department.name, population: FrenchFormat.integer(department.population),
                    cpts: FrenchFormat.integer(members.count),
                    constituted: FrenchFormat.integer(members.filter { $0.stage?.isConstituted == true }.count),
                    coverage: FrenchFormat.percent(NationalViewModels.share(covered, of: department.population)))
            },
            cpts: region.cpts.sorted { $0.name < $1.name }.map { cpts in
                NationalCPTSRow(
                    name: cpts.name, url: region.pageURL(of: cpts), stage: DomainLabels.stage(cpts.stage),
                    department: names[cpts.department.value] ?? cpts.department.value,
                    population: FrenchFormat.integer(cpts.population),
                    signature: cpts.signature.map(FrenchFormat.shortDate))
            },
            downloads: downloads(root: root))
    }
}

/// A region's page (`national-region.mustache`).
struct NationalRegionPage: PageModel {
    static let template = "national-region"
    let frame: NationalFrame
    let region: NationalRegionRow
    let stages: [StageCount]
    let departments: [NationalDepartmentRow]
    let cpts: [NationalCPTSRow]
    let downloads: [DataDownload]

    static let fields: [TemplateField<Self>] = [
        .inline(\.frame), .object("region", \.region), .list("stages", \.stages), .list("departments", \.departments),
        .list("cpts", \.cpts), .list("downloads", \.downloads),
    ]
}

/// A department of a region, as its regional file gives it; its coverage counts the CPTS whose main department it is.
struct NationalDepartmentRow: TemplateModel {
    let code: String
    let name: String
    let population: String
    let cpts: String
    let constituted: String
    let coverage: String

    static let fields: [TemplateField<Self>] = [
        .text("code", \.code), .text("name", \.name), .text("population", \.population), .text("cpts", \.cpts),
        .text("constituted", \.constituted), .text("coverage", \.coverage),
    ]
}

/// A CPTS of a region: its `url` is its page on the regional site.
struct NationalCPTSRow: TemplateModel {
    let name: String
    let url: String
    let stage: String
    let department: String
    let population: String
    let signature: String?

    static let fields: [TemplateField<Self>] = [
        .text("name", \.name), .text("url", \.url), .text("stage", \.stage), .text("department", \.department),
        .text("population", \.population), .optionalText("signature", \.signature),
    ]
}
