@testable import CPTSDomain
import XCTest

final class ContentRulesTests: XCTestCase {
    func testEveryRuleHasAUniqueName() {
        let names = ContentRules.all.map(\.name)
        XCTAssertEqual(Set(names).count, names.count)
    }

    func testValidContentHasNoDiagnostics() {
        let content = RuleFixtures.content([RuleFixtures.cpts()])
        XCTAssertEqual(ContentRules.validate(content), [])
    }

    /// Rules checked side by side report what they report one after the other, in the same order.
    func testConcurrentValidationGivesTheSameDiagnosticsInTheSameOrder() async {
        let content = RuleFixtures.content([
            RuleFixtures.cpts(slug: "a", name: "CPTS A", communes: ["37003", "37011"]),
            RuleFixtures.cpts(slug: "b", name: "CPTS B", communes: ["37011"]),
            RuleFixtures.cpts(slug: "Tours"), RuleFixtures.cpts(slug: "tours"),
        ])
        let sequential = ContentRules.validate(content)
        XCTAssertGreaterThanOrEqual(Set(sequential.map(\.code)).count, 2)
        for _ in 0..<20 {
            let concurrent = await ContentRules.validateConcurrently(content)
            XCTAssertEqual(concurrent, sequential)
        }
    }

    func testACommuneInTwoCPTSNamesBothFilesAndLines() {
        let content = RuleFixtures.content([
            RuleFixtures.cpts(slug: "a", name: "CPTS A", communes: ["37003", "37011"]),
            RuleFixtures.cpts(slug: "b", name: "CPTS B", communes: ["37011"]),
        ])
        let diagnostics = ContentRules.oneCPTSPerTerritory(content)
        XCTAssertEqual(diagnostics.map { $0.headline(in: .en) }, [
            "content/cpts/b.md:5:12: error: commune 37011 is already in CPTS A (content/cpts/a.md:5:21)",
        ])
    }

    func testSlugsThatDifferOnlyByCaseCollide() {
        let content = RuleFixtures.content([RuleFixtures.cpts(slug: "tours"), RuleFixtures.cpts(slug: "Tours")])
        XCTAssertEqual(ContentRules.slugsAreUnique(content).map(\.code), ["slug-duplicate"])
        XCTAssertEqual(ContentRules.slugIsURLSafe(content).map { $0.text(in: .en) },
                       ["slug 'Tours' must contain only lowercase letters a-z, digits and '-'"])
    }

    func testSlugsWithDotsOrSlashesAreInvalid() {
        XCTAssertFalse(ContentRules.isValidSlug(".."))
        XCTAssertFalse(ContentRules.isValidSlug("a/b"))
        XCTAssertFalse(ContentRules.isValidSlug("forêt"))
        XCTAssertFalse(ContentRules.isValidSlug(""))
        XCTAssertTrue(ContentRules.isValidSlug("sud-lochois-2"))
    }

    func testASignedContractMissingASocleMissionIsAnError() {
        let cpts = RuleFixtures.cpts(stage: .aciSigned, dates: [.healthProject: "2019-06-01", .aciSigned: "2019-11-15"],
                                     missions: [("acces-soins", "2020-01-01"), ("parcours", "2020-06-01")])
        let diagnostics = ContentRules.signedContractCarriesSocle(RuleFixtures.content([cpts]))
        XCTAssertEqual(diagnostics.map { $0.text(in: .en) }, ["signed contract lacks the socle mission 'prevention' of schedule 'aci-2019'"])
        XCTAssertEqual(diagnostics.map(\.severity), [.error])
    }

    func testAMissionStartedAfterItsDeadlineIsAWarning() {
        let cpts = RuleFixtures.cpts(stage: .aciSigned, dates: [.healthProject: "2019-06-01", .aciSigned: "2019-11-15"],
                                     missions: [("acces-soins", "2020-05-15"), ("parcours", "2020-11-16"),
                                                ("prevention", nil)])
        let diagnostics = ContentRules.missionStartsBeforeDeadline(RuleFixtures.content([cpts], asOf: "2020-12-31"))
        XCTAssertEqual(diagnostics.map { $0.text(in: .en) }, [
            "mission 'parcours' starts on 2020-11-16, after the ACI deadline of 2020-11-15 (12 months after signature)",
            "mission 'prevention' has no start date and its ACI deadline (2020-11-15) has passed",
        ])
        XCTAssertEqual(Set(diagnostics.map(\.severity)), [.warning])
    }

