import CPTSDomain

extension ViewModels {
    /// A CPTS's page, printable as its annual report: identity card, missions against the ACI deadlines,
    /// indicators, funding, projet de santé and validation warnings. Of its reports it shows their years only.
    func cpts(_ cpts: CPTS, reportYears: [Int], root: String) -> CPTSPage {
        let body = rendered(cpts.body, cpts.rendered, root: root, sectionHeading: ViewModels.healthProjectHeading)
        let numbers = figures[cpts]
        let department = content.region.department(cpts.department.value)
        let card = CPTSCard(
            name: cpts.name,
            logo: logo(cpts.logo, name: cpts.name, root: root),
            department: content.region.departmentName(cpts.department.value),
            departmentURL: department.map { root + Routes.department($0.code) },
            population: FrenchFormat.integer(numbers.population),
            tranche: numbers.tranche.map { String($0.number) },
            stage: DomainLabels.stage(numbers.stage),
            constituted: numbers.stage?.isConstituted == true,
            legalForm: cpts.legalForm.map(DomainLabels.legalForms.label),
            timeline: Stage.allCases.compactMap { stage -> TimelineStage? in
                // A stage dated after the site's date is forthcoming, never shown as reached.
                cpts.dates[stage].map { date in
                    TimelineStage(stage: stage.label, date: FrenchFormat.shortDate(date.value),
                                  forthcoming: DateRules.stageMark(date.value, planned: cpts.plannedStages.contains(stage),
                                                                   asOf: content.settings.asOf))
                }
            },
            letterOfIntentAid: numbers.letterOfIntentAid.map { FrenchFormat.euros($0) },
            members: cpts.members.enumerated().map { index, member in
                MemberCount(profession: DomainLabels.professions.label(of: member.profession),
                            count: numbers.members.parts.indices.contains(index) && numbers.members.parts[index]
                                ? DomainLabels.statisticalSecret : FrenchFormat.integer(member.count))
            },
            membersTotal: numbers.members.total ? "total\u{202F}: \(DomainLabels.statisticalSecret)"
                : FrenchFormat.integer(cpts.members.map(\.count).reduce(0, +)) + " au total",
            missions: cpts.missions.map { missionRow($0, of: cpts) },
            contractYears: indicatorYears(of: cpts),
            funding: numbers.funding.map(fundingModel),
            territory: territory(of: cpts),
            road: road(of: cpts),
            reports: reportLinks(of: cpts, years: reportYears, root: root),
            hasReports: !reportYears.isEmpty)
        return CPTSPage(
            frame: common(root: root, title: cpts.name),
            cpts: card,
            body: body.html,
            toc: body.headings.filter { $0.level <= 3 }.map { TOCEntry(text: $0.text, id: $0.id, level: String($0.level)) },
            // Shown only with the validation page: `validationPage: false` keeps the site's problems to its editors.
            // Each named by its field as a label ("Population : …"), never by a key ("population :", "« legalFrom » :").
            warnings: diagnostics.published(for: cpts, settings: content.settings).sortedForReport().map { diagnostic in
                var row = publicDiagnostic(diagnostic)
                row.field = diagnostic.message.field.flatMap { ViewModels.fieldLabels[$0] }.map(\.uppercasedFirst)
                return row
            })
    }

    /// The heading of the CPTS page's section that shows its text (the template's `fiche-projet`).
    static let healthProjectHeading = "Projet de santé"
    /// The heading a report page gives its narrative.
    static let reportNarrativeHeading = "Bilan de l’année"

    func missionRow(_ engagement: MissionEngagement, of cpts: CPTS) -> MissionRow {
        let status = content.missionStatus(engagement, of: cpts).map(missionStatusLabel)
        let asOf = content.settings.asOf
        return MissionRow(
            name: DomainLabels.missions.label(of: engagement.id.value),
            start: engagement.start.map { missionDate($0.value, asOf: asOf) },
            deployed: engagement.deployed.map { missionDate($0.value, asOf: asOf) },
            actions: engagement.actions,
            // Always present (false when the contract is not signed at `asOf`): the theme reads it in every row.
            status: status?.label,
            statusClass: status?.cssClass)
    }

