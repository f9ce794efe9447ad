@testable import CPTSDomain
import XCTest

/// Checks of meaning the readers used to make, now named rules of `ContentRules.all`.
final class MissionAndMemberRulesTests: XCTestCase {
    func testEveryUnknownMissionIsReportedByOneRuleWhereverItIsWritten() {
        var cpts = RuleFixtures.cpts(missions: [("acces-soins", nil), ("preventoin", nil)])
        cpts.slug = Located("test", at: RuleFixtures.at())
        var content = RuleFixtures.content([cpts])
        let schedule = "content/schedules/aci-2019.yaml"
        content.schedules["aci-2019"]?.missionIDs = [Located("parcour", at: RuleFixtures.at(schedule, 30, 3))]
        content.schedules["aci-2019"]?.socle.append(Located("qualite", at: RuleFixtures.at(schedule, 27, 44)))
        let unknown = ContentRules.all.filter { $0.name != "missionIsKnown" }.flatMap { $0.check(content) }
            .filter { $0.code == "mission-unknown" }
        XCTAssertEqual(unknown, [], "only missionIsKnown says mission-unknown")
        XCTAssertEqual(ContentRules.missionIsKnown(content).sortedForReport().map { $0.headline(in: .en) }, [
            "content/cpts/test.md:22:9: error: unknown mission 'preventoin'",
            "content/schedules/aci-2019.yaml:27:44: error: unknown mission 'qualite'",
            "content/schedules/aci-2019.yaml:30:3: error: unknown mission 'parcour'",
        ])
    }

    func testAKnownMissionListedTwiceIsAnErrorAtItsSecondLine() {
        let content = RuleFixtures.content([RuleFixtures.cpts(missions: [("parcours", nil), ("parcours", nil)])])
        XCTAssertEqual(ContentRules.missionIsListedOnce(content).map { $0.headline(in: .en) }.count, 1)
        XCTAssertEqual(ContentRules.missionIsListedOnce(content).first?.location, RuleFixtures.at("content/cpts/test.md", 22, 9))
    }

    func testAMissionDeployedBeforeItStartsIsAnErrorAtItsDeployment() {
        let cpts = RuleFixtures.cpts(missions: [("acces-soins", "2020-03-01")], deployed: ["acces-soins": "2020-01-15"])
        let found = ContentRules.missionIsDeployedAfterItStarts(RuleFixtures.content([cpts]))
        XCTAssertEqual(found.map(\.message), [.missionDeployedBeforeStart(mission: "acces-soins", deployed: Day(iso: "2020-01-15")!,
                                                                          start: Day(iso: "2020-03-01")!)])
        XCTAssertEqual(found.first?.location, RuleFixtures.at("content/cpts/test.md", 22, 15))
    }

    func testANegativeMemberCountIsAnErrorInACPTSAndInAReport() {
        var cpts = RuleFixtures.cpts()
        cpts.members = [Member(profession: "infirmier", count: -3, location: RuleFixtures.at("content/cpts/test.md", 14, 14)),
                        Member(profession: "pharmacien", count: 0, location: RuleFixtures.at("content/cpts/test.md", 15, 15))]
        var content = RuleFixtures.content([cpts])
        var report = ActivityReport(slug: Located("test", at: RuleFixtures.at("content/reports/test/1.md")), year: Located(1, at: RuleFixtures.at("content/reports/test/1.md")),
                                    file: "content/reports/test/1.md", location: RuleFixtures.at("content/reports/test/1.md"), actions: [], meetings: [],
                                    coordinatorFTE: nil, staffFTE: nil, spending: [], members: [], proofs: [], body: "")
        report.members = [Member(profession: "infirmier", count: -1, location: RuleFixtures.at("content/reports/test/1.md", 4, 14))]
        content.reports = [report]
        XCTAssertEqual(ContentRules.memberCountsAreNotNegative(content).map { $0.headline(in: .en) }.count, 2)
        XCTAssertEqual(ContentRules.memberCountsAreNotNegative(content).map(\.location.line), [14, 4])
    }
}

