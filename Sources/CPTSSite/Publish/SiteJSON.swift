import CPTSDomain

/// `data/site.json`: every computed figure, in a stable order, for other tools and for tests.
enum SiteJSON {
    /// Depth of a CPTS's object in the document: root object, `cpts` array, item.
    static let cptsDepth = 2
    /// What the document says it is (`format`) and the version of that format it follows (`version`): documented
    /// in `docs/site-json.md`, described by `share/site.schema.json`, read back by `RegionalSiteReader`. A change a
    /// reader of the previous version would misread (a key removed, renamed or retyped) adds one to `version`.
    /// Version 1 (cpts-site 0.9.0 and before) wrote `formatVersion: 1` instead, and no `communes`.
    static let format = "cpts-site/site.json"
    static let version = 2

    /// - Parameter entry: each CPTS's entry, written at `cptsDepth` by `entry(for:…)`, possibly from a cache.
    static func export(content: SiteContent, figures: SiteFigures, entry: @escaping (CPTS) -> String) -> Export {
        Export(path: Routes.siteJSON) { out in
            let cpts = content.cpts.sorted { $0.slug.value < $1.slug.value }
            document(content, figures, cpts: .lazyArray(count: cpts.count) { .prerendered(entry(cpts[$0])) }).write(to: &out)
        }
    }

    static func document(_ content: SiteContent, _ figures: SiteFigures, cpts: JSONValue) -> JSONValue {
        .object([
            ("format", .string(format)),
            ("version", .integer(version)),
            ("generator", .string("cpts-site")),
            ("asOf", .string(content.settings.asOf.description)),
            ("schedule", .string(content.settings.schedule.value)),
            ("region", region(content, figures)),
            ("cpts", cpts),
        ])
    }

    static func region(_ content: SiteContent, _ figures: SiteFigures) -> JSONValue {
        let coverage = figures.coverage
        return .object([
            ("code", .string(content.region.code)),
            ("name", .string(content.region.name)),
            ("population", .integer(content.region.population.value)),
            ("populationVintage", .string(content.region.populationVintage)),
            ("plannedTerritories", .integer(coverage.plannedTerritories)),
            ("constituted", .integer(coverage.constituted)),
            ("signed", .integer(coverage.signed)),
            ("constitutedShare", .number(coverage.constitutedShare)),
            ("populationCovered", .integer(coverage.populationCovered)),
            ("coverage", .number(coverage.coverage)),
            ("signedPopulation", .integer(coverage.signedPopulation)),
            ("signedCoverage", .number(coverage.signedCoverage)),
            ("byStage", byStage(coverage)),
            ("departments", .array(coverage.byDepartment.map(department))),
            ("milestones", .array(figures.milestones.map(milestone))),
            ("series", .array(figures.series.map { point in
                .object([("date", .string(point.date.description)), ("constituted", .integer(point.constituted)),
                         ("signed", .integer(point.signed)), ("coverage", .number(point.coverage))])
            })),
            ("funding", .array(figures.funding.years.map { year in
                .object([
                    ("year", .integer(year.year)),
                    ("operation", .integer(year.operation)),
                    // `earned`: only what contract years ended by `asOf` earned; `projected`: a year not begun is in it.
                    ("missions", .array(year.missions.map {
                        .object([("id", .string($0.mission)), ("maximum", .integer($0.maximum)), ("earned", .integer($0.earned))])
                    })),
                    ("maximum", .integer(year.maximum)),
                    ("total", .integer(year.total)),
                    ("earned", .integer(year.earned)),
                    ("projected", .bool(year.projected)),
                ])
            })),
        ])
    }

    /// A CPTS's entry as it is written in the document.
    static func entry(for cpts: CPTS, figures: SiteFigures, content: SiteContent, diagnostics: [Diagnostic]) -> String {
        self.cpts(cpts, figures[cpts], content: content, diagnostics: diagnostics).text(atDepth: cptsDepth)
    }

    static func byStage(_ coverage: CoverageFigures) -> JSONValue {
        .object(Stage.allCases.map { ($0.rawValue, .integer(coverage.countByStage[$0] ?? 0)) })
    }

    static func department(_ department: DepartmentCoverage) -> JSONValue {
        .object([
            ("code", .string(department.code)),
            ("name", .string(department.name)),
            ("population", .integer(department.population)),
            ("cpts", .integer(department.cpts)),
            ("constituted", .integer(department.constituted)),
            ("signed", .integer(department.signed)),
            ("populationCovered", .integer(department.populationCovered)),
            ("coverage", .number(department.coverage)),
        ])
    }

