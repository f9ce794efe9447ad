/// Computes what the ACI pays a signed CPTS, from its schedule, missions and indicators.
public enum FundingCalculator {
    /// A contract runs five years.
    public static let contractYears = 5
    /// Share of fixed parts (and of operation after the first year) advanced, in percent.
    public static let advancePercent = 75

    /// The ledger of a CPTS whose contract is signed at the site's date (`asOf`) under a known schedule; nil
    /// otherwise: a contract signed after `asOf` has no funding yet. Each contract year is paid under the schedule
    /// in force at its start among those signed by `asOf`: a site dated before a schedule was signed never applies
    /// it, not even to its projected years.
    public static func breakdown(of cpts: CPTS, in content: SiteContent) -> FundingBreakdown? {
        let asOf = content.settings.asOf
        guard cpts.isSigned(by: asOf), let signature = cpts.signature,
            let first = content.schedule(for: cpts, at: signature, knownAt: asOf)
        else { return nil }
        let population = content.population(of: cpts)
        let indicators = content.indicators(for: cpts.slug.value)
        var previousSchedule: String?
        /// Missions whose fixed part an earlier year paid: the next years are not their first.
        var funded: Set<String> = []
        let years = (1...contractYears).compactMap { number -> ContractYearFunding? in
            let start = signature.adding(years: number - 1)
            guard let schedule = content.schedule(for: cpts, at: start, knownAt: asOf) else { return nil }
            defer { previousSchedule = schedule.id }
            let year = contractYear(
                number, signature: signature, asOf: asOf, schedule: schedule,
                tranche: schedule.tranche(for: population), firstUnderSchedule: previousSchedule != schedule.id,
                missions: cpts.missions, alreadyFunded: funded,
                indicators: indicators?.contractYears.first { $0.year.value == number }?.indicators)
            funded.formUnion(year.missions.filter { $0.fixed + $0.extra > 0 }.map(\.mission))
            return year
        }
        return FundingBreakdown(slug: cpts.slug.value, scheduleID: first.id, scheduleLabel: first.label,
                                tranche: first.tranche(for: population), signature: signature, asOf: asOf, years: years.tight())
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

    /// The status of a contract year at `asOf`.
    static func status(start: Day, end: Day, asOf: Day, indicatorsGiven: Bool) -> ContractYearFunding.Status {
        if end <= asOf { return indicatorsGiven ? .assessed : .ended }
        return start <= asOf ? .inProgress : .upcoming
    }

    static func contractYear(_ number: Int, signature: Day, asOf: Day, schedule: FundingSchedule, tranche: SizeTranche,
                             firstUnderSchedule: Bool, missions: [MissionEngagement], alreadyFunded: Set<String> = [],
                             indicators: [Indicator]?) -> ContractYearFunding {
        let start = signature.adding(years: number - 1), end = signature.adding(years: number)
        // The variable part is assessed after the year: never while it is in progress at the site's date.
        let status = status(start: start, end: end, asOf: asOf, indicatorsGiven: indicators != nil)
        let operation = operation(schedule, tranche: tranche, signature: signature, firstUnderSchedule: firstUnderSchedule)
        // Sized once: a site's ledgers are kept for the whole build, and appending grows a list by doubling.
        var funded: [MissionFunding] = []
        var shares: [MissionShare] = []
        funded.reserveCapacity(missions.count)
        shares.reserveCapacity(missions.count)
        for engagement in missions {
            guard let amounts = schedule.missions[engagement.id.value] else { continue }
            let id = engagement.id.value
            let firstYear = !alreadyFunded.contains(id) ? amounts.firstYear.map { $0[tranche] } : nil
            let fixed = firstYear ?? amounts.fixed[tranche], extra = amounts.extra?[tranche] ?? 0
            let variableMaximum = amounts.variable[tranche]
            // Counted first, then made in one list of that size: kept with the ledger for the whole build, a list
            // filtered then mapped carried spare capacity (about a third of the rewards' memory).
            var rewards: [IndicatorReward] = []
            if let indicators {
                rewards.reserveCapacity(indicators.reduce(0) { $1.mission.value == id ? $0 + 1 : $0 })
                for indicator in indicators where indicator.mission.value == id { rewards.append(reward(indicator)) }
            }
            let uncapped = rewards.map(\.earned).reduce(0, +)
            let share = MissionShare(start: engagement.start?.value, yearStart: start, yearEnd: end, yearly: fixed + extra)
            funded.append(MissionFunding(
                mission: id,
                fixed: share.rounded(fixed), extra: share.rounded(extra),
                variableMaximum: variableMaximum,
                fullYearFixed: amounts.fixed[tranche] + extra,
                variableEarned: status == .assessed ? min(uncapped, variableMaximum) : 0,
                variableUncapped: status == .assessed ? uncapped : 0,
                indicators: rewards))
            shares.append(share)
        }
        // The year's indicators of missions its schedule does not fund: assessed like the others, paid nothing.
        let unfunded = (indicators ?? []).filter { indicator in !funded.contains { $0.mission == indicator.mission.value } }
            .map { indicator in
                IndicatorReward(id: indicator.id.value, earned: 0, stepReached: reward(indicator).stepReached)
            }
        return ContractYearFunding(
            year: number, start: start, end: end, scheduleID: schedule.id, scheduleLabel: schedule.label,
            status: status, operation: operation, missions: funded,
            payments: payments(year: number, start: start, end: end, operation: operation, missions: funded,
                               shares: shares, assessed: status == .assessed),
            asOf: asOf, unfundedIndicators: unfunded)
    }

    /// A mission's part of one contract year, not rounded: all of it if it started before the year, none if it
    /// has not started by its end, else in proportion of the days left (`remaining / length`).
    struct MissionShare {
        /// The mission's start within the year (nil: under way since the year's start or before, or not started).
        let startDuringYear: Day?
        let remaining: Int
        let length: Int
        /// The yearly fixed part and extra line the share applies to.
        let yearly: Int

        init(start: Day?, yearStart: Day, yearEnd: Day, yearly: Int) {
            length = max(1, yearStart.days(to: yearEnd))
            self.yearly = yearly
            switch start {
            case let start? where start <= yearStart: (startDuringYear, remaining) = (nil, length)
            case let start? where start < yearEnd: (startDuringYear, remaining) = (start, start.days(to: yearEnd))
            default: (startDuringYear, remaining) = (nil, 0)
            }
        }

        /// Under way for the whole year.
        var isWholeYear: Bool { remaining == length }

        /// `amount` pro rata, rounded once, half up, to the euro.
        func rounded(_ amount: Int) -> Int { FundingCalculator.rounded(amount * remaining, length) }

        /// `percent` % of the yearly amounts pro rata, rounded once: 0.75 × 40 000 × 352/366 = 28 852.46 → 28 852 €
        /// (and not 75 % of the rounded 38 470 €, 28 853 €).
        func percent(_ percent: Int) -> Int { FundingCalculator.rounded(yearly * remaining * percent, length * 100) }
    }

    /// The payments of one contract year (ACI annex, art. 9.1):
    /// - year 1: operation in full at signature; each mission's fixed part advanced 75 % at its start (at signature
    ///   for a mission under way before), pro rata to the anniversary;
    /// - later years: at the year's start (the anniversary), 75 % of operation and of the fixed parts of the missions
    ///   under way; a mission starting during the year has its own 75 % advance at its start;
    /// - at the year's end: the balance of operation and fixed parts, then the variable part once assessed.
    /// Each advance is rounded once from the unrounded amounts; the balance is what the rounded lines still owe.
    /// Payments of nothing are left out, except an assessed variable part (saying it earned nothing).
    static func payments(year: Int, start: Day, end: Day, operation: Int, missions: [MissionFunding],
                         shares: [MissionShare], assessed: Bool) -> [Payment] {
        var payments: [Payment] = []
        var advanced = 0
        if year == 1 {
            payments.append(Payment(date: start, kind: .operation, amount: operation, year: year))
            advanced += operation
        } else {
            let underWay = shares.filter(\.isWholeYear).map(\.yearly).reduce(0, +)
            let advance = percent(operation + underWay, advancePercent)
            payments.append(Payment(date: start, kind: .advance, amount: advance, year: year))
            advanced += advance
        }
        for (mission, share) in zip(missions, shares) where share.remaining > 0 {
            // In year 1 every mission has its own advance; later, only those starting during the year.
            guard year == 1 || share.startDuringYear != nil else { continue }
            let advance = share.percent(advancePercent)
            payments.append(Payment(date: share.startDuringYear ?? start, kind: .fixedAdvance, amount: advance, year: year,
                                    mission: mission.mission))
            advanced += advance
        }
        let due = operation + missions.map { $0.fixed + $0.extra }.reduce(0, +)
        payments.append(Payment(date: end, kind: .balance, amount: due - advanced, year: year))
        if assessed {
            payments.append(Payment(date: end, kind: .variable, amount: missions.map(\.variableEarned).reduce(0, +),
                                    year: year))
        }
        // Kept for the whole build with the ledger: without the spare capacity appending left.
        payments.removeAll { $0.amount == 0 && $0.kind != .variable }
        return payments.tight()
    }

    /// A yearly amount for the part of the contract year from `from` on: all of it if the mission started
    /// before the year, none if it starts after, else in proportion of the days left, rounded to the euro.
    public static func proRata(_ amount: Int, from: Day, yearStart: Day, yearEnd: Day) -> Int {
        MissionShare(start: from, yearStart: yearStart, yearEnd: yearEnd, yearly: amount).rounded(amount)
    }

    /// `numerator / denominator`, rounded half up to the euro (both positive).
    static func rounded(_ numerator: Int, _ denominator: Int) -> Int { (2 * numerator + denominator) / (2 * denominator) }

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
