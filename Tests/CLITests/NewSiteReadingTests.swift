import Foundation
import XCTest

/// A site made as a coordinator makes one (#24): `new site`, two `new cpts` filled in (one signed on 01/03/2024,
/// one whose signature is planned for 01/03/2027), indicators for two contract years and a report for each of the
/// three years begun. Its pages are read for what they say, not compared with a golden.
final class NewSiteReadingTests: XCTestCase {
    /// Built once for the class: `new`, then `build`.
    nonisolated(unsafe) static var built: Result<URL, any Error>?

    static func site() throws -> URL {
        if built == nil { built = Result { try makeSite() } }
        return try XCTUnwrap(built).get()
    }

    override class func tearDown() {
        if case .success(let site)? = built { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        built = nil
        super.tearDown()
    }

    static func makeSite() throws -> URL {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("reading-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        try expectSuccess(CLIRunner.run(["new", "site", "region"], in: parent))
        let site = parent.appendingPathComponent("region")
        for slug in ["sud-loire", "nord-vallee"] { try expectSuccess(CLIRunner.run(["new", "cpts", slug], in: site)) }
        let settings = site.appendingPathComponent("content/site.yaml")
        let yaml = try String(contentsOf: settings, encoding: .utf8)
        try yaml.replacing(/asOf: \d{4}-\d{2}-\d{2}/, with: "asOf: 2026-12-07").write(to: settings, atomically: true, encoding: .utf8)
        try fillIn(site, slug: "sud-loire", frontMatter: signedFrontMatter)
        try fillIn(site, slug: "nord-vallee", frontMatter: plannedFrontMatter)
        try write(indicators, to: site.appendingPathComponent("content/indicators/sud-loire.yaml"))
        for year in 1...3 {
            try write(report(year: year), to: site.appendingPathComponent("content/reports/sud-loire/\(year).md"))
        }
        try expectSuccess(CLIRunner.run(["build"], in: site))
        return site
    }

    static func expectSuccess(_ result: CLIRunner.Result) throws {
        guard result.status == 0 else { throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: result.stderr]) }
    }

    static func write(_ text: String, to file: URL) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    /// The CPTS file `new cpts` wrote, its front matter filled in and its text (the skeleton's) kept.
    static func fillIn(_ site: URL, slug: String, frontMatter: String) throws {
        let file = site.appendingPathComponent("content/cpts/\(slug).md")
        let skeleton = try String(contentsOf: file, encoding: .utf8)
        let parts = skeleton.components(separatedBy: "\n---\n")
        XCTAssertEqual(parts.count, 2, "the skeleton has one front matter")
        try write("---\n" + frontMatter + "---\n" + parts[1], to: file)
    }

    static let signedFrontMatter = """
        name: CPTS Sud Loire
        department: "01"
        population: 45000
        stage: aci-signed
        dates:
          letter-of-intent: 2022-05-10
          health-project: 2023-10-20
          aci-signed: 2024-03-01
        legalForm: association-1901
        members: { medecin-generaliste: 31, pharmacien: 12, infirmier: 44 }
        missions:
          - { id: acces-soins, start: 2024-04-01, deployed: 2025-01-15 }
          - { id: parcours, start: 2024-09-01, deployed: 2025-09-01 }
          - { id: prevention, start: 2024-06-01, deployed: 2025-06-01 }
          - id: crises-sanitaires

        """

    static let plannedFrontMatter = """
        name: CPTS Nord Vallée
        department: "01"
        population: 30000
        stage: health-project
        dates:
          letter-of-intent: 2024-02-01
          health-project: 2026-06-15
          aci-signed: 2027-03-01
        planned: [aci-signed]

        """

    static let indicators = """
        contractYears:
          - year: 1
            indicators:
              - { id: ald, mission: acces-soins, label: Patients en ALD sans médecin traitant, unit: patients, direction: down,
                  baseline: 219, value: 180, steps: [{ threshold: 200, amount: 4000 }] }
              - { id: sein, mission: prevention, label: Taux de dépistage du cancer du sein, unit: "%", direction: up,
                  baseline: 48.0, value: 49.5, steps: [{ threshold: 50, amount: 5000 }] }
          - year: 2
            indicators:
              - { id: ald, mission: acces-soins, label: Patients en ALD sans médecin traitant, unit: patients, direction: down,
                  baseline: 219, value: 140, steps: [{ threshold: 200, amount: 4000 }] }
              - { id: sein, mission: prevention, label: Taux de dépistage du cancer du sein, unit: "%", direction: up,
                  baseline: 48.0, value: 51.2, steps: [{ threshold: 50, amount: 5000 }] }

        """

