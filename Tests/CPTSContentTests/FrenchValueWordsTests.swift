@testable import CPTSContent
import CPTSDomain
import XCTest

/// Enumerated values may be written as their French label (`DomainLabels`), as French users type them.
final class FrenchValueWordsTests: XCTestCase {
    static func report(status: String, kind: String, spending: String, mission: String = "acces-soins") -> String {
        """
        ---
        actions:
          - { mission: \(mission), title: Cellule, status: \(status) }
        meetings:
          - { date: 2020-06-01, kind: \(kind) }
        spending:
          \(spending): 1200
        ---

        """
    }

    static func read(_ text: String) throws -> (ActivityReport, [Diagnostic]) {
        let (report, diagnostics) = ReportReader.read(text, path: "content/reports/test/1.md", slug: "test", name: "1")
        return (try XCTUnwrap(report), diagnostics)
    }

    func testAFrenchLabelGivesTheSameReportAsTheId() throws {
        let (english, none) = try Self.read(Self.report(status: "done", kind: "general-assembly", spending: "premises"))
        XCTAssertEqual(none, [])
        for (status, kind, spending) in [("réalisée", "Assemblée générale", "Locaux"), ("Realisee", "AG", "locaux"),
                                         ("réalisé", "assemblee generale", "LOCAUX")] {
            let (french, diagnostics) = try Self.read(Self.report(status: status, kind: kind, spending: spending, mission: "Accès aux soins"))
            XCTAssertEqual(french.actions.map(\.mission.value), ["acces-soins"])
            XCTAssertEqual(diagnostics, [], "\(status), \(kind), \(spending)")
            XCTAssertEqual(french.actions.map(\.status.value), english.actions.map(\.status.value))
            XCTAssertEqual(french.meetings.map(\.kind.value), english.meetings.map(\.kind.value))
            XCTAssertEqual(french.spending.map(\.category), english.spending.map(\.category))
        }
    }

    func testAnUnknownWordIsRefusedWithTheFrenchLabels() throws {
        let (_, diagnostics) = try Self.read(Self.report(status: "bof", kind: "AG", spending: "locaux"))
        XCTAssertEqual(diagnostics.count, 1)
        let message = try XCTUnwrap(diagnostics.first).message
        XCTAssertEqual(message, .valueUnknown(key: "status", written: "bof", suggestion: nil,
                                              known: ["«\u{202F}Prévue\u{202F}» (planned)", "«\u{202F}En cours\u{202F}» (in-progress)",
                                                      "«\u{202F}Réalisée\u{202F}» (done)", "«\u{202F}Abandonnée\u{202F}» (abandoned)"]))
    }

    func testStagesLegalFormsAndProfessionsAcceptTheirFrenchLabels() throws {
        let text = """
            ---
            name: CPTS de test
            department: "37"
            stage: Contrat ACI signé
            legalForm: association loi 1901
            dates:
              lettre d’intention: 2019-01-10
              aci-signed: 2019-06-30
            planned: [projet de santé validé]
            members:
              Médecins généralistes: 12
              sage-femme: 2
              MK: 3
            ---

            """
        let (cpts, diagnostics) = CPTSReader.read(text, path: "content/cpts/test.md", slug: "test")
        XCTAssertEqual(diagnostics, [])
        let read = try XCTUnwrap(cpts)
        XCTAssertEqual(read.stage.value, .aciSigned)
        XCTAssertEqual(read.legalForm, "association-1901")
        XCTAssertEqual(Set(read.dates.keys), [.letterOfIntent, .aciSigned])
        XCTAssertEqual(read.plannedStages, [.healthProject])
        XCTAssertEqual(read.members.map(\.profession), ["medecin-generaliste", "sage-femme", "masseur-kinesitherapeute"])
    }

    func testScheduleStatusesAndMilestoneKindsAcceptTheirFrenchLabels() {
        XCTAssertEqual(ScheduleReader.statuses.id(of: "à vérifier"), "to-verify")
        XCTAssertEqual(ScheduleReader.statuses.id(of: "Estime"), "estimated")
        XCTAssertEqual(RegionReader.milestoneWords.id(of: "prévision"), "forecast")
        XCTAssertEqual(RegionReader.milestoneWords.id(of: "Chiffre publié"), "published")
        XCTAssertNil(RegionReader.milestoneWords.id(of: "prevu"))
    }

    func testAFormTwoValuesShareIsAcceptedForNeither() {
        let words = ValueWords([("a", ["Conseil d’administration"]), ("b", ["Comité d’audit"])])
        XCTAssertNil(words.id(of: "CA"))
        XCTAssertEqual(words.id(of: "conseil d'administration"), "a")
    }
}
