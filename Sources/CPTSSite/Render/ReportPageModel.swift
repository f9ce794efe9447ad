import CPTSDomain

extension ViewModels {
    /// The reports a CPTS page links to: those the site publishes (the rules make sure each is for a year begun).
    func reportLinks(of cpts: CPTS, root: String) -> [ReportLink] {
        reportLinks(of: cpts, years: content.reportYears(for: cpts.slug.value), root: root)
    }

    /// The links to a CPTS's reports of those contract years (in that order).
    func reportLinks(of cpts: CPTS, years: [Int], root: String) -> [ReportLink] {
        years.compactMap { year in
            guard let dates = cpts.contractPeriod(year) else { return nil }
            return ReportLink(year: String(year), url: root + Routes.report(slug: cpts.slug.value, year: year),
                              start: FrenchFormat.shortDate(dates.start), end: FrenchFormat.shortDate(dates.lastDay))
        }
    }

    /// The annual activity report of a CPTS for one contract year: cover, key figures, missions with their actions,
    /// indicators over the years and money, members, meetings, the narrative and the proofs.
    func report(_ report: ActivityReport, of cpts: CPTS, root: String) -> ReportPage {
        let number = report.year.value
        let asOf = content.settings.asOf
        let dates = cpts.contractPeriod(number)
        let numbers = figures[cpts]
        let yearFunding = numbers.funding?.year(number)
        let histories = IndicatorHistory.histories(slug: cpts.slug.value, year: number, in: content, ledger: numbers.funding)
        let body = rendered(report.body, report.rendered, root: root, sectionHeading: ViewModels.reportNarrativeHeading)
        let indicatorLabels = Dictionary(histories.map { ($0.id, $0.indicator.label) }, uniquingKeysWith: { first, _ in first })
        let funding = reportFunding(report, funding: numbers.funding, year: yearFunding)

        let members = memberRows(report, of: cpts)
        let card = ReportCard(
            name: cpts.name,
            logo: logo(cpts.logo, name: cpts.name, root: root),
            year: String(number),
            start: dates.map { FrenchFormat.shortDate($0.start) },
            end: dates.map { FrenchFormat.shortDate($0.lastDay) },
            status: yearFunding.map(\.status.label),
            inProgress: yearFunding?.status == .inProgress,
            cptsURL: Routes.relative(from: Routes.report(slug: cpts.slug.value, year: number), to: Routes.cpts(cpts.slug.value)),
            department: content.region.departmentName(cpts.department.value),
            population: FrenchFormat.integer(numbers.population),
            communes: cpts.communes.isEmpty ? nil : FrenchFormat.integer(cpts.communes.count),
            keyFigures: reportKeyFigures(report, histories: histories, year: yearFunding, paid: funding?.paid),
            missions: reportMissions(report, of: cpts, histories: histories, year: yearFunding),
            // Without an earlier year, the indicator tables have no "previous years", "change" or "trend" columns.
            hasHistory: histories.contains { history in history.values.contains { $0.year < number } },
            hasPreviousMembers: content.report(for: cpts.slug.value, year: number - 1)?.members.isEmpty == false,
            funding: funding?.model,
            members: members,
            meetings: report.meetings.sorted { $0.date.value < $1.date.value }.map { meeting in
                MeetingRow(date: FrenchFormat.shortDate(meeting.date.value), kind: meeting.kind.value.label, title: meeting.title,
                           attendance: meeting.attendance.map { FrenchFormat.integer($0.value) },
                           upcoming: DateRules.isForthcoming(meeting.date.value, asOf: asOf))
            },
            team: report.coordinatorFTE == nil && report.staffFTE == nil ? nil : ReportTeam(
                coordinator: report.coordinatorFTE.map { fteLabel($0.value) },
                staff: report.staffFTE.map { fteLabel($0.value) }),
            hasMembers: !members.isEmpty,
            hasMeetings: !report.meetings.isEmpty,
            hasProofs: !report.proofs.isEmpty,
            pdf: pdfReports ? Routes.reportPDFName(year: number) : nil,
            proofs: report.proofs.map { proof in
                ProofList(indicator: indicatorLabels[proof.indicator.value] ?? proof.indicator.value, items: proof.items)
            },
            otherYears: reportLinks(of: cpts, years: content.reportYears(for: cpts.slug.value).filter { $0 != number }, root: root))
        let toc = body.headings.filter { $0.level == 2 }.map { ReportTOCEntry(text: $0.text, id: $0.id) }
        return ReportPage(frame: common(root: root, title: reportTitle(year: number, dates: dates, name: cpts.name)),
                          report: card, body: body.html, toc: toc, hasToc: !toc.isEmpty)
    }

