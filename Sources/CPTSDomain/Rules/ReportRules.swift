/// Rules of the annual activity reports (`reports/<slug>/<year>.md`).
extension ContentRules {
    /// How long after its end an action may still be `planned` or `in-progress` before it looks forgotten.
    public static let staleActionDays = 90

    /// A report is about a CPTS of the site.
    @Sendable static func reportBelongsToACPTS(_ content: SiteContent) -> [Diagnostic] {
        var budget = Suggestion.Budget()
        let slugs = content.cpts.map(\.slug.value), known = Set(slugs)
        return content.reports.filter { !known.contains($0.slug.value) }.map { report in
            .error(.reportWithoutCPTS(slug: report.slug.value, suggestion: Suggestion.nearest(to: report.slug.value, in: slugs, budget: &budget)),
                   at: report.slug.location)
        }
    }

    /// A report is for a contract year the contract has (1 to 5), of a contract signed by the site's date, and
    /// begun by then: a year not begun has nothing to report yet.
    @Sendable static func reportYearIsInContract(_ content: SiteContent) -> [Diagnostic] {
        let asOf = content.settings.asOf
        var seen: Set<String> = []
        return content.reports.compactMap { report -> Diagnostic? in
            guard let cpts = content.cpts(slug: report.slug.value) else { return nil }
            let year = report.year
            // A second report of one year is `outputPathsHaveOneSource`'s to report.
            if !seen.insert("\(report.slug.value.lowercased())#\(year.value)").inserted { return nil }
            guard (1...FundingCalculator.contractYears).contains(year.value) else {
                return .error(.reportYearOutOfRange(year: year.value, slug: report.slug.value, years: FundingCalculator.contractYears),
                              at: year.location)
            }
            guard cpts.isSigned(by: asOf), let dates = cpts.contractYear(year.value)
            else {
                // A signature date already reported (out of range, say) is not reported again through its reports.
                if cpts.reportedKeys.contains("dates.\(Stage.aciSigned.rawValue)") { return nil }
                return .error(.reportContractNotSigned(year: year.value, cpts: cpts.name, asOf: asOf), at: year.location)
            }
            if dates.start > asOf {
                return .error(.reportYearNotBegun(year: year.value, cpts: cpts.name, start: dates.start, asOf: asOf), at: year.location)
            }
            return nil
        }
    }

    /// An action is for a mission the CPTS carries.
    @Sendable static func reportActionMissionIsCarried(_ content: SiteContent) -> [Diagnostic] {
        content.reports.flatMap { report -> [Diagnostic] in
            guard let cpts = content.cpts(slug: report.slug.value) else { return [] }
            let carried = cpts.missions.map(\.id.value)
            // An unknown mission is `missionIsKnown`'s to report.
            return report.actions.filter { !carried.contains($0.mission.value) && Mission.named($0.mission.value) != nil }.map { action in
                .error(.reportMissionNotCarried(action: action.title, mission: action.mission.value, cpts: cpts.name),
                       at: action.mission.location)
            }
        }
    }

    /// The indicators an action serves, and those a proof is for, are indicators of the same contract year.
    @Sendable static func reportIndicatorIsKnown(_ content: SiteContent) -> [Diagnostic] {
        var budget = Suggestion.Budget()
        let slugs = Set(content.cpts.map(\.slug.value))
        return content.reports.flatMap { report -> [Diagnostic] in
            guard slugs.contains(report.slug.value) else { return [] }
            let ofYear = content.indicators(for: report.slug.value)?.contractYears
                .first { $0.year.value == report.year.value }?.indicators.map(\.id.value) ?? []
            let referenced = report.actions.flatMap(\.indicators) + report.proofs.map(\.indicator)
            let known = Set(ofYear)
            return referenced.filter { !known.contains($0.value) }.map { id in
                .error(.reportIndicatorUnknown(id: id.value, slug: report.slug.value, year: report.year.value,
                                               suggestion: Suggestion.nearest(to: id.value, in: ofYear, budget: &budget)), at: id.location)
            }
        }
    }