    /// A mission's start or deployment: `01/03/2020`, marked « (prévu) » after the site's date (`DateRules`).
    func missionDate(_ date: Day, asOf: Day) -> String {
        let text = FrenchFormat.shortDate(date)
        return DateRules.isForthcoming(date, asOf: asOf) ? text + " (\(DomainLabels.planned))" : text
    }

    /// The domain's mission status (`MissionStatus`, which the deadline rules read too): its label from the
    /// catalog, its colour from whether it breaks a deadline.
    func missionStatusLabel(_ status: MissionStatus) -> (label: String, cssClass: String) {
        switch status.state {
        case .optional, .notRequiredYet, .toStart: (status.label, "status-upcoming")
        case .deploymentPending, .deployed: (status.label, "status-on-time")
        case .notStarted, .startedLate, .deploymentLate, .deployedLate: (status.label, "status-late")
        }
    }

    func indicatorYears(of cpts: CPTS) -> [IndicatorYear] {
        guard let file = content.indicators(for: cpts.slug.value) else { return [] }
        let funding = figures[cpts].funding
        return file.contractYears.sorted { $0.year.value < $1.year.value }.map { year in
            // Only a contract year ended by the site's date is assessed: before, nothing is earned yet.
            let ledger = funding?.year(year.year.value)
            let status = ledger?.status
            return IndicatorYear(
                year: String(year.year.value),
                status: status.map { $0.hasEnded ? "" : " (\($0.label))" } ?? " (contrat non signé)",
                indicators: year.indicators.map { indicatorRow($0, ledger: ledger) })
        }
    }

    /// An indicator of a contract year; what it earned is the ledger's (`ledger`, the year's funding), as in
    /// `site.json` and the CSV files.
    func indicatorRow(_ indicator: Indicator, ledger: ContractYearFunding?) -> IndicatorRow {
        // Statistical secrecy: a small count of people is not shown, nor the progress bar that would place it.
        let secret = hidesValue(indicator) || indicator.baseline.map { figures.secrecy.hides($0, unit: indicator.unit) } == true
        let progress = secret ? nil : IndicatorProgress(indicator)
        let earned = self.earned(indicator, ledger: ledger)
        return IndicatorRow(
            label: indicator.label,
            mission: DomainLabels.missions.label(of: indicator.mission.value),
            baseline: indicator.baseline.map { measureOrSecret($0, unit: indicator.unit) },
            value: indicator.value.map { value -> String in
                switch value {
                case .number(let number): measureOrSecret(number, unit: indicator.unit)
                case .done(let done): DomainLabels.done(done)
                }
            } ?? DomainLabels.notMeasured,
            steps: ViewModels.rewardSteps(of: indicator),
            earned: earned.label,
            earnedNote: earned.note,
            progress: progress.map(ProgressBar.svg(of:)))
    }

    /// What an indicator earned in its contract year, from the ledger (`PublishedFigureRules.outcome`, found once
    /// for both): its label, « non évalué » until the year is assessed, else its amount (0 € for an indicator of a
    /// mission the year's schedule does not fund); and its note, why it earned 0 € whatever step it reached
    /// (« mission non financée cette année »), nil for any other indicator.
    func earned(_ indicator: Indicator, ledger: ContractYearFunding?) -> (label: String, note: String?) {
        let outcome = PublishedFigureRules.outcome(indicator: indicator.id.value, in: ledger)
        return (outcome.earned.map(FrenchFormat.euros) ?? DomainLabels.notAssessed,
                outcome.isUnfunded ? DomainLabels.unfundedMission : nil)
    }