    /// The missions of a report: those the CPTS carries, in its order, then any an action names that it does not
    /// (reported), each with its actions, its indicators over the years and its money.
    func reportMissions(_ report: ActivityReport, of cpts: CPTS, histories: [IndicatorHistory],
                        year yearFunding: ContractYearFunding?) -> [ReportMission] {
        let number = report.year.value
        let assessed = yearFunding?.assessed == true
        var missionIDs = cpts.missions.map(\.id.value)
        for action in report.actions where !missionIDs.contains(action.mission.value) { missionIDs.append(action.mission.value) }
        let indicatorLabels = Dictionary(histories.map { ($0.id, $0.indicator.label) }, uniquingKeysWith: { first, _ in first })
        return missionIDs.map { id -> ReportMission in
            let actions = report.actions.filter { $0.mission.value == id }
            let funding = yearFunding?.missions.first { $0.mission == id }
            let indicators = histories.filter { $0.indicator.mission.value == id }
            return ReportMission(
                id: id,
                name: DomainLabels.missions.label(of: id),
                actions: actions.map { actionRow($0, labels: indicatorLabels) },
                hasActions: !actions.isEmpty,
                indicators: indicators.map { historyRow($0, year: number, ledger: yearFunding) },
                hasIndicators: !indicators.isEmpty,
                funding: funding.map { missionFunding($0, assessed: assessed) })
        }
    }

    /// The tab's and the PDF's title: `Rapport d’activité 2019-2020 — CPTS X`, the contract year by its calendar
    /// years (one, when it starts on 1 January).
    func reportTitle(year number: Int, dates: (start: Day, lastDay: Day)?, name: String) -> String {
        guard let dates else { return "Rapport d’activité, année\u{A0}\(number) du contrat — \(name)" }
        let first = dates.start.year, last = dates.lastDay.year
        return "Rapport d’activité \(first == last ? String(first) : "\(first)-\(last)") — \(name)"
    }

    /// A mission's money for the year; `none` when the year brings it nothing (a mission not started, or one
    /// the schedule does not fund), said in words rather than as `0 € acquis sur 0 €`.
    func missionFunding(_ mission: MissionFunding, assessed: Bool) -> MissionFundingModel {
        let nothing = mission.fixedAndExtra == 0 && mission.variableMaximum == 0
        return MissionFundingModel(
            fixed: FrenchFormat.euros(mission.fixedAndExtra),
            variableEarned: assessed ? FrenchFormat.euros(mission.variableEarned) : nil,
            variableMaximum: FrenchFormat.euros(mission.variableMaximum),
            hasVariable: mission.variableMaximum > 0,
            none: !nothing ? nil : mission.fullYearFixed > 0
                ? "Mission non démarrée cette année\u{202F}: aucun financement ACI (part fixe de \(FrenchFormat.euros(mission.fullYearFixed)) par an une fois démarrée)."
                : "Aucun financement ACI pour cette mission cette année.")
    }

