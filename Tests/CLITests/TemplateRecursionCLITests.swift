import Foundation
import XCTest

/// A theme whose templates recurse without end or nest without bound: `build` stops with a French error at the
/// template's tag and writes nothing; `serve` reports it and keeps serving. Each in seconds, never a crash.
final class TemplateRecursionCLITests: XCTestCase {
    /// Builds the scratch site after writing `templates` into its default theme; the build must fail, at `location`
    /// (`themes/default/templates/<file>:line:column`), with `message`, leave no `public/`, and not crash.
    func assertBuildFails(_ templates: [String: String], at location: String, with message: String,
                          file: StaticString = #filePath, line: UInt = #line) throws {
        let site = try ScratchSite()
        for (name, text) in templates { try site.write("themes/default/templates/\(name).mustache", text) }
        let started = Date()
        let result = try Hostile.run(["build"], in: site.root, timeout: 60)
        XCTAssertNil(result.signal, result.stderr, file: file, line: line)
        XCTAssertEqual(result.status, 1, result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.contains("themes/default/templates/\(location): error: erreur dans le modèle\u{202F}: \(message)"),
                      result.stderr, file: file, line: line)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.url("public").path), "nothing written", file: file, line: line)
        XCTAssertLessThan(Date().timeIntervalSince(started), 30, file: file, line: line)
    }

    func testAPartialThatIncludesItselfFailsTheBuildAtItsTag() throws {
        try assertBuildFails(["boucle": "<p>\n  {{>boucle}}\n</p>\n"], at: "boucle.mustache:2:3",
                             with: "inclusion sans fin (boucle → boucle)\u{202F}: le modèle s’inclut lui-même quelles que soient les données")
    }

    func testTwoPartialsThatIncludeEachOtherFailTheBuild() throws {
        try assertBuildFails(["aller": "{{>retour}}", "retour": "\n{{>aller}}"], at: "retour.mustache:2:1",
                             with: "inclusion sans fin (aller → retour → aller)")
    }

    func testAnInheritanceLoopFailsTheBuild() throws {
        try assertBuildFails(["aller": "{{<retour}}{{/retour}}", "retour": "{{<aller}}{{/aller}}"], at: "retour.mustache:1:1",
                             with: "inclusion sans fin (aller → retour → aller)")
    }

    func testFiftyThousandNestedSectionsFailTheBuildAtTheFirstTagTooDeep() throws {
        let template = String(repeating: "{{#site}}", count: 50_000) + String(repeating: "{{/site}}", count: 50_000)
        try assertBuildFails(["profond": template], at: "profond.mustache:1:901",
                             with: "les sections et les blocs s’imbriquent ici sur plus de 100 niveaux dans un même modèle")
    }

    /// A recursion through data (allowed: the data may end it) that the data does not end: the page's render stops
    /// at the depth limit, at the tag, and the build fails.
    func testARecursionThroughDataThatNeverEndsFailsTheBuildAtTheDepthLimit() throws {
        let base = try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("themes/default/templates/404.mustache"),
                              encoding: .utf8)
        try assertBuildFails(["404": base.replacingOccurrences(of: "<h1>", with: "{{>fractale}}<h1>"),
                              "fractale": "<div>\n{{#site}}{{>fractale}}{{/site}}</div>\n"],
                             at: "fractale.mustache:2:10",
                             with: "la mise en page dépasse ici 100 niveaux de sections, de modèles inclus et de blocs imbriqués")
    }

    /// `serve` reports the cycle like a content error, and keeps serving the last good site.
    func testServeReportsATemplateCycleAndKeepsServing() async throws {
        let site = try ScratchSite()
        let server = try ServeCommandTests.Server(site: site)
        defer { server.stop() }
        try site.write("themes/default/templates/boucle.mustache", "{{>boucle}}")
        try server.waitFor("the failed build") { $0.contains("la dernière version valide du site reste servie") }
        XCTAssertTrue(server.process.isRunning)
        XCTAssertTrue(server.log.contains("themes/default/templates/boucle.mustache:1:1: error: erreur dans le modèle"), server.log)
        let page = try await server.get("cpts/vierzon/")
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.body.contains("<h1>CPTS de Vierzon</h1>"))
    }
}
