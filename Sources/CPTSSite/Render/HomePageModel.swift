import CPTSContent
import CPTSDomain

extension ViewModels {
    /// The regional dashboard: key figures first, then stages, departments, the deployment curve, funding,
    /// other structures, the map and the list of CPTS.
    func home(root: String) -> HomePage {
        let coverage = figures.coverage
        return HomePage(
            frame: common(root: root, title: "Tableau de bord"),
            region: RegionName(name: content.region.name),
            keyFigures: keyFigures(),
            downloads: dataDownloads(root: root),
            stages: Stage.allCases.map { stage in
                StageCount(label: stage.label, count: FrenchFormat.integer(coverage.countByStage[stage] ?? 0))
            },
            stageChart: BarChart(
                title: "CPTS par étape au \(FrenchFormat.shortDate(content.settings.asOf))",
                description: Stage.allCases.map { "\($0.label)\u{202F}: \(coverage.countByStage[$0] ?? 0)" }.joined(separator: ", "),
                bars: Stage.allCases.map { stage in
                    let count = coverage.countByStage[stage] ?? 0
                    return .init(label: stage.label, value: Double(count), text: FrenchFormat.integer(count))
                },
                maximum: Double(coverage.countByStage.values.max() ?? 0)).responsive(),
            departments: coverage.byDepartment.map { departmentRow($0, root: root) },
            departmentChart: BarChart(
                title: "Part de la population couverte par département",
                description: coverage.byDepartment.map { "\($0.name)\u{202F}: \(FrenchFormat.percent($0.coverage))" }.joined(separator: ", "),
                bars: coverage.byDepartment.map { .init(label: $0.name, value: $0.coverage, text: FrenchFormat.percent($0.coverage)) },
                maximum: 1).responsive(),
            curve: deploymentCurve(),
            curveTable: curveTable(),
            milestones: figures.milestones.map(milestoneRow),
            // Contract years to come are commitments, not figures: the table stops at the site's year.
            funding: PublishedFigureRules.fundingYears(figures.funding, asOf: content.settings.asOf).map { year in
                RegionFundingYear(year: String(year.year), maximum: FrenchFormat.euros(year.maximum),
                                  operation: FrenchFormat.euros(year.operation), total: FrenchFormat.euros(year.total),
                                  // A contract year not begun at the site's date is in it: its figures are partly a projection.
                                  projected: year.projected ? DomainLabels.projection : nil)
            },
            structures: content.region.structures.map { structure in
                StructureRow(
                    label: DomainLabels.structureKinds.label(of: structure.kind),
                    count: structure.count.map { FrenchFormat.integer($0.value) },
                    aid: structure.yearlyAid.map { FrenchFormat.euros($0.value) },
                    totalAid: structure.count.flatMap { count in structure.yearlyAid.map { FrenchFormat.euros($0.value * count.value) } })
            },
            map: map(root: root),
            cpts: listed().map { summary($0, root: root) })
    }

    func keyFigures() -> [KeyFigure] {
        let coverage = figures.coverage
        return [
            KeyFigure(label: "CPTS constituées", value: "\(coverage.constituted) / \(coverage.plannedTerritories)",
                      detail: "territoires prévus, soit \(FrenchFormat.percent(coverage.constitutedShare))"),
            KeyFigure(label: "Population couverte", value: FrenchFormat.percent(coverage.coverage),
                      detail: "\(FrenchFormat.integer(coverage.populationCovered)) \(FrenchFormat.agreed("habitants", with: Double(coverage.populationCovered))) sur \(FrenchFormat.integer(coverage.regionPopulation))"),
            KeyFigure(label: "Contrats ACI signés", value: FrenchFormat.integer(coverage.signed),
                      detail: "\(FrenchFormat.percent(coverage.signedCoverage)) de la population"),
            KeyFigure(label: "Enveloppe ACI annuelle", value: FrenchFormat.euros(figures.funding.engaged),
                      detail: "maximum de l’année de contrat en cours des contrats signés"),
        ]
    }