    /// An action or a meeting belongs to the contract year of its report: an action ending before the year or
    /// starting after it, or a meeting outside it, is in the wrong report. An action ending before it starts is
    /// an error too.
    @Sendable static func reportDatesAreInContractYear(_ content: SiteContent) -> [Diagnostic] {
        content.reports.flatMap { report -> [Diagnostic] in
            guard let cpts = content.cpts(slug: report.slug.value),
                (1...FundingCalculator.contractYears).contains(report.year.value),
                // Without a contract signed by `asOf`, `reportYearIsInContract` reports the report itself: its
                // dates have no contract year to be checked against (a signature at 9999-12-31 gave an empty one).
                cpts.isSigned(by: content.settings.asOf),
                let year = cpts.contractYear(report.year.value)
            else { return [] }
            let (number, from, to) = (report.year.value, year.start, year.end.dayBefore)
            var diagnostics: [Diagnostic] = []
            for action in report.actions {
                // A date out of range is the reader's to report, once (`Day.isPlausible`).
                let (start, end) = (action.start.plausible, action.end.plausible)
                if let start, let end, end.value < start.value {
                    diagnostics.append(.error(.reportActionEndsBeforeStart(action: action.title, end: end.value, start: start.value),
                                              at: end.location))
                    continue
                }
                if let start, start.value >= year.end {
                    diagnostics.append(.error(.reportActionStartsAfterYear(action: action.title, start: start.value, year: number,
                                                                           from: from, to: to), at: start.location))
                } else if let end, end.value < year.start {
                    diagnostics.append(.error(.reportActionEndedBeforeYear(action: action.title, end: end.value, year: number,
                                                                           from: from, to: to), at: end.location))
                }
            }
            for meeting in report.meetings where meeting.date.value.isPlausible
                && (meeting.date.value < year.start || meeting.date.value >= year.end) {
                // The contract year the meeting is in: the report it belongs in.
                let belongsTo = (1...FundingCalculator.contractYears).first { n in
                    cpts.contractYear(n).map { $0.start <= meeting.date.value && meeting.date.value < $0.end } ?? false
                }
                diagnostics.append(.error(.reportMeetingOutsideYear(date: meeting.date.value, year: number, from: from, to: to,
                                                                    belongsTo: belongsTo),
                                          at: meeting.date.location))
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
                let (start, end) = (action.start.plausible, action.end.plausible)
                switch status.value {
                case .done:
                    if let end, end.value > asOf {
                        diagnostics.append(.error(.reportActionDoneEndsLater(action: action.title, end: end.value, asOf: asOf),
                                                  at: status.location))
                    } else if action.end == nil, let start, start.value > asOf {
                        diagnostics.append(.error(.reportActionDoneStartsLater(action: action.title, start: start.value, asOf: asOf),
                                                  at: status.location))
                    }
                case .planned, .inProgress:
                    if let end, end.value.days(to: asOf) > staleActionDays {
                        diagnostics.append(.warning(.reportActionStale(action: action.title, status: status.value, end: end.value,
                                                                       days: staleActionDays, asOf: asOf), at: status.location))
                    } else if status.value == .inProgress, let start, start.value > asOf {
                        diagnostics.append(.warning(.reportActionInProgressNotStarted(action: action.title, start: start.value, asOf: asOf),
                                                    at: status.location))
                    }
                case .abandoned:
                    break
                }
            }
            for meeting in report.meetings where meeting.date.value.isPlausible && meeting.date.value > asOf && meeting.attendance != nil {
                diagnostics.append(.error(.reportMeetingAttendanceInFuture(date: meeting.date.value, asOf: asOf), at: meeting.date.location))
            }
            return diagnostics
        }
    }

    /// A report's counts and amounts (participants, attendance, spending) are not negative; its full-time
    /// equivalents run from 0 to 100.
    @Sendable static func reportFiguresAreInRange(_ content: SiteContent) -> [Diagnostic] {
        content.reports.flatMap { report -> [Diagnostic] in
            let counts = report.actions.compactMap { $0.participants.map { ("participants", $0) } }
                + report.meetings.compactMap { $0.attendance.map { ("attendance", $0) } }
                + report.spending.map { ("spending.\($0.category.rawValue)", $0.amount) }
            let ftes = [("team.coordinator", report.coordinatorFTE), ("team.staff", report.staffFTE)].compactMap { key, fte in fte.map { (key, $0) } }
            return counts.filter { $0.1.value < 0 }.map { key, count in .error(.spendingNegative(key: key, value: count.value), at: count.location) }
                + ftes.filter { !(0...100).contains($0.1.value) }.map { key, fte in .error(.fteOutOfRange(key: key, value: fte.value), at: fte.location) }
        }
    }
}

extension Optional where Wrapped == Located<Day> {
    /// The date when its year is plausible; nil otherwise, as the reader has reported it.
    var plausible: Located<Day>? { flatMap { $0.value.isPlausible ? $0 : nil } }
}
