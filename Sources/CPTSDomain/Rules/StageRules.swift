extension ContentRules {
    /// The current stage must be dated, so that figures at a date can count it.
    @Sendable static func stageHasItsDate(_ content: SiteContent) -> [Diagnostic] {
        content.cpts.compactMap { cpts in
            cpts.dates[cpts.stage.value] == nil && !cpts.reportedKeys.contains("dates.\(cpts.stage.value.rawValue)")
                ? .error(.stageWithoutDate(stage: cpts.stage.value.rawValue), at: cpts.stage.location)
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
                    diagnostics.append(.error(.stageDateBeyondStage(dated: stage.rawValue, stage: cpts.stage.value.rawValue), at: date.location))
                }
                if let (earlierStage, earlierDate) = previous, date.value < earlierDate {
                    diagnostics.append(.error(.stageDatesBackwards(stage: stage.rawValue, date: date.value, earlier: earlierStage.rawValue,
                                                                     earlierDate: earlierDate), at: date.location))
                }
                previous = (stage, date.value)
            }
            return diagnostics
        }
    }
}