    func departmentRow(_ department: DepartmentCoverage, root: String) -> DepartmentRow {
        DepartmentRow(
            code: department.code,
            name: department.name,
            url: root + Routes.department(department.code),
            cpts: FrenchFormat.integer(department.cpts),
            constituted: FrenchFormat.integer(department.constituted),
            signed: FrenchFormat.integer(department.signed),
            population: FrenchFormat.integer(department.population),
            populationCovered: FrenchFormat.integer(department.populationCovered),
            coverage: FrenchFormat.percent(department.coverage),
            // Sentences whose words agree with their numbers (`dont 1 constituée`, `0 habitant sur 345 000`).
            cptsDetail: "dont \(department.constituted) \(FrenchFormat.agreed("constituées", with: Double(department.constituted))) et \(department.signed) sous contrat ACI",
            populationDetail: "\(FrenchFormat.integer(department.populationCovered)) \(FrenchFormat.agreed("habitants", with: Double(department.populationCovered))) sur \(FrenchFormat.integer(department.population))")
    }

    func deploymentCurve() -> String {
        let series = figures.series
        let points = series.map { LineChart.Point(x: Double($0.date.ordinal), y: $0.coverage * 100) }
        let markers = figures.milestones.compactMap { comparison -> LineChart.Marker? in
            guard let share = comparison.milestone.coverage?.value else { return nil }
            let kind = DomainLabels.milestoneKind(comparison.milestone.kind.rawValue, short: true)
            return .init(x: Double(comparison.milestone.date.ordinal), y: share * 100,
                         label: "\(FrenchFormat.percent(share)) (\(kind))", kind: comparison.milestone.kind.rawValue)
        }
        let years = Set(series.map(\.date.year) + figures.milestones.map(\.milestone.date.year)).sorted()
        let ticks = years.compactMap { year in Day(year: year, month: 1, day: 1).map { (x: Double($0.ordinal), label: String(year)) } }
        let maximum = max(100, (points.map(\.y) + markers.map(\.y)).max() ?? 0)
        let last = series.last
        return LineChart(
            title: "Part de la population couverte par une CPTS constituée, mois par mois",
            description: "De \(FrenchFormat.monthYear(series.first?.date ?? content.settings.asOf)) à \(FrenchFormat.monthYear(content.settings.asOf))\u{202F}: "
                + "\(FrenchFormat.percent(last?.coverage ?? 0)) au \(FrenchFormat.shortDate(content.settings.asOf)). "
                + figures.milestones.map { "\(DomainLabels.milestoneKind($0.milestone.kind.rawValue)) au \(FrenchFormat.shortDate($0.milestone.date))\u{202F}: \($0.milestone.coverage.map { FrenchFormat.percent($0.value) } ?? "non précisé")." }.joined(separator: " "),
            series: points, markers: markers, xTicks: ticks, yMaximum: maximum,
            yLabel: { FrenchFormat.decimal($0, maximumFractionDigits: 0) + FrenchFormat.unitSpace + "%" }).responsive()
    }

    /// The curve's numbers at each year's end and at the site's date.
    func curveTable() -> [CurvePoint] {
        figures.series.filter { ($0.date.month == 12 && $0.date.day == 31) || $0.date == content.settings.asOf }.map { point in
            CurvePoint(date: FrenchFormat.shortDate(point.date), constituted: FrenchFormat.integer(point.constituted),
                       signed: FrenchFormat.integer(point.signed), coverage: FrenchFormat.percent(point.coverage))
        }
    }

    func milestoneRow(_ comparison: MilestoneComparison) -> MilestoneRow {
        let milestone = comparison.milestone
        return MilestoneRow(
            date: FrenchFormat.shortDate(milestone.date),
            kind: DomainLabels.milestoneKind(milestone.kind.rawValue),
            cpts: milestone.cpts.map { FrenchFormat.integer($0) },
            coverage: milestone.coverage.map { FrenchFormat.percent($0.value) },
            computedCPTS: comparison.computed.map { FrenchFormat.integer($0.constituted) },
            computedCoverage: comparison.computed.map { FrenchFormat.percent($0.coverage) })
    }

    /// The coverage map, when `content/geo/` gives department shapes.
    func map(root: String) -> String? {
        let renderer = MapRenderer(departments: geo.departments, communes: geo.communes)
        let territories = unsortedRows().filter { !$0.communes.isEmpty }.sorted { $0.name < $1.name }.map { cpts in
            MapTerritory(name: cpts.name, href: root + Routes.cpts(cpts.slug), communes: cpts.communes)
        }
        let coverage = Dictionary(figures.coverage.byDepartment.map { ($0.code, $0.coverage) }, uniquingKeysWith: { first, _ in first })
        guard let svg = renderer.svg(coverage: coverage, territories: territories, legend: false) else { return nil }
        return svg + renderer.legendHTML(coverage: coverage, hasTerritories: svg.contains("class=\"map-territory\""))
    }
}

