/// The ACI and consistency rules the content must follow, in the order they are checked.
/// Each rule is a named function over the whole content, returning its diagnostics.
public enum ContentRules {
    public typealias Rule = @Sendable (SiteContent) -> [Diagnostic]

    public static let all: [(name: String, check: Rule)] = [
        ("slugIsURLSafe", slugIsURLSafe),
        ("slugsAreUnique", slugsAreUnique),
        ("pageSlugIsNotReserved", pageSlugIsNotReserved),
        ("outputPathsHaveOneSource", outputPathsHaveOneSource),
        ("regionFiguresArePositive", regionFiguresArePositive),
        ("structureFiguresAreNotNegative", structureFiguresAreNotNegative),
        ("milestoneCoverageIsAFraction", milestoneCoverageIsAFraction),
        ("departmentsAreListedOnce", departmentsAreListedOnce),
        ("departmentIsInRegion", departmentIsInRegion),
        ("communePopulationIsNotNegative", communePopulationIsNotNegative),
        ("communesAreListedOnce", communesAreListedOnce),
        ("populationIsPositive", populationIsPositive),
        ("populationMatchesCommunes", populationMatchesCommunes),
        ("communeIsKnown", communeIsKnown),
        ("oneCPTSPerTerritory", oneCPTSPerTerritory),
        ("stageHasItsDate", stageHasItsDate),
        ("stageDatesGoForward", stageDatesGoForward),
        ("scheduleIsKnown", scheduleIsKnown),
        ("scheduleIsComplete", scheduleIsComplete),
        ("missionIsKnown", missionIsKnown),
        ("missionIsListedOnce", missionIsListedOnce),
        ("missionIsDeployedAfterItStarts", missionIsDeployedAfterItStarts),
        ("memberCountsAreNotNegative", memberCountsAreNotNegative),
        ("signedContractCarriesSocle", signedContractCarriesSocle),
        ("missionStartsBeforeDeadline", missionStartsBeforeDeadline),
        ("missionDeployedBeforeDeadline", missionDeployedBeforeDeadline),
        ("datesAreNotAfterAsOf", datesAreNotAfterAsOf),
        ("indicatorsBelongToACPTS", indicatorsBelongToACPTS),
        ("indicatorMissionIsCarried", indicatorMissionIsCarried),
        ("indicatorMissionHasStarted", indicatorMissionHasStarted),
        ("indicatorIDsAreUniquePerYear", indicatorIDsAreUniquePerYear),
        ("stepsFollowDirection", stepsFollowDirection),
        ("stepsPayMoreAsTheyGetHarder", stepsPayMoreAsTheyGetHarder),
        ("contractYearIsPlausible", contractYearIsPlausible),
        ("territoryDiagnosticBelongsToACPTS", territoryDiagnosticBelongsToACPTS),
        ("referenceDepartmentsAreKnown", referenceDepartmentsAreKnown),
        ("figuresFitTheirUnit", figuresFitTheirUnit),
        ("reportBelongsToACPTS", reportBelongsToACPTS),
        ("reportYearIsInContract", reportYearIsInContract),
        ("reportActionMissionIsCarried", reportActionMissionIsCarried),
        ("reportIndicatorIsKnown", reportIndicatorIsKnown),
        ("reportDatesAreInContractYear", reportDatesAreInContractYear),
        ("reportStatusMatchesDates", reportStatusMatchesDates),
        ("reportFiguresAreInRange", reportFiguresAreInRange),
        ("themeIsAFolderName", themeIsAFolderName),
        ("languageIsFrench", languageIsFrench),
        ("baseURLIsAbsoluteHTTP", baseURLIsAbsoluteHTTP),
        ("secrecyThresholdIsNotNegative", secrecyThresholdIsNotNegative),
        ("staticNamesArePortable", staticNamesArePortable),
        ("baseURLIsNotThePlaceholder", baseURLIsNotThePlaceholder),
        ("staticPathsAreFree", staticPathsAreFree),
        ("staticDocumentsRunNoScript", staticDocumentsRunNoScript),
        ("logosAreStaticImages", logosAreStaticImages),
        ("markdownImagesAreStaticFiles", markdownImagesAreStaticFiles),
        ("markdownImagesStayInSite", markdownImagesStayInSite),
    ]

    /// Every rule's diagnostics, in a deterministic order.
    public static func validate(_ content: SiteContent) -> [Diagnostic] {
        all.flatMap { $0.check(content) }
    }

    /// The same, the rules checked side by side on every core; the diagnostics come in the same order.
    public static func validateConcurrently(_ content: SiteContent) async -> [Diagnostic] {
        await withTaskGroup(of: (Int, [Diagnostic]).self) { group in
            for (index, rule) in all.enumerated() {
                group.addTask { (index, rule.check(content)) }
            }
            var found = [[Diagnostic]](repeating: [], count: all.count)
            for await (index, diagnostics) in group { found[index] = diagnostics }
            return found.flatMap { $0 }
        }
    }
}
