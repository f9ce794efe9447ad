@testable import CPTSDomain
import XCTest

/// The catalog of French labels (`DomainLabels`): every value has its own label, in typographic French.
final class DomainLabelsTests: XCTestCase {
    /// Each labelled enum's labels, by type name.
    static let enumLabels: [(type: String, labels: [String])] = [
        ("Stage", Stage.allCases.map(\.label)),
        ("Stage dates", Stage.allCases.map(\.dateLabel)),
        ("Payment.Kind", Payment.Kind.allCases.map(\.label)),
        ("ContractYearFunding.Status", ContractYearFunding.Status.allCases.map(\.label)),
        ("OperationRaise.Payment", OperationRaise.Payment.allCases.map(\.label)),
        ("FundingPart", FundingPart.allCases.map(\.label)),
        ("Direction", Direction.allCases.map(\.label)),
        ("ActionStatus", ActionStatus.allCases.map(\.label)),
        ("Meeting.Kind", Meeting.Kind.allCases.map(\.label)),
        ("SpendingCategory", SpendingCategory.allCases.map(\.label)),
    ]

    static let tables: [(name: String, table: LabelTable)] = [
        ("missions", DomainLabels.missions), ("professions", DomainLabels.professions),
        ("legalForms", DomainLabels.legalForms), ("scheduleStatuses", DomainLabels.scheduleStatuses),
        ("structureKinds", DomainLabels.structureKinds), ("milestoneKinds", DomainLabels.milestoneKinds),
        ("milestoneKindsShort", DomainLabels.milestoneKindsShort), ("territoryFigures", DomainLabels.territoryFigures),
    ]

    /// Every state a mission status can be in, with dates.
    static var missionStatuses: [MissionStatus] {
        let day = Day(year: 2020, month: 3, day: 1)!, later = Day(year: 2021, month: 6, day: 1)!
        let states: [MissionStatus.State] = [.optional, .notRequiredYet(since: day), .toStart, .notStarted, .startedLate(start: day),
                                             .deploymentPending, .deploymentLate, .deployedLate(deployed: later), .deployed]
        return states.map { MissionStatus(state: $0, anchor: day, startDeadline: day, deployDeadline: later) }
    }

    func assertDistinctAndNotEmpty(_ labels: [String], _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(labels.isEmpty, name, file: file, line: line)
        XCTAssertFalse(labels.contains { $0.trimmingCharacters(in: .whitespaces).isEmpty }, "\(name): an empty label", file: file, line: line)
        XCTAssertEqual(Set(labels).count, labels.count, "\(name): two cases share a label in \(labels)", file: file, line: line)
    }

    func testEveryCaseOfEveryLabelledEnumHasItsOwnLabel() {
        for (type, labels) in Self.enumLabels { assertDistinctAndNotEmpty(labels, type) }
    }

    func testEveryStateOfAMissionStatusHasItsOwnLabel() {
        assertDistinctAndNotEmpty(Self.missionStatuses.map(\.label), "MissionStatus")
    }

    func testEveryIdOfEveryLabelTableHasItsOwnLabel() {
        for (name, table) in Self.tables {
            assertDistinctAndNotEmpty(table.entries.map(\.label), name)
            XCTAssertEqual(Set(table.ids).count, table.ids.count, "\(name): an id twice")
        }
    }

    func testEveryMissionOfTheCatalogueHasAName() {
        XCTAssertEqual(DomainLabels.missions.ids, Mission.ids)
        XCTAssertEqual(Mission.named("crises-sanitaires")?.name, "Réponse aux crises sanitaires graves")
    }

    func testEveryFigureOfTheTerritorialDiagnosticHasItsOwnLabel() {
        // A density of the members may share a Rézone figure's label: the page marks it `(membres de la CPTS)`.
        let (densities, rezone) = (TerritoryFigure.catalogue.filter { $0.id.hasPrefix("densite-") }, TerritoryFigure.catalogue.filter { !$0.id.hasPrefix("densite-") })
        assertDistinctAndNotEmpty(rezone.map(\.label), "TerritoryFigure")
        assertDistinctAndNotEmpty(densities.map(\.label), "TerritoryFigure densities")
        XCTAssertTrue(DomainLabels.territoryFigures.ids.allSatisfy { TerritoryFigure.named($0) != nil })
        XCTAssertEqual(TerritoryFigure.named("densite-infirmier")?.label, "Infirmiers pour 10\u{202F}000 habitants")
    }

    func testEveryLegalFormContentMayWriteHasALabel() {
        XCTAssertEqual(DomainLabels.legalForms.ids, ["association-1901", "sisa", "autre"])
        XCTAssertEqual(DomainLabels.legalForms.label(of: "autre"), "Autre")
    }

    func testAnIdTheCatalogDoesNotKnowIsShownAsWritten() {
        XCTAssertEqual(DomainLabels.missions.label(of: "mission-inconnue"), "mission-inconnue")
        XCTAssertNil(DomainLabels.scheduleStatuses.knownLabel(of: "douteux"))
    }

    func testEveryLabelIsTypographicFrench() {
        let all = Self.enumLabels.flatMap(\.labels) + Self.tables.flatMap { $0.table.entries.map(\.label) }
            + Self.missionStatuses.map(\.label) + [DomainLabels.noStage, DomainLabels.roadFirstContact, DomainLabels.roadLetterOrPreProject,
                                                   DomainLabels.roadHealthProject, DomainLabels.roadSignature, DomainLabels.optionalMission]
        for label in all {
            XCTAssertFalse(label.contains("'"), "\(label): a straight apostrophe")
            for mark in [":", ";", "!", "?"] {
                XCTAssertFalse(label.contains(" " + mark), "\(label): a plain space before \(mark)")
                XCTAssertFalse(label.contains("\u{A0}" + mark), "\(label): a no-break space before \(mark), not a narrow one")
            }
        }
    }

    func testAPaymentIsNamedByItsKindItsYearAndItsMission() {
        let day = Day(year: 2019, month: 10, day: 14)!
        XCTAssertEqual(Payment(date: day, kind: .fixedAdvance, amount: 1, year: 1, mission: "acces-soins").label,
                       "Avance de 75\u{A0}% de la part fixe de l’année\u{A0}1\u{202F}: Accès aux soins (médecin traitant, soins non programmés)")
        XCTAssertEqual(Payment(date: day, kind: .operation, amount: 1, year: 1).label, "Fonctionnement de l’année\u{A0}1, en totalité")
        XCTAssertEqual(Payment(date: day, kind: .balance, amount: 1, year: 2).label, "Solde de l’année\u{A0}2")
    }

    func testAMissionSocleFromADateSaysFromWhen() {
        XCTAssertEqual(DomainLabels.socle(since: Day(year: 2022, month: 9, day: 3)), "Socle à partir du 03/09/2022")
        XCTAssertEqual(DomainLabels.socle(since: nil), "Socle")
    }

    func testAMilestoneOfAnyKindButForecastIsAPublishedFigure() {
        XCTAssertEqual(DomainLabels.milestoneKind("forecast"), "Prévision")
        XCTAssertEqual(DomainLabels.milestoneKind("published", short: true), "publié")
        XCTAssertEqual(DomainLabels.milestoneKind("autre"), "Chiffre publié")
    }
}
