import CPTSContent
import CPTSDomain

extension ViewModels {
    /// The regional dashboard: key figures first, then stages, departments, the deployment curve, funding,
    /// other structures, the map and the list of CPTS.
    func home(root: String) -> [String: Any] {
        var model = common(root: root, title: "Tableau de bord")
        let coverage = figures.coverage
        model["region"] = ["name": content.region.name]
        model["keyFigures"] = keyFigures()
        model["downloads"] = dataDownloads(root: root)
        model["stages"] = Stage.allCases.map { stage in
            ["label": stage.label, "count": FrenchFormat.integer(coverage.countByStage[stage] ?? 0)]
        }
        model["stageChart"] = BarChart(
            title: "CPTS par étape au \(FrenchFormat.shortDate(content.settings.asOf))",
            description: Stage.allCases.map { "\($0.label)\u{202F}: \(coverage.countByStage[$0] ?? 0)" }.joined(separator: ", "),
            bars: Stage.allCases.map { stage in
                let count = coverage.countByStage[stage] ?? 0
                return .init(label: stage.label, value: Double(count), text: FrenchFormat.integer(count))
            },
            maximum: Double(coverage.countByStage.values.max() ?? 0)).responsive()
        model["departments"] = coverage.byDepartment.map { departmentRow($0, root: root) }
        model["departmentChart"] = BarChart(
            title: "Part de la population couverte par département",
            description: coverage.byDepartment.map { "\($0.name)\u{202F}: \(FrenchFormat.percent($0.coverage))" }.joined(separator: ", "),
            bars: coverage.byDepartment.map { .init(label: $0.name, value: $0.coverage, text: FrenchFormat.percent($0.coverage)) },
            maximum: 1).responsive()
        model["curve"] = deploymentCurve()
        model["curveTable"] = curveTable()
        model["milestones"] = figures.milestones.map(milestoneRow)
        // Contract years to come are commitments, not figures: the table stops at the site's year.
        model["funding"] = figures.funding.years.filter { $0.year <= content.settings.asOf.year }.map { year in
            [
                "year": String(year.year),
                "maximum": FrenchFormat.euros(year.maximum),
                "operation": FrenchFormat.euros(year.operation),
                "total": FrenchFormat.euros(year.total),
                // A contract year not begun at the site's date is in it: its figures are partly a projection.
                "projected": year.projected ? DomainLabels.projection : false,
            ] as [String: Any]
        }
        model["structures"] = content.region.structures.map { structure in
            present([
                "label": DomainLabels.structureKinds.label(of: structure.kind),
                "count": structure.count.map { FrenchFormat.integer($0.value) },
                "aid": structure.yearlyAid.map { FrenchFormat.euros($0.value) },
                "totalAid": structure.count.flatMap { count in structure.yearlyAid.map { FrenchFormat.euros($0.value * count.value) } },
            ])
        }
        model["map"] = map(root: root) ?? false
        model["cpts"] = TerritoryOrder.sorted(content.cpts).map { summary($0, root: root) }
        return model
    }

    func keyFigures() -> [[String: Any]] {
        let coverage = figures.coverage
        return [
            ["label": "CPTS constituées", "value": "\(coverage.constituted) / \(coverage.plannedTerritories)",
             "detail": "territoires prévus, soit \(FrenchFormat.percent(coverage.constitutedShare))"],
            ["label": "Population couverte", "value": FrenchFormat.percent(coverage.coverage),
             "detail": "\(FrenchFormat.integer(coverage.populationCovered)) \(FrenchFormat.agreed("habitants", with: Double(coverage.populationCovered))) sur \(FrenchFormat.integer(coverage.regionPopulation))"],
            ["label": "Contrats ACI signés", "value": FrenchFormat.integer(coverage.signed),
             "detail": "\(FrenchFormat.percent(coverage.signedCoverage)) de la population"],
            ["label": "Enveloppe ACI annuelle", "value": FrenchFormat.euros(figures.funding.engaged),
             "detail": "maximum de l’année de contrat en cours des contrats signés"],
        ]
    }

    func departmentRow(_ department: DepartmentCoverage, root: String) -> [String: Any] {
        [
            "code": department.code,
            "name": department.name,
            "url": root + Routes.department(department.code),
            "cpts": FrenchFormat.integer(department.cpts),
            "constituted": FrenchFormat.integer(department.constituted),
            "signed": FrenchFormat.integer(department.signed),
            "population": FrenchFormat.integer(department.population),
            "populationCovered": FrenchFormat.integer(department.populationCovered),
            "coverage": FrenchFormat.percent(department.coverage),
            // Sentences whose words agree with their numbers (`dont 1 constituée`, `0 habitant sur 345 000`).
            "cptsDetail": "dont \(department.constituted) \(FrenchFormat.agreed("constituées", with: Double(department.constituted))) et \(department.signed) sous contrat ACI",
            "populationDetail": "\(FrenchFormat.integer(department.populationCovered)) \(FrenchFormat.agreed("habitants", with: Double(department.populationCovered))) sur \(FrenchFormat.integer(department.population))",
        ]
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
    func curveTable() -> [[String: Any]] {
        figures.series.filter { ($0.date.month == 12 && $0.date.day == 31) || $0.date == content.settings.asOf }.map { point in
            [
                "date": FrenchFormat.shortDate(point.date),
                "constituted": FrenchFormat.integer(point.constituted),
                "signed": FrenchFormat.integer(point.signed),
                "coverage": FrenchFormat.percent(point.coverage),
            ]
        }
    }

    func milestoneRow(_ comparison: MilestoneComparison) -> [String: Any] {
        let milestone = comparison.milestone
        return present([
            "date": FrenchFormat.shortDate(milestone.date),
            "kind": DomainLabels.milestoneKind(milestone.kind.rawValue),
            "cpts": milestone.cpts.map { FrenchFormat.integer($0) },
            "coverage": milestone.coverage.map { FrenchFormat.percent($0.value) },
            "computedCPTS": comparison.computed.map { FrenchFormat.integer($0.constituted) },
            "computedCoverage": comparison.computed.map { FrenchFormat.percent($0.coverage) },
        ])
    }

    /// The coverage map, when `content/geo/` gives department shapes.
    func map(root: String) -> String? {
        let renderer = MapRenderer(departments: geo.departments, communes: geo.communes)
        let territories = content.cpts.filter { !$0.communes.isEmpty }.sorted { $0.name < $1.name }.map { cpts in
            MapTerritory(name: cpts.name, href: root + Routes.cpts(cpts.slug.value), communes: cpts.communes.map(\.value))
        }
        let coverage = Dictionary(figures.coverage.byDepartment.map { ($0.code, $0.coverage) }, uniquingKeysWith: { first, _ in first })
        guard let svg = renderer.svg(coverage: coverage, territories: territories, legend: false) else { return nil }
        return svg + renderer.legendHTML(coverage: coverage, hasTerritories: svg.contains("class=\"map-territory\""))
    }
}