    func testPopulationMustAgreeWithItsCommunesWithinTwoPercent() {
        let communes = [Commune(code: "37003", name: "A", department: "37", population: 30_000),
                        Commune(code: "37011", name: "B", department: "37", population: 19_500)]
        let close = RuleFixtures.content([RuleFixtures.cpts(population: 50_000, communes: ["37003", "37011"])], communes: communes)
        XCTAssertEqual(ContentRules.populationMatchesCommunes(close), [])
        let far = RuleFixtures.content([RuleFixtures.cpts(population: 52_000, communes: ["37003", "37011"])], communes: communes)
        XCTAssertEqual(ContentRules.populationMatchesCommunes(far).map(\.code), ["population-mismatch"])
    }

    func testAPopulationIsNeededFromOneSourceOrTheOther() {
        let communes = [Commune(code: "37003", name: "A", department: "37", population: 30_000)]
        let fromCommunes = RuleFixtures.content([RuleFixtures.cpts(population: nil, communes: ["37003"])], communes: communes)
        XCTAssertEqual(ContentRules.populationIsPositive(fromCommunes), [])
        XCTAssertEqual(fromCommunes.population(of: fromCommunes.cpts[0]), 30_000)
        let none = RuleFixtures.content([RuleFixtures.cpts(population: nil)])
        XCTAssertEqual(ContentRules.populationIsPositive(none).map(\.code), ["population-missing"])
    }

    func testAThemeMustBeAPlainFolderName() {
        for name in ["default", "mon-theme_2", "v1.2"] {
            XCTAssertTrue(ContentRules.isPlainFolderName(name), name)
        }
        for name in ["", ".", "..", "../content", "/etc", "a/b", ".hidden", "thème", "a\nb", "a b", String(repeating: "a", count: 101)] {
            XCTAssertFalse(ContentRules.isPlainFolderName(name), name)
        }
        var content = RuleFixtures.content([RuleFixtures.cpts()])
        content.settings.theme = Located("../content", at: SourceLocation(file: "content/site.yaml", line: 5, column: 8))
        XCTAssertEqual(ContentRules.themeIsAFolderName(content).map { $0.headline(in: .en) },
                       ["content/site.yaml:5:8: error: theme '../content' is not a folder name"])
    }

    func testAPageSlugTakenByABuiltinPageIsAnError() {
        var content = RuleFixtures.content([RuleFixtures.cpts()])
        content.pages = ["validation", "recherche", "cpts", "Data", "methodologie", "a-propos"].map { slug in
            Page(slug: Located(slug, at: SourceLocation(file: "content/pages/\(slug).md", line: 1, column: 1)),
                 file: "content/pages/\(slug).md", title: slug, body: "")
        }
        XCTAssertEqual(ContentRules.pageSlugIsNotReserved(content).map { $0.headline(in: .en) }, [
            "content/pages/validation.md:1:1: error: page slug 'validation' is taken by the validation report (validation/)",
            "content/pages/recherche.md:1:1: error: page slug 'recherche' is taken by the search page (recherche/)",
            "content/pages/cpts.md:1:1: error: page slug 'cpts' is taken by the CPTS pages (cpts/)",
            "content/pages/Data.md:1:1: error: page slug 'Data' is taken by the data exports (data/)",
        ])
    }

    func testAPageInAFolderIsCheckedByEachPartOfItsPath() {
        var content = RuleFixtures.content([RuleFixtures.cpts()])
        content.pages = ["guides/inscription", "cpts/annexe", "Guides/x", "guides/"].map { slug in
            Page(slug: Located(slug, at: SourceLocation(file: "content/pages/\(slug).md", line: 1, column: 1)),
                 file: "content/pages/\(slug).md", title: slug, body: "")
        }
        XCTAssertEqual(ContentRules.pageSlugIsNotReserved(content).map(\.location.file), ["content/pages/cpts/annexe.md"])
        XCTAssertEqual(ContentRules.slugIsURLSafe(content).map(\.location.file), ["content/pages/Guides/x.md", "content/pages/guides/.md"])
    }