    /// The report's key figures: actions done, meetings held, participants, then indicators reached (once the year
    /// is assessed, as the ledger has them: `PublishedFigureRules.outcome`, which the amounts read too), the money
    /// paid (`paid`, with a contract) and the coordination's time.
    func reportKeyFigures(_ report: ActivityReport, histories: [IndicatorHistory], year: ContractYearFunding?,
                          paid: Int?) -> [ReportKeyFigure] {
        let asOf = content.settings.asOf
        let done = report.actions.filter { $0.status.value == .done }.count
        let held = report.meetings.filter { !DateRules.isForthcoming($0.date.value, asOf: asOf) }
        let participants = report.actions.compactMap { $0.participants?.value }.reduce(0, +)
        // Each label agrees with the number read just before it: `1 réunion tenue`, `0 sur 1 action réalisée`.
        func label(_ plural: String, _ count: Int) -> String { FrenchFormat.agreed(plural, with: Double(count)) }
        var keyFigures: [ReportKeyFigure] = [
            ReportKeyFigure(label: label("Actions réalisées", report.actions.count), value: "\(done) sur \(report.actions.count)"),
            ReportKeyFigure(label: label("Réunions tenues", held.count), value: FrenchFormat.integer(held.count)),
            ReportKeyFigure(label: label("Participants aux actions", participants), value: FrenchFormat.integer(participants)),
        ]
        if year?.assessed == true {
            // Counted in one pass, without copying the histories.
            var reached = 0, set = 0
            for history in histories where history.setThisYear {
                set += 1
                if PublishedFigureRules.outcome(indicator: history.id, in: year).isReached { reached += 1 }
            }
            keyFigures.append(ReportKeyFigure(label: label("Indicateurs atteints", set), value: "\(reached) sur \(set)"))
        }
        if let paid {
            keyFigures.append(ReportKeyFigure(label: "Financement ACI versé au \(FrenchFormat.shortDate(asOf))", value: FrenchFormat.euros(paid)))
        }
        if let fte = report.coordinatorFTE {
            keyFigures.append(ReportKeyFigure(label: "Coordination", value: fteLabel(fte.value)))
        }
        return keyFigures
    }

    /// The money of the report's year, with a signed contract: earned, paid, to come, its calendar and the spending;
    /// and what was paid by the site's date, for the key figures.
    func reportFunding(_ report: ActivityReport, funding: FundingBreakdown?, year: ContractYearFunding?)
        -> (model: ReportFunding, paid: Int)?
    {
        guard let funding, let year else { return nil }
        let number = report.year.value
        // Every figure from the ledger: what is earned only once the year has ended, paid and to come by payment.
        let model = ReportFunding(
            operation: FrenchFormat.euros(year.operation),
            fixed: FrenchFormat.euros(year.fixedAndExtra),
            variableEarned: year.assessed ? FrenchFormat.euros(year.variableEarned) : nil,
            variableMaximum: FrenchFormat.euros(year.variableMaximum),
            earned: year.earned.map(FrenchFormat.euros),
            fixedTotal: FrenchFormat.euros(year.fixedTotal),
            paid: FrenchFormat.euros(year.paid),
            toCome: FrenchFormat.euros(year.toCome),
            inProgress: year.status == .inProgress,
            calendar: PaymentCalendar.lines(funding, year: number).map(PaymentRow.init),
            spending: report.spending.isEmpty ? nil : report.spending.map { item in
                SpendingRow(category: item.category.label, amount: FrenchFormat.euros(item.amount.value))
            },
            spendingTotal: report.spending.isEmpty ? nil : FrenchFormat.euros(report.spendingTotal))
        return (model, year.paid)
    }

    /// The report's own print stylesheet: its running header.
    func reportPrint(year: Int, name: String) -> ReportPrintStylesheet {
        ReportPrintStylesheet(runningHead: ViewModels.cssString("\(name) — rapport d’activité, année \(year) du contrat"))
    }