    /// An indicator's reward steps in one line, the same on the CPTS page and in the report:
    /// `≥ 214 patients : 3 000 € ; ≥ 254 patients : 6 000 €`, or `si réalisé : 5 000 €` for an action, with the
    /// narrow no-break space of French typography before `:` and `;` (`FrenchFormat.colon`, `.semicolon`).
    static func rewardSteps(of indicator: Indicator) -> String {
        var text = TextBytes(capacity: 64 * indicator.steps.count)
        let comparison: StaticString = indicator.direction.value == .down ? "≤\u{A0}" : "≥\u{A0}"
        for (index, step) in indicator.steps.enumerated() {
            if index > 0 { text.append(FrenchFormat.semicolon) }
            if let threshold = step.threshold {
                text.append(comparison)
                appendMeasure(threshold, unit: indicator.unit, to: &text)
            } else {
                text.append("si réalisé")
            }
            text.append(FrenchFormat.colon)
            text.append(euros: step.amount)
        }
        return text.string
    }

    /// Whether statistical secrecy hides an indicator's measured value (a small count of people).
    func hidesValue(_ indicator: Indicator) -> Bool {
        if case .number(let number)? = indicator.value { return figures.secrecy.hides(number, unit: indicator.unit) }
        return false
    }

    /// `measure(_:unit:)`, or « secret statistique » for a count of people under the site's threshold.
    func measureOrSecret(_ value: Double, unit: String?) -> String {
        figures.secrecy.hides(value, unit: unit) ? DomainLabels.statisticalSecret : measure(value, unit: unit)
    }

    /// `12.5` with unit `%` → `12,5 %`; `219` patients → `219 patients`, `1` → `1 patient` (the unit is agreed).
    func measure(_ value: Double, unit: String?) -> String {
        var text = TextBytes(capacity: 32 + (unit?.utf8.count ?? 0))
        ViewModels.appendMeasure(value, unit: unit, to: &text)
        return text.string
    }

    /// `measure(_:unit:)` written at the end of `text`.
    static func appendMeasure(_ value: Double, unit: String?, to text: inout TextBytes) {
        text.append(decimal: value, maximumFractionDigits: 1)
        // `count` and `number` are how content says "a plain count": no unit to print.
        guard let unit, !unit.isEmpty, unit != "count", unit != "number" else { return }
        text.append("\u{00A0}")
        text.append(FrenchFormat.agreed(unit, with: (value * 10).rounded() / 10))
    }

    /// The change between two measures: in points between two percentages (`+1,4 point`, not `+1,4 %`, which would
    /// be a relative change), else in the unit (`−3 patients`).
    func measuredChange(_ delta: Double, unit: String?) -> String {
        let sign = delta > 0 ? "+" : delta < 0 ? "−" : ""
        guard unit == "%" else { return sign + measure(delta.magnitude, unit: unit) }
        return sign + FrenchFormat.count(delta.magnitude, "points")
    }

