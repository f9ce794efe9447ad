import Foundation
import XCTest

@testable import CPTSDomain

/// Every diagnostic of `DiagnosticCatalog.swift` is written in French and in English, shows every value it is given
/// in both, and follows French typography. A case added to the catalog without a sample here fails
/// `testEveryCaseHasASample`, so that no message escapes these checks.
final class DiagnosticCatalogTests: XCTestCase {
    static let day = Day(year: 2019, month: 12, day: 31)!
    static let other = Day(year: 2020, month: 11, day: 20)!
    static let here = SourceLocation(file: "content/cpts/sud-lochois.md", line: 5, column: 21)

    /// One message of each case, with values distinct enough to be found in the text.
    static let samples: [DiagnosticMessage] = [
        .contentMissing(folder: "contenu-x"), .fileMissing(path: "content/region.yaml"), .fileUnreadable(reason: "raison-x"),
        .fileNotRegular, .fileTooLarge(size: 123, limit: 456), .geoFileTooLarge(size: 123, limit: 456),
        .geoFileUnreadable(path: "geo/x.geojson"), .fileEmpty, .documentEmpty(.file("site.yaml"), required: ["title", "asOf"]),
        .frontMatterMissing, .frontMatterUnterminated, .textLarge(size: 789, limit: 321), .textTooMarked(limit: 654),
        .encodingInvalid(byte: 0xE9, latin1: true), .encodingInvalid(byte: 0xE9, latin1: false),
        .linkLoop(path: "cpts/boucle.md"), .linkToNothing(path: "cpts/rien.md"), .linkOutsideContent(path: "cpts/dehors.md", isFolder: true),
        .folderIgnored(path: "pages/dossier", subfolder: "pages"), .fileIgnored(path: "cpts/x.txt", expectedExtension: "md"),
        .htmlDropped(tag: "<b>", others: 2), .htmlShownAsText(tag: "<script>", others: 0), .unsafeLinkDropped(target: "javascript:x", others: 3),
        .dataURLDropped(target: "data:image/png;base64,iVBO", others: 1),
        .markdownDeep(levels: "42", limit: 12, others: 1), .tableTooLarge(columns: 30, rows: 40, others: 0, maximumCells: 500),
        .yamlSyntax(problem: "problem-x", context: "context-x", contextLine: 7), .yamlHelp(.tabIndentation),
        .yamlHelp(.colonInValue(key: "name", value: "CPTS: Sud")), .yamlHelp(.apostropheInValue(key: "name", value: "CPTS de l'Ouest")),
        .yamlHelp(.noSpaceAfterColon(key: "name", value: "CPTS")), .yamlHelp(.unclosedQuote), .yamlHelp(.unclosedBracket),
        .national(.formatUnknown(found: "geojson", expected: "cpts-site/site.json")), .national(.versionUnsupported(version: 3, expected: 2)),
        .national(.versionUnsupported(version: 1, expected: 2)), .national(.regionFileMissing(code: "52", path: "content/regions/52.json")),
        .national(.regionCodeMismatch(found: "24", listed: "52")), .national(.regionUnknown(code: "25")),
        .national(.departmentInOtherRegion(department: "72", region: "24", belongsTo: "52", belongsToName: "Pays de la Loire")),
        .national(.departmentUnknown(department: "99")),
        .national(.communeInTwoRegions(commune: "41018", cpts: "CPTS Sud", otherCPTS: "CPTS Nord", otherFile: "content/regions/24.json")),
        .national(.regionsEmpty),
        .yamlUnreadable(problem: "problem-y"), .controlCharacter(code: "U+0000"), .encodingUTF16, .yamlAliasesTooLarge(limit: 100_000), .yamlTooDeep(limit: 64), .yamlTooManyValues(limit: 987), .keyDuplicate(key: "population", firstLine: 4),
        .keyUnknown(key: "populaton", in: .frontMatter, suggestion: "population"), .keyInvalid(in: .key("members")), .keyInvalid(in: nil),
        .keyMissing(key: "title", in: .file("site.yaml")), .keyMisspelt(written: "populaton", key: "population", in: .frontMatter, required: false),
        .textMarkup(key: "name", tag: "<i>"),
        .notMapping(.milestone, found: .list), .notText(key: "name", found: .mapping),
        .notWholeNumber(key: "population", found: .plain("30 000"), help: .thousandsSeparator(suggested: "30000")),
        .notNumber(key: "coverage", found: .plain("31,5"), help: .decimalComma(suggested: "31.5")),
        .notBoolean(key: "allowRawHTML", found: .quoted("oui")), .notDate(key: "asOf", found: .nothing),
        .notList(key: "communes", found: .mapping), .valueEmpty(key: "name"), .numberTooLarge(key: "population", found: .plain("99"), whole: true),
        .dateInvalid(written: "31/12/2019", key: "dates.diagnostic", help: .frenchOrder(suggested: "2019-12-31")),
        .dateInvalid(written: "2019-02-30", key: "dates.diagnostic", help: .dayDoesNotExist),
        .dateInvalid(written: "demain", key: "asOf", help: .format),
        .dateOutOfRange(written: "9999-12-31", key: "dates.aci-signed", years: 1990...2100),
        .valueUnknown(key: "stage", written: "projet", suggestion: nil, known: ["a", "b"]),
        .communeCodeInvalid(code: "7003", quoted: false), .communeCodeInvalid(code: "7003", quoted: true), .stageUnknownInDates(stage: "diag", suggestion: "diagnostic", known: []),
        .stageUnknownInPlanned(stage: "x-stage", suggestion: nil, known: ["s1", "s2"]),
        .legalFormUnknown(form: "sarl", suggestion: nil, known: ["association"]), .professionUnknown(profession: "medecin", suggestion: "médecin"),
        .membersNegative(count: -3), .missionDeployedBeforeStart(mission: "parcours", deployed: day, start: other),
        .missionDateUnknown(written: "debut", suggestion: "start"), .valueNotPositive(key: "population", value: -5),
        .departmentCodeInvalid(code: "3 7"), .departmentDuplicate(code: "2a", first: "2A", firstLine: 17),
        .departmentDuplicate(code: "37", first: "37", firstLine: 9), .structureCountNegative, .yearlyAidNegative,
        .milestoneKindUnknown(kind: "prevu", suggestion: nil), .coverageNotFraction(written: "57", value: 57),
        .trancheNotNumber(key: "t5"), .statusUnknown(status: "finale", suggestion: nil, known: ["final", "draft"]),
        .figureUnknown(id: "apl", suggestion: "apl-mg"), .shareOutOfRange(id: "part", value: 150), .countInvalid(id: "effectif", value: 2.5),
        .rateNegative(id: "taux", value: -1), .csvColumnMissing(column: "population"), .csvRowShort(cells: 3, header: 4),
        .csvRowLong(cells: 5, header: 4, separator: ";"), .csvQuoteUnclosed, .csvQuoteStray,
        .communePopulationNotWhole(commune: "37003", written: "abc"), .communePopulationNegative(commune: "37004", written: "-2"),
        .communePopulationTooLarge(commune: "37005", written: "99999999999"), .communeDuplicate(commune: "37006"),
        .geojsonSyntax(reason: "reason-z"), .geojsonNotCollection, .geojsonCodeTwice(feature: 3, code: "37007"),
        .geojsonFeature(feature: 4, code: "37008", problem: .ringTooShort(count: 2)),
        .departmentUnknown(code: "99", suggestion: nil, known: ["37", "41"]), .referenceDepartmentUnknown(code: "98", suggestion: "18"),
        .populationNotPositive(value: -7), .populationMissing, .populationMismatch(population: 120, communes: 3, sum: 100),
        .communeUnknown(code: "37009"), .communeInTwoCPTS(code: "37011", communeName: "Loches", firstCPTS: "CPTS du Sud Lochois", first: here),
        .stageWithoutDate(stage: "health-project"), .stageDateBeyondStage(dated: "aci-signed", stage: "diagnostic"),
        .stageDatesBackwards(stage: "aci-signed", date: day, earlier: "diagnostic", earlierDate: other),
        .diagnosticWithoutCPTS(slug: "vierzon", suggestion: "vierzon-x"), .indicatorsWithoutCPTS(slug: "blois", suggestion: nil),
        .missionUnknown(id: "parcour", suggestion: "parcours", listKnown: true), .missionDuplicate(id: "parcours"),
        .indicatorMissionNotCarried(indicator: "ind-1", mission: "parcours", cpts: "CPTS de Blois"),
        .indicatorMissionNotStarted(indicator: "ind-2", mission: "prevention", year: 1, from: Day(iso: "2019-11-15")!,
                                    to: Day(iso: "2020-11-14")!, start: Day(iso: "2020-12-01")!),
        .indicatorMissionNotStarted(indicator: "ind-3", mission: "parcours", year: 2, from: Day(iso: "2020-11-15")!,
                                    to: Day(iso: "2021-11-14")!, start: nil),
        .indicatorDuplicate(id: "ind-2", year: 2, firstLine: 14), .stepsMissing(indicator: "ind-3"), .stepAmountNegative(amount: -100),
        .doneValueNotBoolean, .doneHasThresholds, .stepsContradictDirection(threshold: "0.4", earlier: "0.6", rising: true),
        .valueNotNumber(direction: "up"), .stepThresholdMissing(direction: "down"),
        .stepsAmountNotRising(amount: 100, previous: 200, indicator: "ind-4"), .contractYearOutOfRange(year: 7),
        .contractYearDuplicate(year: 3), .themeInvalid(name: "../x"), .themeMissing(name: "sombre", folder: "themes"),
        .languageUnsupported(language: "de"), .baseURLInvalid(url: "javascript:x"),
        .baseURLPlaceholder(url: "https://example.org/", host: "example.org"),
        .outputNotGenerated(folder: "documents"), .outputNotAFolder(folder: "notes.txt"),
        .outputLinkDangling(folder: "public", target: "/var/www/html"),
        .outputStagingImpossible(folder: "www", staging: "/srv/.www.staging", reason: SystemReason(fr: "(28)", en: "(28)")),  // the same words in both, for the check of values below
        .plannedDatePassed(what: .stage("aci-signed"), date: day, asOf: other),
        .dateAfterAsOf(what: .missionStart("parcours"), date: other, asOf: day),
        .slugInvalid(slug: "Sud Lochois", suggested: "sud-lochois"), .slugReserved(slug: "validation", owner: SiteRoutes.Label(fr: "le rapport de validation", en: "the validation report"), reserved: ["cpts", "validation"]),
        .slugDuplicate(slug: "blois", firstFile: "content/cpts/Blois.md"),
        .pageDuplicate(slug: "a-propos", firstFile: "content/pages/a-propos.markdown"),
        .indicatorsDuplicate(slug: "blois", firstFile: "content/indicators/blois.yml"),
        .territoryDiagnosticDuplicate(slug: "blois", firstFile: "content/diagnostics/blois.yml"),
        .outputInsideContent(output: "content/static/public", content: "contenu-y"),
        .scheduleUnknown(id: "aci-2030", suggestion: nil, known: ["aci-2019"]), .scheduleTranchesInvalid,
        .scheduleTranchesMissing(line: "operation", count: 3), .scheduleAmountNegative(line: "parcours.fixed", amount: -50),
        .scheduleSocleUnpaid(mission: "crises", schedule: "aci-2019"), .socleMissionMissing(mission: "acces-soins", schedule: "aci-2019"),
        .missionStartedLate(mission: "parcours", start: day, deadline: other, rule: DeadlineRule(months: 6, socleSince: nil)),
        .missionNotStarted(mission: "parcours", deadline: other),
        .missionDeployedLate(mission: "prevention", deployed: day, deadline: other, rule: DeadlineRule(months: 18, socleSince: Day(year: 2022, month: 9, day: 3))),
        .missionNotDeployed(mission: "qualite", asOf: day, deadline: other),
        .themeLinkOutside(path: "themes/x/lien", folder: "themes/x"), .templateSyntax(.closedByAnother(opened: "liste", closed: "item")), .templateSyntax(.checkTooLong(steps: 1_234_567)),
        .templateMissing(template: "page"), .templateKeyUnknown(key: "titre"), .templateKeyUnknown(key: "site.nom", page: "modele-p"), .renderFailed(reason: "reason-r"), .writeFailed(step: .write, path: "public/index.html", reason: SystemReason(fr: "(27)", en: "(27)")),
        .linkOutputMissing(folder: "public"), .linkBroken(url: "../x/", page: "index.html", why: .noSuchFile(path: "public/x/index.html", suggestion: "y/index.html")),
        .linkAnchorMissing(url: "#haut", page: "index.html", anchor: "haut", target: "index.html", suggestion: "hauts"),
        .reportNameInvalid(name: "premier", slug: "blois"), .reportFileIgnored(path: "reports/notes.txt"),
        .spendingNegative(key: "spending.salaries", value: -42), .fteOutOfRange(key: "team.coordinator", value: 250.5),
        .reportWithoutCPTS(slug: "tset", suggestion: "test"), .reportDuplicate(year: 2, cpts: "CPTS de Blois", firstFile: "content/reports/blois/02.md"),
        .reportYearOutOfRange(year: 6, slug: "blois-x", years: 5),
        .reportContractNotSigned(year: 1, cpts: "CPTS de Blois", asOf: day),
        .reportYearNotBegun(year: 3, cpts: "CPTS de Blois", start: other, asOf: day),
        .reportMissionNotCarried(action: "Revue de pertinence", mission: "qualite-pertinence", cpts: "CPTS de Blois"),
        .reportIndicatorUnknown(id: "ald-x", slug: "blois", year: 2, suggestion: "ald"),
        .reportActionEndsBeforeStart(action: "Soirée", end: day, start: other),
        .reportActionStartsAfterYear(action: "Après", start: other, year: 1, from: day, to: other),
        .reportActionEndedBeforeYear(action: "Avant", end: day, year: 2, from: other, to: other),
        .reportMeetingOutsideYear(date: day, year: 1, from: other, to: other, belongsTo: nil),
        .reportMeetingOutsideYear(date: day, year: 1, from: other, to: other, belongsTo: 2),
        .reportActionDoneEndsLater(action: "Réalisée", end: other, asOf: day),
        .reportActionDoneStartsLater(action: "Réalisée tôt", start: other, asOf: day),
        .reportActionStale(action: "Oubliée", status: .planned, end: day, days: 90, asOf: other),
        .reportActionInProgressNotStarted(action: "Pas commencée", start: other, asOf: day),
        .reportMeetingAttendanceInFuture(date: other, asOf: day),
        .staticLinkToFolder(path: "static/lien"), .staticNotRegular(path: "static/tube"),
        .staticFileTooLarge(path: "static/film.mp4", size: 20_000_000, limit: 10_000_000), .staticFileUnreadable(path: "img/x.png"),
        .staticPathTaken(path: "cpts/logo.png", owner: .builtinFolder(folder: "cpts", holds: SiteRoutes.Label(fr: "les pages des CPTS", en: "the CPTS pages"))),
        .staticPathTaken(path: "methodologie/x.png", owner: .methodology(folder: "methodologie")),
        .staticPathTaken(path: "a-propos/photo.jpg", owner: .page(folder: "a-propos", title: "À propos")),
        .staticPathTaken(path: "robots.txt", owner: .rootFile(generated: SiteRoutes.Label(fr: "le fichier des robots", en: "the robots file"))),
        .staticImageMissing(.logo, path: "img/logo.svgg", hint: .didYouMean("img/logo.svg")),
        .staticImageMissing(.logo, path: "static/img/a.svg", hint: .writeAs("img/a.svg")),
        .staticImageMissing(.image, path: "img/plan.png", hint: .howToName),
        .staticNotAnImage(.logo, path: "img/logo.txt", extensions: ["png", "svg"]), .pdfFailed(page: "cpts/blois/rapport-annee-1/index.html", reason: SystemReason(fr: "(1)", en: "(1)")),
        .imageOutsideSite(path: "/home/x/photo.png", hint: .howToName), .imageOutsideSite(path: "/img/b.png", hint: .writeAs("img/b.png")),
        .staticNameNotUTF8(path: "static/r\\x{E9}sum\\x{E9}.pdf"), .staticNameBackslash(path: "static/a\\b.png", suggestion: "a-b.png"),
        .staticNameCollision(path: "static/img/logo.png", other: "static/img/Logo.png", unicodeForm: false),
        .staticNameCollision(path: "static/img/e-nfd.png", other: "static/img/e-nfc.png", unicodeForm: true),
        .staticActiveContent(path: "static/img/x.svg", what: "<script>", inHTML: false),
        .staticActiveContent(path: "static/docs/y.html", what: nil, inHTML: true),
    ]