    func testBaseURLMustBeAnAbsoluteHTTPURLWithAHost() {
        for url in ["https://example.org/test/", "http://127.0.0.1:1313/", "HTTPS://Example.org", "https://[::1]:8080/x",
                    "https://observatoire.example.org/cpts/?a=b#c"] {
            XCTAssertTrue(ContentRules.isAbsoluteHTTPURL(url), url)
        }
        for url in ["javascript:alert(1)//", "/", "example.org", "https://", "https:///chemin", "ftp://example.org/",
                    "https://exa mple.org/", "https://example.org/\"onmouseover=x", "https://ex<am>ple.org", "https://example.org:99999/",
                    "https://example.org:x/", "https://-x.org/", "https://[zz]/", "https://a\nb.org/", "data:text/html,https://a.org"] {
            XCTAssertFalse(ContentRules.isAbsoluteHTTPURL(url), url.debugDescription)
        }
        var content = RuleFixtures.content([RuleFixtures.cpts()])
        XCTAssertEqual(ContentRules.baseURLIsAbsoluteHTTP(content), [], "no baseURL given: the site links from /")
        content.settings.baseURL = "javascript:alert(1)//"
        content.settings.baseURLLocation = SourceLocation(file: "content/site.yaml", line: 3, column: 10)
        XCTAssertEqual(ContentRules.baseURLIsAbsoluteHTTP(content).map { $0.headline(in: .en) },
                       ["content/site.yaml:3:10: error: baseURL 'javascript:alert(1)//' is not an absolute http or https URL with a host"])
    }

    /// `new site`'s placeholder address is a warning (so `check --strict` and `deploy` refuse it); a real address,
    /// or a test path below an example domain, is not.
    func testTheExampleBaseURLLeftFromNewSiteIsAWarning() {
        var content = RuleFixtures.content([RuleFixtures.cpts()])
        content.settings.baseURLLocation = SourceLocation(file: "content/site.yaml", line: 4, column: 10)
        for url in ["https://example.org/", "https://example.org", "http://www.example.com/", "HTTPS://EXAMPLE.NET/"] {
            content.settings.baseURL = url
            XCTAssertEqual(ContentRules.baseURLIsNotThePlaceholder(content).map(\.severity), [.warning], url)
        }
        content.settings.baseURL = "https://example.org/"
        XCTAssertEqual(ContentRules.baseURLIsNotThePlaceholder(content).map { $0.headline(in: .fr) },
                       ["content/site.yaml:4:10: warning: baseURL «\u{202F}https://example.org/\u{202F}» est l’adresse d’exemple\u{202F}: "
                        + "robots.txt, le plan du site et le flux enverraient les moteurs de recherche vers example.org"])
        for url in ["https://cpts.ma-region.fr/", "https://example.org/test/", "https://observatoire.example.org/", "https://example.org.fr/"] {
            content.settings.baseURL = url
            XCTAssertEqual(ContentRules.baseURLIsNotThePlaceholder(content), [], url)
        }
    }

    /// An unknown socle mission was reported on every signed CPTS; it is reported once, at its place in the schedule.
    func testAnUnknownSocleMissionIsReportedOnceInItsSchedule() {
        let missions: [(id: String, start: String?)] = [("acces-soins", "2020-01-01"), ("parcours", "2020-01-01"), ("prevention", "2020-01-01")]
        let signed = ["a", "b", "c"].map { slug in
            RuleFixtures.cpts(slug: slug, name: "CPTS \(slug)", stage: .aciSigned,
                              dates: [.healthProject: "2019-06-01", .aciSigned: "2019-11-15"], missions: missions)
        }
        var content = RuleFixtures.content(signed)
        content.schedules["aci-2019"]?.socle.append(Located("mission-inconnue", at: SourceLocation(file: "content/schedules/aci-2019.yaml", line: 27, column: 44)))
        XCTAssertEqual(ContentRules.validate(content).map { $0.headline(in: .en) },
                       ["content/schedules/aci-2019.yaml:27:44: error: unknown mission 'mission-inconnue'"])
    }
}

final class AsOfAndDeadlineRulesTests: XCTestCase {
    func signed(_ signature: String, missions: [(id: String, start: String?)], deployed: [String: String] = [:]) -> CPTS {
        RuleFixtures.cpts(stage: .aciSigned, dates: [.healthProject: "2019-06-01", .aciSigned: signature],
                          missions: missions, deployed: deployed)
    }

    func testADeploymentDeadlinePassedIsAWarningAndThePageStatusSaysLate() {
        // Signed 15/11/2019: access must be deployed 18 months later, by 15/05/2021; at 31/12/2021 it is not.
        let cpts = signed("2019-11-15", missions: [("acces-soins", "2020-01-15")])
        let content = RuleFixtures.content([cpts], asOf: "2021-12-31")
        XCTAssertEqual(ContentRules.missionDeployedBeforeDeadline(content).map { $0.headline(in: .en) }, [
            "content/cpts/test.md:21:12: warning: mission 'acces-soins' is not deployed at 2021-12-31 and its ACI deployment deadline (2021-05-15) has passed",
        ])
        let status = content.missionStatus(cpts.missions[0], of: cpts)
        XCTAssertEqual(status?.state, .deploymentLate)
        XCTAssertEqual(status?.isLate, true)
    }

