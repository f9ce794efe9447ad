import Foundation
import XCTest

/// The words of the funding, from the one catalog (`DomainLabels`): `cpts-site report` names missions and the
/// schedule as the CPTS page and the CSV exports do, never by their ids.
final class FundingWordsTests: XCTestCase {
    static let content = CLIRunner.repositoryRoot.appendingPathComponent("examples/cpts-blaisois/content")
    static let missions = ["Accès aux soins (médecin traitant, soins non programmés)", "Parcours pluriprofessionnels autour du patient",
                           "Actions territoriales de prévention", "Qualité et pertinence des soins"]
    static let schedule = "ACI CPTS du 20 juin 2019"

    func report() throws -> String {
        let result = try CLIRunner.run(["report", "blaisois", "--content", Self.content.path], in: CLIRunner.repositoryRoot)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout
    }

    func testReportPrintsMissionNamesAndTheScheduleLabelNotTheirIds() throws {
        let report = try report()
        for mission in Self.missions {
            XCTAssertTrue(report.contains("\n" + mission + "  "), "no row for \(mission) in\n\(report)")
        }
        for id in ["acces-soins", "parcours", "prevention", "qualite-pertinence", "aci-2019", "aci-avenant-2"] {
            XCTAssertFalse(report.contains(id), "\(id) printed in\n\(report)")
        }
        XCTAssertTrue(report.hasPrefix("CPTS du Blaisois — tranche 3, barème «\u{202F}\(Self.schedule)\u{202F}», contrat signé le 30/09/2019\n"), report)
    }

    func testThePageTheReportAndTheCSVExportsNameTheFundingInTheSameWords() throws {
        let (root, build) = try CLIRunner.buildSite(Self.content, name: "funding-words")
        defer { try? FileManager.default.removeItem(at: root) }
        XCTAssertEqual(build.status, 0, build.stderr)
        let page = try String(contentsOf: root.appendingPathComponent("cpts/blaisois/index.html"), encoding: .utf8)
        let cptsCSV = try String(contentsOf: root.appendingPathComponent("data/cpts.csv"), encoding: .utf8)
        let indicatorsCSV = try String(contentsOf: root.appendingPathComponent("data/indicators.csv"), encoding: .utf8)
        let report = try report()

        // The schedule: its label on the page, in the report and in cpts.csv's `Barème` column.
        XCTAssertTrue(page.contains("barème «&#x202F;\(Self.schedule)&#x202F;»"), "the page names the schedule otherwise")
        XCTAssertTrue(report.contains("barème «\u{202F}\(Self.schedule)\u{202F}»"), report)
        XCTAssertTrue(cptsCSV.contains(";\(Self.schedule);"), cptsCSV)
        // Each mission paid: a row of the page's funding table, of the report's, and indicators.csv's `Mission`.
        for mission in Self.missions {
            XCTAssertTrue(page.contains("<tr><th scope=\"row\">\(mission)</th><td class=\"num\" data-label=\"Part fixe\">"), "\(mission) not on the page")
            XCTAssertTrue(report.contains("\n" + mission + "  "), "\(mission) not in the report")
            XCTAssertTrue(indicatorsCSV.contains(";\(mission);"), "\(mission) not in indicators.csv")
        }
        // Each payment of the calendar: the same label on the page and in the report.
        let labels = report.components(separatedBy: "\n").drop { !$0.hasPrefix("Calendrier des versements") }.dropFirst()
            .compactMap { $0.components(separatedBy: "  ").last { !$0.isEmpty } }
        XCTAssertGreaterThan(labels.count, 10)
        for label in labels {
            XCTAssertTrue(page.contains("<th scope=\"row\">\(label)</th>"), "payment '\(label)' worded otherwise on the page")
        }
    }

    /// The access mission's fixed part and its unscheduled-care compensation: "24 044 € + 14 426 €" alone leaves the
    /// reader to guess what the second amount is.
    func testTheCPTSPageNamesTheUnscheduledCareAmountBesideTheFixedPart() throws {
        let (root, build) = try CLIRunner.buildSite(Self.content, name: "funding-extra")
        defer { try? FileManager.default.removeItem(at: root) }
        XCTAssertEqual(build.status, 0, build.stderr)
        let page = try String(contentsOf: root.appendingPathComponent("cpts/blaisois/index.html"), encoding: .utf8)
        let sums = page.matches(of: /<td class="num"[^>]*>([^<]*) \+ ([^<]*)<\/td>/).map { String($0.output.2) }
        XCTAssertFalse(sums.isEmpty, "the access mission of an aci-2019 contract has two fixed amounts")
        for second in sums {
            XCTAssertTrue(second.hasSuffix("\u{A0}€ (compensation des soins non programmés)"), second)
        }
    }
}
