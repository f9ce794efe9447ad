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

    /// - Parameter entry: each CPTS's entry as written at `cptsDepth` by `writeCPTS` (from `serve`'s cache), or nil
    ///   to write each one straight into the document (a one-off build keeps none).
    static func export(content: SiteContent, figures: SiteFigures, diagnostics: [Diagnostic],
                       entry: ((CPTS) -> [UInt8])? = nil) -> Export {
        Export(path: Routes.siteJSON) { out in
            out.writeJSON { json in
                document(content, figures, to: &json) { json in
                    // Positions sorted, not the CPTS: a sorted copy of every CPTS lived as long as site.json was
                    // written (about 37 MB at 100 000 CPTS, at the peak of the build's memory).
                    let all = content.cpts
                    for index in SpreadsheetCSV.sortedBySlug(all) {
                        let item = all[index]
                        json.item()
                        if let entry {
                            json.prerendered(entry(item))
                        } else {
                            writeCPTS(item, figures[item], content: content, diagnostics: diagnostics, to: &json)
                        }
                    }
                }
            }
            out.append(UInt8(ascii: "\n"))
        }
    }

    /// The document, its `cpts` array's items written by `cpts`.
    static func document(_ content: SiteContent, _ figures: SiteFigures, to json: inout JSONWriter,
                         cpts: (inout JSONWriter) -> Void) {
        json.beginObject()
        json.key("format"); json.string(format)
        json.key("version"); json.integer(version)
        json.key("generator"); json.string("cpts-site")
        json.key("asOf"); json.day(content.settings.asOf)
        json.key("schedule"); json.string(content.settings.schedule.value)
        json.key("region"); region(content, figures, to: &json)
        json.key("cpts"); json.beginArray(); cpts(&json); json.endArray()
        json.endObject()
    }

    static func region(_ content: SiteContent, _ figures: SiteFigures, to json: inout JSONWriter) {
        let coverage = figures.coverage
        json.beginObject()
        json.key("code"); json.string(content.region.code)
        json.key("name"); json.string(content.region.name)
        json.key("population"); json.integer(content.region.population.value)
        json.key("populationVintage"); json.string(content.region.populationVintage)
        json.key("plannedTerritories"); json.integer(coverage.plannedTerritories)
        json.key("constituted"); json.integer(coverage.constituted)
        json.key("signed"); json.integer(coverage.signed)
        json.key("constitutedShare"); json.number(coverage.constitutedShare)
        json.key("populationCovered"); json.integer(coverage.populationCovered)
        json.key("coverage"); json.number(coverage.coverage)
        json.key("signedPopulation"); json.integer(coverage.signedPopulation)
        json.key("signedCoverage"); json.number(coverage.signedCoverage)
        json.key("byStage"); byStage(coverage, to: &json)
        json.key("departments")
        json.beginArray()
        for department in coverage.byDepartment { json.item(); self.department(department, to: &json) }
        json.endArray()
        json.key("milestones")
        json.beginArray()
        for comparison in figures.milestones { json.item(); milestone(comparison, to: &json) }
        json.endArray()
        json.key("series")
        json.beginArray()
        for point in figures.series {
            json.item()
            json.beginObject()
            json.key("date"); json.day(point.date)
            json.key("constituted"); json.integer(point.constituted)
            json.key("signed"); json.integer(point.signed)
            json.key("coverage"); json.number(point.coverage)
            json.endObject()
        }
        json.endArray()
        json.key("funding"); regionalFunding(figures, to: &json)
        json.endObject()
    }

    /// The region's funding, year by year: what its signed CPTS may receive, and what they earned.
    static func regionalFunding(_ figures: SiteFigures, to json: inout JSONWriter) {
        json.beginArray()
        for year in figures.funding.years {
            json.item()
            json.beginObject()
            json.key("year"); json.integer(year.year)
            json.key("operation"); json.integer(year.operation)
            // `earned`: only what contract years ended by `asOf` earned; `projected`: a year not begun is in it.
            json.key("missions")
            json.beginArray()
            for mission in year.missions {
                json.item()
                json.beginObject()
                json.key("id"); json.string(mission.mission)
                json.key("maximum"); json.integer(mission.maximum)
                json.key("earned"); json.integer(mission.earned)
                json.endObject()
            }
            json.endArray()
            json.key("maximum"); json.integer(year.maximum)
            json.key("total"); json.integer(year.total)
            json.key("earned"); json.integer(year.earned)
            json.key("projected"); json.bool(year.projected)
            json.endObject()
        }
        json.endArray()
    }

    /// A CPTS's entry as it is written in the document, for `serve` to keep.
    static func entry(for cpts: CPTS, figures: SiteFigures, content: SiteContent, diagnostics: [Diagnostic]) -> [UInt8] {
        var out = ExportBuffer()
        out.writeJSON(depth: cptsDepth) { json in
            writeCPTS(cpts, figures[cpts], content: content, diagnostics: diagnostics, to: &json)
        }
        return out.bytes
    }

    static func byStage(_ coverage: CoverageFigures, to json: inout JSONWriter) {
        json.beginObject()
        for stage in Stage.allCases {
            json.key(escaping: stage.rawValue)
            json.integer(coverage.countByStage[stage] ?? 0)
        }
        json.endObject()
    }

    static func department(_ department: DepartmentCoverage, to json: inout JSONWriter) {
        json.beginObject()
        json.key("code"); json.string(department.code)
        json.key("name"); json.string(department.name)
        json.key("population"); json.integer(department.population)
        json.key("cpts"); json.integer(department.cpts)
        json.key("constituted"); json.integer(department.constituted)
        json.key("signed"); json.integer(department.signed)
        json.key("populationCovered"); json.integer(department.populationCovered)
        json.key("coverage"); json.number(department.coverage)
        json.endObject()
    }

    static func milestone(_ comparison: MilestoneComparison, to json: inout JSONWriter) {
        let milestone = comparison.milestone
        json.beginObject()
        json.key("date"); json.day(milestone.date)
        json.key("kind"); json.string(milestone.kind.rawValue)
        json.key("cpts"); json.integer(milestone.cpts)
        json.key("coverage"); json.number(milestone.coverage?.value)
        json.key("computedConstituted"); json.integer(comparison.computed?.constituted)
        json.key("computedCoverage"); json.number(comparison.computed?.coverage)
        json.endObject()
    }

    static func writeCPTS(_ cpts: CPTS, _ figures: SiteFigures.CPTSFigures, content: SiteContent,
                          diagnostics: [Diagnostic], to json: inout JSONWriter) {
        json.beginObject()
        json.key("slug"); json.string(cpts.slug.value)
        json.key("name"); json.string(cpts.name)
        json.key("department"); json.string(cpts.department.value)
        // The stage at `asOf`: a stage dated later is not reached yet (null: not started at that date).
        json.key("stage"); json.string(figures.stage?.rawValue)
        json.key("constituted"); json.bool(figures.stage?.isConstituted == true)
        json.key("population"); json.integer(figures.population)
        // INSEE codes as written, in file order: what a national site checks for overlaps across regions.
        json.key("communes")
        json.beginArray()
        for commune in cpts.communes { json.item(); json.string(commune.value) }
        json.endArray()
        json.key("tranche"); json.integer(figures.tranche?.number)
        json.key("schedule"); json.string((cpts.schedule ?? content.settings.schedule).value)
        json.key("dates")
        json.beginObject()
        for stage in Stage.allCases {
            guard let date = cpts.dates[stage] else { continue }
            json.key(escaping: stage.rawValue)
            json.day(date.value)
        }
        json.endObject()
        json.key("missions")
        json.beginArray()
        for mission in cpts.missions {
            json.item()
            json.beginObject()
            json.key("id"); json.string(mission.id.value)
            json.key("start"); json.day(mission.start?.value)
            json.key("deployed"); json.day(mission.deployed?.value)
            json.endObject()
        }
        json.endArray()
        json.key("funding")
        if let breakdown = figures.funding { funding(breakdown, to: &json) } else { json.null() }
        json.key("letterOfIntentAid"); json.integer(figures.letterOfIntentAid)
        // Empty with `validationPage: false`: the site publishes none of its problems then.
        json.key("diagnostics")
        json.beginArray()
        for diagnostic in diagnostics.published(for: cpts, settings: content.settings) {
            json.item()
            json.beginObject()
            json.key("severity"); json.string(diagnostic.severity.rawValue)
            json.key("code"); json.string(diagnostic.code)
            json.key("line"); json.integer(diagnostic.location.line)
            json.key("column"); json.integer(diagnostic.location.column)
            json.key("message"); json.string(diagnostic.text(in: .fr))
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }

    static func funding(_ breakdown: FundingBreakdown, to json: inout JSONWriter) {
        json.beginObject()
        json.key("signature"); json.day(breakdown.signature)
        json.key("tranche"); json.integer(breakdown.tranche.number)
        json.key("schedule"); json.string(breakdown.scheduleID)
        json.key("scheduleLabel"); json.string(breakdown.scheduleLabel)
        json.key("paid"); json.integer(breakdown.paidAsOf)
        json.key("due"); json.integer(breakdown.due)
        json.key("projected"); json.integer(breakdown.projected)
        json.key("years")
        json.beginArray()
        for year in breakdown.years { json.item(); contractYear(year, to: &json) }
        json.endArray()
        // The calendar in date order, as the CPTS page and `report` show it.
        json.key("payments")
        json.beginArray()
        for payment in breakdown.calendar {
            json.item()
            json.beginObject()
            json.key("date"); json.day(payment.date)
            json.key("kind"); json.string(payment.kind.rawValue)
            json.key("amount"); json.integer(payment.amount)
            json.key("year"); json.integer(payment.year)
            json.key("mission"); json.string(payment.mission)
            json.key("status"); json.string(payment.isPaid(asOf: breakdown.asOf) ? "paid" : "upcoming")
            json.endObject()
        }
        json.endArray()
        json.endObject()
    }

    /// One contract year of a ledger, in the ledger's period convention: `start` is its first day, `lastDay` its
    /// last, `end` the next anniversary (excluded: the date of its balance).
    static func contractYear(_ year: ContractYearFunding, to json: inout JSONWriter) {
        json.beginObject()
        json.key("year"); json.integer(year.year)
        json.key("start"); json.day(year.start)
        json.key("end"); json.day(year.end)
        json.key("lastDay"); json.day(year.lastDay)
        json.key("status"); json.string(year.status.rawValue)
        json.key("projected"); json.bool(year.isProjected)
        json.key("schedule"); json.string(year.scheduleID)
        json.key("scheduleLabel"); json.string(year.scheduleLabel)
        json.key("operation"); json.integer(year.operation)
        json.key("missions")
        json.beginArray()
        for mission in year.missions {
            json.item()
            json.beginObject()
            json.key("id"); json.string(mission.mission)
            json.key("fixed"); json.integer(mission.fixed)
            json.key("extra"); json.integer(mission.extra)
            json.key("variableMax"); json.integer(mission.variableMaximum)
            json.key("variableEarned"); json.integer(mission.variableEarned)
            json.endObject()
        }
        json.endArray()
        json.key("assessed"); json.bool(year.assessed)
        json.key("total"); json.integer(year.total)
        json.key("max"); json.integer(year.maximum)
        json.key("earned"); json.integer(year.earned)
        json.key("paid"); json.integer(year.paid)
        json.key("toCome"); json.integer(year.toCome)
        json.endObject()
    }
}
