/// Computes what the ACI pays a signed CPTS, from its schedule, missions and indicators.
public enum FundingCalculator {
    /// A contract runs five years.
    public static let contractYears = 5
    /// Share of fixed parts (and of operation after the first year) advanced, in percent.
    public static let advancePercent = 75

    /// The breakdown of a CPTS whose contract is signed at the site's date (`asOf`) under a known schedule; nil
    /// otherwise: a contract signed after `asOf` has no funding yet.
    public static func breakdown(of cpts: CPTS, in content: SiteContent) -> FundingBreakdown? {
        let asOf = content.settings.asOf
        guard cpts.stage.value == .aciSigned, let signature = cpts.signature, signature <= asOf,
            let first = content.schedule(for: cpts, at: signature)
        else { return nil }
        let population = content.population(of: cpts)
        let indicators = content.indicators(for: cpts.slug.value)
        var previousSchedule: String?
        let years = (1...contractYears).compactMap { number -> ContractYearFunding? in
            let start = signature.adding(years: number - 1)
            guard let schedule = content.schedule(for: cpts, at: start) else { return nil }
            defer { previousSchedule = schedule.id }
            return contractYear(
                number, signature: signature, asOf: asOf, schedule: schedule,
                tranche: schedule.tranche(for: population), firstUnderSchedule: previousSchedule != schedule.id,
                missions: cpts.missions,
                indicators: indicators?.contractYears.first { $0.year.value == number }?.indicators)
        }
        return FundingBreakdown(slug: cpts.slug.value, scheduleID: first.id, tranche: first.tranche(for: population),
                                signature: signature, asOf: asOf, years: years)
    }

    /// The operation a contract year is paid under its schedule: the line, plus the schedule's raise when the
    /// contract was signed before its date (every year, or only the first year under the schedule).
    public static func operation(_ schedule: FundingSchedule, tranche: SizeTranche, signature: Day,
                                 firstUnderSchedule: Bool) -> Int {
        var amount = schedule.operation[tranche]
        if let raise = schedule.operationRaise, signature < raise.signedBefore,
            raise.paid == .yearly || firstUnderSchedule {
            amount += raise.amounts[tranche]
        }
        return amount
    }

    static func contractYear(_ number: Int, signature: Day, asOf: Day, schedule: FundingSchedule, tranche: SizeTranche,
                             firstUnderSchedule: Bool, missions: [MissionEngagement],
                             indicators: [Indicator]?) -> ContractYearFunding {
        let start = signature.adding(years: number - 1), end = signature.adding(years: number)
        let status: ContractYearFunding.Status = end <= asOf ? .ended : start <= asOf ? .inProgress : .upcoming
        // The variable part is assessed after the year: never while it is in progress at the site's date.
        let assessed = status == .ended && indicators != nil
        let operation = operation(schedule, tranche: tranche, signature: signature, firstUnderSchedule: firstUnderSchedule)
        var maximum = operation
        var funded: [MissionFunding] = []
        /// Each funded mission's start within the year (nil: under way since the year's start or before).
        var startsDuringYear: [Day?] = []
        for engagement in missions {
            guard let amounts = schedule.missions[engagement.id.value] else { continue }
            let fixed = amounts.fixed[tranche], extra = amounts.extra?[tranche] ?? 0
            let variableMaximum = amounts.variable[tranche]
            maximum += fixed + extra + variableMaximum
            let rewards = (indicators ?? []).filter { $0.mission.value == engagement.id.value }.map(reward)
            let uncapped = rewards.map(\.earned).reduce(0, +)
            let started = engagement.start?.value
            funded.append(MissionFunding(
                mission: engagement.id.value,
                fixed: started.map { proRata(fixed, from: $0, yearStart: start, yearEnd: end) } ?? 0,
                extra: started.map { proRata(extra, from: $0, yearStart: start, yearEnd: end) } ?? 0,
                variableMaximum: variableMaximum,
                fullYearFixed: fixed + extra,
                variableEarned: assessed ? min(uncapped, variableMaximum) : 0,
                variableUncapped: assessed ? uncapped : 0,
                indicators: rewards))
            startsDuringYear.append(started.flatMap { $0 > start && $0 < end ? $0 : nil })
        }
        return ContractYearFunding(
            year: number, start: start, end: end, scheduleID: schedule.id, status: status, operation: operation,
            missions: funded,
            payments: payments(year: number, start: start, end: end, operation: operation, missions: funded,
                               startsDuringYear: startsDuringYear, assessed: assessed),
            assessed: assessed, maximum: maximum)
    }

    /// The payments of one contract year (ACI annex, art. 9.1):
    /// - year 1: operation in full at signature; each mission's fixed part advanced 75 % at its start (at signature
    ///   for a mission under way before), pro rata to the anniversary;
    /// - later years: at the year's start (the anniversary), 75 % of operation and of the fixed parts of the missions
    ///   under way; a mission starting during the year has its own 75 % advance at its start;
    /// - at the year's end: the balance of operation and fixed parts, then the variable part once assessed.
    /// Payments of nothing are left out, except an assessed variable part (saying it earned nothing).
    static func payments(year: Int, start: Day, end: Day, operation: Int, missions: [MissionFunding],
                         startsDuringYear: [Day?], assessed: Bool) -> [Payment] {
        var payments: [Payment] = []
        var advanced = 0
        if year == 1 {
            payments.append(Payment(date: start, kind: .operation, amount: operation, year: year))
            advanced += operation
        } else {
            let underWay = zip(missions, startsDuringYear).filter { $0.1 == nil }.map { $0.0.fixed + $0.0.extra }
            let advance = percent(operation + underWay.reduce(0, +), advancePercent)
            payments.append(Payment(date: start, kind: .advance, amount: advance, year: year))
            advanced += advance
        }
        for (mission, startDay) in zip(missions, startsDuringYear) {
            // In year 1 every mission has its own advance; later, only those starting during the year.
            guard year == 1 || startDay != nil else { continue }
            let advance = percent(mission.fixed + mission.extra, advancePercent)
            payments.append(Payment(date: startDay ?? start, kind: .fixedAdvance, amount: advance, year: year,
                                    mission: mission.mission))
            advanced += advance
        }
        let due = operation + missions.map { $0.fixed + $0.extra }.reduce(0, +)
        payments.append(Payment(date: end, kind: .balance, amount: due - advanced, year: year))
        if assessed {
            payments.append(Payment(date: end, kind: .variable, amount: missions.map(\.variableEarned).reduce(0, +),
                                    year: year))
        }
        return payments.filter { $0.amount != 0 || $0.kind == .variable }
    }

    /// A yearly amount for the part of the contract year from `from` on: all of it if the mission started
    /// before the year, none if it starts after, else in proportion of the days left, rounded to the euro.
    public static func proRata(_ amount: Int, from: Day, yearStart: Day, yearEnd: Day) -> Int {
        if from <= yearStart { return amount }
        if from >= yearEnd { return 0 }
        let remaining = from.days(to: yearEnd), length = yearStart.days(to: yearEnd)
        return (2 * amount * remaining + length) / (2 * length)
    }

    /// The reward of an indicator: the amount of the highest step its value reaches. Steps are listed from the
    /// easiest to the hardest (a rule checks it), so the highest reached is the last reached.
    public static func reward(_ indicator: Indicator) -> IndicatorReward {
        let reached = indicator.steps.indices.last { reaches(indicator, indicator.steps[$0]) }
        return IndicatorReward(id: indicator.id.value, earned: reached.map { indicator.steps[$0].amount } ?? 0,
                               stepReached: reached)
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