    /// Over four years of site dates and several ways to be late or on time, whenever the page's status is late a
    /// deadline rule warns about that mission, and the other way round for a status dated by `asOf`.
    func testThePageStatusIsLateExactlyWhenADeadlineRuleWarns() {
        let cases: [(start: String?, deployed: String?)] = [
            (nil, nil), ("2020-01-15", nil), ("2020-01-15", "2021-01-15"), ("2020-01-15", "2021-06-01"), ("2020-07-01", nil),
        ]
        var day = Day(iso: "2019-12-31")!
        while day < Day(iso: "2023-12-31")! {
            for (start, deployed) in cases {
                let cpts = signed("2019-11-15", missions: [("acces-soins", start)], deployed: deployed.map { ["acces-soins": $0] } ?? [:])
                let content = RuleFixtures.content([cpts], asOf: day.description)
                // Dates after `asOf` are plans: leave them out, as a site dated then would not hold them as done.
                guard [start, deployed].allSatisfy({ $0.flatMap(Day.init(iso:)).map { $0 <= day } ?? true }) else { continue }
                let warned = !(ContentRules.missionStartsBeforeDeadline(content) + ContentRules.missionDeployedBeforeDeadline(content)).isEmpty
                let late = content.missionStatus(cpts.missions[0], of: cpts)?.isLate == true
                XCTAssertEqual(late, warned, "asOf \(day), start \(start ?? "-"), deployed \(deployed ?? "-")")
            }
            day = day.adding(months: 1)
        }
    }

    func testADeploymentAfterItsDeadlineIsAWarning() {
        let cpts = signed("2019-11-15", missions: [("acces-soins", "2020-01-15")], deployed: ["acces-soins": "2021-06-01"])
        let content = RuleFixtures.content([cpts], asOf: "2021-12-31")
        XCTAssertEqual(ContentRules.missionDeployedBeforeDeadline(content).map(\.code), ["mission-deployed-late"])
        XCTAssertEqual(content.missionStatus(cpts.missions[0], of: cpts)?.state, .deployedLate(deployed: Day(iso: "2021-06-01")!))
    }

    func testTheCrisisMissionIsNotRequiredBeforeItBecomesSocle() {
        let cpts = signed("2021-06-15", missions: [("acces-soins", "2021-06-15"), ("parcours", "2021-06-15"), ("prevention", "2021-06-15")])
        let schedules = [RuleFixtures.dated2019(), RuleFixtures.avenant2()]
        XCTAssertEqual(ContentRules.signedContractCarriesSocle(RuleFixtures.content([cpts], asOf: "2022-09-02", schedules: schedules)), [])
        XCTAssertEqual(ContentRules.signedContractCarriesSocle(RuleFixtures.content([cpts], asOf: "2022-09-03", schedules: schedules)).map { $0.text(in: .en) },
                       ["signed contract lacks the socle mission 'crises-sanitaires' of schedule 'aci-avenant-2'"])
    }

    func testTheCrisisMissionsDeadlinesRunFromTheDayItBecameSocle() {
        // Signed 15/06/2021; the crisis mission is socle from 03/09/2022: start due 6 months later, by 03/03/2023.
        let cpts = signed("2021-06-15", missions: [("crises-sanitaires", nil)])
        let schedules = [RuleFixtures.dated2019(), RuleFixtures.avenant2()]
        XCTAssertEqual(ContentRules.missionStartsBeforeDeadline(RuleFixtures.content([cpts], asOf: "2023-03-03", schedules: schedules)), [])
        XCTAssertEqual(ContentRules.missionStartsBeforeDeadline(RuleFixtures.content([cpts], asOf: "2023-03-04", schedules: schedules)).map { $0.text(in: .en) },
                       ["mission 'crises-sanitaires' has no start date and its ACI deadline (2023-03-03) has passed"])
        let before = RuleFixtures.content([cpts], asOf: "2022-06-30", schedules: schedules)
        XCTAssertEqual(before.missionStatus(cpts.missions[0], of: cpts)?.state, .notRequiredYet(since: Day(iso: "2022-09-03")!))
    }

    func testADateAfterAsOfIsAWarningNamingBothDates() {
        let cpts = signed("2020-02-03", missions: [("acces-soins", "2020-03-01")])
        let diagnostics = ContentRules.datesAreNotAfterAsOf(RuleFixtures.content([cpts], asOf: "2019-12-31"))
        XCTAssertEqual(diagnostics.map { $0.text(in: .en) }, [
            "stage 'aci-signed' is dated 2020-02-03, after the site's date (2019-12-31): it is not counted as done",
            "the start of mission 'acces-soins' is dated 2020-03-01, after the site's date (2019-12-31): it is not counted as done",
        ])
        XCTAssertEqual(Set(diagnostics.map(\.code)), ["date-after-as-of"])
    }

