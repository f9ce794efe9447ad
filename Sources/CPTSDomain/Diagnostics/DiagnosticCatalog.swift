/// Every diagnostic the site reports: its stable code, and its message and note in French and in English.
///
/// A call site names the case and gives the values (`.missionUnknown(id: "parcours", suggestion: nil)`); the words
/// live here only, so that a translation is checked by the compiler against the values it may use, and a test
/// (`DiagnosticCatalogTests`) checks that every case is translated into both languages and shows its values.
public enum DiagnosticMessage: Hashable, Sendable {
    // MARK: Files and folders
    case contentMissing(folder: String)
    case fileMissing(path: String)
    case fileUnreadable(reason: String)
    case fileNotRegular
    case fileTooLarge(size: Int, limit: Int)
    case geoFileTooLarge(size: Int, limit: Int)
    case geoFileUnreadable(path: String)
    case fileEmpty
    case documentEmpty(Subject, required: [String])
    case frontMatterMissing
    case frontMatterUnterminated
    case textLarge(size: Int, limit: Int)
    case textTooMarked(limit: Int)
    case encodingInvalid(byte: UInt8, latin1: Bool)
    case linkLoop(path: String)
    case linkToNothing(path: String)
    case linkOutsideContent(path: String, isFolder: Bool)
    case folderIgnored(path: String, subfolder: String)
    case fileIgnored(path: String, expectedExtension: String)

    // MARK: Markdown
    case htmlDropped(tag: String, others: Int)
    case htmlShownAsText(tag: String, others: Int)
    case unsafeLinkDropped(target: String, others: Int)
    case dataURLDropped(target: String, others: Int)
    case markdownDeep(levels: String, limit: Int, others: Int)
    case tableTooLarge(columns: Int, rows: Int, others: Int, maximumCells: Int)

    // MARK: YAML
    case yamlSyntax(problem: String, context: String?, contextLine: Int?)
    case yamlHelp(SyntaxHelp)
    case yamlUnreadable(problem: String)
    case controlCharacter(code: String)
    case encodingUTF16
    case yamlAliasesTooLarge(limit: Int)
    case yamlTooDeep(limit: Int)
    case yamlTooManyValues(limit: Int)
    case keyDuplicate(key: String, firstLine: Int)
    case keyUnknown(key: String, in: Subject, suggestion: String?)
    case keyInvalid(in: Subject?)
    case keyMissing(key: String, in: Subject)
    /// A key the file needs is missing and `written`, unknown, is close to it: one error, at the misspelt key.
    /// `required`: the key is always required (not only when nothing else gives its value).
    case keyMisspelt(written: String, key: String, in: Subject, required: Bool)
    case textMarkup(key: String, tag: String)
    case notMapping(Subject, found: Found)
    case notText(key: String, found: Found)
    case notWholeNumber(key: String, found: Found, help: NumberHelp?)
    case notNumber(key: String, found: Found, help: NumberHelp?)
    case notBoolean(key: String, found: Found)
    case notDate(key: String, found: Found)
    case notList(key: String, found: Found)
    case valueEmpty(key: String)
    case numberTooLarge(key: String, found: Found, whole: Bool)
    case dateInvalid(written: String, key: String, help: DateHelp)
    case dateOutOfRange(written: String, key: String, years: ClosedRange<Int>)
    case valueUnknown(key: String, written: String, suggestion: String?, known: [String])

    // MARK: CPTS front matter
    /// `quoted`: the code was written in quotes, so quoting it is no help.
    case communeCodeInvalid(code: String, quoted: Bool)
    case stageUnknownInDates(stage: String, suggestion: String?, known: [String])
    case stageUnknownInPlanned(stage: String, suggestion: String?, known: [String])
    case legalFormUnknown(form: String, suggestion: String?, known: [String])
    case professionUnknown(profession: String, suggestion: String?)
    case membersNegative(count: Int)
    case missionDeployedBeforeStart(mission: String, deployed: Day, start: Day)
    case missionDateUnknown(written: String, suggestion: String?)

    // MARK: Region, schedules, figures, communes, shapes
    case valueNotPositive(key: String, value: Int)
    case departmentCodeInvalid(code: String)
    case departmentDuplicate(code: String, first: String, firstLine: Int)
    case structureCountNegative
    case yearlyAidNegative
    case milestoneKindUnknown(kind: String, suggestion: String?)
    case coverageNotFraction(written: String, value: Double)
    case trancheNotNumber(key: String)
    case statusUnknown(status: String, suggestion: String?, known: [String])
    case figureUnknown(id: String, suggestion: String?)
    case shareOutOfRange(id: String, value: Double)
    case countInvalid(id: String, value: Double)
    case rateNegative(id: String, value: Double)
    case csvColumnMissing(column: String)
    case csvRowShort(cells: Int, header: Int)
    case csvRowLong(cells: Int, header: Int, separator: String)
    case csvQuoteUnclosed
    case csvQuoteStray
    case communePopulationNotWhole(commune: String, written: String)
    case communePopulationNegative(commune: String, written: String)
    case communePopulationTooLarge(commune: String, written: String)
    case communeDuplicate(commune: String)
    case geojsonSyntax(reason: String)
    case geojsonNotCollection
    case geojsonCodeTwice(feature: Int, code: String)
    case geojsonFeature(feature: Int, code: String?, problem: GeoProblem)

    // MARK: Rules
    case departmentUnknown(code: String, suggestion: String?, known: [String])
    case referenceDepartmentUnknown(code: String, suggestion: String?)
    case populationNotPositive(value: Int)
    case populationMissing
    case populationMismatch(population: Int, communes: Int, sum: Int)
    case communeUnknown(code: String)
    case communeInTwoCPTS(code: String, communeName: String?, firstCPTS: String, first: SourceLocation)
    case stageWithoutDate(stage: String)
    case stageDateBeyondStage(dated: String, stage: String)
    case stageDatesBackwards(stage: String, date: Day, earlier: String, earlierDate: Day)
    case diagnosticWithoutCPTS(slug: String, suggestion: String?)
    case indicatorsWithoutCPTS(slug: String, suggestion: String?)
    case missionUnknown(id: String, suggestion: String?, listKnown: Bool)
    case missionDuplicate(id: String)
    case indicatorMissionNotCarried(indicator: String, mission: String, cpts: String)
    /// `start`: the mission's start, after the contract year (nil: not started at all).
    case indicatorMissionNotStarted(indicator: String, mission: String, year: Int, from: Day, to: Day, start: Day?)
    case indicatorDuplicate(id: String, year: Int, firstLine: Int)
    case stepsMissing(indicator: String)
    case stepAmountNegative(amount: Int)
    case doneValueNotBoolean
    case doneHasThresholds
    case stepsContradictDirection(threshold: String, earlier: String, rising: Bool)
    case valueNotNumber(direction: String)
    case stepThresholdMissing(direction: String)
    case stepsAmountNotRising(amount: Int, previous: Int, indicator: String)
    case contractYearOutOfRange(year: Int)
    case contractYearDuplicate(year: Int)
    case themeInvalid(name: String)
    case themeMissing(name: String, folder: String)
    case languageUnsupported(language: String)
    case baseURLInvalid(url: String)
    case baseURLPlaceholder(url: String, host: String)
    case plannedDatePassed(what: Dated, date: Day, asOf: Day)
    case dateAfterAsOf(what: Dated, date: Day, asOf: Day)
    case slugInvalid(slug: String, suggested: String)
    case slugReserved(slug: String, owner: SiteRoutes.Label, reserved: [String])
    case slugDuplicate(slug: String, firstFile: String)
    case pageDuplicate(slug: String, firstFile: String)
    case indicatorsDuplicate(slug: String, firstFile: String)
    case territoryDiagnosticDuplicate(slug: String, firstFile: String)
    case scheduleUnknown(id: String, suggestion: String?, known: [String])
    case scheduleTranchesInvalid
    case scheduleTranchesMissing(line: String, count: Int)
    case scheduleAmountNegative(line: String, amount: Int)
    case scheduleSocleUnpaid(mission: String, schedule: String)
    case socleMissionMissing(mission: String, schedule: String)
    case missionStartedLate(mission: String, start: Day, deadline: Day, rule: DeadlineRule)
    case missionNotStarted(mission: String, deadline: Day)
    case missionDeployedLate(mission: String, deployed: Day, deadline: Day, rule: DeadlineRule)
    case missionNotDeployed(mission: String, asOf: Day, deadline: Day)

    // MARK: Themes, rendering, writing, links
    case themeLinkOutside(path: String, folder: String)
    case templateSyntax(TemplateProblem)
    case templateMissing(template: String)
    /// A name a template reads that the page's view model does not have; `page` names the page's template (the
    /// one the model is rendered with, when the name is read in a partial or parent it includes).
    case templateKeyUnknown(key: String, page: String? = nil)
    case renderFailed(reason: String)
    case outputInsideContent(output: String, content: String)
    case writeFailed(step: WriteStep, path: String, reason: SystemReason)
    case outputNotGenerated(folder: String)
    case outputNotAFolder(folder: String)
    case outputLinkDangling(folder: String, target: String)
    case outputStagingImpossible(folder: String, staging: String, reason: SystemReason)
    case linkOutputMissing(folder: String)
    case linkBroken(url: String, page: String, why: LinkProblem)
    case linkAnchorMissing(url: String, page: String, anchor: String, target: String, suggestion: String?)

    // MARK: Activity reports and static files
    case reportNameInvalid(name: String, slug: String)
    case reportFileIgnored(path: String)
    case spendingNegative(key: String, value: Int)
    case fteOutOfRange(key: String, value: Double)
    case reportWithoutCPTS(slug: String, suggestion: String?)
    case reportDuplicate(year: Int, cpts: String, firstFile: String)
    case reportYearOutOfRange(year: Int, slug: String, years: Int)
    case reportContractNotSigned(year: Int, cpts: String, asOf: Day)
    case reportYearNotBegun(year: Int, cpts: String, start: Day, asOf: Day)
    case reportMissionNotCarried(action: String, mission: String, cpts: String)
    case reportIndicatorUnknown(id: String, slug: String, year: Int, suggestion: String?)
    case reportActionEndsBeforeStart(action: String, end: Day, start: Day)
    case reportActionStartsAfterYear(action: String, start: Day, year: Int, from: Day, to: Day)
    case reportActionEndedBeforeYear(action: String, end: Day, year: Int, from: Day, to: Day)
    /// `belongsTo`: the contract year the meeting's date is in, if any.
    case reportMeetingOutsideYear(date: Day, year: Int, from: Day, to: Day, belongsTo: Int?)
    case reportActionDoneEndsLater(action: String, end: Day, asOf: Day)
    case reportActionDoneStartsLater(action: String, start: Day, asOf: Day)
    case reportActionStale(action: String, status: ActionStatus, end: Day, days: Int, asOf: Day)
    case reportActionInProgressNotStarted(action: String, start: Day, asOf: Day)
    case reportMeetingAttendanceInFuture(date: Day, asOf: Day)
    case staticLinkToFolder(path: String)
    case staticNotRegular(path: String)
    case staticFileTooLarge(path: String, size: Int, limit: Int)
    case staticFileUnreadable(path: String)
    case staticPathTaken(path: String, owner: StaticOwner)
    case staticImageMissing(StaticReference, path: String, hint: StaticHint)
    case staticNotAnImage(StaticReference, path: String, extensions: [String])
    case imageOutsideSite(path: String, hint: StaticHint)
    case staticNameNotUTF8(path: String)
    case staticActiveContent(path: String, what: String?, inHTML: Bool)
    case staticNameBackslash(path: String, suggestion: String)
    case staticNameCollision(path: String, other: String, unicodeForm: Bool)
    case pdfFailed(page: String, reason: SystemReason)

    // MARK: National sites (`NationalDiagnostics.swift`)
    case national(NationalProblem)
}


/// Where a file of `static/` would land that the site already uses.
public enum StaticOwner: Hashable, Sendable {
    case builtinFolder(folder: String, holds: SiteRoutes.Label)
    case methodology(folder: String)
    case page(folder: String, title: String)
    case rootFile(generated: SiteRoutes.Label)
}

/// What names a file of `static/`: a logo (of the site or of a CPTS), or an image of a Markdown text.
public enum StaticReference: String, Hashable, Sendable {
    case logo, image
}

/// What to say of a path under `static/` that names no file there.
public enum StaticHint: Hashable, Sendable {
    /// Written with a prefix: the file exists under this path.
    case writeAs(String)
    case didYouMean(String)
    case howToName
}