    static func report(year: Int) -> String {
        """
        ---
        team: { coordinator: 0.8 }
        spending: { staff: 41000, fees: 9000, premises: 3600, communication: 1500 }
        members: { medecin-generaliste: \(28 + year), pharmacien: \(10 + year), infirmier: \(40 + year) }
        actions:
          - { mission: acces-soins, title: Cellule d’orientation, status: done, start: 2024-04-01, participants: 12 }
        meetings:
          - { date: \(2023 + year)-06-12, kind: board, attendance: 9 }
        ---
        L’année \(year) du contrat a consolidé la cellule d’orientation.

        """
    }

    func page(_ path: String) throws -> String {
        try String(contentsOf: Self.site().appendingPathComponent("public/" + path), encoding: .utf8)
    }

    func reportPage(_ year: Int) throws -> String { try page("cpts/sud-loire/rapport-annee-\(year)/index.html") }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    // MARK: The report

    func testEachReportShowsItsSpendingTableOnce() throws {
        for year in 1...3 {
            let html = try reportPage(year)
            XCTAssertEqual(Self.count("<table class=\"spending\">", in: html), 1, "year \(year)")
            XCTAssertEqual(Self.count("<th scope=\"row\">Locaux</th>", in: html), 1, "year \(year)")
        }
    }

    /// Several missions each have their indicator table: each caption names its mission.
    func testNoReportSaysACaptionOrAHeadingTwice() throws {
        for year in 1...3 {
            let html = try reportPage(year)
            let captions = html.matches(of: /<caption>([^<]*)<\/caption>/).map { String($0.output.1) }
            XCTAssertEqual(Set(captions).count, captions.count, "year \(year): \(captions)")
            let headings = html.matches(of: /<h[12][^>]*>([^<]*)<\/h[12]>/).map { String($0.output.1) }
            XCTAssertEqual(Set(headings).count, headings.count, "year \(year): \(headings)")
        }
    }

    func testTheReportsTitleNamesItsCalendarYearsAndTheCPTSWithATypographicApostrophe() throws {
        for (year, span) in [(1, "2024-2025"), (2, "2025-2026"), (3, "2026-2027")] {
            let html = try reportPage(year)
            XCTAssertTrue(html.contains("<title>Rapport d’activité \(span) — CPTS Sud Loire — "), "year \(year)")
            XCTAssertFalse(html.contains("Rapport d'activité"))
        }
    }

    func testTheReportsCoverNamesTheCPTSThatWritesItNotTheSitesPublisher() throws {
        let html = try reportPage(1)
        let cover = try XCTUnwrap(html.firstMatch(of: /<header class="report-cover">[\s\S]*?<\/header>/)).output
        XCTAssertTrue(cover.contains("<dt>Établi par</dt><dd>CPTS Sud Loire</dd>"), String(cover))
        XCTAssertFalse(cover.contains("Publié par"))
        XCTAssertFalse(cover.contains("Fédération régionale des URPS"))
    }

    func testYearOneHasNoColumnsForEarlierYearsAndYearTwoHasThem() throws {
        let first = try reportPage(1), second = try reportPage(2)
        for header in ["Années précédentes", "Tendance", "Année précédente", ">Évolution<"] {
            XCTAssertFalse(first.contains(header), "year 1 shows a column \(header)")
            XCTAssertTrue(second.contains(header), "year 2 lacks the column \(header)")
        }
        XCTAssertTrue(first.contains("<caption>Membres par profession</caption>"))
    }

    func testNoReportTableHasAnEmptyCell() throws {
        for year in 1...3 {
            let html = try reportPage(year)
            for match in html.matches(of: /<td[^>]*><\/td>/) {
                XCTFail("year \(year): empty cell \(match.output)")
            }
        }
    }

    func testAMissionThatBringsNothingThisYearSaysSoInWords() throws {
        for year in 1...3 {
            let html = try reportPage(year)
            XCTAssertFalse(html.contains("acquis sur 0\u{A0}€"), "year \(year)")
            XCTAssertFalse(html.contains("Part fixe de l’année&#x202F;: 0\u{A0}€"), "year \(year)")
            XCTAssertTrue(html.contains("Mission non démarrée cette année"), "year \(year): the crisis mission")
        }
    }

