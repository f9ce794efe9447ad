@testable import CPTSDomain
@testable import CPTSSite
import Foundation
import XCTest

final class ExportTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// OWASP's rule against CSV injection: a cell a spreadsheet would run as a formula starts with `'`.
    func testACSVCellThatAFormulaWouldStartWithIsDefusedButNumbersAreKept() {
        let formulas = ["=HYPERLINK(\"http://x\";\"y\")", "@SUM(A1:A9)", "+1+1", "-2+3", "\tx", "\r=1", "=", "-", "+", "-1,", "--1", "-1e"]
        for cell in formulas {
            XCTAssertEqual(SpreadsheetCSV.defused(cell), "'" + cell, cell.debugDescription)
        }
        for cell in ["-12", "-3,5", "-3.5", "+4", "12", "1e6", "-1E-6", "CPTS de Blois", "", "'déjà", "a=b"] {
            XCTAssertEqual(SpreadsheetCSV.defused(cell), cell, cell.debugDescription)
        }
    }

    func testABufferWithASinkHandsOnItsBytesInMegabytePartsAndKeepsNoneOfThem() {
        var parts: [[UInt8]] = []
        var buffer = ExportBuffer { parts.append($0); return true }
        let line = Array("une ligne de l’export\n".utf8)
        for _ in 0..<100_000 { buffer.append(contentsOf: line) }
        XCTAssertLessThan(buffer.bytes.count, ExportBuffer.flushSize)
        XCTAssertTrue(buffer.finish())
        XCTAssertEqual(buffer.bytes, [])
        XCTAssertGreaterThan(parts.count, 1)
        XCTAssertEqual(parts.dropLast().map(\.count).max(), parts.dropLast().map(\.count).min())
        XCTAssertEqual(Array(parts.joined()), Array(repeating: line, count: 100_000).flatMap { $0 })
    }

    func testAFailingSinkIsReportedByFinishAndNotCalledAgain() {
        var calls = 0
        var buffer = ExportBuffer { _ in calls += 1; return false }
        for _ in 0..<3 { buffer.append(String(repeating: "x", count: ExportBuffer.flushSize)) }
        XCTAssertFalse(buffer.finish())
        XCTAssertEqual(calls, 1)
    }

    /// `build` streams the data files to disk as they are made; `serve` makes them in memory: the same bytes.
    func testBuildStreamsTheSameDataFilesServeKeepsInMemory() async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("exports-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let content = Self.repository.appendingPathComponent("Tests/Fixtures/sites/minimal/content").path
        let themes = Self.repository.appendingPathComponent("themes").path
        let built = await SiteBuilder.build(BuildOptions(contentDirectory: content, outputDirectory: output.path,
                                                         themesDirectory: themes, mode: .build))
        XCTAssertTrue(built.succeeded)
        let served = await SiteSession(options: BuildOptions(contentDirectory: content, themesDirectory: themes, mode: .memory)).build()
        let exports = ["data/site.json", "data/search.json", "data/cpts.csv", "data/indicators.csv", "sitemap.xml",
                       "robots.txt", "feed.xml"]
        for path in exports {
            let inMemory = try XCTUnwrap(served.files.first { $0.path == path }, path).bytes
            XCTAssertGreaterThan(inMemory.count, 0, path)
            XCTAssertEqual([UInt8](try Data(contentsOf: output.appendingPathComponent(path))), inMemory, path)
        }
    }

    /// Spreadsheet users read French headers and values: stage labels, dates as 31/12/2019, "à la baisse", decimal
    /// commas, mission names, no `count` unit; the byte order mark and `;` stay.
    func testTheCSVExportsSpeakFrench() async throws {
        let content = Self.repository.appendingPathComponent("Tests/Fixtures/sites/minimal/content").path
        let themes = Self.repository.appendingPathComponent("themes").path
        let served = await SiteSession(options: BuildOptions(contentDirectory: content, themesDirectory: themes, mode: .memory)).build()
        func lines(_ path: String) throws -> [String] {
            let bytes = try XCTUnwrap(served.files.first { $0.path == path }, path).bytes
            XCTAssertEqual(Array(bytes.prefix(3)), SpreadsheetCSV.byteOrderMark, path)
            return String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        }
        let cpts = try lines("data/cpts.csv")
        XCTAssertEqual(cpts[0], "Identifiant;Nom;Code du département;Département;Étape;Constituée;Population;Tranche;Barème;"
            + "Date de la lettre d’intention;Date du pré-projet;Date du diagnostic territorial;"
            + "Date de validation du projet de santé;Date de signature du contrat ACI;Dates prévues;"
            + "Financement maximal de l’année 1 (€);Financement de l’année 1 (€)")
        XCTAssertEqual(cpts[2], "sud-lochois;CPTS du Sud Lochois;37;Indre-et-Loire;Contrat ACI signé;oui;45000;2;"
            // Year 1's maximum counts the fixed parts pro rata, as its total does (reachable): 146 573, not 187 000.
            + "ACI CPTS du 20 juin 2019;01/03/2018;;;01/06/2019;15/11/2019;;146573;100073")
        let indicators = try lines("data/indicators.csv")
        XCTAssertEqual(indicators[0], "Identifiant de la CPTS;Année du contrat;Indicateur;Mission;Libellé;Unité;Sens;"
            + "Valeur de référence;Valeur;Montant gagné (€)")
        XCTAssertEqual(indicators[1], "sud-lochois;1;ald-sans-medecin-traitant;Accès aux soins (médecin traitant, soins non programmés);"
            + "Patients en ALD sans médecin traitant;patients;à la baisse;219;120;6000")
        XCTAssertEqual(indicators[2].split(separator: ";", omittingEmptySubsequences: false)[5...6], ["", "à la hausse"])
        XCTAssertEqual(SpreadsheetCSV.decimal(12.5), "12,5")
        XCTAssertEqual(Direction.done.label, "action réalisée ou non")
        // Every header is documented on the methodology page, from the same list.
        let methodology = String(decoding: try XCTUnwrap(served.files.first { $0.path == "methodologie/index.html" }).bytes, as: UTF8.self)
        for column in SpreadsheetCSV.cptsColumns + SpreadsheetCSV.indicatorColumns {
            XCTAssertTrue(methodology.contains("<th scope=\"row\">\(column.header)</th>"), column.header)
        }
        for page in ["index.html", "methodologie/index.html"] {
            let html = String(decoding: try XCTUnwrap(served.files.first { $0.path == page }).bytes, as: UTF8.self)
            for file in ["cpts.csv", "indicators.csv", "site.json"] {
                XCTAssertTrue(html.contains("data/\(file)\" download>"), "\(page) links \(file)")
            }
        }
    }

    /// `indicators.csv` reads what each indicator earned from a table made once per contract year: what the pages say
    /// (`PublishedFigureRules.earned`): the ledger's reward, nothing before the year is assessed, and 0 for an
    /// indicator it does not reward.
    func testEarnedAmountsAreWhatTheLedgerSaysEachIndicatorEarned() async throws {
        var assessed = 0
        for site in ["minimal", "warnings"] {
            let folder = Self.repository.appendingPathComponent("Tests/Fixtures/sites/\(site)/content").path
            let renderer = try await SitePages.load(contentFolder: folder).renderer
            for file in renderer.content.indicators {
                let ledger = renderer.content.cpts(slug: file.slug).flatMap { renderer.figures[$0].funding }
                for year in file.contractYears {
                    let funding = ledger?.year(year.year.value)
                    var earned = EarnedAmounts(funding)
                    if funding?.assessed == true { assessed += 1 }
                    // In the file's order, then backwards and an unknown id: the order of lookups changes nothing.
                    let ids = year.indicators.map(\.id.value)
                    for id in ids + ["inconnu"] + ids.reversed() + ids {
                        XCTAssertEqual(earned.amount(of: id), PublishedFigureRules.earned(indicator: id, in: funding),
                                       "\(site) \(file.slug) \(year.year.value) \(id)")
                    }
                }
            }
        }
        XCTAssertGreaterThan(assessed, 0)
    }

    /// `cpts.csv` finds the schedule in force once per schedule named: the label the CPTS page names, the first
    /// contract year's schedule first.
    func testTheScheduleCellIsTheLabelOfTheScheduleTheCPTSPageNames() async throws {
        for site in ["minimal", "warnings"] {
            let folder = Self.repository.appendingPathComponent("Tests/Fixtures/sites/\(site)/content").path
            let renderer = try await SitePages.load(contentFolder: folder).renderer
            let content = renderer.content
            var cells = CPTSRowCells(content: content)
            for cpts in content.cpts + content.cpts {
                let funding = renderer.figures[cpts].funding
                let named = (cpts.schedule ?? content.settings.schedule).value
                let id = funding?.scheduleID
                    ?? content.schedule(for: cpts, at: content.settings.asOf, knownAt: content.settings.asOf)?.id ?? named
                XCTAssertEqual(cells.schedule(funding?.scheduleID, named: named), SpreadsheetCSV.encoded(content.scheduleLabel(id)),
                               cpts.slug.value)
                XCTAssertEqual(cells.department(renderer.figures[cpts].department),
                               SpreadsheetCSV.encoded(content.region.department(cpts.department.value)?.name ?? ""))
            }
        }
    }

    /// A writer going through the CPTS reads each one's figures in place: the figures its slug looks up, the department
    /// its page names; a slug given twice reads the figures of its last CPTS, as the lookup does.
    func testFiguresReadByPositionAreTheFiguresOfTheSlug() async throws {
        for site in ["minimal", "warnings"] {
            let folder = Self.repository.appendingPathComponent("Tests/Fixtures/sites/\(site)/content").path
            var content = try await SitePages.load(contentFolder: folder).renderer.content
            content.cpts += content.cpts.prefix(1).map { cpts in
                var copy = cpts
                copy.population = Located(123_456, at: cpts.location)
                return copy
            }
            let figures = SiteFigures(content: content)
            for (position, cpts) in content.cpts.enumerated() {
                let byPosition = figures.withFigures(at: position, slug: cpts.slug.value) { $0.pointee }
                XCTAssertEqual(byPosition, figures[cpts], cpts.slug.value)
                XCTAssertEqual(byPosition.department.map { content.region.departments[$0].code },
                               content.region.department(cpts.department.value)?.code)
                // Another position, or figures without the content's order: looked up by slug.
                XCTAssertEqual(figures.withFigures(at: position + 1, slug: cpts.slug.value) { $0.pointee }, figures[cpts])
            }
            XCTAssertEqual(figures[slug: content.cpts[0].slug.value].population, 123_456)
        }
    }

    /// The figures are kept once, with a position per slug: each slug finds its own CPTS's figures (its last CPTS's
    /// when given twice), an unknown slug none, and the slugs listed are the content's, each once.
    func testFiguresLookedUpBySlugThroughTheirPosition() async throws {
        let folder = Self.repository.appendingPathComponent("Tests/Fixtures/sites/warnings/content").path
        var content = try await SitePages.load(contentFolder: folder).renderer.content
        content.cpts += content.cpts.prefix(1).map { cpts in
            var copy = cpts
            copy.population = Located(654_321, at: cpts.location)
            return copy
        }
        let figures = SiteFigures(content: content)
        XCTAssertEqual(figures.figures(of: content.cpts[0].slug.value)?.population, 654_321)
        for cpts in content.cpts.dropFirst() {
            XCTAssertEqual(figures.figures(of: cpts.slug.value)?.population, content.population(of: cpts), cpts.slug.value)
        }
        XCTAssertNil(figures.figures(of: "aucune-cpts"))
        XCTAssertEqual(figures[slug: "aucune-cpts"].population, 0)
        XCTAssertEqual(Set(figures.slugs), Set(content.cpts.map(\.slug.value)))
        XCTAssertEqual(figures.slugs.count, Set(content.cpts.map(\.slug.value)).count)
    }

    /// An id rewarded twice in a year (two missions) earns what its first reward says, whatever the order of lookups.
    func testEarnedAmountsOfAnIdRewardedTwiceAreItsFirstReward() throws {
        let day = try XCTUnwrap(Day(iso: "2020-01-01"))
        func mission(_ id: String, _ rewards: [(String, Int)]) -> MissionFunding {
            MissionFunding(mission: id, fixed: 0, extra: 0, variableMaximum: 0, fullYearFixed: 0, variableEarned: 0, variableUncapped: 0,
                           indicators: rewards.map { IndicatorReward(id: $0.0, earned: $0.1, stepReached: nil) })
        }
        func year(_ status: ContractYearFunding.Status) -> ContractYearFunding {
            ContractYearFunding(year: 1, start: day, end: day, scheduleID: "aci", scheduleLabel: "ACI", status: status, operation: 0,
                                missions: [mission("a", [("x", 1), ("y", 2)]), mission("b", [("y", 3), ("z", 4)])], payments: [],
                                asOf: day)
        }
        let assessed = year(.assessed)
        var earned = EarnedAmounts(assessed)
        for id in ["x", "y", "y", "z", "w", "z", "y", "x"] {
            XCTAssertEqual(earned.amount(of: id), PublishedFigureRules.earned(indicator: id, in: assessed), id)
        }
        XCTAssertEqual(assessed.earned(indicator: "y"), 2)
        // An indicator of a mission the year does not fund earned nothing, as its page says: 0, not an empty cell.
        var unfunded = EarnedAmounts(assessed)
        XCTAssertEqual(unfunded.amount(of: "w"), 0)
        var ended = EarnedAmounts(year(.ended))
        XCTAssertNil(ended.amount(of: "x"))
    }
}
