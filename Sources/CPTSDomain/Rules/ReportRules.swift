/// Rules of the annual activity reports (`reports/<slug>/<year>.md`).
extension ContentRules {
    /// How long after its end an action may still be `planned` or `in-progress` before it looks forgotten.
    public static let staleActionDays = 90

    /// A report is about a CPTS of the site.
    @Sendable static func reportBelongsToACPTS(_ content: SiteContent) -> [Diagnostic] {
        let slugs = content.cpts.map(\.slug.value), known = Set(slugs)
        return content.reports.filter { !known.contains($0.slug.value) }.map { report in
            .error("report-without-cpts", at: report.slug.location,
                   "activity report for '\(report.slug.value)', but there is no cpts/\(report.slug.value).md",
                   note: Suggestion.note(for: report.slug.value, in: slugs))
        }
    }

    /// A report is for a contract year the contract has (1 to 5), of a contract signed by the site's date, and
    /// begun by then: a year not begun has nothing to report yet.
    @Sendable static func reportYearIsInContract(_ content: SiteContent) -> [Diagnostic] {
        let asOf = content.settings.asOf
        var seen: Set<String> = []
        return content.reports.compactMap { report -> Diagnostic? in
            guard let cpts = content.cpts.first(where: { $0.slug.value == report.slug.value }) else { return nil }
            let year = report.year
            if !seen.insert("\(report.slug.value)#\(year.value)").inserted {
                return .error("report-duplicate", at: year.location,
                              "a second activity report for contract year \(year.value) of \(cpts.name)")
            }
            guard (1...FundingCalculator.contractYears).contains(year.value) else {
                return .error("report-year-out-of-range", at: year.location,
                              "contract year \(year.value): a contract has years 1 to \(FundingCalculator.contractYears)",
                              note: "name the file after the contract year, like reports/\(report.slug.value)/1.md")
            }
            guard let signature = cpts.signature, cpts.stage.value == .aciSigned, signature <= asOf,
                let dates = cpts.contractYear(year.value)
            else {
                return .error("report-contract-not-signed", at: year.location,
                              "activity report for contract year \(year.value), but \(cpts.name) has no contract signed by the site's date (\(asOf))")
            }
            if dates.start > asOf {
                return .error("report-year-not-begun", at: year.location,
                              "contract year \(year.value) of \(cpts.name) begins on \(dates.start), after the site's date (\(asOf))")
            }
            return nil
        }
    }

    /// An action is for a mission the CPTS carries.
    @Sendable static func reportActionMissionIsCarried(_ content: SiteContent) -> [Diagnostic] {
        content.reports.flatMap { report -> [Diagnostic] in
            guard let cpts = content.cpts.first(where: { $0.slug.value == report.slug.value }) else { return [] }
            let carried = cpts.missions.map(\.id.value)
            return report.actions.filter { !carried.contains($0.mission.value) }.map { action in
                Mission.named(action.mission.value) == nil
                    ? .error("mission-unknown", at: action.mission.location, "unknown mission '\(action.mission.value)'",
                             note: Suggestion.note(for: action.mission.value, in: Mission.ids))
                    : .error("report-mission-not-carried", at: action.mission.location,
                             "action '\(action.title)' is for mission '\(action.mission.value)', which \(cpts.name) does not carry")
            }
        }
    }

    /// The indicators an action serves, and those a proof is for, are indicators of the same contract year.
    @Sendable static func reportIndicatorIsKnown(_ content: SiteContent) -> [Diagnostic] {
        content.reports.flatMap { report -> [Diagnostic] in
            guard content.cpts.contains(where: { $0.slug.value == report.slug.value }) else { return [] }
            let ofYear = content.indicators(for: report.slug.value)?.contractYears
                .first { $0.year.value == report.year.value }?.indicators.map(\.id.value) ?? []
            let referenced = report.actions.flatMap(\.indicators) + report.proofs.map(\.indicator)
            return referenced.filter { !ofYear.contains($0.value) }.map { id in
                .error("report-indicator-unknown", at: id.location,
                       "unknown indicator '\(id.value)': indicators/\(report.slug.value).yaml has none of that id in contract year \(report.year.value)",
                       note: Suggestion.note(for: id.value, in: ofYear))
            }
        }
    }

