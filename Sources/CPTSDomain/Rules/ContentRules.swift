/// The ACI and consistency rules the content must follow, in the order they are checked.
/// Each rule is a named function over the whole content, returning its diagnostics.
public enum ContentRules {
    public typealias Rule = @Sendable (SiteContent) -> [Diagnostic]

    public static let all: [(name: String, check: Rule)] = [
        ("slugIsURLSafe", slugIsURLSafe),
        ("slugsAreUnique", slugsAreUnique),
        ("departmentIsInRegion", departmentIsInRegion),
        ("populationIsPositive", populationIsPositive),
        ("populationMatchesCommunes", populationMatchesCommunes),
        ("communeIsKnown", communeIsKnown),
        ("oneCPTSPerTerritory", oneCPTSPerTerritory),
        ("stageHasItsDate", stageHasItsDate),
        ("stageDatesGoForward", stageDatesGoForward),
        ("scheduleIsKnown", scheduleIsKnown),
        ("scheduleIsComplete", scheduleIsComplete),
        ("missionIsKnown", missionIsKnown),
        ("signedContractCarriesSocle", signedContractCarriesSocle),
        ("missionStartsBeforeDeadline", missionStartsBeforeDeadline),
        ("indicatorsBelongToACPTS", indicatorsBelongToACPTS),
        ("indicatorMissionIsCarried", indicatorMissionIsCarried),
        ("indicatorIDsAreUniquePerYear", indicatorIDsAreUniquePerYear),
        ("stepsFollowDirection", stepsFollowDirection),
        ("contractYearIsPlausible", contractYearIsPlausible),
        ("territoryDiagnosticBelongsToACPTS", territoryDiagnosticBelongsToACPTS),
        ("referenceDepartmentsAreKnown", referenceDepartmentsAreKnown),
    ]

    /// Every rule's diagnostics, in a deterministic order.
    public static func validate(_ content: SiteContent) -> [Diagnostic] {
        all.flatMap { $0.check(content) }
    }
}
