extension ContentRules {
    @Sendable static func indicatorsBelongToACPTS(_ content: SiteContent) -> [Diagnostic] {
        let slugs = content.cpts.map(\.slug.value), known = Set(slugs)
        return content.indicators.filter { !known.contains($0.slug) }.map { file in
            .error("indicators-without-cpts", at: file.location,
                   "indicators for '\(file.slug)', but there is no cpts/\(file.slug).md",
                   note: Suggestion.note(for: file.slug, in: slugs))
        }
    }

    /// An indicator rewards a mission the CPTS carries; otherwise its money goes nowhere.
    @Sendable static func indicatorMissionIsCarried(_ content: SiteContent) -> [Diagnostic] {
        // Positions, not copies: at national scale a table of CPTS values weighs tens of megabytes.
        let bySlug = Dictionary(content.cpts.indices.map { (content.cpts[$0].slug.value, $0) }, uniquingKeysWith: { first, _ in first })
        return content.indicators.flatMap { file -> [Diagnostic] in
            guard let cpts = bySlug[file.slug].map({ content.cpts[$0] }) else { return [] }
            let carried = cpts.missions.map(\.id.value)
            return file.contractYears.flatMap(\.indicators).filter { !carried.contains($0.mission.value) }.map { indicator in
                Mission.named(indicator.mission.value) == nil
                    ? .error("mission-unknown", at: indicator.mission.location,
                             "unknown mission '\(indicator.mission.value)'",
                             note: Suggestion.note(for: indicator.mission.value, in: Mission.ids))
                    : .error("indicator-mission-not-carried", at: indicator.mission.location,
                             "indicator '\(indicator.id.value)' is for mission '\(indicator.mission.value)', which \(cpts.name) does not carry")
            }
        }
    }

    @Sendable static func indicatorIDsAreUniquePerYear(_ content: SiteContent) -> [Diagnostic] {
        content.indicators.flatMap { file in
            file.contractYears.flatMap { year -> [Diagnostic] in
                var first: [String: SourceLocation] = [:]
                return year.indicators.compactMap { indicator in
                    if let earlier = first[indicator.id.value] {
                        return .error("indicator-duplicate", at: indicator.id.location,
                                      "indicator '\(indicator.id.value)' appears twice in contract year \(year.year.value) (first at line \(earlier.line))")
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
                    diagnostics.append(.error("steps-missing", at: indicator.id.location,
                        "indicator '\(indicator.id.value)' has no reward steps"))
                }
                for step in indicator.steps where step.amount < 0 {
                    diagnostics.append(.error("amount-negative", at: step.location,
                        "step amount must not be negative, not \(step.amount)"))
                }
                switch direction {
                case .done:
                    if case .number = indicator.value {
                        diagnostics.append(.error("done-value-not-boolean", at: indicator.direction.location,
                            "a 'done' indicator takes 'value: true' or 'value: false'"))
                    }
                    for step in indicator.steps where step.threshold != nil {
                        diagnostics.append(.error("steps-contradict-direction", at: step.location,
                            "a 'done' indicator has no thresholds, only an amount"))
                    }
                case .up, .down:
                    if case .done = indicator.value {
                        diagnostics.append(.error("value-not-number", at: indicator.direction.location,
                            "an '\(direction.rawValue)' indicator takes a number as 'value'"))
                    }
                    var previous: RewardStep?
                    for step in indicator.steps {
                        guard let threshold = step.threshold else {
                            diagnostics.append(.error("step-threshold-missing", at: step.location,
                                "an '\(direction.rawValue)' indicator's step needs a 'threshold'"))
                            continue
                        }
                        if let earlier = previous?.threshold,
                            direction == .up ? threshold <= earlier : threshold >= earlier {
                            diagnostics.append(.error("steps-contradict-direction", at: step.location,
                                "threshold \(threshold.plain) after \(earlier.plain): steps of a '\(direction.rawValue)' indicator must \(direction == .up ? "rise" : "fall")"))
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
                        : .error("steps-amount-not-rising", at: harder.location,
                                 "step amount \(harder.amount) after \(easier.amount): a harder step of indicator '\(indicator.id.value)' must pay more than the one before")
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
                    return .error("contract-year-out-of-range", at: year.year.location,
                                  "contract year must be between 1 and 5, not \(year.year.value)")
                }
                if !seen.insert(year.year.value).inserted {
                    return .error("contract-year-duplicate", at: year.year.location,
                                  "contract year \(year.year.value) is given twice")
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
