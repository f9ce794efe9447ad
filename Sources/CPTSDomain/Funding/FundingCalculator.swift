/// Computes what the ACI pays a signed CPTS, from its schedule, missions and indicators.
public enum FundingCalculator {
    /// A contract runs five years.
    public static let contractYears = 5
    /// Share of operation and fixed parts advanced at the start of each contract year, in percent.
    public static let advancePercent = 75

    /// The breakdown of a CPTS with a signed contract under a known schedule; nil otherwise.
    public static func breakdown(of cpts: CPTS, in content: SiteContent) -> FundingBreakdown? {
        guard cpts.stage.value == .aciSigned, let signature = cpts.signature,
            let schedule = content.schedule(for: cpts)
        else { return nil }
        let tranche = schedule.tranche(for: content.population(of: cpts))
        let indicators = content.indicators(for: cpts.slug.value)
        let years = (1...contractYears).map { number in
            contractYear(number, signature: signature, tranche: tranche, schedule: schedule, missions: cpts.missions,
                         indicators: indicators?.contractYears.first { $0.year.value == number }?.indicators)
        }
        return FundingBreakdown(slug: cpts.slug.value, scheduleID: schedule.id, tranche: tranche,
                                signature: signature, years: years)
    }

    static func contractYear(_ number: Int, signature: Day, tranche: SizeTranche, schedule: FundingSchedule,
                             missions: [MissionEngagement], indicators: [Indicator]?) -> ContractYearFunding {
        let start = signature.adding(years: number - 1), end = signature.adding(years: number)
        let operation = schedule.operation[tranche]
        var maximum = operation
        let funded = missions.compactMap { engagement -> MissionFunding? in
            guard let amounts = schedule.missions[engagement.id.value] else { return nil }
            let fixed = amounts.fixed[tranche], extra = amounts.extra?[tranche] ?? 0
            let variableMaximum = amounts.variable[tranche]
            maximum += fixed + extra + variableMaximum
            let rewards = (indicators ?? []).filter { $0.mission.value == engagement.id.value }.map(reward)
            let uncapped = rewards.map(\.earned).reduce(0, +)
            let started = engagement.start?.value
            return MissionFunding(
                mission: engagement.id.value,
                fixed: started.map { proRata(fixed, from: $0, yearStart: start, yearEnd: end) } ?? 0,
                extra: started.map { proRata(extra, from: $0, yearStart: start, yearEnd: end) } ?? 0,
                variableMaximum: variableMaximum,
                fullYearFixed: fixed + extra,
                variableEarned: min(uncapped, variableMaximum),
                variableUncapped: uncapped,
                indicators: rewards)
        }
        let fixedParts = operation + funded.map { $0.fixed + $0.extra }.reduce(0, +)
        let advance = percent(fixedParts, advancePercent)
        let variable = funded.map(\.variableEarned).reduce(0, +)
        var payments = [Payment(date: start, kind: .advance, amount: advance),
                        Payment(date: end, kind: .balance, amount: fixedParts - advance)]
        if indicators != nil { payments.append(Payment(date: end, kind: .variable, amount: variable)) }
        return ContractYearFunding(year: number, start: start, end: end, operation: operation, missions: funded,
                                   payments: payments, assessed: indicators != nil, maximum: maximum)
    }

    /// A yearly amount for the part of the contract year from `from` on: all of it if the mission started
    /// before the year, none if it starts after, else in proportion of the days left, rounded to the euro.
    public static func proRata(_ amount: Int, from: Day, yearStart: Day, yearEnd: Day) -> Int {
        if from <= yearStart { return amount }
        if from >= yearEnd { return 0 }
        let remaining = from.days(to: yearEnd), length = yearStart.days(to: yearEnd)
        return (2 * amount * remaining + length) / (2 * length)
    }

    /// The reward of an indicator: the amount of the highest step its value reaches.
    public static func reward(_ indicator: Indicator) -> IndicatorReward {
        var best: (index: Int, amount: Int)?
        for (index, step) in indicator.steps.enumerated() where reaches(indicator, step) {
            if best.map({ step.amount >= $0.amount }) ?? true { best = (index, step.amount) }
        }
        return IndicatorReward(id: indicator.id.value, earned: best?.amount ?? 0, stepReached: best?.index)
    }

    static func reaches(_ indicator: Indicator, _ step: RewardStep) -> Bool {
        switch (indicator.direction.value, indicator.value, step.threshold) {
        case (.done, .done(true)?, _): return true
        case (.up, .number(let value)?, let threshold?): return value >= threshold
        case (.down, .number(let value)?, let threshold?): return value <= threshold
        default: return false
        }
    }

    /// `percent` % of `amount`, rounded half up to the euro.
    static func percent(_ amount: Int, _ percent: Int) -> Int { (amount * percent * 2 + 100) / 200 }
}