    /// An action or a meeting belongs to the contract year of its report: an action ending before the year or
    /// starting after it, or a meeting outside it, is in the wrong report. An action ending before it starts is
    /// an error too.
    @Sendable static func reportDatesAreInContractYear(_ content: SiteContent) -> [Diagnostic] {
        content.reports.flatMap { report -> [Diagnostic] in
            guard let cpts = content.cpts.first(where: { $0.slug.value == report.slug.value }),
                (1...FundingCalculator.contractYears).contains(report.year.value),
                // Without a contract signed by `asOf`, `reportYearIsInContract` reports the report itself: its
                // dates have no contract year to be checked against (a signature at 9999-12-31 gave an empty one).
                let signature = cpts.signature, cpts.stage.value == .aciSigned, signature <= content.settings.asOf,
                let year = cpts.contractYear(report.year.value)
            else { return [] }
            let span = "contract year \(report.year.value) (\(year.start) to \(year.end.dayBefore))"
            var diagnostics: [Diagnostic] = []
            for action in report.actions {
                if let start = action.start, let end = action.end, end.value < start.value {
                    diagnostics.append(.error("report-action-ends-before-start", at: end.location,
                        "action '\(action.title)' ends (\(end.value)) before it starts (\(start.value))"))
                    continue
                }
                if let start = action.start, start.value >= year.end {
                    diagnostics.append(.error("report-action-outside-year", at: start.location,
                        "action '\(action.title)' starts on \(start.value), after \(span)",
                        note: "put it in the report of the year it starts"))
                } else if let end = action.end, end.value < year.start {
                    diagnostics.append(.error("report-action-outside-year", at: end.location,
                        "action '\(action.title)' ended on \(end.value), before \(span)",
                        note: "put it in the report of the year it ended"))
                }
            }
            for meeting in report.meetings where meeting.date.value < year.start || meeting.date.value >= year.end {
                diagnostics.append(.error("report-meeting-outside-year", at: meeting.date.location,
                    "meeting of \(meeting.date.value) is outside \(span)"))
            }
            return diagnostics
        }
    }

    /// An action's status agrees with its dates at the site's date: `done` has ended by then, `planned` and
    /// `in-progress` have not ended long before it (`staleActionDays`), `in-progress` has started, and a meeting
    /// reported as held is not dated after it.
    @Sendable static func reportStatusMatchesDates(_ content: SiteContent) -> [Diagnostic] {
        let asOf = content.settings.asOf
        return content.reports.flatMap { report -> [Diagnostic] in
            var diagnostics: [Diagnostic] = []
            for action in report.actions {
                let status = action.status
                switch status.value {
                case .done:
                    if let end = action.end, end.value > asOf {
                        diagnostics.append(.error("report-action-done-in-future", at: status.location,
                            "action '\(action.title)' is 'done' but ends on \(end.value), after the site's date (\(asOf))",
                            note: "if it is still going on, say 'in-progress'"))
                    } else if action.end == nil, let start = action.start, start.value > asOf {
                        diagnostics.append(.error("report-action-done-in-future", at: status.location,
                            "action '\(action.title)' is 'done' but starts on \(start.value), after the site's date (\(asOf))"))
                    }
                case .planned, .inProgress:
                    if let end = action.end, end.value.days(to: asOf) > staleActionDays {
                        diagnostics.append(.warning("report-action-status-stale", at: status.location,
                            "action '\(action.title)' is still '\(status.value.rawValue)' though it was to end on \(end.value), more than \(staleActionDays) days before the site's date (\(asOf))",
                            note: "say 'done' or 'abandoned', or give its new end"))
                    } else if status.value == .inProgress, let start = action.start, start.value > asOf {
                        diagnostics.append(.warning("report-action-status-stale", at: status.location,
                            "action '\(action.title)' is 'in-progress' but starts on \(start.value), after the site's date (\(asOf))",
                            note: "say 'planned'"))
                    }
                case .abandoned:
                    break
                }
            }
            for meeting in report.meetings where meeting.date.value > asOf && meeting.attendance != nil {
                diagnostics.append(.error("report-meeting-attendance-in-future", at: meeting.date.location,
                    "meeting of \(meeting.date.value) has an attendance but is after the site's date (\(asOf))"))
            }
            return diagnostics
        }
    }
}
