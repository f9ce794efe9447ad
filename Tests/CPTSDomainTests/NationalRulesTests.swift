@testable import CPTSDomain
import XCTest

/// The rules across the regions of a national site, one behaviour per test.
final class NationalRulesTests: XCTestCase {
    static func at(_ file: String, _ line: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: 5) }

    static func cpts(_ slug: String, department: String, communes: [String], file: String, line: Int = 20) -> RegionalCPTS {
        RegionalCPTS(slug: Located(slug, at: at(file, line)), name: "CPTS \(slug)", department: Located(department, at: at(file, line + 1)),
                     stage: .aciSigned, population: 1000,
                     communes: communes.enumerated().map { Located($1, at: at(file, line + 2 + $0)) },
                     signature: nil, paid: nil, location: at(file, line))
    }

    static func region(_ code: String, departments: [String], cpts: [RegionalCPTS], asOf: Day = Day(year: 2024, month: 12, day: 31)!,
                       url: String = "https://example.org/") -> RegionalSite {
        let file = "content/regions/\(code).json"
        return RegionalSite(file: file, url: url, asOf: Located(asOf, at: at(file, 3)), code: Located(code, at: at(file, 5)),
                            name: "Région \(code)", population: 1_000_000, populationVintage: "",
                            departments: departments.enumerated().map { RegionalDepartment(code: Located($1, at: at(file, 8 + $0)), name: $1, population: 1) },
                            cpts: cpts, location: at(file, 1))
    }

    func testACommuneClaimedInTwoRegionsIsAnErrorAtTheSecondNamingTheFirstFile() {
        let centre = Self.region("24", departments: ["41"], cpts: [Self.cpts("blois", department: "41", communes: ["41018"], file: "content/regions/24.json")])
        let loire = Self.region("52", departments: ["72"], cpts: [Self.cpts("sarthe", department: "72", communes: ["72001", "41018"], file: "content/regions/52.json")])
        let found = NationalRules.oneCPTSPerTerritoryAcrossRegions(NationalContent(title: "", regions: [centre, loire]))
        XCTAssertEqual(found.map(\.message), [.national(.communeInTwoRegions(commune: "41018", cpts: "CPTS sarthe", otherCPTS: "CPTS blois",
                                                                          otherFile: "content/regions/24.json"))])
        XCTAssertEqual(found.first?.location, Self.at("content/regions/52.json", 23))
        XCTAssertEqual(found.first?.severity, .error)
    }

    func testACommuneClaimedTwiceInOneRegionIsLeftToThatRegionsOwnRule() {
        let file = "content/regions/24.json"
        let centre = Self.region("24", departments: ["41"], cpts: [Self.cpts("a", department: "41", communes: ["41018"], file: file),
                                                                  Self.cpts("b", department: "41", communes: ["41018"], file: file)])
        XCTAssertEqual(NationalRules.oneCPTSPerTerritoryAcrossRegions(NationalContent(title: "", regions: [centre])).count, 0)
    }

    func testADepartmentFiledUnderAnotherRegionIsAnErrorNamingItsRegion() {
        let centre = Self.region("24", departments: ["41", "72"], cpts: [Self.cpts("a", department: "44", communes: [], file: "content/regions/24.json")])
        let found = NationalRules.departmentIsInItsRegion(NationalContent(title: "", regions: [centre]))
        XCTAssertEqual(found.map(\.message), [
            .national(.departmentInOtherRegion(department: "72", region: "24", belongsTo: "52", belongsToName: "Pays de la Loire")),
            .national(.departmentInOtherRegion(department: "44", region: "24", belongsTo: "52", belongsToName: "Pays de la Loire")),
        ])
        XCTAssertEqual(found.map(\.location.line), [9, 21])
    }

    func testADepartmentCodeThatIsNoDepartmentIsReported() {
        let centre = Self.region("24", departments: ["99"], cpts: [])
        XCTAssertEqual(NationalRules.departmentIsInItsRegion(NationalContent(title: "", regions: [centre])).map(\.message),
                       [.national(.departmentUnknown(department: "99"))])
    }

    func testCorsicanDepartmentsAreReadWhateverTheirCase() {
        let corse = Self.region("94", departments: ["2A", "2b"], cpts: [])
        XCTAssertEqual(NationalRules.departmentIsInItsRegion(NationalContent(title: "", regions: [corse])).count, 0)
    }

    func testARegionCodeThatIsNoRegionIsReportedAndItsDepartmentsAreNot() {
        let unknown = Self.region("25", departments: ["41"], cpts: [])
        let content = NationalContent(title: "", regions: [unknown])
        XCTAssertEqual(NationalRules.regionIsKnown(content).map(\.message), [.national(.regionUnknown(code: "25"))])
        XCTAssertEqual(NationalRules.departmentIsInItsRegion(content).count, 0)
    }

    /// The same slug in two regions is no error: each CPTS links to its own regional site, so the URLs differ.
    func testTheSameSlugInTwoRegionsIsAllowedAndItsPagesStayDistinct() {
        let centre = Self.region("24", departments: ["41"], cpts: [Self.cpts("sud", department: "41", communes: ["41018"], file: "content/regions/24.json")],
                                 url: "https://centre.example.org/cpts")
        let loire = Self.region("52", departments: ["72"], cpts: [Self.cpts("sud", department: "72", communes: ["72001"], file: "content/regions/52.json")],
                                url: "https://loire.example.org/")
        XCTAssertEqual(NationalRules.validate(NationalContent(title: "", regions: [centre, loire])), [])
        XCTAssertEqual(centre.pageURL(of: centre.cpts[0]), "https://centre.example.org/cpts/cpts/sud/")
        XCTAssertEqual(loire.pageURL(of: loire.cpts[0]), "https://loire.example.org/cpts/sud/")
    }

    /// Regions dated differently are no error: each keeps its own date.
    func testRegionsDatedDifferentlyAreAllowedAndKeepTheirDates() {
        let centre = Self.region("24", departments: ["41"], cpts: [], asOf: Day(year: 2024, month: 12, day: 31)!)
        let loire = Self.region("52", departments: ["72"], cpts: [], asOf: Day(year: 2025, month: 6, day: 30)!)
        let content = NationalContent(title: "", regions: [centre, loire])
        XCTAssertEqual(NationalRules.validate(content), [])
        XCTAssertEqual(content.regions.map(\.asOf.value.description), ["2024-12-31", "2025-06-30"])
    }

    func testEveryRuleIsListed() {
        XCTAssertEqual(NationalRules.all.map(\.name), ["regionIsKnown", "departmentIsInItsRegion", "oneCPTSPerTerritoryAcrossRegions"])
    }
}
