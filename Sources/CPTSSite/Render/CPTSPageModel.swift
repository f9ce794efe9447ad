import CPTSDomain

extension ViewModels {
    /// A CPTS's page, printable as its annual report: identity card, missions against the ACI deadlines,
    /// indicators, funding, projet de santé and validation warnings.
    func cpts(_ cpts: CPTS, root: String) -> [String: Any] {
        let body = markdown.render(cpts.body, imageRoot: root, sectionHeading: ViewModels.healthProjectHeading)
        var model = common(root: root, title: cpts.name)
        let numbers = figures[cpts]
        let department = content.region.department(cpts.department.value)
        model["cpts"] = present([
            "name": cpts.name,
            "logo": logo(cpts.logo, name: cpts.name, root: root),
            "department": content.region.departmentName(cpts.department.value),
            "departmentURL": department.map { root + Routes.department($0.code) },
            "population": FrenchFormat.integer(numbers.population),
            "tranche": numbers.tranche.map { String($0.number) },
            "stage": DomainLabels.stage(numbers.stage),
            "constituted": numbers.stage?.isConstituted == true,
            "legalForm": cpts.legalForm.map(DomainLabels.legalForms.label),
            "timeline": Stage.allCases.compactMap { stage -> [String: Any]? in
                // A stage dated after the site's date is forthcoming, never shown as reached.
                cpts.dates[stage].map { date in
                    present(["stage": stage.label, "date": FrenchFormat.shortDate(date.value),
                             "forthcoming": date.value > content.settings.asOf ? (cpts.plannedStages.contains(stage) ? DomainLabels.planned : DomainLabels.upcoming) : nil])
                }
            },
            "letterOfIntentAid": numbers.letterOfIntentAid.map { FrenchFormat.euros($0) },
            "members": cpts.members.map {
                ["profession": DomainLabels.professions.label(of: $0.profession), "count": FrenchFormat.integer($0.count)]
            },
            "membersTotal": FrenchFormat.integer(cpts.members.map(\.count).reduce(0, +)),
            "missions": cpts.missions.map { missionRow($0, of: cpts) },
            "contractYears": indicatorYears(of: cpts),
            "funding": numbers.funding.map(fundingModel),
            "territory": territory(of: cpts),
            "road": road(of: cpts),
            "reports": reportLinks(of: cpts, root: root),
            "hasReports": !content.reports(for: cpts.slug.value).isEmpty,
        ])
        model["body"] = body.html
        model["toc"] = body.headings.filter { $0.level <= 3 }.map { ["text": $0.text, "id": $0.id, "level": String($0.level)] }
        // Shown only with the validation page: `validationPage: false` keeps the site's problems to its editors.
        // Each named by its field as a label ("Population : …"), never by a key ("population :", "« legalFrom » :").
        model["warnings"] = diagnostics.published(for: cpts, settings: content.settings).sortedForReport().map { diagnostic in
            var row = publicDiagnostic(diagnostic)
            row["field"] = diagnostic.message.field.flatMap { ViewModels.fieldLabels[$0] }.map(\.uppercasedFirst) ?? false
            return row
        }
        return model
    }

    /// The heading of the CPTS page's section that shows its text (the template's `fiche-projet`).
    static let healthProjectHeading = "Projet de santé"

