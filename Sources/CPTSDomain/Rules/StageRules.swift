extension ContentRules {
    /// The current stage must be dated, so that figures at a date can count it.
    @Sendable static func stageHasItsDate(_ content: SiteContent) -> [Diagnostic] {
        content.cpts.compactMap { cpts in
            cpts.dates[cpts.stage.value] == nil
                ? .error("stage-without-date", at: cpts.stage.location,
                         "stage '\(cpts.stage.value.rawValue)' has no date",
                         note: "add '\(cpts.stage.value.rawValue): YYYY-MM-DD' under 'dates'")
                : nil
        }
    }

    /// Stages are reached in order: a later stage cannot be dated before an earlier one,
    /// nor can a stage beyond the current one be dated.
    @Sendable static func stageDatesGoForward(_ content: SiteContent) -> [Diagnostic] {
        content.cpts.flatMap { cpts -> [Diagnostic] in
            var diagnostics: [Diagnostic] = []
            var previous: (Stage, Day)?
            for stage in Stage.allCases {
                guard let date = cpts.dates[stage] else { continue }
                // A planned stage may lie ahead of the current one: that is what planning it means.
                if stage > cpts.stage.value, !cpts.plannedStages.contains(stage) {
                    diagnostics.append(.error("stage-date-beyond-stage", at: date.location,
                        "'\(stage.rawValue)' is dated but the CPTS is at stage '\(cpts.stage.value.rawValue)'",
                        note: "set 'stage: \(stage.rawValue)' or remove this date"))
                }
                if let (earlierStage, earlierDate) = previous, date.value < earlierDate {
                    diagnostics.append(.error("stage-dates-backwards", at: date.location,
                        "'\(stage.rawValue)' (\(date.value)) is dated before '\(earlierStage.rawValue)' (\(earlierDate))"))
                }
                previous = (stage, date.value)
            }
            return diagnostics
        }
    }
}