/// What a key belongs to, in a message (`unknown key 'x' in the front matter`).
public enum Subject: Hashable, Sendable {
    case frontMatter, indicatorsFile, diagnosticFile, schedule
    case file(String)
    case key(String)
    case mission(String)
    case department, milestone, missionEntry, contractYear, indicator, step, figure, socleEntry
    case action, meeting, proof

    var fr: French {
        switch self {
        case .frontMatter: "l'en-tête"
        case .indicatorsFile: "le fichier d'indicateurs"
        case .diagnosticFile: "le fichier de diagnostic"
        case .schedule: "le barème"
        case .file(let name): "\(name)"
        case .key(let key): "\(q: key)"
        case .mission(let id): "la mission \(q: id)"
        case .department: "un département"
        case .milestone: "un jalon"
        case .missionEntry: "une mission"
        case .contractYear: "une année de contrat"
        case .indicator: "un indicateur"
        case .step: "un palier"
        case .figure: "un chiffre du diagnostic"
        case .socleEntry: "une entrée de « socle »"
        case .action: "une action"
        case .meeting: "une réunion"
        case .proof: "un justificatif"
        }
    }

    var en: English {
        switch self {
        case .frontMatter: "the front matter"
        case .indicatorsFile: "the indicators file"
        case .diagnosticFile: "the diagnostic file"
        case .schedule: "the schedule"
        case .file(let name): "\(name)"
        case .key(let key): "\(q: key)"
        case .mission(let id): "mission \(q: id)"
        case .department: "a department"
        case .milestone: "a milestone"
        case .missionEntry: "a mission"
        case .contractYear: "a contract year"
        case .indicator: "an indicator"
        case .step: "a step"
        case .figure: "a figure"
        case .socleEntry: "a socle entry"
        case .action: "an action"
        case .meeting: "a meeting"
        case .proof: "a proof"
        }
    }
}

/// How a value looks to the person who wrote it, for type errors.
public enum Found: Hashable, Sendable {
    case mapping, list, nothing
    case plain(String)
    case quoted(String)

    var fr: French {
        switch self {
        case .mapping: "une liste de clés"
        case .list: "une liste"
        case .nothing: "rien"
        case .plain(let text): "\(q: text)"
        case .quoted(let text): "le texte entre guillemets \(q: text)"
        }
    }

    var en: English {
        switch self {
        case .mapping: "a mapping"
        case .list: "a list"
        case .nothing: "nothing"
        case .plain(let text): "\(q: text)"
        case .quoted(let text): "the text \"\(text)\""
        }
    }
}

/// The usual mistakes behind a YAML syntax error, told in plain words (`YAMLSyntaxHelp` recognises them).
public enum SyntaxHelp: Hashable, Sendable {
    /// `name: CPTS: Sud` — a value holding `: ` must be quoted.
    case colonInValue(key: String, value: String)
    /// `name: 'CPTS de l'Ouest` — an apostrophe inside single quotes.
    case apostropheInValue(key: String, value: String)
    /// A tab in the indentation.
    case tabIndentation
    /// `name:CPTS` — no space after the colon.
    case noSpaceAfterColon(key: String, value: String)
    /// A quote opened and never closed.
    case unclosedQuote
    /// A bracket `[` opened and never closed.
    case unclosedBracket
}

/// A hint for a number written the French way.
public enum NumberHelp: Hashable, Sendable {
    /// `31,5` → `31.5`.
    case decimalComma(suggested: String)
    /// `30 000` or `30.000` → `30000`.
    case thousandsSeparator(suggested: String)
    /// `12.5` where a whole number is expected.
    case hasDecimals
}

/// Why a date is not a date.
public enum DateHelp: Hashable, Sendable {
    /// `31/12/2019` → `2019-12-31`.
    case frenchOrder(suggested: String)
    /// `2019-02-30`: the form is right, the day does not exist.
    case dayDoesNotExist
    /// Anything else.
    case format
}

/// What a dated event is, in the messages about the site's date (`asOf`).
public enum Dated: Hashable, Sendable {
    case stage(String)
    case missionStart(String)
    case missionDeployment(String)

    /// The French participle agreeing with the event: *l'étape* is feminine, *le début*, *le déploiement* masculine.
    func agreed(_ masculine: French, _ feminine: French) -> French {
        if case .stage = self { return feminine }
        return masculine
    }

    var key: String {
        switch self {
        case .stage(let stage): stage
        case .missionStart: "start"
        case .missionDeployment: "deployed"
        }
    }
}

/// How an ACI deadline is counted: so many months after signature, or after the day the mission became socle.
public struct DeadlineRule: Hashable, Sendable {
    public var months: Int?
    /// Nil when the deadline runs from the signature.
    public var socleSince: Day?

    public init(months: Int?, socleSince: Day?) {
        self.months = months
        self.socleSince = socleSince
    }

    var fr: French {
        let months: French = self.months.map { "\($0) mois" } ?? "le délai"
        return socleSince.map { "\(months) après le \($0), date où elle est devenue socle" } ?? "\(months) après la signature"
    }

    var en: English {
        let months: English = self.months.map { "\($0) months" } ?? "the deadline"
        return socleSince.map { "\(months) after \($0), when it became socle" } ?? "\(months) after signature"
    }
}

/// What is wrong with one feature of a GeoJSON file.
public enum GeoProblem: Hashable, Sendable {
    case notFeature, noProperties, noCode, noGeometry, multiPolygonEmpty, polygonEmpty, ringNotArray, positionInvalid
    case geometryType(found: String?)
    case positionOutOfRange(longitude: Double, latitude: Double)
    case ringTooShort(count: Int)
    case ringNotClosed
}

/// A template the theme cannot parse (the problems CPTSTemplates' parser reports).
public enum TemplateProblem: Hashable, Sendable {
    case unfinishedTag(closing: String)
    case delimitersUnterminated, delimitersNotTwo, emptyTag
    case invalidName(String)
    case closeWithoutOpen(String)
    case closedByAnother(opened: String, closed: String)
    case neverClosed(String)
    case nestingTooDeep(limit: Int)
    /// The templates (or `$block`s) from the one that starts the cycle to the one that closes it.
    case inclusionCycle([String])
    case renderTooDeep(limit: Int)
    case renderTooLong(steps: Int)
    case renderTooLarge(bytes: Int)
    /// Checking a page template's keys against its view model took more than `steps` steps (partials recursing
    /// through ever new context stacks): what follows the tag is unchecked.
    case checkTooLong(steps: Int)
}

/// Why an internal link of the built site leads nowhere.
public enum LinkProblem: Hashable, Sendable {
    case outsideBasePath(basePath: String)
    case aboveRoot(folder: String)
    case noSuchFile(path: String, suggestion: String?)
}

/// The words of one diagnostic.
struct CatalogEntry {
    let code: String
    let fr: French
    let en: English
    var note: (fr: French, en: English)?

    init(_ code: String, fr: French, en: English, note: (fr: French, en: English)? = nil) {
        self.code = code
        self.fr = fr
        self.en = en
        self.note = note
    }
}

/// Why a text read as a list or as keys: `[…]` or a line starting with `- ` makes a list, `: ` makes a key and
/// its value. Quotes keep it a text.
private func textNote(found: Found) -> (fr: French, en: English)? {
    switch found {
    case .list:
        return ("des crochets [ ] ou un tiret « - » en début de ligne font une liste : mettez le texte entre guillemets, \("\"[…]\"")",
                "brackets [ ] or a dash '- ' at the start of a line make a list: put the text in quotes, \"[…]\"")
    case .mapping:
        return ("« : » suivi d'une espace sépare une clé de sa valeur : un texte qui en contient s'écrit entre guillemets, \("\"…\"")",
                "': ' parts a key from its value: write text that holds it in quotes, \"…\"")
    case .nothing, .plain, .quoted:
        return nil
    }
}

private func didYouMean(_ suggestion: String?) -> (fr: French, en: English)? {
    suggestion.map { ("vouliez-vous dire \(q: $0) ?", "did you mean \(q: $0)?") }
}

private func others(_ count: Int) -> (fr: French, en: English) {
    count == 0 ? ("", "") : (" (et \(count) autre\(count == 1 ? "" : "s") dans ce fichier)", " (and \(count) more)")
}

extension DiagnosticMessage {
    /// The stable code (`commune-in-two-cpts`), for tests, goldens and people searching the docs.
    public var code: String { entry.code }

    /// The message in `language`.
    public func text(in language: Language) -> String {
        language == .fr ? entry.fr.text : entry.en.text
    }