    func testAPlannedDateAfterAsOfIsNoWarning() {
        var cpts = signed("2020-02-03", missions: [("acces-soins", "2020-03-01")])
        cpts.plannedStages = [.aciSigned]
        cpts.missions[0].plannedStart = true
        let content = RuleFixtures.content([cpts], asOf: "2019-12-31")
        XCTAssertEqual(ContentRules.datesAreNotAfterAsOf(content), [])
        XCTAssertNil(content.stageAsOf(cpts).flatMap { $0 == .aciSigned ? $0 : nil })
    }

    func testAPlannedStageMayBeDatedBeyondTheCurrentStage() {
        var cpts = RuleFixtures.cpts(stage: .healthProject, dates: [.healthProject: "2019-06-01", .aciSigned: "2020-06-01"])
        cpts.plannedStages = [.aciSigned]
        XCTAssertEqual(ContentRules.stageDatesGoForward(RuleFixtures.content([cpts], asOf: "2019-12-31")), [])
    }

    func testAHarderStepPayingNoMoreIsAnError() {
        let at = RuleFixtures.at("content/indicators/test.yaml", 9, 13)
        let indicator = Indicator(id: Located("ald", at: at), mission: Located("acces-soins", at: at), label: "ALD",
                                  unit: nil, direction: Located(.down, at: at), baseline: 219, value: .number(120),
                                  steps: [RewardStep(threshold: 180, amount: 9_000, location: at),
                                          RewardStep(threshold: 140, amount: 6_000, location: at)])
        let file = IndicatorFile(slug: "test", file: at.file, location: at, contractYears: [
            ContractYearIndicators(year: Located(1, at: at), indicators: [indicator]),
        ])
        let content = RuleFixtures.content([RuleFixtures.cpts()], indicators: [file])
        XCTAssertEqual(ContentRules.stepsPayMoreAsTheyGetHarder(content).map { $0.headline(in: .en) }, [
            "content/indicators/test.yaml:9:13: error: step amount 6000 after 9000: a harder step of indicator 'ald' must pay more than the one before",
        ])
    }

    func testAnIndicatorOnAMissionNotStartedByItsContractYearIsAWarning() {
        // Signed 15/11/2019: year 1 runs du 15/11/2019 au 14/11/2020. Pathways start 01/12/2020, in year 2;
        // prevention has no start; access starts 01/03/2020, in year 1.
        let cpts = RuleFixtures.cpts(stage: .aciSigned, dates: [.healthProject: "2019-06-01", .aciSigned: "2019-11-15"],
                                     missions: [("acces-soins", "2020-03-01"), ("parcours", "2020-12-01"), ("prevention", nil)])
        func indicator(_ id: String, _ mission: String, line: Int) -> Indicator {
            let at = RuleFixtures.at("content/indicators/test.yaml", line, 18)
            return Indicator(id: Located(id, at: at), mission: Located(mission, at: at), label: id, unit: nil,
                             direction: Located(.done, at: at), baseline: nil, value: .done(true),
                             steps: [RewardStep(threshold: nil, amount: 1_000, location: at)])
        }
        let at = RuleFixtures.at("content/indicators/test.yaml")
        let file = IndicatorFile(slug: "test", file: at.file, location: at, contractYears: [
            ContractYearIndicators(year: Located(1, at: at), indicators: [
                indicator("a", "acces-soins", line: 5), indicator("p", "parcours", line: 9), indicator("v", "prevention", line: 13),
            ]),
            // Year 2 is in progress at 31/12/2020: prevention, not dated, may still start during it.
            ContractYearIndicators(year: Located(2, at: at), indicators: [indicator("p2", "parcours", line: 19),
                                                                          indicator("v2", "prevention", line: 23)]),
        ])
        let content = RuleFixtures.content([cpts], indicators: [file], asOf: "2020-12-31")
        XCTAssertEqual(ContentRules.indicatorMissionHasStarted(content).map { $0.headline(in: .en) }, [
            "content/indicators/test.yaml:9:18: warning: indicator 'p' of contract year 1 (2019-11-15 to 2020-11-14) is for mission 'parcours', which starts only on 2020-12-01, after that year",
            "content/indicators/test.yaml:13:18: warning: indicator 'v' of contract year 1 (2019-11-15 to 2020-11-14) is for mission 'prevention', which has no start date",
        ])
    }
}
