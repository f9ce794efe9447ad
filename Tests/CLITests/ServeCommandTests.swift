import Foundation
import XCTest

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `cpts-site serve` on the loopback interface, driven by real HTTP requests.
final class ServeCommandTests: XCTestCase {
    /// A running `serve` process and what it printed so far.
    final class Server: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var printed = ""
        convenience init(site: ScratchSite) throws {
            try self.init(root: site.root)
            try waitUntilListening()
        }

        /// Starts `serve` in `root` without waiting for it.
        init(root: URL) throws {
            process.executableURL = CLIRunner.executable
            process.arguments = ["serve", "--port", "0"]
            process.currentDirectoryURL = root
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            process.standardInput = FileHandle.nullDevice
            output.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                guard let self, !data.isEmpty else { return }
                self.lock.withLock { self.printed += String(decoding: data, as: UTF8.self) }
            }
            try process.run()
        }

        func waitUntilListening() throws {
            try waitFor("the server to listen") { $0.contains("Site servi à l’adresse ") }
        }

        var address: String {
            lock.withLock {
                guard let start = printed.range(of: "Site servi à l’adresse ")?.upperBound else { return "" }
                return String(printed[start...].prefix { !$0.isWhitespace })
            }
        }

        var log: String { lock.withLock { printed } }

        /// Waits, at most a minute (sanitizer builds are slow), until what the server printed satisfies `condition`.
        func waitFor(_ what: String, _ condition: (String) -> Bool) throws {
            let deadline = Date().addingTimeInterval(60)
            while !condition(log) {
                guard Date() < deadline, process.isRunning else {
                    throw Timeout(description: "gave up waiting for \(what); server printed:\n\(log)")
                }
                Thread.sleep(forTimeInterval: 0.05)
            }
        }

        struct Timeout: Error, CustomStringConvertible {
            let description: String
        }

        func get(_ path: String) async throws -> (status: Int, type: String, body: String) {
            let (data, response) = try await URLSession.shared.data(from: URL(string: address + path)!)
            let http = response as! HTTPURLResponse
            return (http.statusCode, http.value(forHTTPHeaderField: "Content-Type") ?? "", String(decoding: data, as: UTF8.self))
        }

        /// Stops the server, which must still be running (a sanitizer that halts the process ends it early) and must
        /// have printed no sanitizer report.
        func stop(file: StaticString = #filePath, line: UInt = #line) {
            let ranUntilStopped = process.isRunning
            process.terminate()
            process.waitUntilExit()
            XCTAssertTrue(ranUntilStopped, "serve ended before the test stopped it (status \(process.terminationStatus)):\n\(log)",
                          file: file, line: line)
            SanitizerReports.assertNone(in: log, "serve", file: file, line: line)
        }
    }

    /// `--port 0` lets the system pick the port: the feed, sitemap and robots.txt name that port, not 0.
    func testAbsoluteURLsNameThePortActuallyBound() async throws {
        let site = try ScratchSite()
        let server = try Server(site: site)
        defer { server.stop() }
        let address = server.address
        XCTAssertFalse(address.hasSuffix(":0/"), address)
        for path in ["feed.xml", "sitemap.xml", "robots.txt"] {
            let body = try await server.get(path).body
            XCTAssertTrue(body.contains(address), "\(path): \(body.prefix(300))")
            XCTAssertFalse(body.contains("127.0.0.1:0/"), "\(path): \(body.prefix(300))")
        }
    }

    func testServeAnswersPagesAssetsAndMissingPagesOnLoopback() async throws {
        let site = try ScratchSite()
        let server = try Server(site: site)
        defer { server.stop() }
        XCTAssertTrue(server.address.hasPrefix("http://127.0.0.1:"), server.address)
        let home = try await server.get("")
        XCTAssertEqual(home.status, 200)
        XCTAssertEqual(home.type, "text/html; charset=utf-8")
        XCTAssertTrue(home.body.contains("<h1>Les CPTS en Région de test</h1>"))
        XCTAssertTrue(home.body.contains("<script src=\"/__cpts-site/live.js\" defer></script></body>"))
        let page = try await server.get("cpts/sud-lochois/")
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.body.contains("<h1>CPTS du Sud Lochois</h1>"))
        let stylesheet = try XCTUnwrap(home.body.range(of: "href=\"assets/style.").map { home.body[$0.lowerBound...] })
        let cssPath = String(stylesheet.dropFirst("href=\"".count).prefix { $0 != "\"" })
        let css = try await server.get(cssPath)
        XCTAssertEqual(css.status, 200)
        XCTAssertEqual(css.type, "text/css; charset=utf-8")
        let missing = try await server.get("cpts/nulle-part/")
        XCTAssertEqual(missing.status, 404)
        XCTAssertTrue(missing.body.contains("Page introuvable"))
        let escape = try await server.get("..%2F..%2Fetc%2Fpasswd")
        XCTAssertEqual(escape.status, 404)
    }

    /// A file of the site that is not a page (an SVG of static/ here) comes with a policy that forbids scripts, so
    /// that opened directly it cannot run one in the site's origin; pages keep their own (in base.mustache).
    func testServeSendsStaticFilesWithAPolicyForbiddingScripts() async throws {
        let site = try ScratchSite()
        try site.write("content/static/img/plan.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>\n")
        let server = try Server(site: site)
        defer { server.stop() }
        let (_, response) = try await URLSession.shared.data(from: try XCTUnwrap(URL(string: server.address + "img/plan.svg")))
        let http = try XCTUnwrap(response as? HTTPURLResponse)
        XCTAssertEqual(http.statusCode, 200)
        let policy = http.value(forHTTPHeaderField: "Content-Security-Policy") ?? ""
        XCTAssertTrue(policy.contains("default-src 'none'") && policy.contains("sandbox"), policy)
        XCTAssertFalse(policy.contains("script-src"), policy)
        XCTAssertEqual(http.value(forHTTPHeaderField: "X-Content-Type-Options"), "nosniff")
        let (_, home) = try await URLSession.shared.data(from: try XCTUnwrap(URL(string: server.address)))
        XCTAssertNil((home as? HTTPURLResponse)?.value(forHTTPHeaderField: "Content-Security-Policy"), "the page has its own policy")
    }

    /// The first build of 1 000 CPTS takes a while, even with the release binary (about a second): a file saved
    /// meanwhile must still reach the served site.
    func testAFileSavedWhileTheFirstBuildRunsIsNotMissed() async throws {
        let root = try GeneratedSite.make(cpts: 1000, for: self)
        let server = try Server(root: root)
        defer { server.stop() }
        try await Task.sleep(for: .milliseconds(100))
        XCTAssertFalse(server.log.contains("site reconstruit en"), "the first build ended too soon for this test")
        let file = root.appendingPathComponent("content/cpts/cpts-000001.md")
        let text = try String(contentsOf: file, encoding: .utf8) + "\nTexte enregistré pendant la première construction.\n"
        try Data(text.utf8).write(to: file)
        try server.waitUntilListening()

        let deadline = Date().addingTimeInterval(60)
        var body = ""
        while Date() < deadline {
            body = try await server.get("cpts/cpts-000001/").body
            if body.contains("Texte enregistré pendant la première construction.") { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        XCTAssertTrue(body.contains("Texte enregistré pendant la première construction."), server.log)
    }

    /// How many pages a rebuild printed as rendered again, and which (`serve` names them up to five).
    func rerendered(after change: () throws -> Void, on server: Server) throws -> (count: Int, pages: Set<String>) {
        let builds = server.log.components(separatedBy: "site reconstruit en").count
        try change()
        try server.waitFor("the rebuild") { $0.components(separatedBy: "site reconstruit en").count > builds }
        let rebuild = try XCTUnwrap(server.log.components(separatedBy: "\n").last { $0.hasPrefix("site reconstruit en") })
        let count = try XCTUnwrap(rebuild.firstMatch(of: /\u{202F}: (\d+) pages? refaites?/).flatMap { Int($0.1) }, rebuild)
        let list = rebuild.firstMatch(of: /refaites? \((.*)\)/).map { Set($0.1.components(separatedBy: ", ")) } ?? []
        return (count, list)
    }

    func testAChangedCPTSNameRerendersOnlyThePagesThatShowIt() async throws {
        let site = try ScratchSite()
        let server = try Server(site: site)
        defer { server.stop() }
        let pages = try rerendered(after: {
            try site.write("content/cpts/vierzon.md", try site.read("content/cpts/vierzon.md")
                .replacingOccurrences(of: "name: CPTS de Vierzon", with: "name: CPTS du Grand Vierzon"))
        }, on: server)
        // Not the validation report (its diagnostics did not change), nor the other CPTS.
        XCTAssertEqual(pages.pages, ["index.html", "cpts/vierzon/index.html", "departements/18/index.html", "recherche/index.html"])
        let page = try await server.get("cpts/vierzon/")
        XCTAssertTrue(page.body.contains("<h1>CPTS du Grand Vierzon</h1>"))
        let search = try await server.get("recherche/")
        XCTAssertTrue(search.body.contains("CPTS du Grand Vierzon"))
    }

    func testAChangeToAProjetDeSanteTextRerendersItsPageOnly() async throws {
        let site = try ScratchSite()
        let server = try Server(site: site)
        defer { server.stop() }
        let exportsBefore = try await server.get("data/site.json").body
        let pages = try rerendered(after: {
            try site.write("content/cpts/vierzon.md", try site.read("content/cpts/vierzon.md") + "\nUne phrase ajoutée.\n")
        }, on: server)
        XCTAssertEqual(pages.pages, ["cpts/vierzon/index.html"])
        let page = try await server.get("cpts/vierzon/")
        XCTAssertTrue(page.body.contains("Une phrase ajoutée."))
        // Rules, figures and data files are kept from the previous build, and still served.
        let exportsAfter = try await server.get("data/site.json").body
        XCTAssertEqual(exportsAfter, exportsBefore)
    }

    /// Department shapes redrawn with as many features as before: every page's key changes, and the map with them.
    func testRedrawnShapesRerenderTheMapEvenWithTheSameFeatureCount() async throws {
        let site = try ScratchSite()
        func shapes(west: Double) -> String {
            func square(_ code: String, _ name: String, _ x: Double) -> String {
                """
                {"type": "Feature", "properties": {"code": "\(code)", "nom": "\(name)"}, "geometry": {"type": "Polygon",
                 "coordinates": [[[\(x), 47.0], [\(x + 0.5), 47.0], [\(x + 0.5), 47.5], [\(x), 47.5], [\(x), 47.0]]]}}
                """
            }
            return "{\"type\": \"FeatureCollection\", \"features\": [\(square("18", "Cher", west)), \(square("37", "Indre-et-Loire", west + 0.6))]}"
        }
        try site.write("content/geo/departements.geojson", shapes(west: 1.0))
        let server = try Server(site: site)
        defer { server.stop() }
        let before = try await server.get("").body
        let pages = try rerendered(after: { try site.write("content/geo/departements.geojson", shapes(west: 1.2)) }, on: server)
        XCTAssertTrue(pages.pages.contains("index.html") || pages.count > 5, "\(pages)")
        let after = try await server.get("").body
        XCTAssertNotEqual(after, before)
    }

    /// An indicator reaching its last step changes the money earned: the CPTS page and the dashboard (annual
    /// envelope, yearly table) show it; the lists of CPTS do not.
    func testAnIndicatorValueRerendersItsCPTSAndTheDashboard() async throws {
        let site = try ScratchSite()
        let server = try Server(site: site)
        defer { server.stop() }
        let before = try await server.get("").body
        let pages = try rerendered(after: {
            let file = "content/indicators/sud-lochois.yaml"
            try site.write(file, try site.read(file).replacingOccurrences(of: "value: 2\n", with: "value: 3\n"))
        }, on: server)
        // The CPTS's activity reports show its indicators year over year: they are rendered again too.
        XCTAssertEqual(pages.pages, ["cpts/sud-lochois/index.html", "cpts/sud-lochois/rapport-annee-1/index.html",
                                     "cpts/sud-lochois/rapport-annee-2/index.html", "index.html"])
        let after = try await server.get("").body
        XCTAssertNotEqual(before, after, "the dashboard's funding should show the 5 000 € more")
        let csv = try await server.get("data/indicators.csv").body
        XCTAssertTrue(csv.contains("sud-lochois;1;parcours-formalises;Parcours pluriprofessionnels autour du patient;Parcours formalisés;;à la hausse;0;3;10000"), csv)
    }

    /// Every page's navigation lists the free pages marked for the menu by title: adding or renaming one renders every
    /// page again.
    func testAFreePageAddedOrRenamedReachesTheNavigationOfEveryPage() async throws {
        let site = try ScratchSite()
        let server = try Server(site: site)
        defer { server.stop() }
        let added = try rerendered(after: {
            try site.write("content/pages/a-propos.md", "---\ntitle: À propos\nmenu: true\n---\nQui sommes-nous.\n")
        }, on: server)
        // 11 pages and, since the activity reports (#17), two report pages and their two print stylesheets.
        XCTAssertEqual(added.count, 15, "every page, the new one included")
        var page = try await server.get("cpts/sud-lochois/")
        XCTAssertTrue(page.body.contains(">À propos</a>"), "the navigation lacks the new page")

        let renamed = try rerendered(after: {
            try site.write("content/pages/a-propos.md", "---\ntitle: Qui sommes-nous\nmenu: true\n---\nQui sommes-nous.\n")
        }, on: server)
        XCTAssertEqual(renamed.count, 15, "every page (11, and the two activity reports with their print stylesheets)")
        page = try await server.get("cpts/sud-lochois/")
        XCTAssertTrue(page.body.contains(">Qui sommes-nous</a>"), "the navigation kept the old title")
    }

    func testAnInvalidChangeKeepsTheLastGoodSiteAndReportsItsDiagnostics() async throws {
        let site = try ScratchSite()
        let server = try Server(site: site)
        defer { server.stop() }
        try site.write("content/cpts/vierzon.md", "---\nname: CPTS de Vierzon\ndepartment: \"18\"\npopulation: beaucoup\nstage: health-project\n---\n")
        try server.waitFor("the failed build") { $0.contains("la dernière version valide du site reste servie") }
        let status = try await server.get("__cpts-site/status")
        XCTAssertTrue(status.body.contains("\"ok\":false"), status.body)
        XCTAssertTrue(status.body.contains("content/cpts/vierzon.md:4:13: error: «\u{202F}population\u{202F}» doit être un nombre entier"), status.body)
        let page = try await server.get("cpts/vierzon/")
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.body.contains("<h1>CPTS de Vierzon</h1>"))
    }

    /// `pages/x.md` beside `pages/x.markdown` made `serve` trap (`Duplicate values for key`): the pair is an error,
    /// the server keeps serving the last good site and goes on answering, whether the pair was there at the start
    /// or came with a save.
    func testTwoSourcesOfOnePageAreAnErrorAndServeKeepsRunning() async throws {
        let site = try ScratchSite()
        try site.write("content/pages/a-propos.md", "---\ntitle: À propos\nmenu: true\n---\nUn.\n")
        let server = try Server(site: site)
        defer { server.stop() }
        try site.write("content/pages/a-propos.markdown", "---\ntitle: À propos bis\nmenu: true\n---\nDeux.\n")
        try server.waitFor("the failed build") { $0.contains("la dernière version valide du site reste servie") }
        let status = try await server.get("__cpts-site/status")
        XCTAssertTrue(status.body.contains("\"ok\":false"), status.body)
        XCTAssertTrue(status.body.contains("content/pages/a-propos.md:1:1: error: la page «\u{202F}a-propos\u{202F}» est déjà donnée par content/pages/a-propos.markdown"),
                      status.body)
        let kept = try await server.get("a-propos/")
        XCTAssertEqual(kept.status, 200)
        XCTAssertTrue(server.process.isRunning, server.log)

        let fresh = try ScratchSite()
        try fresh.write("content/pages/a-propos.md", "---\ntitle: À propos\nmenu: true\n---\nUn.\n")
        try fresh.write("content/pages/a-propos.markdown", "---\ntitle: À propos bis\nmenu: true\n---\nDeux.\n")
        let started = try Server(root: fresh.root)
        defer { started.stop() }
        try started.waitFor("the failed first build") { $0.contains("aucune page n’est servie") }
        try started.waitUntilListening()
        XCTAssertTrue(started.log.contains("est déjà donnée par content/pages/a-propos.markdown"), started.log)
        let answered = try await started.get("__cpts-site/status")
        XCTAssertEqual(answered.status, 200)
        XCTAssertTrue(started.process.isRunning, started.log)
    }

    /// Run from inside `content/`, `serve` finds the site in the folder above and says so.
    func testServeRunFromInsideContentFindsTheSiteAbove() async throws {
        let site = try ScratchSite()
        let server = try Server(root: site.url("content/cpts"))
        defer { server.stop() }
        try server.waitUntilListening()
        XCTAssertTrue(server.log.contains("site trouvé dans \(site.root.resolvingSymlinksInPath().path)/"), server.log)
        let page = try await server.get("cpts/vierzon/")
        XCTAssertTrue(page.body.contains("<h1>CPTS de Vierzon</h1>"), page.body)
    }

    /// The error overlay's heading (the status' `heading`) is French, and says the last good site is still served.
    func testTheOverlayHeadingSaysTheLastGoodSiteIsStillServed() async throws {
        let site = try ScratchSite()
        let server = try Server(site: site)
        defer { server.stop() }
        try site.write("content/cpts/vierzon.md", "---\nname: CPTS de Vierzon\ndepartment: \"18\"\npopulation: beaucoup\nstage: health-project\n---\n")
        try server.waitFor("the failed build") { $0.contains("la dernière version valide du site reste servie") }
        let status = try await server.get("__cpts-site/status")
        XCTAssertTrue(status.body.contains("\"heading\":\"La construction du site a échoué\u{202F}; la dernière version valide reste servie.\""),
                      status.body)
    }

    /// With no good site yet, the overlay asks for the errors to be fixed, and does not claim a site is served.
    func testTheOverlayHeadingAsksForFixesWhenNoSiteWasEverBuilt() async throws {
        let site = try ScratchSite()
        try site.write("content/cpts/vierzon.md", "---\nname: CPTS de Vierzon\ndepartment: \"18\"\npopulation: beaucoup\nstage: health-project\n---\n")
        let server = try Server(root: site.root)
        defer { server.stop() }
        try server.waitFor("the failed first build") { $0.contains("aucune page n’est servie") }
        try server.waitUntilListening()
        let status = try await server.get("__cpts-site/status")
        XCTAssertTrue(status.body.contains("\"heading\":\"La construction du site a échoué\u{202F}: corrigez les erreurs ci-dessous"), status.body)
        XCTAssertFalse(status.body.contains("reste servie"), status.body)
    }
}