    func fundingModel(_ funding: FundingBreakdown) -> FundingModel {
        let asOf = content.settings.asOf
        let extraName = " (" + FundingPart.extra.label.lowercasedFirst + ")"
        return FundingModel(
            signature: FrenchFormat.shortDate(funding.signature),
            schedule: funding.scheduleLabel,
            years: PublishedFigureRules.detailedYears(funding).map { year in
                FundingYearModel(
                    year: String(year.year),
                    start: FrenchFormat.shortDate(year.start),
                    // The ledger's period convention: the year's last day (`end`, the anniversary, is excluded).
                    end: FrenchFormat.shortDate(year.lastDay),
                    status: year.status.label,
                    schedule: year.scheduleID == funding.scheduleID ? nil : year.scheduleLabel,
                    operation: FrenchFormat.euros(year.operation),
                    missions: year.missions.map { mission in
                        FundingMissionModel(
                            name: DomainLabels.missions.label(of: mission.mission),
                            fixed: FrenchFormat.euros(mission.fixed),
                            // Named, or "24 044 € + 14 426 €" leaves the reader to guess what the second amount is.
                            extra: mission.extra > 0 ? FrenchFormat.euros(mission.extra) + extraName : nil,
                            variableEarned: FrenchFormat.euros(mission.variableEarned),
                            variableMaximum: FrenchFormat.euros(mission.variableMaximum),
                            capped: mission.isCapped,
                            total: FrenchFormat.euros(mission.total))
                    },
                    total: FrenchFormat.euros(year.total),
                    fixedTotal: FrenchFormat.euros(year.fixedTotal),
                    variableEarned: FrenchFormat.euros(year.variableEarned),
                    variableMaximum: FrenchFormat.euros(year.variableMaximum),
                    maximum: FrenchFormat.euros(year.maximum),
                    maximumFixed: FrenchFormat.euros(year.maximumFixed),
                    assessed: year.assessed,
                    inProgress: year.status == .inProgress)
            },
            asOf: FrenchFormat.shortDate(asOf),
            paid: FrenchFormat.euros(funding.paidAsOf),
            calendar: PaymentCalendar.lines(funding).map(PaymentRow.init))
    }
}

/// A CPTS's page (`cpts.mustache`).
struct CPTSPage: PageModel {
    static let template = "cpts"
    let frame: PageFrame
    let cpts: CPTSCard
    let body: String
    let toc: [TOCEntry]
    let warnings: [PublicDiagnostic]

    static let fields: [TemplateField<Self>] = [
        .inline(\.frame), .object("cpts", \.cpts), .text("body", \.body), .list("toc", \.toc), .list("warnings", \.warnings),
    ]
}

/// What the CPTS page says of its CPTS.
struct CPTSCard: TemplateModel {
    let name: String
    let logo: Logo?
    let department: String
    let departmentURL: String?
    let population: String
    let tranche: String?
    let stage: String
    let constituted: Bool
    let legalForm: String?
    let timeline: [TimelineStage]
    let letterOfIntentAid: String?
    let members: [MemberCount]
    let membersTotal: String
    let missions: [MissionRow]
    let contractYears: [IndicatorYear]
    let funding: FundingModel?
    let territory: [TerritoryRow]
    let road: RoadModel?
    let reports: [ReportLink]
    let hasReports: Bool

    static let fields: [TemplateField<Self>] = [
        .text("name", \.name), .optional("logo", \.logo), .text("department", \.department),
        .optionalText("departmentURL", \.departmentURL), .text("population", \.population), .optionalText("tranche", \.tranche),
        .text("stage", \.stage), .flag("constituted", \.constituted), .optionalText("legalForm", \.legalForm),
        .list("timeline", \.timeline), .optionalText("letterOfIntentAid", \.letterOfIntentAid), .list("members", \.members),
        .text("membersTotal", \.membersTotal), .list("missions", \.missions), .list("contractYears", \.contractYears),
        .optional("funding", \.funding), .list("territory", \.territory), .optional("road", \.road), .list("reports", \.reports),
        .flag("hasReports", \.hasReports),
    ]
}

/// A heading of a page's text, for its table of contents.
struct TOCEntry: TemplateModel {
    let text: String
    let id: String
    let level: String

    static let fields: [TemplateField<Self>] = [.text("text", \.text), .text("id", \.id), .text("level", \.level)]
}

struct TimelineStage: TemplateModel {
    let stage: String
    let date: String
    let forthcoming: String?

    static let fields: [TemplateField<Self>] = [
        .text("stage", \.stage), .text("date", \.date), .optionalText("forthcoming", \.forthcoming),
    ]
}

struct MemberCount: TemplateModel {
    let profession: String
    let count: String

    static let fields: [TemplateField<Self>] = [.text("profession", \.profession), .text("count", \.count)]
}