    /// The note in `language`, if the message has one.
    public func note(in language: Language) -> String? {
        entry.note.map { language == .fr ? $0.fr.text : $0.en.text }
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    var entry: CatalogEntry {
        switch self {
        // MARK: Activity reports and static files
        case .reportNameInvalid(let name, let slug):
            return CatalogEntry("report-name-invalid",
                fr: "\(q: name) n'est pas une année de contrat : un rapport porte le numéro de son année de contrat, comme reports/\(slug)/1.md",
                en: "\(q: name) is not a contract year: a report is named after its contract year, like reports/\(slug)/1.md")
        case .reportFileIgnored(let path):
            return CatalogEntry("file-ignored", fr: "\(q: path) est ignoré : un rapport se range dans reports/<cpts>/<année de contrat>.md",
                en: "\(q: path) is ignored: reports go in reports/<cpts>/<contract year>.md")
        case .spendingNegative(let key, let value):
            return CatalogEntry("value-negative", fr: "\(q: key) ne peut pas être négatif (ici \(value))", en: "\(q: key) must not be negative, not \(value)")
        case .fteOutOfRange(let key, let value):
            return CatalogEntry("value-out-of-range", fr: "\(q: key) se compte en équivalents temps plein (comme 0.8), pas \(decimal: value)",
                en: "\(q: key) is in full-time equivalents (like 0.8), not \(decimal: value)")
        case .reportWithoutCPTS(let slug, let suggestion):
            return CatalogEntry("report-without-cpts", fr: "rapport d'activité pour \(q: slug), mais il n'y a pas de cpts/\(slug).md",
                en: "activity report for \(q: slug), but there is no cpts/\(slug).md", note: didYouMean(suggestion))
        case .reportDuplicate(let year, let cpts, let firstFile):
            return CatalogEntry("report-duplicate",
                fr: "un second rapport d'activité pour l'année \(year) du contrat de \(cpts) : \(firstFile) la rapporte déjà",
                en: "a second activity report for contract year \(year) of \(cpts): \(firstFile) already reports it",
                note: ("un rapport par année de contrat : gardez l’un des deux fichiers", "one report per contract year: keep one of the two files"))
        case .reportYearOutOfRange(let year, let slug, let years):
            return CatalogEntry("report-year-out-of-range", fr: "année de contrat \(year) : un contrat a les années 1 à \(years)",
                en: "contract year \(year): a contract has years 1 to \(years)",
                note: ("nommez le fichier d'après l'année de contrat, comme reports/\(slug)/1.md", "name the file after the contract year, like reports/\(slug)/1.md"))
        case .reportContractNotSigned(let year, let cpts, let asOf):
            return CatalogEntry("report-contract-not-signed",
                fr: "rapport d'activité pour l'année de contrat \(year), mais \(cpts) n'a pas de contrat signé à la date du site (\(asOf))",
                en: "activity report for contract year \(year), but \(cpts) has no contract signed by the site's date (\(asOf))")
        case .reportYearNotBegun(let year, let cpts, let start, let asOf):
            return CatalogEntry("report-year-not-begun",
                fr: "l'année de contrat \(year) de \(cpts) commence le \(start), après la date du site (\(asOf))",
                en: "contract year \(year) of \(cpts) begins on \(start), after the site's date (\(asOf))")
        case .reportMissionNotCarried(let action, let mission, let cpts):
            return CatalogEntry("report-mission-not-carried",
                fr: "l'action \(q: action) relève de la mission \(q: mission), que \(cpts) ne mène pas",
                en: "action \(q: action) is for mission \(q: mission), which \(cpts) does not carry")
        case .reportIndicatorUnknown(let id, let slug, let year, let suggestion):
            return CatalogEntry("report-indicator-unknown",
                fr: "indicateur \(q: id) inconnu : indicators/\(slug).yaml n'en a aucun de ce nom pour l'année de contrat \(year)",
                en: "unknown indicator \(q: id): indicators/\(slug).yaml has none of that id in contract year \(year)",
                note: didYouMean(suggestion))
        case .reportActionEndsBeforeStart(let action, let end, let start):
            return CatalogEntry("report-action-ends-before-start", fr: "l'action \(q: action) finit (\(end)) avant de commencer (\(start))",
                en: "action \(q: action) ends (\(end)) before it starts (\(start))")
        case .reportActionStartsAfterYear(let action, let start, let year, let from, let to):
            return CatalogEntry("report-action-outside-year",
                fr: "l'action \(q: action) commence le \(start), après l'année de contrat \(year) (du \(from) au \(to))",
                en: "action \(q: action) starts on \(start), after contract year \(year) (\(from) to \(to))",
                note: ("mettez-la dans le rapport de l'année où elle commence", "put it in the report of the year it starts"))
        case .reportActionEndedBeforeYear(let action, let end, let year, let from, let to):
            return CatalogEntry("report-action-outside-year",
                fr: "l'action \(q: action) s'est terminée le \(end), avant l'année de contrat \(year) (du \(from) au \(to))",
                en: "action \(q: action) ended on \(end), before contract year \(year) (\(from) to \(to))",
                note: ("mettez-la dans le rapport de l'année où elle s'est terminée", "put it in the report of the year it ended"))
        case .reportMeetingOutsideYear(let date, let year, let from, let to, let belongsTo):
            return CatalogEntry("report-meeting-outside-year",
                fr: "la réunion du \(date) est hors de l'année de contrat \(year) (du \(from) au \(to))",
                en: "meeting of \(date) is outside contract year \(year) (\(from) to \(to))",
                note: belongsTo.map { ("elle relève de l'année de contrat \($0) : mettez-la dans le rapport \("\($0).md")",
                                       "it belongs to contract year \($0): put it in the report \("\($0).md")") })
        case .reportActionDoneEndsLater(let action, let end, let asOf):
            return CatalogEntry("report-action-done-in-future",
                fr: "l'action \(q: action) est dite réalisée, mais elle finit le \(end), après la date du site (\(asOf))",
                en: "action \(q: action) is 'done' but ends on \(end), after the site's date (\(asOf))",
                note: ("si elle est encore en cours, écrivez \(q: ActionStatus.inProgress.label.lowercasedFirst)", "if it is still going on, say 'in-progress'"))
        case .reportActionDoneStartsLater(let action, let start, let asOf):
            return CatalogEntry("report-action-done-in-future",
                fr: "l'action \(q: action) est dite réalisée, mais elle commence le \(start), après la date du site (\(asOf))",
                en: "action \(q: action) is 'done' but starts on \(start), after the site's date (\(asOf))")
        case .reportActionStale(let action, let status, let end, let days, let asOf):
            return CatalogEntry("report-action-status-stale",
                fr: "l'action \(q: action) est toujours \(status.label.lowercasedFirst) alors qu'elle devait finir le \(end), plus de \(days) jours avant la date du site (\(asOf))",
                en: "action \(q: action) is still \(q: status.rawValue) though it was to end on \(end), more than \(days) days before the site's date (\(asOf))",
                note: ("écrivez \(q: ActionStatus.done.label.lowercasedFirst) ou \(q: ActionStatus.abandoned.label.lowercasedFirst), ou donnez sa nouvelle fin",
                       "say 'done' or 'abandoned', or give its new end"))
        case .reportActionInProgressNotStarted(let action, let start, let asOf):
            return CatalogEntry("report-action-status-stale",
                fr: "l'action \(q: action) est dite en cours, mais elle commence le \(start), après la date du site (\(asOf))",
                en: "action \(q: action) is 'in-progress' but starts on \(start), after the site's date (\(asOf))",
                note: ("écrivez \(q: ActionStatus.planned.label.lowercasedFirst)", "say 'planned'"))
        case .reportMeetingAttendanceInFuture(let date, let asOf):
            return CatalogEntry("report-meeting-attendance-in-future",
                fr: "la réunion du \(date) a une participation, mais elle est après la date du site (\(asOf))",
                en: "meeting of \(date) has an attendance but is after the site's date (\(asOf))")
        case .staticLinkToFolder(let path):
            return CatalogEntry("file-ignored", fr: "\(q: path) est un lien symbolique vers un dossier ; il n'est pas publié",
                en: "\(q: path) is a symbolic link to a folder; it is not published",
                note: ("static/ publie les dossiers qu'il contient, pas les liens vers des dossiers", "static/ publishes folders it holds, not links to folders"))
        case .staticNotRegular(let path):
            return CatalogEntry("file-ignored", fr: "\(q: path) n'est pas un fichier ordinaire ; il n'est pas publié",
                en: "\(q: path) is not a regular file; it is not published")
        case .staticFileTooLarge(let path, let size, let limit):
            return CatalogEntry("static-file-too-large", fr: "\(q: path) est trop gros pour être publié (\(size) octets ; au plus \(limit))",
                en: "\(q: path) is too large to publish (\(size) bytes; at most \(limit))",
                note: ("réduisez-le (une image pour le web dépasse rarement 1 Mo), ou hébergez-le ailleurs et faites un lien", "reduce it (an image for the web rarely needs more than 1 MB), or host it elsewhere and link to it"))
        case .staticFileUnreadable(let path):
            return CatalogEntry("static-file-unreadable", fr: "static/\(path) n'a pas pu être lu pour être publié",
                en: "static/\(path) could not be read to be published")
        case .staticPathTaken(let path, let owner):
            let (fr, en): (French, English)
            switch owner {
            case .builtinFolder(let folder, let holds):
                (fr, en) = ("\(folder)/, qui contient \(holds.fr)", "\(folder)/, which holds \(holds.en)")
            case .methodology(let folder):
                (fr, en) = ("\(folder)/, qui contient la page de méthodologie", "\(folder)/, which holds the methodology page")
            case .page(let folder, let title):
                (fr, en) = ("\(folder)/, qui contient la page \(q: title)", "\(folder)/, which holds the page \(q: title)")
            case .rootFile(let generated):
                (fr, en) = ("la place de \(generated.fr)", "the place of \(generated.en)")
            }
            return CatalogEntry("static-path-taken", fr: "static/\(path) serait publié en \(path), dans \(fr)",
                en: "static/\(path) would be published at \(path), in \(en)",
                note: ("mettez-le dans un autre dossier de static/, comme static/img/", "move it to another folder of static/, such as static/img/"))
        case .staticImageMissing(let what, let path, let hint):
            let note: (fr: French, en: English)
            switch hint {
            case .writeAs(let inside): note = ("écrivez \(q: inside)", "write it as \(q: inside)")
            case .didYouMean(let nearest): note = ("vouliez-vous dire \(q: nearest) ?", "did you mean \(q: nearest)?")
            case .howToName:
                note = what == .logo
                    ? ("un logo est un fichier de content/static/, nommé par son chemin dans ce dossier (pour content/static/img/logo.svg : img/logo.svg)",
                       "a logo is a file of content/static/, named by its path there (for content/static/img/logo.svg: img/logo.svg)")
                    : ("le chemin d'une image s'écrit depuis content/static/ : ![Plan](img/plan.png) montre content/static/img/plan.png",
                       "an image's path is written from content/static/: ![Plan](img/plan.png) shows content/static/img/plan.png")
            }
            return CatalogEntry("\(what.rawValue)-missing",
                fr: what == .logo ? "le logo \(q: path) n'est pas un fichier de static/" : "l'image \(q: path) n'est pas un fichier de static/",
                en: "\(what.rawValue) \(q: path) is not a file of static/", note: note)
        case .staticNotAnImage(let what, let path, let extensions):
            return CatalogEntry("\(what.rawValue)-not-an-image",
                fr: what == .logo ? "le logo \(q: path) n'est pas une image" : "l'image \(q: path) n'est pas une image",
                en: "\(what.rawValue) \(q: path) is not an image",
                note: ("utilisez un fichier \(list: extensions)", "use a \(list: extensions) file"))
        case .imageOutsideSite(let path, let hint):
            let note: (fr: French, en: English)
            switch hint {
            case .writeAs(let inside), .didYouMean(let inside): note = ("écrivez \(q: inside)", "write it as \(q: inside)")
            case .howToName:
                note = ("une image vient de content/static/ et son chemin s'écrit depuis ce dossier : ![Plan](img/plan.png) montre content/static/img/plan.png",
                        "an image comes from content/static/, its path written from there: ![Plan](img/plan.png) shows content/static/img/plan.png")
            }
            return CatalogEntry("image-outside-site",
                fr: "l'image \(q: path) est hors du site : elle n'est pas publiée",
                en: "image \(q: path) is outside the site: it is left out", note: note)
        case .staticActiveContent(let path, let what, let inHTML):
            let what: (fr: French, en: English) = what.map { ("\(q: $0)", "\(q: $0)") }
                ?? ("du texte qui n'est pas en UTF-8 (il ne peut pas être vérifié)", "text that is not UTF-8 (it cannot be checked)")
            return CatalogEntry("static-active-content",
                fr: "\(path) contient \(what.fr), qui pourrait exécuter un script sur le site quand on ouvre le fichier : il ne peut pas être publié",
                en: "\(path) holds \(what.en), which could run a script on the site when the file is opened: it cannot be published",
                note: inHTML
                    ? ("retirez les scripts de la page, ou, si vous lui faites confiance, indiquez allowRawHTML: true dans site.yaml",
                       "remove the page's scripts or, if you trust it, set allowRawHTML: true in site.yaml")
                    : ("un SVG publié ne contient ni script, ni attribut on…, ni lien javascript:, ni <foreignObject>, ni entité : réenregistrez-le sans (« SVG simple » dans Inkscape), ou convertissez-le en PNG",
                       "a published SVG holds no script, on… attribute, javascript: link, <foreignObject> or entity: save it again without them (\"Plain SVG\" in Inkscape), or convert it to PNG"))
        case .staticNameNotUTF8(let path):
            return CatalogEntry("static-name-not-utf8",
                fr: "le nom \(q: path) n'est pas écrit en UTF-8 : il ne peut pas être publié",
                en: "name \(q: path) is not UTF-8: it cannot be published",
                note: ("renommez le fichier (des lettres, des chiffres, des tirets, un point avant l'extension)",
                       "rename the file (letters, digits, hyphens, a dot before the extension)"))
        case .staticNameBackslash(let path, let suggestion):
            return CatalogEntry("static-name-backslash",
                fr: "le nom \(q: path) contient une barre oblique inversée (\\) : un navigateur la lit comme un /, et le fichier ne serait pas trouvé",
                en: "name \(q: path) holds a backslash (\\): browsers read it as a /, and the file would not be found",
                note: ("renommez-le, par exemple en \(q: suggestion)", "rename it, for example to \(q: suggestion)"))
        case .staticNameCollision(let path, let other, let unicodeForm):
            let (fr, en): (French, English) = unicodeForm
                ? ("\(q: path) et \(q: other) portent le même nom, ses accents écrits en deux formes Unicode (NFC et NFD) : un hébergeur qui les confond n'en publierait qu'un",
                   "\(q: path) and \(q: other) have the same name, its accents written in two Unicode forms (NFC and NFD): a host that takes them for one would publish only one")
                : ("\(q: path) et \(q: other) ne diffèrent que par les majuscules : un hébergeur qui ne les distingue pas n'en publierait qu'un",
                   "\(q: path) and \(q: other) differ only in letter case: a host that does not tell them apart would publish only one")
            return CatalogEntry("static-name-collision", fr: fr, en: en,
                note: ("renommez ou supprimez l'un des deux", "rename or remove one of them"))
        case .pdfFailed(let page, let reason):
            return CatalogEntry("pdf-failed", fr: "le rapport d'activité \(page) n'a pas pu être imprimé en PDF : \(reason.fr)",
                en: "could not print the activity report \(page) to PDF: \(reason.en)")
        // MARK: Files and folders
        case .contentMissing(let folder):
            return CatalogEntry("content-missing",
                fr: "le dossier de contenu \(q: folder) n'existe pas",
                en: "content folder \(q: folder) does not exist",
                note: ("lancez la commande dans le dossier du site, ou donnez le dossier avec --content", "run the command in the site's folder, or give the folder with --content"))
        case .fileMissing(let path):
            return CatalogEntry("file-missing", fr: "le fichier \(path) manque", en: "\(path) is missing",
                note: ("tout site a besoin de content/site.yaml et de content/region.yaml", "every site needs content/site.yaml and content/region.yaml"))
        case .fileUnreadable(let reason):
            return CatalogEntry("file-unreadable", fr: "le fichier ne peut pas être lu (\(reason))", en: "cannot read the file: \(reason)")
        case .fileNotRegular:
            return CatalogEntry("file-unreadable", fr: "ce n'est pas un fichier ordinaire : un fichier de contenu doit être un simple fichier texte",
                en: "not a regular file: a content file must be a plain text file")
        case .fileTooLarge(let size, let limit):
            return CatalogEntry("file-unreadable", fr: "le fichier est trop gros (\(size) octets ; au plus \(limit))",
                en: "file is too large (\(size) bytes; at most \(limit))")
        case .geoFileTooLarge(let size, let limit):
            return CatalogEntry("file-unreadable", fr: "le fichier est trop gros (\(size) octets ; au plus \(limit))",
                en: "file is too large (\(size) bytes; at most \(limit))",
                note: ("ne gardez que les contours de la région, comme le fait scripts/fetch-geo.py", "keep only the region's shapes, as scripts/fetch-geo.py does"))
        case .geoFileUnreadable(let path):
            return CatalogEntry("file-unreadable", fr: "le fichier \(q: path) ne peut pas être lu", en: "cannot read \(q: path)")
        case .fileEmpty:
            return CatalogEntry("file-empty", fr: "le fichier est vide", en: "the file is empty",
                note: ("écrivez les données entre deux lignes --- en haut du fichier, puis le texte", "write the data between two '---' lines at the top of the file, then the text"))
        case .documentEmpty(let subject, let required):
            return CatalogEntry("file-empty", fr: "\(subject.fr) est vide", en: "\(subject.en) is empty",
                note: required.isEmpty ? nil : ("il faut au moins : \(list: required)", "it needs at least: \(list: required)"))
        case .frontMatterMissing:
            return CatalogEntry("front-matter-missing",
                fr: "l'en-tête manque : le fichier doit commencer par une ligne ---",
                en: "front matter is missing: the file must start with a line '---'",
                note: ("écrivez les données de la CPTS entre deux lignes --- en haut du fichier", "write the CPTS's data between two '---' lines at the top of the file"))
        case .frontMatterUnterminated:
            return CatalogEntry("front-matter-unterminated", fr: "l'en-tête n'est pas fermé", en: "front matter is not terminated",
                note: ("ajoutez une ligne --- après la dernière clé", "add a line '---' after the last key"))
        case .textLarge(let size, let limit):
            return CatalogEntry("text-large",
                fr: "le texte fait \(size) octets : sa page sera lente à charger (au plus \(limit) octets conseillés)",
                en: "the text is \(size) bytes long: its page will be slow to load (at most \(limit) bytes advised)",
                note: ("découpez-le en plusieurs pages, ou mettez un lien vers un document", "split it into several pages, or link to a document"))
        case .textTooMarked(let limit):
            return CatalogEntry("text-too-marked",
                fr: "le texte compte plus de \(limit) caractères de mise en forme (esperluettes, guillemets, apostrophes, points, crochets, fins de ligne…) : trop pour le mettre en page",
                en: "the text holds more than \(limit) markup characters (ampersands, quotes, apostrophes, periods, brackets, line ends…): too many to lay it out",
                note: ("découpez-le en plusieurs pages, ou mettez un lien vers un document", "split it into several pages, or link to a document"))
        case .encodingInvalid(let byte, let latin1):
            let hex = String(byte, radix: 16, uppercase: true)
            return CatalogEntry("encoding-invalid",
                fr: latin1 ? "le fichier n'est pas en UTF-8 : il semble enregistré en Latin-1 (Windows, Excel)" : "le fichier n'est pas en UTF-8 (octet 0x\(hex))",
                en: latin1 ? "file is not valid UTF-8 (byte 0x\(hex)): it looks saved as Latin-1 (Windows, Excel)" : "file is not valid UTF-8 (byte 0x\(hex))",
                note: latin1
                    ? ("dans Excel, choisissez « Enregistrer sous… » puis « CSV UTF-8 » ; dans un éditeur de texte, enregistrez en UTF-8", "in Excel, choose 'Save As…' then 'CSV UTF-8'; in a text editor, save as UTF-8")
                    : ("enregistrez le fichier en UTF-8", "save the file as UTF-8"))
        case .linkLoop(let path):
            return CatalogEntry("link-loop", fr: "\(q: path) est une boucle de liens symboliques ; il est ignoré",
                en: "\(q: path) is a loop of symbolic links; it is ignored",
                note: ("un lien de la chaîne ramène à un lien précédent", "a link in the chain leads back to an earlier one"))
        case .linkToNothing(let path):
            return CatalogEntry("link-broken", fr: "\(q: path) est un lien symbolique vers rien ; il est ignoré",
                en: "\(q: path) is a symbolic link to nothing; it is ignored")
        case .linkOutsideContent(let path, let isFolder):
            return CatalogEntry("link-outside-content",
                fr: "\(q: path) est un lien symbolique vers \(isFolder ? "un dossier" : "un fichier") hors du dossier de contenu ; il est ignoré",
                en: "\(q: path) is a symbolic link to \(isFolder ? "a place" : "a file") outside the content folder; it is ignored")
        case .folderIgnored(let path, let subfolder):
            return CatalogEntry("file-ignored", fr: "le dossier \(q: path) est ignoré : \(subfolder)/ ne contient que des fichiers",
                en: "folder \(q: path) is ignored: \(subfolder)/ holds files only")
        case .fileIgnored(let path, let expected):
            return CatalogEntry("file-ignored", fr: "\(q: path) est ignoré : un fichier .\(expected) est attendu ici",
                en: "\(q: path) is ignored: expected a .\(expected) file")

        // MARK: Markdown
        case .htmlDropped(let tag, let count):
            return CatalogEntry("html-dropped",
                fr: "le HTML \(q: tag) est retiré de la page\(others(count).fr)",
                en: "raw HTML \(q: tag) is left out of the page\(others(count).en)",
                note: ("écrivez en Markdown : le HTML est retiré, sauf si site.yaml indique allowRawHTML: true", "write Markdown: raw HTML is dropped unless site.yaml sets allowRawHTML: true"))
        case .htmlShownAsText(let tag, let count):
            return CatalogEntry("html-dropped",
                fr: "\(q: tag) est affiché comme du texte, sans être exécuté\(others(count).fr)",
                en: "\(q: tag) is shown as text, not run\(others(count).en)",
                note: ("les balises script, style, iframe, textarea, title, xmp, noembed, noframes, plaintext, noscript, meta, base, link, object, embed, applet, frame, frameset et template ne passent jamais", "script, style, iframe, textarea, title, xmp, noembed, noframes, plaintext, noscript, meta, base, link, object, embed, applet, frame, frameset and template tags are never let through"))
        case .unsafeLinkDropped(let target, let count):
            return CatalogEntry("link-dropped",
                fr: "le lien vers \(q: target) est retiré\(others(count).fr)",
                en: "link to \(q: target) is left out\(others(count).en)",
                note: ("seules les adresses http:, https:, mailto:, tel: et celles du site sont gardées (javascript:, vbscript:, file: sont retirées), sauf si site.yaml indique allowUnsafeLinks: true", "only http:, https:, mailto:, tel: and the site's own addresses are kept (javascript:, vbscript:, file: are dropped) unless site.yaml sets allowUnsafeLinks: true"))
        case .dataURLDropped(let target, let count):
            return CatalogEntry("link-dropped",
                fr: "l’adresse data: \(q: target) est retirée\(others(count).fr)",
                en: "data: URL \(q: target) is left out\(others(count).en)",
                note: ("les adresses data:, images comprises, sont retirées, sauf si site.yaml indique allowUnsafeLinks: true ; mettez plutôt l’image dans static/", "data: URLs, images included, are dropped unless site.yaml sets allowUnsafeLinks: true; put the image in static/ instead"))
        case .markdownDeep(let levels, let limit, let count):
            return CatalogEntry("markdown-deep",
                fr: "des listes ou citations imbriquées sur \(levels) niveaux (au plus \(limit) conseillés)\(others(count).fr)",
                en: "lists or quotes nested \(levels) levels deep (at most \(limit) advised)\(others(count).en)",
                note: ("les navigateurs aplatissent les niveaux en trop", "browsers flatten deeper nesting"))
        case .tableTooLarge(let columns, let rows, let count, let maximum):
            return CatalogEntry("table-too-large",
                fr: "un tableau de \(columns) colonnes × \(rows) lignes est affiché en texte brut\(others(count).fr)",
                en: "table of \(columns) columns × \(rows) rows is shown as plain text\(others(count).en)",
                note: ("un tableau a au plus \(maximum) cases (colonnes × lignes, chaque ligne complétée aux colonnes de l'en-tête) : découpez-le",
                       "a table may hold at most \(maximum) cells (columns × rows, every row padded to the header's columns); split it"))

        // MARK: YAML
        case .yamlSyntax(let problem, let context, let line):
            let note: (fr: French, en: English)? = context.map { context in
                (line.map { "(l'analyseur YAML dit : \(context) at line \($0))" } ?? "(l'analyseur YAML dit : \(context))",
                 line.map { "\(context) at line \($0)" } ?? "\(context)")
            }
            return CatalogEntry("yaml-syntax", fr: "erreur de syntaxe YAML (en anglais : \(problem))", en: "YAML syntax error: \(problem)", note: note)
        case .yamlHelp(let help):
            return help.entry
        case .national(let problem):
            return problem.entry
        case .controlCharacter(let code):
            return CatalogEntry("control-character", fr: "caractère invisible \(code) interdit dans le YAML",
                en: "invisible character \(code) is not allowed in YAML",
                note: ("supprimez-le (il vient souvent d'un copier-coller depuis un traitement de texte ou un PDF)",
                       "remove it (it often comes from a copy and paste out of a word processor or a PDF)"))
        case .encodingUTF16:
            return CatalogEntry("encoding-utf16", fr: "le fichier est enregistré en UTF-16, et non en UTF-8",
                en: "file is saved as UTF-16, not UTF-8",
                note: ("dans Excel, choisissez « Enregistrer sous… » puis « CSV UTF-8 » ; dans un éditeur de texte, enregistrez en UTF-8", "in Excel, choose 'Save As…' then 'CSV UTF-8'; in a text editor, save as UTF-8"))
        case .yamlUnreadable(let problem):
            return CatalogEntry("yaml-syntax", fr: "le YAML ne peut pas être lu (\(problem))", en: "YAML cannot be read: \(problem)")
        case .yamlAliasesTooLarge(let limit):
            return CatalogEntry("yaml-aliases-too-large", fr: "les alias de ce YAML recopient plus de \(limit) valeurs",
                en: "the aliases of this YAML copy more than \(limit) values",
                note: ("un alias (*nom) recopie tout ce que contient son ancre (&nom) : recopiez moins, ou écrivez les valeurs",
                       "an alias (*name) copies all its anchor (&name) holds: copy less, or write the values out"))
        case .yamlTooDeep(let limit):
            return CatalogEntry("yaml-too-deep", fr: "plus de \(limit) listes sont imbriquées les unes dans les autres",
                en: "more than \(limit) lists or mappings are nested in one another",
                note: ("vérifiez les crochets « [ » et les accolades « { » : le contenu n'a besoin que de quelques niveaux",
                       "check the brackets '[' and braces '{': content needs only a few levels"))
        case .yamlTooManyValues(let limit):
            return CatalogEntry("yaml-too-many-values", fr: "ce YAML compte plus de \(limit) valeurs",
                en: "this YAML holds more than \(limit) values",
                note: ("un fichier de contenu en compte quelques milliers au plus : vérifiez qu'il n'a pas été rempli par erreur",
                       "a content file holds a few thousand at most: check that it was not filled by mistake"))
        case .keyDuplicate(let key, let firstLine):
            return CatalogEntry("key-duplicate", fr: "la clé \(q: key) est donnée deux fois", en: "duplicate key \(q: key)",
                note: ("déjà donnée ligne \(firstLine) : gardez une seule des deux", "first given at line \(firstLine)"))
        case .keyUnknown(let key, let subject, let suggestion):
            return CatalogEntry("key-unknown", fr: "clé \(q: key) inconnue dans \(subject.fr)", en: "unknown key \(q: key) in \(subject.en)",
                note: didYouMean(suggestion))
        case .keyInvalid(let subject):
            return CatalogEntry("key-invalid",
                fr: subject.map { "une clé de \($0.fr) doit être un simple mot" } ?? "une clé doit être un simple mot",
                en: subject.map { "a key of \($0.en) must be a plain word" } ?? "a key must be a plain word")
        case .keyMissing(let key, let subject):
            return CatalogEntry("key-missing", fr: "il manque la clé obligatoire \(q: key) dans \(subject.fr)",
                en: "\(subject.en) lacks the required key \(q: key)")
        case .keyMisspelt(let written, let key, let subject, let required):
            return CatalogEntry("key-misspelt",
                fr: "il manque la clé \(required ? "obligatoire " : "")\(q: key) dans \(subject.fr), et la clé \(q: written) est inconnue",
                en: "\(subject.en) lacks the \(required ? "required " : "")key \(q: key), and the key \(q: written) is unknown",
                note: ("vouliez-vous dire \(q: key) ? La valeur de \(q: written) n'est pas lue", "did you mean \(q: key)? The value of \(q: written) is not read"))
        case .textMarkup(let key, let tag):
            return CatalogEntry("text-markup", fr: "\(q: key) contient la balise HTML \(q: tag)", en: "\(q: key) contains HTML markup \(q: tag)",
                note: ("elle est affichée telle quelle, pas comme du HTML", "it is shown as written, not as HTML"))
        case .notMapping(let subject, let found):
            return CatalogEntry("type-mismatch",
                fr: "\(subject.fr) doit être une liste de clés et de valeurs (clé: valeur), et non \(found.fr)",
                en: "\(subject.en) must be a mapping of keys to values, found \(found.en)")
        case .notText(let key, let found):
            return CatalogEntry("type-mismatch", fr: "\(q: key) doit être un texte, et non \(found.fr)", en: "\(q: key) must be text, found \(found.en)",
                note: textNote(found: found))
        case .notWholeNumber(let key, let found, let help):
            return CatalogEntry("type-mismatch", fr: "\(q: key) doit être un nombre entier, et non \(found.fr)",
                en: "\(q: key) must be a whole number, found \(found.en)", note: help?.note)
        case .notNumber(let key, let found, let help):
            return CatalogEntry("type-mismatch", fr: "\(q: key) doit être un nombre, et non \(found.fr)",
                en: "\(q: key) must be a number, found \(found.en)", note: help?.note)
        case .notBoolean(let key, let found):
            return CatalogEntry("type-mismatch", fr: "\(q: key) vaut true (oui) ou false (non), et non \(found.fr)",
                en: "\(q: key) must be true or false, found \(found.en)")
        case .notDate(let key, let found):
            return CatalogEntry("type-mismatch", fr: "\(q: key) doit être une date AAAA-MM-JJ, et non \(found.fr)",
                en: "\(q: key) must be a date YYYY-MM-DD, found \(found.en)")
        case .notList(let key, let found):
            return CatalogEntry("type-mismatch", fr: "\(q: key) doit être une liste, et non \(found.fr)",
                en: "\(q: key) must be a list, found \(found.en)",
                note: ("une liste s'écrit [a, b] ou un élément par ligne précédé de « - »", "write a list as [a, b], or one item per line after '- '"))
        case .valueEmpty(let key):
            return CatalogEntry("value-empty", fr: "\(q: key) ne doit pas être vide", en: "\(q: key) must not be empty")
        case .numberTooLarge(let key, let found, let whole):
            return CatalogEntry("number-too-large", fr: "\(q: key) est trop grand : \(found.fr)", en: "\(q: key) is too large: \(found.en)",
                note: whole
                    ? ("les nombres entiers vont de -1 000 000 000 à 1 000 000 000", "whole numbers go from -1 000 000 000 to 1 000 000 000")
                    : ("les nombres vont de -1 000 000 000 000 à 1 000 000 000 000", "numbers go from -1 000 000 000 000 to 1 000 000 000 000"))
        case .dateInvalid(let written, let key, let help):
            switch help {
            case .frenchOrder(let suggested):
                return CatalogEntry("date-invalid", fr: "la date \(q: written) de \(q: key) doit s'écrire année-mois-jour",
                    en: "\(q: written) is not a valid date (YYYY-MM-DD expected) for \(q: key)",
                    note: ("écrivez \(suggested)", "write \(suggested)"))
            case .dayDoesNotExist:
                return CatalogEntry("date-invalid", fr: "la date \(q: written) de \(q: key) : ce jour n'existe pas",
                    en: "\(q: written) for \(q: key): this day does not exist",
                    note: ("vérifiez le jour et le mois", "check the day and the month"))
            case .format:
                return CatalogEntry("date-invalid", fr: "\(q: written) n'est pas une date valable pour \(q: key)",
                    en: "\(q: written) is not a valid date (YYYY-MM-DD expected) for \(q: key)",
                    note: ("écrivez la date année-mois-jour, par exemple 2019-12-31", "write the date as year-month-day, for example 2019-12-31"))
            }
        case .dateOutOfRange(let written, let key, let years):
            return CatalogEntry("date-out-of-range", fr: "la date \(q: written) de \(q: key) est hors limites",
                en: "\(q: written) is out of range for \(q: key)",
                note: ("les dates vont de \(String(years.lowerBound)) à \(String(years.upperBound))", "dates go from \(String(years.lowerBound)) to \(String(years.upperBound))"))
        case .valueUnknown(let key, let written, let suggestion, let known):
            return CatalogEntry("value-unknown", fr: "valeur \(q: written) inconnue pour \(q: key)", en: "unknown \(key) \(q: written)",
                note: didYouMean(suggestion) ?? ("valeurs possibles : \(list: known)", "expected one of: \(list: known)"))

        // MARK: CPTS front matter
        case .communeCodeInvalid(let code, let quoted):
            return CatalogEntry("commune-code-invalid",
                fr: "\(q: code) n'est pas un code commune INSEE (cinq caractères, comme \"37003\")",
                en: "\(q: code) is not an INSEE commune code (five characters, like \"37003\")",
                note: code.count != 4 ? nil
                    : quoted ? ("il manque un caractère : un code qui commence par un zéro l'écrit, comme \("\"0\(code)\"")",
                                "a character is missing: a code that starts with a zero writes it, like \"0\(code)\"")
                    : ("mettez le code entre guillemets pour garder le zéro du début : \("\"0\(code)\"")", "quote the code to keep its leading zero: \"0\(code)\""))
        case .stageUnknownInDates(let stage, let suggestion, let known):
            return CatalogEntry("value-unknown", fr: "étape \(q: stage) inconnue dans \(q: "dates")", en: "unknown stage \(q: stage) in 'dates'",
                note: didYouMean(suggestion) ?? ("étapes : \(list: known)", "stages: \(list: known)"))
        case .stageUnknownInPlanned(let stage, let suggestion, let known):
            return CatalogEntry("value-unknown", fr: "étape \(q: stage) inconnue dans \(q: "planned")", en: "unknown stage \(q: stage) in 'planned'",
                note: didYouMean(suggestion) ?? ("étapes : \(list: known)", "stages: \(list: known)"))
        case .legalFormUnknown(let form, let suggestion, let known):
            return CatalogEntry("value-unknown", fr: "forme juridique \(q: form) inconnue", en: "unknown legal form \(q: form)",
                note: didYouMean(suggestion) ?? ("formes connues : \(list: known)", "known forms: \(list: known)"))
        case .professionUnknown(let profession, let suggestion):
            return CatalogEntry("profession-unknown", fr: "profession \(q: profession) inconnue", en: "unknown profession \(q: profession)",
                note: didYouMean(suggestion))
        case .membersNegative(let count):
            return CatalogEntry("value-negative", fr: "un nombre de membres ne peut pas être négatif (ici \(count))",
                en: "a number of members must not be negative, not \(count)")
        case .missionDeployedBeforeStart(let mission, let deployed, let start):
            return CatalogEntry("mission-deployed-before-start",
                fr: "la mission \(q: mission) est déployée (\(deployed)) avant d'avoir commencé (\(start))",
                en: "mission \(q: mission) is deployed (\(deployed)) before it starts (\(start))")
        case .missionDateUnknown(let written, let suggestion):
            return CatalogEntry("value-unknown", fr: "date \(q: written) inconnue dans le \(q: "planned") d'une mission",
                en: "unknown date \(q: written) in a mission's 'planned'",
                note: didYouMean(suggestion) ?? ("dates d'une mission : start, deployed", "a mission's dates: start, deployed"))

        // MARK: Region, schedules, figures, communes, shapes
        case .valueNotPositive(let key, let value):
            return CatalogEntry("value-not-positive", fr: "\(q: key) doit être positif (ici \(value))", en: "\(q: key) must be positive, not \(value)")
        case .departmentCodeInvalid(let code):
            return CatalogEntry("department-code-invalid",
                fr: "le code de département \(q: code) ne doit contenir que des lettres et des chiffres, comme \"37\" ou \"2A\"",
                en: "department code \(q: code) must be letters and digits only, like \"37\" or \"2A\"")
        case .departmentDuplicate(let code, let first, let firstLine):
            return first == code
                ? CatalogEntry("department-duplicate", fr: "le département \(q: code) est déjà donné ligne \(firstLine)",
                               en: "department \(q: code) is already listed on line \(firstLine)")
                : CatalogEntry("department-duplicate",
                               fr: "le département \(q: code) est déjà donné ligne \(firstLine), écrit \(q: first)",
                               en: "department \(q: code) is already listed on line \(firstLine), as \(q: first)",
                               note: ("un département a une page, departements/\(code.lowercased())/ : gardez l’un des deux",
                                      "a department has one page, departements/\(code.lowercased())/: keep one of them"))
        case .structureCountNegative:
            return CatalogEntry("value-negative", fr: "\(q: "count") ne peut pas être négatif", en: "'count' must not be negative")
        case .yearlyAidNegative:
            return CatalogEntry("amount-negative", fr: "\(q: "yearlyAid") ne peut pas être négatif", en: "'yearlyAid' must not be negative")
        case .milestoneKindUnknown(let kind, let suggestion):
            return CatalogEntry("value-unknown", fr: "type de jalon \(q: kind) inconnu", en: "unknown milestone kind \(q: kind)",
                note: didYouMean(suggestion) ?? ("écrivez \(q: DomainLabels.milestoneKindsShort.label(of: "published")) ou \(q: DomainLabels.milestoneKindsShort.label(of: "forecast"))",
                                                "expected published or forecast"))
        case .coverageNotFraction(let written, let value):
            return CatalogEntry("share-out-of-range", fr: "\(q: "coverage") est une part entre 0 et 1, et non \(written)",
                en: "'coverage' is a fraction between 0 and 1, not \(written)",
                note: value <= 100 ? ("écrivez \(decimal: value / 100) pour \(decimal: value)\u{00A0}%", "write \(decimal: value / 100) for \(decimal: value) %") : nil)
        case .trancheNotNumber(let key):
            return CatalogEntry("value-unknown", fr: "\(q: key) n'est pas un numéro de tranche (1 à 4)", en: "\(q: key) is not a tranche number (1 to 4)")
        case .statusUnknown(let status, let suggestion, let known):
            return CatalogEntry("value-unknown", fr: "statut \(q: status) inconnu", en: "unknown status \(q: status)",
                note: didYouMean(suggestion) ?? ("valeurs possibles : \(list: known)", "expected one of: \(list: known)"))
        case .figureUnknown(let id, let suggestion):
            return CatalogEntry("figure-unknown", fr: "chiffre de diagnostic \(q: id) inconnu", en: "unknown diagnostic figure \(q: id)",
                note: didYouMean(suggestion))
        case .shareOutOfRange(let id, let value):
            return CatalogEntry("share-out-of-range", fr: "\(q: id) est un pourcentage entre 0 et 100, et non \(decimal: value)",
                en: "\(q: id) is a percentage between 0 and 100, not \(decimal: value)")
        case .countInvalid(let id, let value):
            return CatalogEntry("count-invalid", fr: "\(q: id) est un nombre de personnes : un nombre entier, et non \(decimal: value)",
                en: "\(q: id) is a count of people: a whole number, not \(decimal: value)")
        case .rateNegative(let id, let value):
            return CatalogEntry("value-negative", fr: "\(q: id) est un taux et ne peut pas être négatif (ici \(decimal: value))",
                en: "\(q: id) is a rate and cannot be negative, not \(decimal: value)")
        case .csvColumnMissing(let column):
            return CatalogEntry("csv-column-missing", fr: "geo/communes.csv n'a pas de colonne \(q: column)", en: "geo/communes.csv has no \(q: column) column",
                note: ("la première ligne attendue ressemble à : code;name;department;population", "expected a header such as: code;name;department;population"))
        case .csvRowShort(let cells, let header):
            return CatalogEntry("csv-row-short", fr: "la ligne a \(cells) cases, moins que les \(header) de l'en-tête",
                en: "row has \(cells) cells, fewer than the header's \(header)")
        case .csvRowLong(let cells, let header, let separator):
            return CatalogEntry("csv-row-long", fr: "la ligne a \(cells) cases, plus que les \(header) de l'en-tête",
                en: "row has \(cells) cells, more than the header's \(header)",
                note: ("mettez entre guillemets une case qui contient \(q: separator) : \("\"Blois\(separator) Ville\"")", "quote a cell that holds '\(separator)': \"Blois\(separator) Ville\""))
        case .csvQuoteUnclosed:
            return CatalogEntry("csv-quote-unclosed", fr: "une case entre guillemets n'est pas fermée", en: "quoted cell is not closed",
                note: ("un guillemet dans une case entre guillemets s'écrit deux fois : \"\"", "a quote inside a quoted cell is written twice: \"\""))
        case .csvQuoteStray:
            return CatalogEntry("csv-quote-stray", fr: "du texte suit le guillemet fermant d'une case", en: "text after the closing quote of a cell",
                note: ("un guillemet dans une case entre guillemets s'écrit deux fois : \"\"", "a quote inside a quoted cell is written twice: \"\""))
        case .communePopulationNotWhole(let commune, let written):
            return CatalogEntry("type-mismatch", fr: "la population de la commune \(q: commune) doit être un nombre entier, et non \(q: written)",
                en: "population of commune \(q: commune) must be a whole number, found \(q: written)")
        case .communePopulationNegative(let commune, let written):
            return CatalogEntry("value-negative", fr: "la population de la commune \(q: commune) ne peut pas être négative (ici \(written))",
                en: "population of commune \(q: commune) must not be negative, not \(written)")
        case .communePopulationTooLarge(let commune, let written):
            return CatalogEntry("number-too-large", fr: "la population de la commune \(q: commune) est trop grande : \(written)",
                en: "population of commune \(q: commune) is too large: \(written)",
                note: ("les nombres entiers vont de -1 000 000 000 à 1 000 000 000", "whole numbers go from -1 000 000 000 to 1 000 000 000"))
        case .communeDuplicate(let commune):
            return CatalogEntry("commune-duplicate", fr: "la commune \(q: commune) est donnée deux fois", en: "commune \(q: commune) is listed twice")
        case .geojsonSyntax(let reason):
            return CatalogEntry("geojson-invalid", fr: "ce n'est pas du JSON valable (\(reason))", en: "not valid JSON: \(reason)")
        case .geojsonNotCollection:
            return CatalogEntry("geojson-invalid",
                fr: "une FeatureCollection GeoJSON est attendue : un objet avec \"type\": \"FeatureCollection\" et un tableau \"features\"",
                en: "expected a GeoJSON FeatureCollection: an object with \"type\": \"FeatureCollection\" and a \"features\" array")
        case .geojsonCodeTwice(let feature, let code):
            return CatalogEntry("geojson-invalid", fr: "élément \(feature) : le code \(q: code) apparaît deux fois ; le second est ignoré",
                en: "feature \(feature): code \(q: code) appears twice; the second is ignored")
        case .geojsonFeature(let feature, let code, let problem):
            return CatalogEntry("geojson-invalid", fr: "élément \(feature)\(code.map { " (code «\u{202F}\($0)\u{202F}»)" } ?? "") : \(problem.fr)",
                en: "feature \(feature)\(code.map { " (code '\($0)')" } ?? ""): \(problem.en)")