    static func milestone(_ comparison: MilestoneComparison) -> JSONValue {
        let milestone = comparison.milestone
        return .object([
            ("date", .string(milestone.date.description)),
            ("kind", .string(milestone.kind.rawValue)),
            ("cpts", milestone.cpts.map(JSONValue.integer) ?? .null),
            ("coverage", milestone.coverage.map { JSONValue.number($0.value) } ?? .null),
            ("computedConstituted", comparison.computed.map { .integer($0.constituted) } ?? .null),
            ("computedCoverage", comparison.computed.map { .number($0.coverage) } ?? .null),
        ])
    }

    static func cpts(_ cpts: CPTS, _ figures: SiteFigures.CPTSFigures, content: SiteContent,
                     diagnostics: [Diagnostic]) -> JSONValue {
        .object([
            ("slug", .string(cpts.slug.value)),
            ("name", .string(cpts.name)),
            ("department", .string(cpts.department.value)),
            // The stage at `asOf`: a stage dated later is not reached yet (null: not started at that date).
            ("stage", figures.stage.map { .string($0.rawValue) } ?? .null),
            ("constituted", .bool(figures.stage?.isConstituted == true)),
            ("population", .integer(figures.population)),
            // INSEE codes as written, in file order: what a national site checks for overlaps across regions.
            ("communes", .array(cpts.communes.map { .string($0.value) })),
            ("tranche", figures.tranche.map { .integer($0.number) } ?? .null),
            ("schedule", .string((cpts.schedule ?? content.settings.schedule).value)),
            ("dates", .object(Stage.allCases.compactMap { stage in
                cpts.dates[stage].map { (stage.rawValue, .string($0.value.description)) }
            })),
            ("missions", .array(cpts.missions.map { mission in
                .object([("id", .string(mission.id.value)),
                         ("start", mission.start.map { .string($0.value.description) } ?? .null),
                         ("deployed", mission.deployed.map { .string($0.value.description) } ?? .null)])
            })),
            ("funding", figures.funding.map(funding) ?? .null),
            ("letterOfIntentAid", figures.letterOfIntentAid.map(JSONValue.integer) ?? .null),
            // Empty with `validationPage: false`: the site publishes none of its problems then.
            ("diagnostics", .array(diagnostics.published(for: cpts, settings: content.settings).map { diagnostic in
                .object([("severity", .string(diagnostic.severity.rawValue)), ("code", .string(diagnostic.code)),
                         ("line", .integer(diagnostic.location.line)), ("column", .integer(diagnostic.location.column)),
                         ("message", .string(diagnostic.text(in: .fr)))])
            })),
        ])
    }

    static func funding(_ breakdown: FundingBreakdown) -> JSONValue {
        .object([
            ("signature", .string(breakdown.signature.description)),
            ("tranche", .integer(breakdown.tranche.number)),
            ("schedule", .string(breakdown.scheduleID)),
            ("scheduleLabel", .string(breakdown.scheduleLabel)),
            ("paid", .integer(breakdown.paidAsOf)),
            ("due", .integer(breakdown.due)),
            ("projected", .integer(breakdown.projected)),
            ("years", .array(breakdown.years.map(contractYear))),
            // The calendar in date order, as the CPTS page and `report` show it.
            ("payments", .array(breakdown.calendar.map { payment in
                .object([("date", .string(payment.date.description)), ("kind", .string(payment.kind.rawValue)),
                         ("amount", .integer(payment.amount)), ("year", .integer(payment.year)),
                         ("mission", payment.mission.map(JSONValue.string) ?? .null),
                         ("status", .string(payment.isPaid(asOf: breakdown.asOf) ? "paid" : "upcoming"))])
            })),
        ])
    }

    /// One contract year of a ledger, in the ledger's period convention: `start` is its first day, `lastDay` its
    /// last, `end` the next anniversary (excluded: the date of its balance).
    static func contractYear(_ year: ContractYearFunding) -> JSONValue {
        .object([
            ("year", .integer(year.year)),
            ("start", .string(year.start.description)),
            ("end", .string(year.end.description)),
            ("lastDay", .string(year.lastDay.description)),
            ("status", .string(year.status.rawValue)),
            ("projected", .bool(year.isProjected)),
            ("schedule", .string(year.scheduleID)),
            ("scheduleLabel", .string(year.scheduleLabel)),
            ("operation", .integer(year.operation)),
            ("missions", .array(year.missions.map { mission in
                .object([
                    ("id", .string(mission.mission)),
                    ("fixed", .integer(mission.fixed)),
                    ("extra", .integer(mission.extra)),
                    ("variableMax", .integer(mission.variableMaximum)),
                    ("variableEarned", .integer(mission.variableEarned)),
                ])
            })),
            ("assessed", .bool(year.assessed)),
            ("total", .integer(year.total)),
            ("max", .integer(year.maximum)),
            ("earned", year.earned.map(JSONValue.integer) ?? .null),
            ("paid", .integer(year.paid)),
            ("toCome", .integer(year.toCome)),
        ])
    }
}