    /// `text` as the inside of a CSS string: backslashes, quotes and line breaks escaped, and `<` too, so that the
    /// text can never close anything.
    static func cssString(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "<": out += "\\3c "
            case "\n", "\r", "\u{0C}": out += "\\a "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    func actionRow(_ action: ReportAction, labels: [String: String]) -> ActionRow {
        let (label, cssClass) = actionStatusLabel(action.status.value)
        var period: String?
        switch (action.start?.value, action.end?.value) {
        case let (start?, end?): period = "du \(FrenchFormat.shortDate(start)) au \(FrenchFormat.shortDate(end))"
        case let (start?, nil): period = "depuis le \(FrenchFormat.shortDate(start))"
        case let (nil, end?): period = "jusqu’au \(FrenchFormat.shortDate(end))"
        case (nil, nil): period = nil
        }
        return ActionRow(
            title: action.title,
            status: label,
            statusClass: cssClass,
            period: period,
            participants: action.participants.map { FrenchFormat.integer($0.value) + " " + FrenchFormat.agreed("participants", with: Double($0.value)) },
            results: action.results,
            hasResults: !action.results.isEmpty,
            indicators: action.indicators.isEmpty ? nil : action.indicators.map { labels[$0.value] ?? $0.value }.joined(separator: "\u{202F}; "))
    }

    func historyRow(_ history: IndicatorHistory, year: Int, ledger: ContractYearFunding?) -> HistoryRow {
        let indicator = history.indicator, unit = indicator.unit
        func shown(_ value: IndicatorValue?) -> String {
            switch value {
            case .number(let number)?: measureOrSecret(number, unit: unit)
            case .done(let done)?: DomainLabels.done(done)
            case nil: DomainLabels.notMeasured
            }
        }
        // The values year by year (`année 1 : 219 patients, année 2 : …`), for the trend's text and, before this
        // year, the "previous years" column: each value written once, into both when it is an earlier one.
        var trendLabel = TextBytes(capacity: 32 + 48 * history.values.count)
        var previous = TextBytes(capacity: 48 * history.values.count)
        trendLabel.append("Évolution\u{202F}: ")
        var earlierCount = 0
        var previousValue: IndicatorValue??
        for (index, item) in history.values.enumerated() {
            if index > 0 { trendLabel.append(", ") }
            let start = trendLabel.bytes.count
            trendLabel.append("année\u{A0}")
            trendLabel.append(plain: item.year)
            trendLabel.append("\u{202F}: ")
            appendShown(item.value, unit: unit, to: &trendLabel)
            guard item.year < year else { continue }
            if earlierCount > 0 { previous.append(", ") }
            previous.append(bytesOf: trendLabel, from: start)
            earlierCount += 1
            if item.year == year - 1 { previousValue = .some(item.value) }
        }
        // Statistical secrecy: a hidden value is left out of the trend line, and no change is computed from it.
        let numeric = history.values.compactMap { item -> (year: Int, value: Double)? in
            if case .number(let number)? = item.value, !figures.secrecy.hides(number, unit: unit) { return (item.year, number) }
            return nil
        }
        let secretChange = hidesValue(indicator) || previousValue.map { value in
            if case .number(let number)? = value { return figures.secrecy.hides(number, unit: unit) }
            return false
        } == true
        var change: String?
        var changeClass: String?
        if let delta = history.change, !secretChange {
            change = measuredChange(delta, unit: unit)
            let better = indicator.direction.value == .up ? delta > 0 : delta < 0
            changeClass = delta == 0 ? nil : better ? "status-on-time" : "status-late"
        }
        let earned = history.setThisYear ? self.earned(indicator, ledger: ledger) : nil
        return HistoryRow(
            label: indicator.label,
            baseline: indicator.baseline.map { measureOrSecret($0, unit: unit) },
            value: history.setThisYear ? shown(indicator.value) : "non fixé cette année",
            previous: earlierCount == 0 ? nil : previous.string,
            change: change,
            changeClass: changeClass,
            trend: TrendLine(label: trendLabel.string, points: numeric).svg(),
            steps: ViewModels.rewardSteps(of: indicator),
            earned: earned?.label ?? "—",
            earnedNote: earned?.note,
            carried: history.notReachedLastYear ? "Non atteint en année\u{A0}\(year - 1), reporté" : nil)
    }

    /// A measured value as the report's tables show it (`measureOrSecret`, or the label of an action done or not,
    /// or « non mesuré »), written at the end of `text`.
    func appendShown(_ value: IndicatorValue?, unit: String?, to text: inout TextBytes) {
        switch value {
        case .number(let number)?:
            if figures.secrecy.hides(number, unit: unit) {
                text.append(DomainLabels.statisticalSecret)
            } else {
                ViewModels.appendMeasure(number, unit: unit, to: &text)
            }
        case .done(let done)?: text.append(DomainLabels.done(done))
        case nil: text.append(DomainLabels.notMeasured)
        }
    }

    /// Members by profession this year against last year: the report's `members`, else (for the latest year) the
    /// CPTS's own; last year's from the report before. Statistical secrecy hides the small counts of each year, with
    /// its secondary suppression (`Secrecy.members`, as the CPTS page and last year's report hide them), and every
    /// change computed from a hidden count.
    func memberRows(_ report: ActivityReport, of cpts: CPTS) -> [MemberRow] {
        let isLatest = content.reportYears(for: cpts.slug.value).last == report.year.value
        let now = !report.members.isEmpty ? report.members : isLatest ? cpts.members : []
        let before = content.report(for: cpts.slug.value, year: report.year.value - 1)?.members ?? []
        guard !now.isEmpty else { return [] }
        var professions = now.map(\.profession)
        for item in before where !professions.contains(item.profession) { professions.append(item.profession) }
        let secretNow = figures.secrecy.members(now), secretBefore = figures.secrecy.members(before)
        func hidden(_ profession: String, in members: [Member], _ table: SecretTable) -> Bool {
            members.firstIndex { $0.profession == profession }.map { table.parts[$0] } ?? false
        }
        func count(_ value: Int, hidden: Bool) -> String { hidden ? DomainLabels.statisticalSecret : FrenchFormat.integer(value) }
        func change(_ delta: Int, hidden: Bool) -> String {
            hidden ? DomainLabels.statisticalSecret : delta > 0 ? "+\(FrenchFormat.integer(delta))" : delta < 0 ? "−\(FrenchFormat.integer(-delta))" : "="
        }
        return professions.map { profession in
            let value = now.first { $0.profession == profession }?.count ?? 0
            let previous = before.first { $0.profession == profession }?.count
            let (nowHidden, beforeHidden) = (hidden(profession, in: now, secretNow), hidden(profession, in: before, secretBefore))
            return MemberRow(
                profession: DomainLabels.professions.label(of: profession),
                count: count(value, hidden: nowHidden),
                previous: previous.map { count($0, hidden: beforeHidden) } ?? "—",
                change: previous.map { change(value - $0, hidden: nowHidden || beforeHidden) } ?? "—")
        } + [{
            let (total, totalBefore) = (now.map(\.count).reduce(0, +), before.map(\.count).reduce(0, +))
            return MemberRow(
                profession: "Total",
                count: count(total, hidden: secretNow.total),
                previous: before.isEmpty ? "—" : count(totalBefore, hidden: secretBefore.total),
                change: before.isEmpty ? "—" : change(total - totalBefore, hidden: secretNow.total || secretBefore.total))
        }()]
    }

    /// The action's status from the catalog, its colour from what it says of the action.
    func actionStatusLabel(_ status: ActionStatus) -> (label: String, cssClass: String) {
        switch status {
        case .planned, .inProgress: (status.label, "status-upcoming")
        case .done: (status.label, "status-on-time")
        case .abandoned: (status.label, "status-late")
        }
    }

    /// `0,8 ETP`.
    func fteLabel(_ value: Double) -> String {
        FrenchFormat.decimal(value, maximumFractionDigits: 2) + FrenchFormat.unitSpace + "ETP"
    }
}

/// A CPTS's activity report for one contract year (`report.mustache`).
struct ReportPage: PageModel {
    static let template = "report"
    let frame: PageFrame
    let report: ReportCard
    let body: String
    let toc: [ReportTOCEntry]
    let hasToc: Bool