        // MARK: Rules
        case .departmentUnknown(let code, let suggestion, let known):
            return CatalogEntry("department-unknown", fr: "le département \(q: code) n'est pas dans region.yaml",
                en: "department \(q: code) is not in region.yaml",
                note: didYouMean(suggestion) ?? ("départements connus : \(list: known)", "known departments: \(list: known)"))
        case .referenceDepartmentUnknown(let code, let suggestion):
            return CatalogEntry("department-unknown", fr: "valeurs de référence pour le département \(q: code), qui n'est pas dans \(q: "departments")",
                en: "reference values for department \(q: code), which is not in 'departments'", note: didYouMean(suggestion))
        case .populationNotPositive(let value):
            return CatalogEntry("population-not-positive", fr: "la population doit être un nombre d'habitants positif, et non \(value)",
                en: "population must be a positive number of inhabitants, not \(value)")
        case .populationMissing:
            return CatalogEntry("population-missing", fr: "la population manque", en: "'population' is missing",
                note: ("donnez \(q: "population"), ou des \(q: "communes") présentes dans geo/communes.csv", "give 'population', or 'communes' listed in geo/communes.csv"))
        case .populationMismatch(let population, let communes, let sum):
            return CatalogEntry("population-mismatch",
                fr: "la population \(population) s'écarte de plus de 2 % de la somme de ses \(communes) communes (\(sum))",
                en: "population \(population) differs from the sum of its \(communes) communes (\(sum)) by more than 2 %")
        case .communeUnknown(let code):
            return CatalogEntry("commune-unknown", fr: "la commune \(q: code) n'est pas dans geo/communes.csv", en: "commune \(q: code) is not in geo/communes.csv")
        case .communeInTwoCPTS(let code, let name, let firstCPTS, let first):
            let named = name.map { " (\($0))" } ?? ""
            return CatalogEntry("commune-in-two-cpts",
                fr: "la commune \(code)\(named) est déjà dans \(firstCPTS) (\(first.description))",
                en: "commune \(code)\(named) is already in \(firstCPTS) (\(first.description))",
                note: ("un territoire n'a qu'une CPTS : retirez la commune de l'une des deux", "a territory has one CPTS only: remove it from one of the two"))
        case .stageWithoutDate(let stage):
            return CatalogEntry("stage-without-date", fr: "l'étape \(q: stage) n'a pas de date", en: "stage \(q: stage) has no date",
                note: ("ajoutez \(q: "\(stage): AAAA-MM-JJ") sous \(q: "dates")", "add '\(stage): YYYY-MM-DD' under 'dates'"))
        case .stageDateBeyondStage(let dated, let stage):
            return CatalogEntry("stage-date-beyond-stage", fr: "\(q: dated) est datée, mais la CPTS est à l'étape \(q: stage)",
                en: "\(q: dated) is dated but the CPTS is at stage \(q: stage)",
                note: ("écrivez \(q: "stage: \(dated)") ou retirez cette date", "set 'stage: \(dated)' or remove this date"))
        case .stageDatesBackwards(let stage, let date, let earlier, let earlierDate):
            return CatalogEntry("stage-dates-backwards", fr: "\(q: stage) (\(date)) est datée avant \(q: earlier) (\(earlierDate))",
                en: "\(q: stage) (\(date)) is dated before \(q: earlier) (\(earlierDate))")
        case .diagnosticWithoutCPTS(let slug, let suggestion):
            return CatalogEntry("diagnostic-without-cpts", fr: "diagnostic territorial pour \(q: slug), mais il n'y a pas de cpts/\(slug).md",
                en: "territorial diagnostic for \(q: slug), but there is no cpts/\(slug).md", note: didYouMean(suggestion))
        case .indicatorsWithoutCPTS(let slug, let suggestion):
            return CatalogEntry("indicators-without-cpts", fr: "indicateurs pour \(q: slug), mais il n'y a pas de cpts/\(slug).md",
                en: "indicators for \(q: slug), but there is no cpts/\(slug).md", note: didYouMean(suggestion))
        case .missionUnknown(let id, let suggestion, let listKnown):
            return CatalogEntry("mission-unknown", fr: "mission \(q: id) inconnue", en: "unknown mission \(q: id)",
                note: didYouMean(suggestion) ?? (listKnown ? ("missions : \(list: Mission.ids)", "missions: \(list: Mission.ids)") : nil))
        case .missionDuplicate(let id):
            return CatalogEntry("mission-duplicate", fr: "la mission \(q: id) est donnée deux fois", en: "mission \(q: id) is listed twice")
        case .indicatorMissionNotCarried(let indicator, let mission, let cpts):
            return CatalogEntry("indicator-mission-not-carried",
                fr: "l'indicateur \(q: indicator) porte sur la mission \(q: mission), que \(cpts) ne mène pas",
                en: "indicator \(q: indicator) is for mission \(q: mission), which \(cpts) does not carry")
        case .indicatorMissionNotStarted(let indicator, let mission, let year, let from, let to, let start):
            return CatalogEntry("indicator-mission-not-started",
                fr: "l'indicateur \(q: indicator) de l'année de contrat \(year) (du \(from) au \(to)) porte sur la mission \(q: mission), "
                    + (start.map { "qui ne commence que le \($0), après cette année" } ?? "qui n'a pas de date de début"),
                en: "indicator \(q: indicator) of contract year \(year) (\(from) to \(to)) is for mission \(q: mission), "
                    + (start.map { "which starts only on \($0), after that year" } ?? "which has no start date"),
                note: ("une mission non démarrée n'a pas de part variable à évaluer : datez son début, ou mettez l'indicateur dans l'année où elle commence",
                       "a mission not started has no variable part to assess: date its start, or move the indicator to the year it starts"))
        case .indicatorDuplicate(let id, let year, let firstLine):
            return CatalogEntry("indicator-duplicate",
                fr: "l'indicateur \(q: id) apparaît deux fois dans l'année de contrat \(year) (la première fois ligne \(firstLine))",
                en: "indicator \(q: id) appears twice in contract year \(year) (first at line \(firstLine))")
        case .stepsMissing(let indicator):
            return CatalogEntry("steps-missing", fr: "l'indicateur \(q: indicator) n'a aucun palier de rémunération",
                en: "indicator \(q: indicator) has no reward steps")
        case .stepAmountNegative(let amount):
            return CatalogEntry("amount-negative", fr: "le montant d'un palier ne peut pas être négatif (ici \(amount))",
                en: "step amount must not be negative, not \(amount)")
        case .doneValueNotBoolean:
            return CatalogEntry("done-value-not-boolean", fr: "un indicateur \(q: "done") prend \(q: "value: true") ou \(q: "value: false")",
                en: "a 'done' indicator takes 'value: true' or 'value: false'")
        case .doneHasThresholds:
            return CatalogEntry("steps-contradict-direction", fr: "un indicateur \(q: "done") n'a pas de seuils, seulement un montant",
                en: "a 'done' indicator has no thresholds, only an amount")
        case .stepsContradictDirection(let threshold, let earlier, let rising):
            return CatalogEntry("steps-contradict-direction",
                fr: "seuil \(threshold) après \(earlier) : les paliers d'un indicateur \(q: rising ? "up" : "down") doivent \(rising ? "monter" : "descendre")",
                en: "threshold \(threshold) after \(earlier): steps of a '\(rising ? "up" : "down")' indicator must \(rising ? "rise" : "fall")")
        case .valueNotNumber(let direction):
            return CatalogEntry("value-not-number", fr: "un indicateur \(q: direction) prend un nombre comme \(q: "value")",
                en: "an '\(direction)' indicator takes a number as 'value'")
        case .stepThresholdMissing(let direction):
            return CatalogEntry("step-threshold-missing", fr: "un palier d'un indicateur \(q: direction) a besoin d'un \(q: "threshold")",
                en: "an '\(direction)' indicator's step needs a 'threshold'")
        case .stepsAmountNotRising(let amount, let previous, let indicator):
            return CatalogEntry("steps-amount-not-rising",
                fr: "montant \(amount) après \(previous) : un palier plus difficile de l'indicateur \(q: indicator) doit rapporter plus que le précédent",
                en: "step amount \(amount) after \(previous): a harder step of indicator \(q: indicator) must pay more than the one before")
        case .contractYearOutOfRange(let year):
            return CatalogEntry("contract-year-out-of-range", fr: "l'année de contrat va de 1 à 5, et non \(year)",
                en: "contract year must be between 1 and 5, not \(year)")
        case .contractYearDuplicate(let year):
            return CatalogEntry("contract-year-duplicate", fr: "l'année de contrat \(year) est donnée deux fois", en: "contract year \(year) is given twice")
        case .themeInvalid(let name):
            return CatalogEntry("theme-invalid", fr: "le thème \(q: name) n'est pas un nom de dossier", en: "theme \(q: name) is not a folder name",
                note: ("donnez le nom d'un dossier de themes/ : lettres, chiffres, « . », « _ » et « - », sans « . » au début",
                       "name a folder of themes/: letters, digits, '.', '_' and '-', not starting with '.'"))
        case .themeMissing(let name, let folder):
            return CatalogEntry("theme-missing", fr: "le thème \(q: name) n'est ni dans \(folder)/ ni parmi les thèmes fournis avec cpts-site",
                en: "theme \(q: name) is neither in \(folder)/ nor among the themes shipped with cpts-site",
                note: ("créez le dossier \(folder)/\(name), ou retirez \(q: "theme") de site.yaml pour le thème par défaut", "create the folder \(folder)/\(name), or remove 'theme' from site.yaml for the default theme"))
        case .languageUnsupported(let language):
            return CatalogEntry("language-unsupported", fr: "la langue \(q: language) n'est pas prise en charge : les pages sont en français",
                en: "language \(q: language) is not supported: pages are in French",
                note: ("écrivez \(q: "language: fr"), ou retirez la ligne", "write 'language: fr', or remove the line"))
        case .baseURLInvalid(let url):
            return CatalogEntry("base-url-invalid", fr: "baseURL \(q: url) n'est pas une adresse complète en http ou https",
                en: "baseURL \(q: url) is not an absolute http or https URL with a host",
                note: ("par exemple : \("baseURL: https://observatoire.example.org/cpts/")", "for example: baseURL: https://observatoire.example.org/cpts/"))
        case .baseURLPlaceholder(let url, let host):
            return CatalogEntry("base-url-placeholder",
                fr: "baseURL \(q: url) est l'adresse d'exemple : robots.txt, le plan du site et le flux enverraient les moteurs de recherche vers \(host)",
                en: "baseURL \(q: url) is the example address: robots.txt, the sitemap and the feed would send search engines to \(host)",
                note: ("écrivez l'adresse publique du site, par exemple \("baseURL: https://cpts.ma-region.fr/")", "write the site's public address, for example baseURL: https://cpts.my-region.fr/"))
        case .plannedDatePassed(let what, let date, let asOf):
            return CatalogEntry("planned-date-passed",
                fr: "\(what.fr) est \(what.agreed("indiqué comme prévu", "indiquée comme prévue")), mais sa date (\(date)) n'est pas après la date du site (\(asOf))",
                en: "\(what.en) is marked as planned but its date (\(date)) is not after the site's date (\(asOf))",
                note: ("si c'est fait, retirez \(q: what.key) de \(q: "planned")", "if it happened, remove '\(what.key)' from 'planned'"))
        case .dateAfterAsOf(let what, let date, let asOf):
            return CatalogEntry("date-after-as-of",
                fr: "\(what.fr) est \(what.agreed("daté", "datée")) du \(date), après la date du site (\(asOf)) : \(what.agreed("il n'est pas compté comme fait", "elle n'est pas comptée comme faite"))",
                en: "\(what.en) is dated \(date), after the site's date (\(asOf)): it is not counted as done",
                note: ("si c'est une prévision, ajoutez \(q: what.key) à \(q: "planned") ; sinon vérifiez la date, ou \(q: "asOf") dans site.yaml",
                       "if it is a forecast, add '\(what.key)' to 'planned'; otherwise check the date or 'asOf' in site.yaml"))
        case .slugInvalid(let slug, let suggested):
            return CatalogEntry("slug-invalid",
                fr: "le nom de fichier \(q: slug) ne doit contenir que des lettres minuscules sans accent, des chiffres et des tirets",
                en: "slug '\(slug)' must contain only lowercase letters a-z, digits and '-'",
                note: ("renommez le fichier, par exemple en \(q: suggested + ".md")", "rename the file, for example to '\(suggested).md'"))
        case .slugReserved(let slug, let owner, let reserved):
            return CatalogEntry("slug-reserved",
                fr: "le nom de page \(q: slug) est pris par \(owner.fr) (\(slug.lowercased())/)",
                en: "page slug '\(slug)' is taken by \(owner.en) (\(slug.lowercased())/)",
                note: ("renommez le fichier ; noms réservés : \(list: reserved)", "rename the file; reserved: \(list: reserved)"))
        case .slugDuplicate(let slug, let firstFile):
            return CatalogEntry("slug-duplicate", fr: "le nom \(q: slug) est déjà pris par \(firstFile)", en: "slug '\(slug)' is already used by \(firstFile)")
        case .pageDuplicate(let slug, let firstFile):
            return CatalogEntry("page-duplicate", fr: "la page \(q: slug) est déjà donnée par \(firstFile)",
                en: "page '\(slug)' is already given by \(firstFile)",
                note: ("une adresse, un fichier : renommez ou supprimez l’un des deux", "one address, one file: rename or remove one of them"))
        case .indicatorsDuplicate(let slug, let firstFile):
            return CatalogEntry("indicators-duplicate", fr: "les indicateurs de \(q: slug) sont déjà donnés par \(firstFile)",
                en: "the indicators of '\(slug)' are already given by \(firstFile)",
                note: ("un seul fichier d’indicateurs par CPTS : gardez l’un des deux", "one indicators file per CPTS: keep one of them"))
        case .territoryDiagnosticDuplicate(let slug, let firstFile):
            return CatalogEntry("territory-diagnostic-duplicate", fr: "le diagnostic territorial de \(q: slug) est déjà donné par \(firstFile)",
                en: "the territorial diagnostic of '\(slug)' is already given by \(firstFile)",
                note: ("un seul diagnostic par CPTS : gardez l’un des deux fichiers", "one diagnostic per CPTS: keep one of the two files"))
        case .scheduleUnknown(let id, let suggestion, let known):
            return CatalogEntry("schedule-unknown", fr: "barème de financement \(q: id) inconnu", en: "funding schedule '\(id)' is unknown",
                note: didYouMean(suggestion) ?? ("barèmes connus : \(list: known)", "known schedules: \(list: known)"))
        case .scheduleTranchesInvalid:
            return CatalogEntry("schedule-tranches-invalid",
                fr: "\(q: "tranches") doit donner les trois bornes basses croissantes des tranches 2, 3 et 4, par exemple [40000, 80000, 175001]",
                en: "'tranches' must give the three rising lower bounds of tranches 2, 3 and 4, e.g. [40000, 80000, 175001]")
        case .scheduleTranchesMissing(let line, let count):
            return CatalogEntry("schedule-tranches-missing",
                fr: "\(q: line) donne \(count) montant\(count > 1 ? "s" : "") ; un barème en demande un par tranche (4)",
                en: "'\(line)' gives \(count) amounts; a schedule needs one per tranche (4)")
        case .scheduleAmountNegative(let line, let amount):
            return CatalogEntry("amount-negative", fr: "\(q: line) a un montant négatif (\(amount))", en: "'\(line)' has a negative amount (\(amount))")
        case .scheduleSocleUnpaid(let mission, let schedule):
            return CatalogEntry("schedule-socle-unpaid", fr: "la mission socle \(q: mission) n'a pas de montants dans le barème \(q: schedule)",
                en: "socle mission '\(mission)' has no amounts in schedule '\(schedule)'")
        case .socleMissionMissing(let mission, let schedule):
            return CatalogEntry("socle-mission-missing",
                fr: "le contrat signé n'a pas la mission socle \(q: mission) du barème \(q: schedule)",
                en: "signed contract lacks the socle mission '\(mission)' of schedule '\(schedule)'",
                note: ("ajoutez \(q: "- id: \(mission)") sous \(q: "missions")", "add '- id: \(mission)' under 'missions'"))
        case .missionStartedLate(let mission, let start, let deadline, let rule):
            return CatalogEntry("mission-started-late",
                fr: "la mission \(q: mission) commence le \(start), après la date limite de l'ACI, le \(deadline) (\(rule.fr))",
                en: "mission '\(mission)' starts on \(start), after the ACI deadline of \(deadline) (\(rule.en))")
        case .missionNotStarted(let mission, let deadline):
            return CatalogEntry("mission-not-started",
                fr: "la mission \(q: mission) n'a pas de date de début, et sa date limite ACI (\(deadline)) est passée",
                en: "mission '\(mission)' has no start date and its ACI deadline (\(deadline)) has passed")
        case .missionDeployedLate(let mission, let deployed, let deadline, let rule):
            return CatalogEntry("mission-deployed-late",
                fr: "la mission \(q: mission) est déployée le \(deployed), après la date limite de déploiement de l'ACI, le \(deadline) (\(rule.fr))",
                en: "mission '\(mission)' is deployed on \(deployed), after the ACI deployment deadline of \(deadline) (\(rule.en))")
        case .missionNotDeployed(let mission, let asOf, let deadline):
            return CatalogEntry("mission-not-deployed",
                fr: "la mission \(q: mission) n'est pas déployée au \(asOf), et sa date limite de déploiement ACI (\(deadline)) est passée",
                en: "mission '\(mission)' is not deployed at \(asOf) and its ACI deployment deadline (\(deadline)) has passed")

        // MARK: Themes, rendering, writing, links
        case .themeLinkOutside(let path, let folder):
            return CatalogEntry("theme-link-outside",
                fr: "\(q: path) est un lien symbolique vers un fichier hors du dossier du thème \(q: folder)",
                en: "'\(path)' is a symbolic link to a file outside the theme folder '\(folder)'",
                note: ("un thème ne publie que ses propres fichiers : copiez le fichier dans le thème", "a theme publishes only its own files: copy the file into the theme"))
        case .templateSyntax(let problem):
            return CatalogEntry("template-syntax", fr: "erreur dans le modèle : \(problem.fr)", en: "template error: \(problem.en)")
        case .templateMissing(let template):
            return CatalogEntry("template-missing", fr: "le thème n'a pas de modèle \(q: template + ".mustache")",
                en: "the theme has no template '\(template).mustache'")
        case .templateKeyUnknown(let key, let page):
            let note: (fr: French, en: English) = ("voir docs/themes.md pour les clés de chaque page",
                                                   "see docs/themes.md for the keys each page offers")
            guard let page else {
                return CatalogEntry("template-key-unknown", fr: "le modèle utilise \(q: key), que la page ne fournit pas",
                    en: "template uses '\(key)', which the page's view model does not have", note: note)
            }
            return CatalogEntry("template-key-unknown",
                fr: "le modèle utilise \(q: key), que la page \(q: page + ".mustache") ne fournit pas",
                en: "template uses '\(key)', which the view model of '\(page).mustache' does not have", note: note)
        case .renderFailed(let reason):
            return CatalogEntry("render-failed", fr: "la mise en page a échoué (\(reason))", en: "rendering failed: \(reason)")
        case .writeFailed(let step, let path, let reason):
            let what: (fr: French, en: English) = switch step {
            case .write: ("le fichier \(q: path) n'a pas pu être écrit", "could not write \(q: path)")
            case .create: ("le dossier \(q: path) n'a pas pu être créé", "could not create the folder \(q: path)")
            case .remove: ("\(q: path) n'a pas pu être supprimé", "could not remove \(q: path)")
            case .moveIntoPlace: ("le nouveau site n'a pas pu être mis en place dans \(q: path)", "could not move the new site into \(q: path)")
            case .moveAside: ("l'ancien site \(q: path) n'a pas pu être mis de côté", "could not move the old site \(q: path) aside")
            case .outside: ("\(q: path) sortirait du dossier de sortie", "\(q: path) would leave the output folder")
            }
            return CatalogEntry("write-failed", fr: what.fr + " : \(reason.fr)", en: what.en + ": \(reason.en)")
        case .outputNotGenerated(let folder):
            return CatalogEntry("output-not-generated",
                fr: "\(q: folder) existe et n'a pas été fait par cpts-site (il n'a pas de fichier .cpts-site) : il n'est pas remplacé, pour ne perdre aucun de ses fichiers",
                en: "\(q: folder) exists and was not made by cpts-site (it has no .cpts-site file): it is not replaced, so that none of its files is lost",
                note: ("choisissez un autre dossier avec --output, ou videz celui-ci", "choose another folder with --output, or empty this one"))
        case .outputNotAFolder(let folder):
            return CatalogEntry("output-not-a-folder", fr: "\(q: folder) existe et n'est pas un dossier : il n'est pas remplacé",
                en: "\(q: folder) exists and is not a folder: it is not replaced",
                note: ("choisissez un autre dossier avec --output", "choose another folder with --output"))
        case .outputLinkDangling(let folder, let target):
            return CatalogEntry("output-link-dangling", fr: "\(q: folder) est un lien symbolique vers \(q: target), qui n'existe pas",
                en: "\(q: folder) is a symbolic link to \(q: target), which does not exist",
                note: ("créez ce dossier (le site y sera écrit), ou choisissez un autre dossier avec --output", "create that folder (the site is written there), or choose another folder with --output"))
        case .outputStagingImpossible(let folder, let staging, let reason):
            return CatalogEntry("output-staging-impossible",
                fr: "le site ne peut pas être préparé dans \(q: staging), à côté de \(q: folder) : \(reason.fr)",
                en: "the site cannot be prepared in \(q: staging), beside \(q: folder): \(reason.en)",
                note: ("cpts-site écrit chaque nouvelle version du site dans ce dossier, puis la met en place d'un coup : il doit pouvoir écrire dans le dossier qui contient \(folder)",
                       "cpts-site writes each new version of the site in that folder, then puts it in place at once: it must be able to write in the folder holding \(folder)"))
        case .outputInsideContent(let output, let content):
            return CatalogEntry("output-inside-content",
                fr: "le dossier de sortie \(q: output) est dans le dossier de contenu \(q: content) : chaque construction y publierait la précédente",
                en: "output folder '\(output)' is inside content folder '\(content)': each build would publish the previous one",
                note: ("choisissez un dossier de sortie hors de \(content)/, comme public", "choose an output folder outside \(content)/, like public"))
        case .linkOutputMissing(let folder):
            return CatalogEntry("link-output-missing", fr: "le dossier de sortie \(q: folder) n'existe pas", en: "output folder '\(folder)' does not exist",
                note: ("construisez d'abord le site, puis vérifiez ses liens", "build the site first, then check its links"))
        case .linkBroken(let url, let page, let why):
            return CatalogEntry("link-broken", fr: "le lien vers \(q: url) de \(page) ne mène nulle part",
                en: "link to '\(url)' from \(page) does not resolve", note: why.note)
        case .linkAnchorMissing(let url, let page, let anchor, let target, let suggestion):
            return CatalogEntry("link-anchor-missing", fr: "le lien vers \(q: url) de \(page) : l'ancre \(q: "#" + anchor) n'existe pas",
                en: "link to '\(url)' from \(page): anchor '#\(anchor)' does not exist",
                note: suggestion.map { ("\(target) n'a pas d'élément d'id \(q: anchor) ; vouliez-vous dire \(q: "#" + $0) ?", "\(target) has no element with id '\(anchor)'; did you mean '#\($0)'?") }
                    ?? ("\(target) n'a pas d'élément d'id \(q: anchor)", "\(target) has no element with id '\(anchor)'"))
        }
    }
}

extension NumberHelp {
    var note: (fr: French, en: English) {
        switch self {
        case .decimalComma(let suggested):
            return ("écrivez \(suggested) : les décimales se séparent par un point", "write \(suggested): decimals are separated by a point")
        case .thousandsSeparator(let suggested):
            return ("écrivez \(suggested), sans espace ni point entre les milliers", "write \(suggested), without a space or point between thousands")
        case .hasDecimals:
            return ("écrivez-le sans décimales", "write it without decimals")
        }
    }
}

extension SyntaxHelp {
    var entry: CatalogEntry {
        switch self {
        case .colonInValue(let key, let value):
            return CatalogEntry("yaml-syntax", fr: "la valeur de \(q: key) contient « : » : mettez-la entre guillemets",
                en: "the value of '\(key)' holds ': ': quote it",
                note: ("écrivez \(key): \"\(value)\"", "write \(key): \"\(value)\""))
        case .apostropheInValue(let key, let value):
            return CatalogEntry("yaml-syntax", fr: "la valeur de \(q: key) contient une apostrophe : mettez-la entre guillemets doubles",
                en: "the value of '\(key)' holds an apostrophe: put it between double quotes",
                note: ("écrivez \(key): \"\(value)\"", "write \(key): \"\(value)\""))
        case .tabIndentation:
            return CatalogEntry("yaml-syntax", fr: "une tabulation sert de retrait : le YAML n'accepte que des espaces",
                en: "a tab is used for indentation: YAML accepts only spaces",
                note: ("remplacez la tabulation par des espaces (deux par niveau)", "replace the tab with spaces (two per level)"))
        case .noSpaceAfterColon(let key, let value):
            return CatalogEntry("yaml-syntax", fr: "il manque une espace après « : » dans \(q: key + ":" + value)",
                en: "a space is missing after ':' in '\(key):\(value)'",
                note: ("écrivez \(key): \(value)", "write \(key): \(value)"))
        case .unclosedQuote:
            return CatalogEntry("yaml-syntax", fr: "un guillemet ouvert n'est pas fermé", en: "a quote is opened and not closed",
                note: ("ajoutez le guillemet fermant à la fin de la valeur", "add the closing quote at the end of the value"))
        case .unclosedBracket:
            return CatalogEntry("yaml-syntax", fr: "un crochet « [ » ouvert n'est pas fermé", en: "a bracket '[' is opened and not closed",
                note: ("fermez la liste par « ] » sur la même ligne", "close the list with ']' on the same line"))
        }
    }
}

extension Dated {
    var fr: French {
        switch self {
        case .stage(let stage): "l'étape \(q: stage)"
        case .missionStart(let mission): "le début de la mission \(q: mission)"
        case .missionDeployment(let mission): "le déploiement de la mission \(q: mission)"
        }
    }

    var en: English {
        switch self {
        case .stage(let stage): "stage '\(stage)'"
        case .missionStart(let mission): "the start of mission '\(mission)'"
        case .missionDeployment(let mission): "the deployment of mission '\(mission)'"
        }
    }
}

extension GeoProblem {
    var fr: French {
        switch self {
        case .notFeature: "un objet avec \"type\": \"Feature\" est attendu"
        case .noProperties: "il n'a pas d'objet \"properties\""
        case .noCode: "il n'a pas de propriété \"code\""
        case .noGeometry: "il n'a pas d'objet \"geometry\""
        case .multiPolygonEmpty: "les coordonnées d'un MultiPolygon doivent être un tableau non vide de polygones"
        case .polygonEmpty: "un polygone doit être un tableau non vide d'anneaux"
        case .ringNotArray: "un anneau doit être un tableau de positions"
        case .positionInvalid: "une position doit être un tableau [longitude, latitude] de nombres"
        case .geometryType(let found): "le type de géométrie doit être Polygon ou MultiPolygon, et non \(found.map { "« \($0) »" } ?? "rien")"
        case .positionOutOfRange(let longitude, let latitude): "la position [\(English.decimal(longitude)), \(English.decimal(latitude))] n'est pas une longitude et une latitude WGS84"
        case .ringTooShort(let count): "un anneau a besoin d'au moins 4 positions, et non \(count)"
        case .ringNotClosed: "un anneau doit finir là où il commence"
        }
    }

    var en: English {
        switch self {
        case .notFeature: "expected an object with \"type\": \"Feature\""
        case .noProperties: "has no \"properties\" object"
        case .noCode: "has no \"code\" property"
        case .noGeometry: "has no \"geometry\" object"
        case .multiPolygonEmpty: "MultiPolygon coordinates must be a non-empty array of polygons"
        case .polygonEmpty: "a polygon must be a non-empty array of rings"
        case .ringNotArray: "a ring must be an array of positions"
        case .positionInvalid: "a position must be an array [longitude, latitude] of numbers"
        case .geometryType(let found): "geometry type must be Polygon or MultiPolygon, found \(found.map { "'\($0)'" } ?? "none")"
        case .positionOutOfRange(let longitude, let latitude): "position [\(English.decimal(longitude)), \(English.decimal(latitude))] is not a WGS84 longitude and latitude"
        case .ringTooShort(let count): "a ring needs at least 4 positions, found \(count)"
        case .ringNotClosed: "a ring must end where it starts"
        }
    }
}

extension TemplateProblem {
    var fr: French {
        switch self {
        case .unfinishedTag(let closing): "une balise n'est pas fermée par \(closing)"
        case .delimitersUnterminated: "un changement de délimiteurs doit finir par « = », comme {{=<% %>=}}"
        case .delimitersNotTwo: "un changement de délimiteurs en donne deux, comme {{=<% %>=}}"
        case .emptyTag: "une balise est vide"
        case .invalidName(let name): "\(q: name) n'est pas un nom valable"
        case .closeWithoutOpen(let name): "la section \(q: name) est fermée sans avoir été ouverte"
        case .closedByAnother(let opened, let closed): "la section \(q: opened) est fermée par \(q: closed)"
        case .neverClosed(let name): "la section \(q: name) n'est jamais fermée"
        case .nestingTooDeep(let limit):
            "les sections et les blocs s'imbriquent ici sur plus de \(limit) niveaux dans un même modèle"
        case .inclusionCycle(let chain):
            "inclusion sans fin (\(chain.joined(separator: " → "))) : le modèle s'inclut lui-même quelles que soient "
                + "les données ; une inclusion récursive doit se trouver dans une section qui s'arrête avec les données, "
                + "comme {{#enfants}}{{>noeud}}{{/enfants}}"
        case .renderTooDeep(let limit):
            "la mise en page dépasse ici \(limit) niveaux de sections, de modèles inclus et de blocs imbriqués : "
                + "un modèle qui s'inclut lui-même dans une section ne s'arrête pas avec ces données"
        case .renderTooLong(let steps):
            "la mise en page de la page dépasse ici \(steps) étapes (sections, éléments de liste, modèles inclus) : "
                + "une section ou une inclusion récursive répète son contenu sans fin avec ces données"
        case .renderTooLarge(let bytes):
            "la page dépasse ici \(bytes / (1024 * 1024)) Mo : une section ou une inclusion récursive "
                + "répète son contenu sans fin avec ces données"
        case .checkTooLong(let steps):
            "la vérification des clés du modèle dépasse ici \(steps) étapes : des modèles s'incluent les uns les autres "
                + "dans des sections sur trop de niveaux de données différents ; simplifiez ces inclusions récursives"
        }
    }

    var en: English {
        switch self {
        case .unfinishedTag(let closing): "unfinished tag: no closing \(closing)"
        case .delimitersUnterminated: "a set-delimiters tag must end with '='"
        case .delimitersNotTwo: "a set-delimiters tag needs two delimiters, like {{=<% %>=}}"
        case .emptyTag: "empty tag"
        case .invalidName(let name): "invalid name '\(name)'"
        case .closeWithoutOpen(let name): "end of section '\(name)' without a matching opening tag"
        case .closedByAnother(let opened, let closed): "section '\(opened)' is closed by '\(closed)'"
        case .neverClosed(let name): "section '\(name)' is never closed"
        case .nestingTooDeep(let limit): "sections and blocks nest more than \(limit) levels deep here in one template"
        case .inclusionCycle(let chain):
            "endless inclusion (\(chain.joined(separator: " → "))): the template includes itself whatever the data; "
                + "a recursive inclusion must be inside a section the data ends, like {{#children}}{{>node}}{{/children}}"
        case .renderTooDeep(let limit):
            "rendering goes deeper than \(limit) levels of sections, included templates and blocks here: "
                + "a template that includes itself inside a section does not end with this data"
        case .renderTooLong(let steps):
            "rendering the page takes more than \(steps) steps (sections, list items, included templates) here: "
                + "a section or a recursive inclusion repeats its content without end with this data"
        case .renderTooLarge(let bytes):
            "the page grows past \(bytes / (1024 * 1024)) MiB here: a section or a recursive inclusion repeats its "
                + "content without end with this data"
        case .checkTooLong(let steps):
            "checking the template's keys takes more than \(steps) steps here: templates include one another inside "
                + "sections over too many different levels of data; simplify these recursive inclusions"
        }
    }
}

extension LinkProblem {
    var note: (fr: French, en: English) {
        switch self {
        case .outsideBasePath(let basePath):
            return ("le site est servi sous \(q: basePath) : un lien qui commence par « / » doit commencer par ce chemin",
                    "the site is served under '\(basePath)': a link starting with '/' must start with it")
        case .aboveRoot(let folder):
            return ("il remonte au-dessus de la racine de \(folder)", "it goes above the root of \(folder)")
        case .noSuchFile(let path, let suggestion):
            return suggestion.map { ("\(path) n'existe pas ; vouliez-vous dire \(q: $0) ?", "\(path) does not exist; did you mean '\($0)'?") }
                ?? ("\(path) n'existe pas", "\(path) does not exist")
        }
    }
}
