import CPTSDomain

extension ViewModels {
    /// The reports a CPTS page links to: those the site publishes (the rules make sure each is for a year begun).
    func reportLinks(of cpts: CPTS, root: String) -> [[String: Any]] {
        content.reports(for: cpts.slug.value).compactMap { report in
            guard let dates = cpts.contractPeriod(report.year.value) else { return nil }
            return ["year": String(report.year.value), "url": root + Routes.report(slug: cpts.slug.value, year: report.year.value),
                    "start": FrenchFormat.shortDate(dates.start), "end": FrenchFormat.shortDate(dates.lastDay)]
        }
    }

    /// The annual activity report of a CPTS for one contract year: cover, key figures, missions with their actions,
    /// indicators over the years and money, members, meetings, the narrative and the proofs.
    func report(_ report: ActivityReport, of cpts: CPTS, root: String) -> [String: Any] {
        let number = report.year.value
        let asOf = content.settings.asOf
        let dates = cpts.contractPeriod(number)
        var model = common(root: root, title: reportTitle(year: number, dates: dates, name: cpts.name))
        let numbers = figures[cpts]
        let yearFunding = numbers.funding?.year(number)
        let histories = IndicatorHistory.histories(slug: cpts.slug.value, year: number, in: content)
        let body = markdown.render(report.body, imageRoot: root, sectionHeading: "Bilan de l’année")
        let indicatorLabels = Dictionary(histories.map { ($0.id, $0.indicator.label) }, uniquingKeysWith: { first, _ in first })
        let funding = reportFunding(report, funding: numbers.funding, year: yearFunding)

        model["report"] = present([
            "name": cpts.name,
            "logo": logo(cpts.logo, name: cpts.name, root: root),
            "year": String(number),
            "start": dates.map { FrenchFormat.shortDate($0.start) },
            "end": dates.map { FrenchFormat.shortDate($0.lastDay) },
            "status": yearFunding.map(\.status.label),
            "inProgress": yearFunding?.status == .inProgress,
            "cptsURL": Routes.relative(from: Routes.report(slug: cpts.slug.value, year: number), to: Routes.cpts(cpts.slug.value)),
            "department": content.region.departmentName(cpts.department.value),
            "population": FrenchFormat.integer(numbers.population),
            "communes": cpts.communes.isEmpty ? nil : FrenchFormat.integer(cpts.communes.count),
            "keyFigures": reportKeyFigures(report, histories: histories, assessed: yearFunding?.assessed == true, paid: funding?.paid),
            "missions": reportMissions(report, of: cpts, histories: histories, year: yearFunding),
            // Without an earlier year, the indicator tables have no "previous years", "change" or "trend" columns.
            "hasHistory": histories.contains { history in history.values.contains { $0.year < number } },
            "hasPreviousMembers": content.report(for: cpts.slug.value, year: number - 1)?.members.isEmpty == false,
            "funding": funding.map { $0.model as Any },
            "members": memberRows(report, of: cpts),
            "meetings": report.meetings.sorted { $0.date.value < $1.date.value }.map { meeting in
                present(["date": FrenchFormat.shortDate(meeting.date.value), "kind": meeting.kind.value.label,
                         "title": meeting.title,
                         "attendance": meeting.attendance.map { FrenchFormat.integer($0.value) },
                         "upcoming": meeting.date.value > asOf])
            },
            "team": report.coordinatorFTE == nil && report.staffFTE == nil ? nil : present([
                "coordinator": report.coordinatorFTE.map { fteLabel($0.value) },
                "staff": report.staffFTE.map { fteLabel($0.value) },
            ]),
            "hasMembers": !memberRows(report, of: cpts).isEmpty,
            "hasMeetings": !report.meetings.isEmpty,
            "hasProofs": !report.proofs.isEmpty,
            "pdf": pdfReports ? Routes.reportPDFName(year: number) : nil,
            "proofs": report.proofs.map { proof in
                ["indicator": indicatorLabels[proof.indicator.value] ?? proof.indicator.value, "items": proof.items] as [String: Any]
            },
            "otherYears": reportLinks(of: cpts, root: root).filter { $0["year"] as? String != String(number) },
        ])
        model["body"] = body.html
        let toc = body.headings.filter { $0.level == 2 }.map { ["text": $0.text, "id": $0.id] }
        model["toc"] = toc
        model["hasToc"] = !toc.isEmpty
        return model
    }

