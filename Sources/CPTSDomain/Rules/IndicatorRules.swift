extension ContentRules {
    @Sendable static func indicatorsBelongToACPTS(_ content: SiteContent) -> [Diagnostic] {
        var budget = Suggestion.Budget()
        let slugs = content.cpts.map(\.slug.value), known = Set(slugs)
        return content.indicators.filter { !known.contains($0.slug) }.map { file in
            .error(.indicatorsWithoutCPTS(slug: file.slug, suggestion: Suggestion.nearest(to: file.slug, in: slugs, budget: &budget)), at: file.location)
        }
    }

    /// An indicator rewards a mission the CPTS carries; otherwise its money goes nowhere.
    @Sendable static func indicatorMissionIsCarried(_ content: SiteContent) -> [Diagnostic] {
        // Positions, not copies: at national scale a table of CPTS values weighs tens of megabytes.
        let bySlug = Dictionary(content.cpts.indices.map { (content.cpts[$0].slug.value, $0) }, uniquingKeysWith: { first, _ in first })
        return content.indicators.flatMap { file -> [Diagnostic] in
            guard let cpts = bySlug[file.slug].map({ content.cpts[$0] }) else { return [] }
            let carried = cpts.missions.map(\.id.value)
            // An unknown mission is `missionIsKnown`'s to report.
            return file.contractYears.flatMap(\.indicators)
                .filter { !carried.contains($0.mission.value) && Mission.named($0.mission.value) != nil }.map { indicator in
                    .error(.indicatorMissionNotCarried(indicator: indicator.id.value, mission: indicator.mission.value, cpts: cpts.name),
                           at: indicator.mission.location)
                }
        }
    }

    /// An indicator of contract year n is for a mission started by the end of that year: a mission not started has
    /// no variable part to assess (a warning: the ledger pays nothing for it either way). A mission without a start
    /// date is known not started only for a year ended by the site's date; a year in progress may still see it start.
    @Sendable static func indicatorMissionHasStarted(_ content: SiteContent) -> [Diagnostic] {
        let bySlug = Dictionary(content.cpts.indices.map { (content.cpts[$0].slug.value, $0) }, uniquingKeysWith: { first, _ in first })
        return content.indicators.flatMap { file -> [Diagnostic] in
            guard let cpts = bySlug[file.slug].map({ content.cpts[$0] }) else { return [] }
            let starts = Dictionary(cpts.missions.map { ($0.id.value, $0.start?.value) }, uniquingKeysWith: { first, _ in first })
            return file.contractYears.flatMap { year -> [Diagnostic] in
                // A year out of the contract is `contractYearIsPlausible`'s to report; a mission not carried,
                // `indicatorMissionIsCarried`'s.
                guard (1...FundingCalculator.contractYears).contains(year.year.value),
                    let dates = cpts.contractYear(year.year.value), dates.end.isPlausible
                else { return [] }
                return year.indicators.compactMap { indicator -> Diagnostic? in
                    guard let start = starts[indicator.mission.value] else { return nil }
                    // Dated: started before the year's end or not. Not dated: known not started only once the year
                    // has ended by `asOf` (before, it may still start during the year).
                    if let start, start < dates.end { return nil }
                    if start == nil, dates.end > content.settings.asOf { return nil }
                    return .warning(.indicatorMissionNotStarted(indicator: indicator.id.value, mission: indicator.mission.value,
                                                                year: year.year.value, from: dates.start, to: dates.end.dayBefore,
                                                                start: start),
                                    at: indicator.mission.location)
                }
            }
        }
    }

    @Sendable static func indicatorIDsAreUniquePerYear(_ content: SiteContent) -> [Diagnostic] {
        content.indicators.flatMap { file in
            file.contractYears.flatMap { year -> [Diagnostic] in
                var first: [String: SourceLocation] = [:]
                return year.indicators.compactMap { indicator in
                    if let earlier = first[indicator.id.value] {
                        return .error(.indicatorDuplicate(id: indicator.id.value, year: year.year.value, firstLine: earlier.line),
                                      at: indicator.id.location)
                    }
                    first[indicator.id.value] = indicator.id.location
                    return nil
                }
            }
        }
    }

    /// Steps are listed from the easiest to the hardest: rising thresholds for `up`, falling ones for `down`;
    /// a `done` indicator has a single step without threshold.
    @Sendable static func stepsFollowDirection(_ content: SiteContent) -> [Diagnostic] {
        content.indicators.flatMap { file in
            file.contractYears.flatMap(\.indicators).flatMap { indicator -> [Diagnostic] in
                let direction = indicator.direction.value
                var diagnostics: [Diagnostic] = []
                if indicator.steps.isEmpty {
                    diagnostics.append(.error(.stepsMissing(indicator: indicator.id.value), at: indicator.id.location))
                }
                for step in indicator.steps where step.amount < 0 {
                    diagnostics.append(.error(.stepAmountNegative(amount: step.amount), at: step.location))
                }
                switch direction {
                case .done:
                    if case .number = indicator.value {
                        diagnostics.append(.error(.doneValueNotBoolean, at: indicator.direction.location))
                    }
                    for step in indicator.steps where step.threshold != nil {
                        diagnostics.append(.error(.doneHasThresholds, at: step.location))
                    }
                case .up, .down:
                    if case .done = indicator.value {
                        diagnostics.append(.error(.valueNotNumber(direction: direction.rawValue), at: indicator.direction.location))
                    }
                    var previous: RewardStep?
                    for step in indicator.steps {
                        guard let threshold = step.threshold else {
                            diagnostics.append(.error(.stepThresholdMissing(direction: direction.rawValue), at: step.location))
                            continue
                        }
                        if let earlier = previous?.threshold,
                            direction == .up ? threshold <= earlier : threshold >= earlier {
                            diagnostics.append(.error(.stepsContradictDirection(threshold: threshold.plain, earlier: earlier.plain, rising: direction == .up),
                                                      at: step.location))
                        }
                        previous = step
                    }
                }
                return diagnostics
            }
        }
    }

    /// A harder step pays more: the CPTS earns the amount of the highest step it reaches, so a later step worth no
    /// more than the one before would reward progress with nothing, or with less.
    @Sendable static func stepsPayMoreAsTheyGetHarder(_ content: SiteContent) -> [Diagnostic] {
        content.indicators.flatMap { file in
            file.contractYears.flatMap(\.indicators).flatMap { indicator -> [Diagnostic] in
                zip(indicator.steps, indicator.steps.dropFirst()).compactMap { easier, harder in
                    harder.amount > easier.amount ? nil
                        : .error(.stepsAmountNotRising(amount: harder.amount, previous: easier.amount, indicator: indicator.id.value), at: harder.location)
                }
            }
        }
    }

    /// A contract runs five years (*contrat de 5 ans*).
    @Sendable static func contractYearIsPlausible(_ content: SiteContent) -> [Diagnostic] {
        content.indicators.flatMap { file in
            var seen: Set<Int> = []
            return file.contractYears.compactMap { year -> Diagnostic? in
                if !(1...5).contains(year.year.value) {
                    return .error(.contractYearOutOfRange(year: year.year.value), at: year.year.location)
                }
                if !seen.insert(year.year.value).inserted {
                    return .error(.contractYearDuplicate(year: year.year.value), at: year.year.location)
                }
                return nil
            }
        }
    }
}

extension Double {
    /// `100` rather than `100.0`, for messages.
    var plain: String {
        rounded() == self && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