    func testEveryCaseHasASample() throws {
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/CPTSDomain/Diagnostics/DiagnosticCatalog.swift"), encoding: .utf8)
        let body = try XCTUnwrap(source.components(separatedBy: "public enum DiagnosticMessage").dropFirst().first?
            .components(separatedBy: "\n}\n").first)
        let declared = Set(body.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("case ") else { return nil }
            return String(trimmed.dropFirst(5).prefix { $0.isLetter || $0.isNumber })
        })
        XCTAssertGreaterThan(declared.count, 100, "the catalog's cases were not found")
        let sampled = Set(Self.samples.map { String(String(describing: $0).prefix { $0 != "(" }) })
        XCTAssertEqual(declared.subtracting(sampled).sorted(), [], "cases without a sample: add one to DiagnosticCatalogTests.samples")
    }

    func testEveryMessageShowsItsValuesInBothLanguages() {
        for message in Self.samples {
            let french = message.text(in: .fr) + "\n" + (message.note(in: .fr) ?? "")
            let english = message.text(in: .en) + "\n" + (message.note(in: .en) ?? "")
            XCTAssertFalse(message.text(in: .fr).isEmpty, "\(message): no French text")
            XCTAssertFalse(message.text(in: .en).isEmpty, "\(message): no English text")
            XCTAssertNotEqual(message.text(in: .fr), message.text(in: .en), "\(message): the French text is the English one")
            XCTAssertEqual(message.note(in: .fr) == nil, message.note(in: .en) == nil, "\(message): a note in one language only")
            for value in Self.values(in: message) {
                switch value {
                case .text(let text):
                    XCTAssertTrue(french.contains(text), "\(message.code): the French text does not show '\(text)':\n\(french)")
                    XCTAssertTrue(english.contains(text), "\(message.code): the English text does not show '\(text)':\n\(english)")
                // A count of 0 more findings is left unsaid (`(and 2 more)` only when there are some).
                case .integer(0):
                    break
                case .integer(let number):
                    XCTAssertTrue(french.contains(French.integer(number)) || french.contains(String(number)),
                                  "\(message.code): the French text does not show \(number):\n\(french)")
                    XCTAssertTrue(english.contains(String(number)), "\(message.code): the English text does not show \(number):\n\(english)")
                // What the site puts in a place is said in each language's own words.
                case .label(let fr, let en):
                    XCTAssertTrue(french.contains(fr), "\(message.code): the French text does not show '\(fr)':\n\(french)")
                    XCTAssertTrue(english.contains(en), "\(message.code): the English text does not show '\(en)':\n\(english)")
                case .day(let day):
                    let written = String(format: "%02d/%02d/%04d", day.day, day.month, day.year)
                    XCTAssertTrue(french.contains(written), "\(message.code): the French text does not show \(written):\n\(french)")
                    XCTAssertTrue(english.contains(day.description), "\(message.code): the English text does not show \(day):\n\(english)")
                }
            }
        }
    }

    /// Narrow no-break space before `: ; ! ?` and inside « », typographic apostrophe: the sample values hold none of
    /// these characters except where a value must be shown as written (`CPTS: Sud`, `l'Ouest`), skipped here.
    func testFrenchTypography() {
        for message in Self.samples {
            var french = message.text(in: .fr) + " " + (message.note(in: .fr) ?? "")
            for value in Self.values(in: message) {
                if case .text(let text) = value { french = french.replacingOccurrences(of: text, with: "X") }
                if case .label(let text, _) = value { french = french.replacingOccurrences(of: text, with: "X") }
            }
            for mark in [" :", " ;", " !", " ?", "« ", " »", "'"] {
                XCTAssertFalse(french.contains(mark), "\(message.code): French text has '\(mark)': \(french)")
            }
        }
    }

    func testPluralsAreFrench() {
        XCTAssertEqual(Plural.count(0, "erreur", "erreurs", in: .fr), "0 erreur")
        XCTAssertEqual(Plural.count(1, "erreur", "erreurs", in: .fr), "1 erreur")
        XCTAssertEqual(Plural.count(2, "avertissement", "avertissements", in: .fr), "2 avertissements")
        XCTAssertEqual(Plural.count(1500, "erreur", "erreurs", in: .fr), "1\u{202F}500 erreurs")
        XCTAssertEqual(Plural.count(0, "error", "errors", in: .en), "0 errors")
    }

    func testLanguageFromEnvironment() {
        XCTAssertEqual(Language.fromEnvironment([:]), .fr)
        XCTAssertEqual(Language.fromEnvironment(["LANG": "en_GB.UTF-8"]), .en)
        XCTAssertEqual(Language.fromEnvironment(["LANG": "en_GB.UTF-8", "LC_ALL": "fr_FR.UTF-8"]), .fr)
        XCTAssertEqual(Language.fromEnvironment(["LANG": "fr_FR.UTF-8", "LC_ALL": ""]), .fr)
        XCTAssertEqual(Language.fromEnvironment(["LC_ALL": "C"]), .fr)
    }

    func testExampleOfTheIssueReadsAsWritten() {
        let message = DiagnosticMessage.communeInTwoCPTS(code: "37011", communeName: nil, firstCPTS: "la CPTS du Sud Lochois",
                                                         first: SourceLocation(file: "content/cpts/sud-lochois.md", line: 5, column: 21))
        XCTAssertEqual(message.text(in: .fr), "la commune 37011 est déjà dans la CPTS du Sud Lochois (content/cpts/sud-lochois.md:5:21)")
        XCTAssertEqual(message.note(in: .fr), "un territoire n’a qu’une CPTS\u{202F}: retirez la commune de l’une des deux")
    }

    enum Value { case text(String), integer(Int), day(Day), label(fr: String, en: String) }

    /// The strings, whole numbers and days a message carries, found by reflection down its payload.
    static func values(in message: DiagnosticMessage) -> [Value] {
        var found: [Value] = []
        func walk(_ value: Any) {
            switch value {
            case let label as SiteRoutes.Label: found.append(.label(fr: label.fr, en: label.en))
            case let text as String: if !text.isEmpty { found.append(.text(text)) }
            case let number as Int: found.append(.integer(number))
            case let day as Day: found.append(.day(day))
            case let location as SourceLocation: found.append(.text(location.description))
            case is Bool, is Double, is UInt8, is ClosedRange<Int>: break
            default: Mirror(reflecting: value).children.forEach { walk($0.value) }
            }
        }
        Mirror(reflecting: message).children.forEach { walk($0.value) }
        return found
    }
}