/// The regional dashboard (`home.mustache`).
struct HomePage: PageModel {
    static let template = "home"
    let frame: PageFrame
    let region: RegionName
    let keyFigures: [KeyFigure]
    let downloads: [DataDownload]
    let stages: [StageCount]
    let stageChart: String
    let departments: [DepartmentRow]
    let departmentChart: String
    let curve: String
    let curveTable: [CurvePoint]
    let milestones: [MilestoneRow]
    let funding: [RegionFundingYear]
    let structures: [StructureRow]
    let map: String?
    let cpts: [CPTSSummary]

    static let fields: [TemplateField<Self>] = [
        .inline(\.frame), .object("region", \.region), .list("keyFigures", \.keyFigures), .list("downloads", \.downloads),
        .list("stages", \.stages), .text("stageChart", \.stageChart), .list("departments", \.departments),
        .text("departmentChart", \.departmentChart), .text("curve", \.curve), .list("curveTable", \.curveTable),
        .list("milestones", \.milestones), .list("funding", \.funding), .list("structures", \.structures),
        .optionalText("map", \.map), .list("cpts", \.cpts),
    ]
}

struct RegionName: TemplateModel {
    let name: String

    static let fields: [TemplateField<Self>] = [.text("name", \.name)]
}

struct KeyFigure: TemplateModel {
    let label: String
    let value: String
    let detail: String

    static let fields: [TemplateField<Self>] = [.text("label", \.label), .text("value", \.value), .text("detail", \.detail)]
}

/// How many CPTS are at a stage.
struct StageCount: TemplateModel {
    let label: String
    let count: String

    static let fields: [TemplateField<Self>] = [.text("label", \.label), .text("count", \.count)]
}

/// A department's coverage: a row of the dashboard's table, and the head of its own page.
struct DepartmentRow: TemplateModel {
    let code: String
    let name: String
    let url: String
    let cpts: String
    let constituted: String
    let signed: String
    let population: String
    let populationCovered: String
    let coverage: String
    let cptsDetail: String
    let populationDetail: String

    static let fields: [TemplateField<Self>] = [
        .text("code", \.code), .text("name", \.name), .text("url", \.url), .text("cpts", \.cpts),
        .text("constituted", \.constituted), .text("signed", \.signed), .text("population", \.population),
        .text("populationCovered", \.populationCovered), .text("coverage", \.coverage), .text("cptsDetail", \.cptsDetail),
        .text("populationDetail", \.populationDetail),
    ]
}

struct CurvePoint: TemplateModel {
    let date: String
    let constituted: String
    let signed: String
    let coverage: String

    static let fields: [TemplateField<Self>] = [
        .text("date", \.date), .text("constituted", \.constituted), .text("signed", \.signed), .text("coverage", \.coverage),
    ]
}

struct MilestoneRow: TemplateModel {
    let date: String
    let kind: String
    let cpts: String?
    let coverage: String?
    let computedCPTS: String?
    let computedCoverage: String?

    static let fields: [TemplateField<Self>] = [
        .text("date", \.date), .text("kind", \.kind), .optionalText("cpts", \.cpts), .optionalText("coverage", \.coverage),
        .optionalText("computedCPTS", \.computedCPTS), .optionalText("computedCoverage", \.computedCoverage),
    ]
}

/// The region's funding of one year: every contract's.
struct RegionFundingYear: TemplateModel {
    let year: String
    let maximum: String
    let operation: String
    let total: String
    let projected: String?

    static let fields: [TemplateField<Self>] = [
        .text("year", \.year), .text("maximum", \.maximum), .text("operation", \.operation), .text("total", \.total),
        .optionalText("projected", \.projected),
    ]
}

/// Other coordinated-care structures (ESP, MSP, DAC).
struct StructureRow: TemplateModel {
    let label: String
    let count: String?
    let aid: String?
    let totalAid: String?

    static let fields: [TemplateField<Self>] = [
        .text("label", \.label), .optionalText("count", \.count), .optionalText("aid", \.aid), .optionalText("totalAid", \.totalAid),
    ]
}
