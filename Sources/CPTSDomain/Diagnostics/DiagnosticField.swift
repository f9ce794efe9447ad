extension DiagnosticMessage {
    /// The content key a diagnostic is about (`population`, `aci-signed`, `communes`), when it is about one: the
    /// public validation page names the field instead of a file's line.
    public var field: String? {
        switch self {
        case .keyDuplicate(let key, _), .keyUnknown(let key, _, _), .keyMissing(let key, _), .keyMisspelt(_, let key, _, _),
             .textMarkup(let key, _),
             .notText(let key, _), .notWholeNumber(let key, _, _), .notNumber(let key, _, _), .notBoolean(let key, _),
             .notDate(let key, _), .notList(let key, _), .valueEmpty(let key), .numberTooLarge(let key, _, _),
             .dateInvalid(_, let key, _), .dateOutOfRange(_, let key, _), .valueUnknown(let key, _, _, _),
             .valueNotPositive(let key, _), .trancheNotNumber(let key):
            return key
        case .communeCodeInvalid, .communeUnknown, .communeInTwoCPTS:
            return "communes"
        case .populationNotPositive, .populationMissing, .populationMismatch:
            return "population"
        case .stageUnknownInDates:
            return "dates"
        case .stageUnknownInPlanned, .missionDateUnknown:
            return "planned"
        case .stageWithoutDate(let stage), .stageDatesBackwards(let stage, _, _, _):
            return stage
        case .stageDateBeyondStage(let dated, _):
            return dated
        case .legalFormUnknown:
            return "legalForm"
        case .professionUnknown, .membersNegative:
            return "members"
        case .missionUnknown, .missionDuplicate, .socleMissionMissing:
            return "missions"
        case .missionStartedLate, .missionNotStarted:
            return "start"
        case .missionDeployedBeforeStart, .missionDeployedLate, .missionNotDeployed:
            return "deployed"
        case .departmentUnknown:
            return "department"
        case .scheduleUnknown:
            return "schedule"
        case .plannedDatePassed(let what, _, _), .dateAfterAsOf(let what, _, _):
            return what.key
        case .themeInvalid, .themeMissing:
            return "theme"
        case .languageUnsupported:
            return "language"
        case .baseURLInvalid:
            return "baseURL"
        default:
            return nil
        }
    }
}

/// Why the system refused a file operation, in both languages (the system's own words are English only).
public struct SystemReason: Hashable, Sendable {
    public let fr: String
    public let en: String

    public init(fr: String, en: String) {
        self.fr = fr
        self.en = en
    }
}

/// The file-system step of writing a site that failed.
public enum WriteStep: Hashable, Sendable {
    case write, create, remove, moveIntoPlace, moveAside
    /// A path that would leave the output folder.
    case outside
}
