@testable import CPTSContent
import CPTSDomain
import Foundation
import XCTest

/// `docs/reference.md`, the French content reference installed with cpts-site and copied into every new site, says
/// what the readers accept: a key or a value added to the code without being documented fails here.
final class ReferenceDocumentTests: XCTestCase {
    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs")

    static func read(_ name: String) throws -> String {
        try String(contentsOf: docs.appendingPathComponent(name), encoding: .utf8)
    }

    /// Every key of every mapping a reader checks, by file.
    static let readerKeys: [(what: String, keys: [String])] = [
        ("site.yaml", SiteSettingsReader.keys),
        ("region.yaml", RegionReader.keys), ("departments", RegionReader.departmentKeys),
        ("structures", RegionReader.structureKeys), ("structures.milestones", RegionReader.structureMilestoneKeys),
        ("milestones", RegionReader.milestoneKeys), ("references", RegionReader.referenceKeys),
        ("cpts", CPTSReader.keys), ("cpts missions", CPTSReader.missionKeys),
        ("indicators", IndicatorsReader.keys), ("contractYears", IndicatorsReader.contractYearKeys),
        ("indicator", IndicatorsReader.indicatorKeys), ("steps", IndicatorsReader.stepKeys),
        ("diagnostics", TerritoryFigureReader.keys), ("figures", TerritoryFigureReader.figureKeys),
        ("reports", ReportReader.keys), ("actions", ReportReader.actionKeys), ("meetings", ReportReader.meetingKeys),
        ("team", ReportReader.teamKeys), ("proofs", ReportReader.proofKeys),
        ("pages", PageReader.keys),
        ("schedules", ScheduleReader.keys), ("operationRaise", ScheduleReader.raiseKeys), ("socle", ScheduleReader.socleKeys),
        ("publishedMaxima", ScheduleReader.maximaKeys), ("schedule line", ScheduleReader.lineKeys),
        ("schedule missions", ScheduleReader.missionKeys),
        ("geo/communes.csv", CommunesCSVReader.columns.flatMap(\.names)),
        ("national site.yaml", NationalLoader.keys),
    ]

    func testEveryKeyEveryReaderAcceptsIsInTheReference() throws {
        let reference = try Self.read("reference.md")
        for (what, keys) in Self.readerKeys {
            for key in keys {
                XCTAssertTrue(reference.contains("`\(key)`"), "docs/reference.md does not document `\(key)` of \(what)")
            }
        }
    }

    /// Every value of an enumerated type, with the French label the site shows for it, on one line of the reference.
    static let acceptedValues: [(what: String, values: [(id: String, label: String)])] = [
        ("stage", Stage.allCases.map { ($0.rawValue, $0.label) }),
        ("mission", DomainLabels.missions.entries),
        ("profession", DomainLabels.professions.entries),
        ("legalForm", DomainLabels.legalForms.entries),
        ("direction", Direction.allCases.map { ($0.rawValue, $0.label) }),
        ("diagnostic figure", DomainLabels.territoryFigures.entries),
        ("action status", ActionStatus.allCases.map { ($0.rawValue, $0.label) }),
        ("meeting kind", Meeting.Kind.allCases.map { ($0.rawValue, $0.label) }),
        ("spending category", SpendingCategory.allCases.map { ($0.rawValue, $0.label) }),
        ("structure kind", DomainLabels.structureKinds.entries),
        ("milestone kind", MilestoneKind.allCases.map { ($0.rawValue, DomainLabels.milestoneKind($0.rawValue)) }),
        ("schedule status", DomainLabels.scheduleStatuses.entries),
        ("operationRaise.paid", OperationRaise.Payment.allCases.map { ($0.rawValue, $0.label) }),
    ]

    func testEveryAcceptedValueIsInTheReferenceWithItsFrenchLabel() throws {
        let lines = try Self.read("reference.md").split(separator: "\n")
        for (what, values) in Self.acceptedValues {
            XCTAssertFalse(values.isEmpty, what)
            for (id, label) in values {
                XCTAssertTrue(lines.contains { $0.contains("`\(id)`") && $0.contains(label) },
                              "docs/reference.md has no line giving \(what) `\(id)` with its label « \(label) »")
            }
        }
    }

    /// The guide is installed (`/usr/share/cpts-site/guide.md`) and copied into each site: it may not send a
    /// webmaster to files of the source tree (the English developer reference, the example, the Makefile).
    func testTheGuidePointsAtTheReferenceAndNotAtTheSourceTree() throws {
        let guide = try Self.read("guide.md")
        for sourceOnly in ["docs/content.md", "examples/", "make site", "make deploy"] {
            XCTAssertFalse(guide.contains(sourceOnly), "docs/guide.md points a package user at \(sourceOnly)")
        }
        XCTAssertTrue(guide.contains("REFERENCE.md"), "docs/guide.md names the content reference")
    }
}