    func missionRow(_ engagement: MissionEngagement, of cpts: CPTS) -> [String: Any] {
        let status = content.missionStatus(engagement, of: cpts).map(missionStatusLabel)
        let asOf = content.settings.asOf
        return present([
            "name": DomainLabels.missions.label(of: engagement.id.value),
            "start": engagement.start.map { FrenchFormat.shortDate($0.value) + ($0.value > asOf ? " (\(DomainLabels.planned))" : "") },
            "deployed": engagement.deployed.map { FrenchFormat.shortDate($0.value) + ($0.value > asOf ? " (\(DomainLabels.planned))" : "") },
            "actions": engagement.actions,
            // Always present (false when the contract is not signed at `asOf`): the theme reads it in every row.
            "status": status.map { $0.label as Any } ?? false,
            "statusClass": status?.cssClass,
        ])
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

    func indicatorYears(of cpts: CPTS) -> [[String: Any]] {
        guard let file = content.indicators(for: cpts.slug.value) else { return [] }
        let funding = figures[cpts].funding
        return file.contractYears.sorted { $0.year.value < $1.year.value }.map { year in
            // Only a contract year ended by the site's date is assessed: before, nothing is earned yet.
            let status = funding?.year(year.year.value)?.status
            return [
                "year": String(year.year.value),
                "status": status.map { $0.hasEnded ? "" : " (\($0.label))" } ?? " (contrat non signé)",
                "indicators": year.indicators.map { indicatorRow($0, assessed: status == .assessed) },
            ]
        }
    }

    func indicatorRow(_ indicator: Indicator, assessed: Bool) -> [String: Any] {
        let reward = FundingCalculator.reward(indicator)
        let progress = IndicatorProgress(indicator)
        return present([
            "label": indicator.label,
            "mission": DomainLabels.missions.label(of: indicator.mission.value),
            "baseline": indicator.baseline.map { measure($0, unit: indicator.unit) },
            "value": indicator.value.map { value -> String in
                switch value {
                case .number(let number): measure(number, unit: indicator.unit)
                case .done(let done): DomainLabels.done(done)
                }
            } ?? DomainLabels.notMeasured,
            "steps": indicator.steps.map { step in
                let threshold = step.threshold.map { (indicator.direction.value == .down ? "≤\u{A0}" : "≥\u{A0}") + measure($0, unit: indicator.unit) + "\u{202F}: " } ?? "si réalisé\u{202F}: "
                return threshold + FrenchFormat.euros(step.amount)
            }.joined(separator: "\u{202F}; "),
            "earned": assessed ? FrenchFormat.euros(reward.earned) : "non évalué",
            "progress": progress.map { ProgressBar(label: $0.label, fraction: $0.fraction, steps: $0.steps).svg() },
        ])
    }

    /// `12.5` with unit `%` → `12,5 %`; `219` patients → `219 patients`, `1` → `1 patient` (the unit is agreed).
    func measure(_ value: Double, unit: String?) -> String {
        let number = FrenchFormat.decimal(value, maximumFractionDigits: 1)
        // `count` and `number` are how content says "a plain count": no unit to print.
        guard let unit, !unit.isEmpty, unit != "count", unit != "number" else { return number }
        return number + FrenchFormat.unitSpace + FrenchFormat.agreed(unit, with: (value * 10).rounded() / 10)
    }

    /// The change between two measures: in points between two percentages (`+1,4 point`, not `+1,4 %`, which would
    /// be a relative change), else in the unit (`−3 patients`).
    func measuredChange(_ delta: Double, unit: String?) -> String {
        let sign = delta > 0 ? "+" : delta < 0 ? "−" : ""
        guard unit == "%" else { return sign + measure(delta.magnitude, unit: unit) }
        return sign + FrenchFormat.count(delta.magnitude, "points")
    }

    func fundingModel(_ funding: FundingBreakdown) -> [String: Any] {
        let asOf = content.settings.asOf
        return [
            "signature": FrenchFormat.shortDate(funding.signature),
            "schedule": funding.scheduleLabel,
            "years": funding.years.filter { !$0.isProjected }.map { year in
                present([
                    "year": String(year.year),
                    "start": FrenchFormat.shortDate(year.start),
                    // The ledger's period convention: the year's last day (`end`, the anniversary, is excluded).
                    "end": FrenchFormat.shortDate(year.lastDay),
                    "status": year.status.label,
                    "schedule": year.scheduleID == funding.scheduleID ? nil : year.scheduleLabel,
                    "operation": FrenchFormat.euros(year.operation),
                    "missions": year.missions.map { mission in
                        present([
                            "name": DomainLabels.missions.label(of: mission.mission),
                            "fixed": FrenchFormat.euros(mission.fixed),
                            // Named, or "24 044 € + 14 426 €" leaves the reader to guess what the second amount is.
                            "extra": mission.extra > 0 ? "\(FrenchFormat.euros(mission.extra)) (\(FundingPart.extra.label.lowercasedFirst))" : nil,
                            "variableEarned": FrenchFormat.euros(mission.variableEarned),
                            "variableMaximum": FrenchFormat.euros(mission.variableMaximum),
                            "capped": mission.isCapped,
                            "total": FrenchFormat.euros(mission.total),
                        ])
                    },
                    "total": FrenchFormat.euros(year.total),
                    "fixedTotal": FrenchFormat.euros(year.fixedTotal),
                    "variableEarned": FrenchFormat.euros(year.variableEarned),
                    "variableMaximum": FrenchFormat.euros(year.variableMaximum),
                    "maximum": FrenchFormat.euros(year.maximum),
                    "maximumFixed": FrenchFormat.euros(year.maximumFixed),
                    "assessed": year.assessed,
                    "inProgress": year.status == .inProgress,
                ])
            },
            "asOf": FrenchFormat.shortDate(asOf),
            "paid": FrenchFormat.euros(funding.paidAsOf),
            "calendar": PaymentCalendar.lines(funding).map { line in
                ["date": line.date, "label": line.label, "amount": line.amount, "status": line.status,
                 "statusClass": line.paid ? "status-on-time" : "status-upcoming"]
            },
        ]
    }

}
