import Foundation
import XCTest

/// `cpts-site check --links <output>`: the content is validated, then every internal link of the built site.
final class LinkCheckCommandTests: XCTestCase {
    func testTheBuiltMinimalSiteHasNoBrokenLink() throws {
        let site = try ScratchSite()
        XCTAssertEqual(try site.run("build").status, 0)
        let result = try site.run("check", "--links", "public")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        // The 404 page links from the root (/test/assets/…): resolved under site.yaml's baseURL path.
        XCTAssertTrue(try site.read("public/404.html").contains("href=\"/test/assets/"))
        XCTAssertTrue(result.stdout.contains("de public/\u{202F}: tous mènent quelque part"), result.stdout)
    }

    func testABrokenLinkAndAMissingAnchorFailTheCheckWithThePageAndTheTarget() throws {
        let site = try ScratchSite()
        XCTAssertEqual(try site.run("build").status, 0)
        var page = try site.read("public/cpts/vierzon/index.html")
        page = page.replacingOccurrences(of: "href=\"../../departements/18/\"", with: "href=\"../../departements/99/\"")
        page = page.replacingOccurrences(of: "<a class=\"skip\" href=\"#contenu\">", with: "<a class=\"skip\" href=\"#contenu-principal\">")
        try site.write("public/cpts/vierzon/index.html", page)
        let lines = page.components(separatedBy: "\n")
        let brokenLine = try XCTUnwrap(lines.firstIndex { $0.contains("departements/99/") }) + 1
        let column = try XCTUnwrap(lines[brokenLine - 1].range(of: "../../departements/99/")).lowerBound.utf16Offset(in: lines[brokenLine - 1]) + 1

        let result = try site.run("check", "--links", "public")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("""
            public/cpts/vierzon/index.html:\(brokenLine):\(column): error: le lien vers «\u{202F}../../departements/99/\u{202F}» de cpts/vierzon/index.html ne mène nulle part
            \(lines[brokenLine - 1])
            \(String(repeating: " ", count: column - 1))^
            note: public/departements/99/index.html n’existe pas
            """), result.stderr)
        XCTAssertTrue(result.stderr.contains(
            "error: le lien vers «\u{202F}#contenu-principal\u{202F}» de cpts/vierzon/index.html\u{202F}: l’ancre «\u{202F}#contenu-principal\u{202F}» n’existe pas"),
            result.stderr)
        XCTAssertTrue(result.stderr.contains("note: cpts/vierzon/index.html n’a pas d’élément d’id «\u{202F}contenu-principal\u{202F}»"),
                      result.stderr)
        XCTAssertTrue(result.stderr.hasSuffix("2 erreurs, 0 avertissement\n"), result.stderr)
        XCTAssertTrue(result.stdout.contains("2 liens cassés"), result.stdout)
    }

    func testARemovedAssetIsBrokenOnEveryPage() throws {
        let site = try ScratchSite()
        XCTAssertEqual(try site.run("build").status, 0)
        let assets = try FileManager.default.contentsOfDirectory(atPath: site.url("public/assets").path)
        let stylesheet = try XCTUnwrap(assets.first { $0.hasSuffix(".css") })
        try site.remove("public/assets/\(stylesheet)")
        let result = try site.run("check", "--links", "public")
        XCTAssertEqual(result.status, 1)
        let pages = try FileManager.default.subpathsOfDirectory(atPath: site.url("public").path).filter { $0.hasSuffix(".html") }
        XCTAssertEqual(result.stderr.components(separatedBy: "assets/\(stylesheet)\u{202F}» de").count - 1, pages.count, result.stderr)
    }

    func testContentErrorsAndLinkErrorsAreReportedTogether() throws {
        let site = try ScratchSite()
        XCTAssertEqual(try site.run("build").status, 0)
        try site.write("public/a-voir.html", "<a href=\"nulle-part/\">x</a>\n")
        try site.write("content/cpts/vierzon.md", "---\nname: [cassé\n---\n")
        let result = try site.run("check", "--links", "public")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("content/cpts/vierzon.md:2:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("public/a-voir.html:1:10: error: le lien vers «\u{202F}nulle-part/\u{202F}» de a-voir.html ne mène nulle part"),
                      result.stderr)
    }

    func testAMissingOutputFolderFailsTheCheck() throws {
        let site = try ScratchSite()
        let result = try site.run("check", "--links", "public")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("public: error: le dossier de sortie «\u{202F}public\u{202F}» n’existe pas"), result.stderr)
    }

    func testWithoutLinksCheckPrintsNothingAboutLinks() throws {
        let site = try ScratchSite()
        let result = try site.run("check")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stdout.contains("lien"), result.stdout)
    }
}

/// A check that finds nothing says so in one French line, with what it checked.
final class CleanCheckTests: XCTestCase {
    func testACleanCheckPrintsOneFrenchLineWithTheCounts() throws {
        let site = try ScratchSite()
        let result = try site.run("check")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        XCTAssertEqual(result.stdout, "Aucune erreur\u{202F}: 3 CPTS, 2 rapports, 1 page\n")
    }

    func testACheckWithAWarningPrintsNoCleanLine() throws {
        let site = try ScratchSite(copying: "warnings")
        let result = try site.run("check")
        XCTAssertFalse(result.stderr.isEmpty)
        XCTAssertFalse(result.stdout.contains("Aucune erreur"), result.stdout)
    }
}