/// A mission the CPTS carries, against its ACI deadlines.
struct MissionRow: TemplateModel {
    let name: String
    let start: String?
    let deployed: String?
    let actions: [String]
    let status: String?
    let statusClass: String?

    static let fields: [TemplateField<Self>] = [
        .text("name", \.name), .optionalText("start", \.start), .optionalText("deployed", \.deployed),
        .texts("actions", \.actions), .optionalText("status", \.status), .optionalText("statusClass", \.statusClass),
    ]
}

/// The indicators of one contract year.
struct IndicatorYear: TemplateModel {
    let year: String
    let status: String
    let indicators: [IndicatorRow]

    static let fields: [TemplateField<Self>] = [.text("year", \.year), .text("status", \.status), .list("indicators", \.indicators)]
}

struct IndicatorRow: TemplateModel {
    let label: String
    let mission: String
    let baseline: String?
    let value: String
    let steps: String
    let earned: String
    let earnedNote: String?
    let progress: String?

    static let fields: [TemplateField<Self>] = [
        .text("label", \.label), .text("mission", \.mission), .optionalText("baseline", \.baseline), .text("value", \.value),
        .text("steps", \.steps), .text("earned", \.earned), .optionalText("earnedNote", \.earnedNote),
        .optionalText("progress", \.progress),
    ]
}

/// A signed contract's funding, year by year, and its payments.
struct FundingModel: TemplateModel {
    let signature: String
    let schedule: String
    let years: [FundingYearModel]
    let asOf: String
    let paid: String
    let calendar: [PaymentRow]

    static let fields: [TemplateField<Self>] = [
        .text("signature", \.signature), .text("schedule", \.schedule), .list("years", \.years), .text("asOf", \.asOf),
        .text("paid", \.paid), .list("calendar", \.calendar),
    ]
}

struct FundingYearModel: TemplateModel {
    let year: String
    let start: String
    let end: String
    let status: String
    let schedule: String?
    let operation: String
    let missions: [FundingMissionModel]
    let total: String
    let fixedTotal: String
    let variableEarned: String
    let variableMaximum: String
    let maximum: String
    let maximumFixed: String
    let assessed: Bool
    let inProgress: Bool

    static let fields: [TemplateField<Self>] = [
        .text("year", \.year), .text("start", \.start), .text("end", \.end), .text("status", \.status),
        .optionalText("schedule", \.schedule), .text("operation", \.operation), .list("missions", \.missions),
        .text("total", \.total), .text("fixedTotal", \.fixedTotal), .text("variableEarned", \.variableEarned),
        .text("variableMaximum", \.variableMaximum), .text("maximum", \.maximum), .text("maximumFixed", \.maximumFixed),
        .flag("assessed", \.assessed), .flag("inProgress", \.inProgress),
    ]
}

struct FundingMissionModel: TemplateModel {
    let name: String
    let fixed: String
    let extra: String?
    let variableEarned: String
    let variableMaximum: String
    let capped: Bool
    let total: String

    static let fields: [TemplateField<Self>] = [
        .text("name", \.name), .text("fixed", \.fixed), .optionalText("extra", \.extra), .text("variableEarned", \.variableEarned),
        .text("variableMaximum", \.variableMaximum), .flag("capped", \.capped), .text("total", \.total),
    ]
}

/// A payment of the contract (`PaymentCalendar`).
struct PaymentRow: TemplateModel {
    let date: String
    let label: String
    let amount: String
    let status: String
    let statusClass: String

    init(_ line: PaymentCalendar.Line) {
        date = line.date
        label = line.label
        amount = line.amount
        status = line.status
        statusClass = line.paid ? "status-on-time" : "status-upcoming"
    }

    static let fields: [TemplateField<Self>] = [
        .text("date", \.date), .text("label", \.label), .text("amount", \.amount), .text("status", \.status),
        .text("statusClass", \.statusClass),
    ]
}