final class FigureRangeRulesTests: XCTestCase {
    func testAFigureItsUnitCannotTakeIsAnErrorInADiagnosticAndInTheReferences() {
        var content = RuleFixtures.content([RuleFixtures.cpts(slug: "a")])
        let file = "content/diagnostics/a.yaml"
        func value(_ id: String, _ value: Double, line: Int, in file: String = file) -> TerritoryValue {
            TerritoryValue(id: Located(id, at: RuleFixtures.at(file, line)), value: Located(value, at: RuleFixtures.at(file, line, 12)), source: nil, year: nil)
        }
        content.territoryDiagnostics = [TerritoryDiagnostic(slug: "a", file: file, location: RuleFixtures.at(file), source: nil, year: nil, figures: [
            value("part-patients-sans-medecin-traitant", 101, line: 3),
            value("patients-sans-medecin-traitant", 12.5, line: 4),
            value("depistage-cancer-sein", 60, line: 5),
        ])]
        content.region.references.france = ["part-75-ans-et-plus": Located(-1, at: RuleFixtures.at("content/region.yaml", 20, 30))]
        XCTAssertEqual(ContentRules.figuresFitTheirUnit(content).map(\.message), [
            .shareOutOfRange(id: "part-patients-sans-medecin-traitant", value: 101),
            .countInvalid(id: "patients-sans-medecin-traitant", value: 12.5),
            .shareOutOfRange(id: "part-75-ans-et-plus", value: -1),
        ])
        XCTAssertEqual(ContentRules.figuresFitTheirUnit(content).map(\.location.line), [3, 4, 20])
    }

    func testAReportsNegativeCountsAndImpossibleFullTimeEquivalentsAreErrors() {
        let file = "content/reports/test/1.md"
        let at = { (line: Int) in RuleFixtures.at(file, line, 10) }
        let meeting = Meeting(date: Located(Day(iso: "2020-01-10")!, at: at(3)), kind: Located(Meeting.Kind.allCases[0], at: at(3)), title: nil,
                              attendance: Located(-4, at: at(4)), location: at(3))
        var content = RuleFixtures.content([RuleFixtures.cpts()])
        content.reports = [ActivityReport(slug: Located("test", at: at(1)), year: Located(1, at: at(1)), file: file, location: at(1), actions: [],
                                          meetings: [meeting], coordinatorFTE: Located(1.5, at: at(6)), staffFTE: Located(120, at: at(7)),
                                          spending: [(.allCases[0], Located(-10, at: at(9)))], members: [], proofs: [], body: "")]
        XCTAssertEqual(ContentRules.reportFiguresAreInRange(content).map(\.location.line), [4, 9, 7])
        XCTAssertEqual(ContentRules.reportFiguresAreInRange(content).map(\.code), ["value-negative", "value-negative", "value-out-of-range"])
    }
}

final class DepartmentsAreListedOnceTests: XCTestCase {
    func testADepartmentListedTwiceIsAnErrorAtItsSecondEntry() {
        var content = RuleFixtures.content([RuleFixtures.cpts()])
        let second = RuleFixtures.at("content/region.yaml", 9, 5)
        content.region.departments.append(Department(code: "37", name: "Indre-et-Loire", population: Located(1, at: second), location: second))
        XCTAssertEqual(ContentRules.departmentsAreListedOnce(content).map(\.message),
                       [.departmentDuplicate(code: "37", first: "37", firstLine: 1)])
        XCTAssertEqual(ContentRules.departmentsAreListedOnce(content).first?.location, second)
        XCTAssertEqual(ContentRules.validate(content).map(\.code).filter { $0 == "department-unknown" }, [])
    }

    /// "2A" and "2a" would both be published at `departements/2a/`: the second is an error naming the first.
    func testDepartmentCodesEqualButForCaseAreListedTwice() {
        var content = RuleFixtures.content([RuleFixtures.cpts()])
        let first = RuleFixtures.at("content/region.yaml", 8, 5), second = RuleFixtures.at("content/region.yaml", 11, 5)
        content.region.departments += [Department(code: "2A", name: "Corse-du-Sud", population: Located(1, at: first), location: first),
                                       Department(code: "2a", name: "Corse-du-Sud", population: Located(1, at: second), location: second)]
        let found = ContentRules.departmentsAreListedOnce(content)
        XCTAssertEqual(found.map(\.message), [.departmentDuplicate(code: "2a", first: "2A", firstLine: 8)])
        XCTAssertEqual(found.map(\.location), [second])
    }
}