    static let fields: [TemplateField<Self>] = [
        .inline(\.frame), .object("report", \.report), .text("body", \.body), .list("toc", \.toc), .flag("hasToc", \.hasToc),
    ]
}

/// The report's own print stylesheet (`report-print.mustache`): not a page, no common frame.
struct ReportPrintStylesheet: PageModel {
    static let template = "report-print"
    let runningHead: String

    static let fields: [TemplateField<Self>] = [.text("runningHead", \.runningHead)]
}

/// What the report page says of its year.
struct ReportCard: TemplateModel {
    let name: String
    let logo: Logo?
    let year: String
    let start: String?
    let end: String?
    let status: String?
    let inProgress: Bool
    let cptsURL: String
    let department: String
    let population: String
    let communes: String?
    let keyFigures: [ReportKeyFigure]
    let missions: [ReportMission]
    let hasHistory: Bool
    let hasPreviousMembers: Bool
    let funding: ReportFunding?
    let members: [MemberRow]
    let meetings: [MeetingRow]
    let team: ReportTeam?
    let hasMembers: Bool
    let hasMeetings: Bool
    let hasProofs: Bool
    let pdf: String?
    let proofs: [ProofList]
    let otherYears: [ReportLink]

    static let fields: [TemplateField<Self>] = [
        .text("name", \.name), .optional("logo", \.logo), .text("year", \.year), .optionalText("start", \.start),
        .optionalText("end", \.end), .optionalText("status", \.status), .flag("inProgress", \.inProgress),
        .text("cptsURL", \.cptsURL), .text("department", \.department), .text("population", \.population),
        .optionalText("communes", \.communes), .list("keyFigures", \.keyFigures), .list("missions", \.missions),
        .flag("hasHistory", \.hasHistory), .flag("hasPreviousMembers", \.hasPreviousMembers), .optional("funding", \.funding),
        .list("members", \.members), .list("meetings", \.meetings), .optional("team", \.team), .flag("hasMembers", \.hasMembers),
        .flag("hasMeetings", \.hasMeetings), .flag("hasProofs", \.hasProofs), .optionalText("pdf", \.pdf),
        .list("proofs", \.proofs), .list("otherYears", \.otherYears),
    ]
}

/// A link to a published report (the CPTS page's list, the report's other years).
struct ReportLink: TemplateModel {
    let year: String
    let url: String
    let start: String
    let end: String