    func testAChangeBetweenTwoPercentagesIsGivenInPoints() throws {
        let html = try reportPage(2)
        XCTAssertTrue(html.contains(">+1,7\u{A0}point</span>"), "51,2 % after 49,5 %")
        XCTAssertFalse(html.contains(">+1,7\u{A0}%</span>"))
    }

    func testTheReportsRunningHeaderIsInTheBodysSansSerifFont() throws {
        let css = try page("cpts/sud-loire/rapport-annee-1/print.css")
        let head = try XCTUnwrap(css.firstMatch(of: /@top-left \{([^}]*)\}/)).output.1
        XCTAssertTrue(head.contains("font:") && head.contains("sans-serif"), String(head))
    }

    // MARK: The CPTS pages

    func testACPTSPageMadeWithNewCPTSSaysProjetDeSantéOnce() throws {
        for slug in ["sud-loire", "nord-vallee"] {
            let html = try page("cpts/\(slug)/index.html")
            let headings = html.matches(of: /<h[1-6][^>]*>([^<]*)<\/h[1-6]>/).map { String($0.output.1) }
            XCTAssertEqual(headings.filter { $0 == "Projet de santé" }.count, 1, "\(slug): \(headings)")
            XCTAssertEqual(Set(headings).count, headings.count, "\(slug): a heading said twice: \(headings)")
        }
    }

    /// Each point names its field as the page does, with a capital ("Début de la mission : …"), never as a key
    /// ("population :", "« populaton » :").
    func testTheVigilancePointsNameTheirFieldByALabelNotAKey() throws {
        let html = try page("cpts/sud-loire/index.html")
        let section = try XCTUnwrap(html.firstMatch(of: /<h2 id="fiche-avertissements">[\s\S]*?<\/section>/)).output
        let items = section.matches(of: /<li>([^<]*)<\/li>/).map { String($0.output.1) }
        XCTAssertFalse(items.isEmpty, "the crisis mission is not started: a point of vigilance")
        for item in items {
            XCTAssertNotNil(item.firstMatch(of: /^\p{Lu}[\p{L}’ ]+&#x202F;: \p{Ll}/), item)
            XCTAssertFalse(item.contains("crises-sanitaires"), "a mission named by its id: \(item)")
        }
        XCTAssertTrue(items.contains { $0.contains("«\u{202F}Réponse aux crises sanitaires graves\u{202F}»") }, "\(items)")
    }

    // MARK: The data

    func testCPTSCSVSaysWhichDatesAreForecastsAndNamesTheScheduleAsTheCPTSPage() throws {
        let csv = try page("data/cpts.csv")
        let rows = csv.split(separator: "\r\n").map { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
        let header = try XCTUnwrap(rows.first)
        let forecasts = try XCTUnwrap(header.firstIndex(of: "Dates prévues")), schedule = try XCTUnwrap(header.firstIndex(of: "Barème"))
        let planned = try XCTUnwrap(rows.first { $0.first == "nord-vallee" }), signed = try XCTUnwrap(rows.first { $0.first == "sud-loire" })
        XCTAssertEqual(planned[forecasts], "Date de signature du contrat ACI")
        XCTAssertEqual(signed[forecasts], "")
        let cptsPage = try page("cpts/sud-loire/index.html")
        let named = try XCTUnwrap(cptsPage.firstMatch(of: /barème «&#x202F;([^&]*)&#x202F;»/)).output.1
        XCTAssertEqual(signed[schedule], String(named))
    }

    func testTheMethodologyNamesSchedulesByTheirLabelAndSaysAGapOnce() throws {
        let html = try page("methodologie/index.html")
        XCTAssertNil(html.firstMatch(of: /<caption>[^<]*aci-[^<]*<\/caption>/), "a caption names a schedule by its id")
        XCTAssertFalse(html.contains("— écart avec le maximum publié"))
        let captions = html.matches(of: /<caption>([^<]*)<\/caption>/).map { String($0.output.1) }
        XCTAssertEqual(Set(captions).count, captions.count, "a caption said twice: \(captions)")
        let schedules = Self.count("<h2 id=\"bareme-", in: html)
        XCTAssertLessThanOrEqual(Self.count("s’écarte du maximum annuel publié", in: html), schedules)
    }
}