    /// The missions of a report: those the CPTS carries, in its order, then any an action names that it does not
    /// (reported), each with its actions, its indicators over the years and its money.
    func reportMissions(_ report: ActivityReport, of cpts: CPTS, histories: [IndicatorHistory],
                        year yearFunding: ContractYearFunding?) -> [[String: Any]] {
        let number = report.year.value
        let assessed = yearFunding?.assessed == true
        var missionIDs = cpts.missions.map(\.id.value)
        for action in report.actions where !missionIDs.contains(action.mission.value) { missionIDs.append(action.mission.value) }
        let indicatorLabels = Dictionary(histories.map { ($0.id, $0.indicator.label) }, uniquingKeysWith: { first, _ in first })
        return missionIDs.map { id -> [String: Any] in
            let actions = report.actions.filter { $0.mission.value == id }
            let funding = yearFunding?.missions.first { $0.mission == id }
            let indicators = histories.filter { $0.indicator.mission.value == id }
            return present([
                "id": id,
                "name": DomainLabels.missions.label(of: id),
                "actions": actions.map { actionRow($0, labels: indicatorLabels) },
                "hasActions": !actions.isEmpty,
                "indicators": indicators.map { historyRow($0, year: number, assessed: assessed) },
                "hasIndicators": !indicators.isEmpty,
                "funding": funding.map { missionFunding($0, assessed: assessed) },
            ])
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
    func missionFunding(_ mission: MissionFunding, assessed: Bool) -> [String: Any] {
        let nothing = mission.fixedAndExtra == 0 && mission.variableMaximum == 0
        return present([
            "fixed": FrenchFormat.euros(mission.fixedAndExtra),
            "variableEarned": assessed ? FrenchFormat.euros(mission.variableEarned) : nil,
            "variableMaximum": FrenchFormat.euros(mission.variableMaximum),
            "hasVariable": mission.variableMaximum > 0,
            "none": !nothing ? nil : mission.fullYearFixed > 0
                ? "Mission non démarrée cette année\u{202F}: aucun financement ACI (part fixe de \(FrenchFormat.euros(mission.fullYearFixed)) par an une fois démarrée)."
                : "Aucun financement ACI pour cette mission cette année.",
        ])
    }

    /// The report's key figures: actions done, meetings held, participants, then indicators reached (once the year
    /// is assessed), the money paid (`paid`, with a contract) and the coordination's time.
    func reportKeyFigures(_ report: ActivityReport, histories: [IndicatorHistory], assessed: Bool, paid: Int?) -> [[String: String]] {
        let asOf = content.settings.asOf
        let done = report.actions.filter { $0.status.value == .done }.count
        let held = report.meetings.filter { $0.date.value <= asOf }
        let participants = report.actions.compactMap { $0.participants?.value }.reduce(0, +)
        // Each label agrees with the number read just before it: `1 réunion tenue`, `0 sur 1 action réalisée`.
        func label(_ plural: String, _ count: Int) -> String { FrenchFormat.agreed(plural, with: Double(count)) }
        var keyFigures: [[String: String]] = [
            ["label": label("Actions réalisées", report.actions.count), "value": "\(done) sur \(report.actions.count)"],
            ["label": label("Réunions tenues", held.count), "value": FrenchFormat.integer(held.count)],
            ["label": label("Participants aux actions", participants), "value": FrenchFormat.integer(participants)],
        ]
        let measured = histories.filter { $0.setThisYear && $0.indicator.value != nil }
        if assessed {
            let reached = measured.filter { FundingCalculator.reward($0.indicator).stepReached != nil }.count
            let set = histories.filter(\.setThisYear).count
            keyFigures.append(["label": label("Indicateurs atteints", set), "value": "\(reached) sur \(set)"])
        }
        if let paid {
            keyFigures.append(["label": "Financement ACI versé au \(FrenchFormat.shortDate(asOf))", "value": FrenchFormat.euros(paid)])
        }
        if let fte = report.coordinatorFTE {
            keyFigures.append(["label": "Coordination", "value": fteLabel(fte.value)])
        }
        return keyFigures
    }

    /// The money of the report's year, with a signed contract: earned, paid, to come, its calendar and the spending;
    /// and what was paid by the site's date, for the key figures.
    func reportFunding(_ report: ActivityReport, funding: FundingBreakdown?, year: ContractYearFunding?)
        -> (model: [String: Any], paid: Int)?
    {
        guard let funding, let year else { return nil }
        let number = report.year.value
        // Every figure from the ledger: what is earned only once the year has ended, paid and to come by payment.
        let model = present([
            "operation": FrenchFormat.euros(year.operation),
            "fixed": FrenchFormat.euros(year.fixedAndExtra),
            "variableEarned": year.assessed ? FrenchFormat.euros(year.variableEarned) : nil,
            "variableMaximum": FrenchFormat.euros(year.variableMaximum),
            "earned": year.earned.map(FrenchFormat.euros),
            "fixedTotal": FrenchFormat.euros(year.fixedTotal),
            "paid": FrenchFormat.euros(year.paid),
            "toCome": FrenchFormat.euros(year.toCome),
            "inProgress": year.status == .inProgress,
            "calendar": PaymentCalendar.lines(funding, year: number).map { line in
                ["date": line.date, "label": line.label, "amount": line.amount, "status": line.status,
                 "statusClass": line.paid ? "status-on-time" : "status-upcoming"]
            },
            "spending": report.spending.isEmpty ? nil : report.spending.map { item in
                ["category": item.category.label, "amount": FrenchFormat.euros(item.amount.value)]
            },
            "spendingTotal": report.spending.isEmpty ? nil : FrenchFormat.euros(report.spendingTotal),
        ])
        return (model, year.paid)
    }

    /// The report's own print stylesheet: its running header.
    func reportPrint(_ report: ActivityReport, of cpts: CPTS) -> [String: Any] {
        ["runningHead": ViewModels.cssString("\(cpts.name) — rapport d’activité, année \(report.year.value) du contrat")]
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

    func actionRow(_ action: ReportAction, labels: [String: String]) -> [String: Any] {
        let (label, cssClass) = actionStatusLabel(action.status.value)
        var period: String?
        switch (action.start?.value, action.end?.value) {
        case let (start?, end?): period = "du \(FrenchFormat.shortDate(start)) au \(FrenchFormat.shortDate(end))"
        case let (start?, nil): period = "depuis le \(FrenchFormat.shortDate(start))"
        case let (nil, end?): period = "jusqu’au \(FrenchFormat.shortDate(end))"
        case (nil, nil): period = nil
        }
        return present([
            "title": action.title,
            "status": label,
            "statusClass": cssClass,
            "period": period,
            "participants": action.participants.map { FrenchFormat.integer($0.value) + " " + FrenchFormat.agreed("participants", with: Double($0.value)) },
            "results": action.results,
            "hasResults": !action.results.isEmpty,
            "indicators": action.indicators.isEmpty ? nil : action.indicators.map { labels[$0.value] ?? $0.value }.joined(separator: "\u{202F}; "),
        ])
    }

    func historyRow(_ history: IndicatorHistory, year: Int, assessed: Bool) -> [String: Any] {
        let indicator = history.indicator, unit = indicator.unit
        func shown(_ value: IndicatorValue?) -> String {
            switch value {
            case .number(let number)?: measure(number, unit: unit)
            case .done(let done)?: DomainLabels.done(done)
            case nil: DomainLabels.notMeasured
            }
        }
        let earlier = history.values.filter { $0.year < year }
        let numeric = history.values.compactMap { item -> (year: Int, value: Double)? in
            if case .number(let number)? = item.value { return (item.year, number) }
            return nil
        }
        let trendLabel = "Évolution\u{202F}: " + history.values.map { "année\u{A0}\($0.year)\u{202F}: \(shown($0.value))" }.joined(separator: ", ")
        var change: String?
        var changeClass: String?
        if let delta = history.change {
            change = measuredChange(delta, unit: unit)
            let better = indicator.direction.value == .up ? delta > 0 : delta < 0
            changeClass = delta == 0 ? nil : better ? "status-on-time" : "status-late"
        }
        let reward = FundingCalculator.reward(indicator)
        return present([
            "label": indicator.label,
            "baseline": indicator.baseline.map { measure($0, unit: unit) },
            "value": history.setThisYear ? shown(indicator.value) : "non fixé cette année",
            "previous": earlier.isEmpty ? nil : earlier.map { "année\u{A0}\($0.year)\u{202F}: \(shown($0.value))" }.joined(separator: ", "),
            "change": change,
            "changeClass": changeClass,
            "trend": TrendLine(label: trendLabel, points: numeric).svg(),
            "steps": indicator.steps.map { step in
                let threshold = step.threshold.map { (indicator.direction.value == .down ? "≤\u{A0}" : "≥\u{A0}") + measure($0, unit: unit) + "\u{A0}: " } ?? "si réalisé\u{A0}: "
                return threshold + FrenchFormat.euros(step.amount)
            }.joined(separator: "\u{202F}; "),
            "earned": history.setThisYear ? (assessed ? FrenchFormat.euros(reward.earned) : "non évalué") : "—",
            "carried": history.notReachedLastYear ? "Non atteint en année\u{A0}\(year - 1), reporté" : nil,
        ])
    }

    /// Members by profession this year against last year: the report's `members`, else (for the latest year) the
    /// CPTS's own; last year's from the report before.
    func memberRows(_ report: ActivityReport, of cpts: CPTS) -> [[String: Any]] {
        let reports = content.reports(for: cpts.slug.value)
        let isLatest = reports.last?.year.value == report.year.value
        let now = !report.members.isEmpty ? report.members : isLatest ? cpts.members : []
        let before = content.report(for: cpts.slug.value, year: report.year.value - 1)?.members ?? []
        guard !now.isEmpty else { return [] }
        var professions = now.map(\.profession)
        for item in before where !professions.contains(item.profession) { professions.append(item.profession) }
        return professions.map { profession in
            let count = now.first { $0.profession == profession }?.count ?? 0
            let previous = before.first { $0.profession == profession }?.count
            return present([
                "profession": DomainLabels.professions.label(of: profession),
                "count": FrenchFormat.integer(count),
                "previous": previous.map(FrenchFormat.integer) ?? "—",
                "change": previous.map { count - $0 }.map { $0 > 0 ? "+\(FrenchFormat.integer($0))" : $0 < 0 ? "−\(FrenchFormat.integer(-$0))" : "=" } ?? "—",
            ])
        } + [present([
            "profession": "Total",
            "count": FrenchFormat.integer(now.map(\.count).reduce(0, +)),
            "previous": before.isEmpty ? "—" : FrenchFormat.integer(before.map(\.count).reduce(0, +)),
            "change": before.isEmpty ? "—" : {
                let delta = now.map(\.count).reduce(0, +) - before.map(\.count).reduce(0, +)
                return delta > 0 ? "+\(FrenchFormat.integer(delta))" : delta < 0 ? "−\(FrenchFormat.integer(-delta))" : "="
            }(),
        ])]
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