    static let fields: [TemplateField<Self>] = [
        .text("year", \.year), .text("url", \.url), .text("start", \.start), .text("end", \.end),
    ]
}

struct ReportTOCEntry: TemplateModel {
    let text: String
    let id: String

    static let fields: [TemplateField<Self>] = [.text("text", \.text), .text("id", \.id)]
}

struct ReportKeyFigure: TemplateModel {
    let label: String
    let value: String

    static let fields: [TemplateField<Self>] = [.text("label", \.label), .text("value", \.value)]
}

/// A mission of the report: its actions, its indicators over the years, its money.
struct ReportMission: TemplateModel {
    let id: String
    let name: String
    let actions: [ActionRow]
    let hasActions: Bool
    let indicators: [HistoryRow]
    let hasIndicators: Bool
    let funding: MissionFundingModel?

    static let fields: [TemplateField<Self>] = [
        .text("id", \.id), .text("name", \.name), .list("actions", \.actions), .flag("hasActions", \.hasActions),
        .list("indicators", \.indicators), .flag("hasIndicators", \.hasIndicators), .optional("funding", \.funding),
    ]
}

struct MissionFundingModel: TemplateModel {
    let fixed: String
    let variableEarned: String?
    let variableMaximum: String
    let hasVariable: Bool
    let none: String?

    static let fields: [TemplateField<Self>] = [
        .text("fixed", \.fixed), .optionalText("variableEarned", \.variableEarned), .text("variableMaximum", \.variableMaximum),
        .flag("hasVariable", \.hasVariable), .optionalText("none", \.none),
    ]
}

/// The money of the report's year.
struct ReportFunding: TemplateModel {
    let operation: String
    let fixed: String
    let variableEarned: String?
    let variableMaximum: String
    let earned: String?
    let fixedTotal: String
    let paid: String
    let toCome: String
    let inProgress: Bool
    let calendar: [PaymentRow]
    let spending: [SpendingRow]?
    let spendingTotal: String?

    static let fields: [TemplateField<Self>] = [
        .text("operation", \.operation), .text("fixed", \.fixed), .optionalText("variableEarned", \.variableEarned),
        .text("variableMaximum", \.variableMaximum), .optionalText("earned", \.earned), .text("fixedTotal", \.fixedTotal), .text("paid", \.paid), .text("toCome", \.toCome),
        .flag("inProgress", \.inProgress), .list("calendar", \.calendar), .optionalList("spending", \.spending),
        .optionalText("spendingTotal", \.spendingTotal),
    ]
}

struct SpendingRow: TemplateModel {
    let category: String
    let amount: String

    static let fields: [TemplateField<Self>] = [.text("category", \.category), .text("amount", \.amount)]
}

struct ActionRow: TemplateModel {
    let title: String
    let status: String
    let statusClass: String
    let period: String?
    let participants: String?
    let results: [String]
    let hasResults: Bool
    let indicators: String?

    static let fields: [TemplateField<Self>] = [
        .text("title", \.title), .text("status", \.status), .text("statusClass", \.statusClass), .optionalText("period", \.period),
        .optionalText("participants", \.participants), .texts("results", \.results), .flag("hasResults", \.hasResults),
        .optionalText("indicators", \.indicators),
    ]
}

/// An indicator of the report over the years.
struct HistoryRow: TemplateModel {
    let label: String
    let baseline: String?
    let value: String
    let previous: String?
    let change: String?
    let changeClass: String?
    let trend: String?
    let steps: String
    let earned: String
    let earnedNote: String?
    let carried: String?

    static let fields: [TemplateField<Self>] = [
        .text("label", \.label), .optionalText("baseline", \.baseline), .text("value", \.value),
        .optionalText("previous", \.previous), .optionalText("change", \.change), .optionalText("changeClass", \.changeClass),
        .optionalText("trend", \.trend), .text("steps", \.steps), .text("earned", \.earned),
        .optionalText("earnedNote", \.earnedNote), .optionalText("carried", \.carried),
    ]
}

/// Members of one profession this year against last year.
struct MemberRow: TemplateModel {
    let profession: String
    let count: String
    let previous: String
    let change: String

    static let fields: [TemplateField<Self>] = [
        .text("profession", \.profession), .text("count", \.count), .text("previous", \.previous), .text("change", \.change),
    ]
}

struct MeetingRow: TemplateModel {
    let date: String
    let kind: String
    let title: String?
    let attendance: String?
    let upcoming: Bool

    static let fields: [TemplateField<Self>] = [
        .text("date", \.date), .text("kind", \.kind), .optionalText("title", \.title), .optionalText("attendance", \.attendance),
        .flag("upcoming", \.upcoming),
    ]
}

/// The coordination's time.
struct ReportTeam: TemplateModel {
    let coordinator: String?
    let staff: String?

    static let fields: [TemplateField<Self>] = [.optionalText("coordinator", \.coordinator), .optionalText("staff", \.staff)]
}

/// The proofs of an indicator.
struct ProofList: TemplateModel {
    let indicator: String
    let items: [String]

    static let fields: [TemplateField<Self>] = [.text("indicator", \.indicator), .texts("items", \.items)]
}
