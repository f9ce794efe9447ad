import Foundation
import XCTest

/// #17 "Images and files from the content", end to end: static/ published, logos, Markdown images, stylesheet
/// url() and the link check that follows them.
final class StaticFilesTests: XCTestCase {
    static let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>\n"

    func testStaticFilesArePublishedAtTheirPathUnderTheSiteRootByteForByte() throws {
        let site = try ScratchSite()
        try site.write("content/static/img/logo.svg", Self.svg)
        try site.write("content/static/docs/charte.txt", "Charte\n")
        XCTAssertEqual(try site.run("build").status, 0)
        XCTAssertEqual(try site.read("public/img/logo.svg"), Self.svg)
        XCTAssertEqual(try site.read("public/docs/charte.txt"), "Charte\n")
    }

    func testLogosAreShownInTheHeaderOnTheCPTSPageAndOnItsReportCoverWithTheNameAsAlt() throws {
        let site = try ScratchSite()
        try site.write("content/static/img/logo.svg", Self.svg)
        try site.write("content/static/img/sud.svg", Self.svg)
        try site.write("content/site.yaml", try site.read("content/site.yaml") + "logo: img/logo.svg\n")
        try site.write("content/cpts/sud-lochois.md", try site.read("content/cpts/sud-lochois.md")
            .replacingOccurrences(of: "\nstage: ", with: "\nlogo: img/sud.svg\nstage: "))
        let result = try site.run("build")
        XCTAssertEqual(result.status, 0, result.stderr)
        let home = try site.read("public/index.html")
        XCTAssertTrue(home.contains("<img class=\"site-logo\" src=\"img/logo.svg\" alt=\"Observatoire de test\">"), home)
        let page = try site.read("public/cpts/sud-lochois/index.html")
        XCTAssertTrue(page.contains("<img class=\"site-logo\" src=\"../../img/logo.svg\" alt=\"Observatoire de test\">"))
        XCTAssertTrue(page.contains("<img class=\"cpts-logo\" src=\"../../img/sud.svg\" alt=\"CPTS du Sud Lochois\">"), page)
        let report = try site.read("public/cpts/sud-lochois/rapport-annee-1/index.html")
        XCTAssertTrue(report.contains("<img class=\"cpts-logo\" src=\"../../../img/sud.svg\" alt=\"CPTS du Sud Lochois\">"), report)
        // An SVG from the content is only ever an image, never inlined.
        XCTAssertFalse(page.contains("<rect width=\"10\""))
        XCTAssertEqual(try site.run("check", "--strict", "--links", "public").status, 0)
    }

    func testAMissingLogoFailsTheCheckAtItsLine() throws {
        let site = try ScratchSite()
        try site.write("content/site.yaml", try site.read("content/site.yaml") + "logo: img/absent.png\n")
        let result = try site.run("check")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("content/site.yaml:8:7: error: le logo «\u{202F}img/absent.png\u{202F}» n’est pas un fichier de static/"), result.stderr)
    }

    func testMarkdownImagesAreWrittenFromStaticAndResolveFromEveryPageDepth() throws {
        let site = try ScratchSite()
        try site.write("content/static/img/plan.svg", Self.svg)
        try site.write("content/pages/methodologie.md", try site.read("content/pages/methodologie.md") + "\n![Plan du territoire](img/plan.svg)\n")
        try site.write("content/reports/sud-lochois/1.md", try site.read("content/reports/sud-lochois/1.md") + "\n![Plan du territoire](img/plan.svg)\n")
        let result = try site.run("build")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stderr.contains("warning"), result.stderr)
        XCTAssertTrue(try site.read("public/methodologie/index.html").contains("<img src=\"../img/plan.svg\" alt=\"Plan du territoire\""))
        XCTAssertTrue(try site.read("public/cpts/sud-lochois/rapport-annee-1/index.html")
            .contains("<img src=\"../../../img/plan.svg\" alt=\"Plan du territoire\""))
        XCTAssertEqual(try site.run("check", "--strict", "--links", "public").status, 0)
    }

    func testAMissingMarkdownImageIsAWarningAtItsLineAndColumn() throws {
        let site = try ScratchSite()
        let text = try site.read("content/pages/methodologie.md") + "\nVoir ![Carte](img/carte.png).\n"
        try site.write("content/pages/methodologie.md", text)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let result = try site.run("check")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("content/pages/methodologie.md:\(line):6: warning: l’image «\u{202F}img/carte.png\u{202F}» n’est pas un fichier de static/"),
                      result.stderr)
    }

    func testAThemeStylesheetKeepsFindingItsFontUnderItsFingerprintedName() throws {
        let site = try ScratchSite()
        try site.write("themes/default/assets/fonts/titre.woff2", "not really a font")
        try site.write("themes/default/assets/style.css", try site.read("themes/default/assets/style.css")
            + "\n@font-face { font-family: Titre; src: url(fonts/titre.woff2) format(\"woff2\"); }\n")
        XCTAssertEqual(try site.run("build").status, 0)
        let assets = try FileManager.default.contentsOfDirectory(atPath: site.url("public/assets").path)
        let css = try XCTUnwrap(assets.first { $0.hasPrefix("style.") && $0.hasSuffix(".css") })
        let font = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: site.url("public/assets/fonts").path).first)
        XCTAssertNotEqual(font, "titre.woff2")
        XCTAssertTrue(try site.read("public/assets/" + css).contains("src: url(fonts/\(font)) format(\"woff2\")"))
        XCTAssertEqual(try site.run("check", "--strict", "--links", "public").status, 0)
    }

    func testCheckLinksReportsABrokenImageAndABrokenStylesheetURL() throws {
        let site = try ScratchSite()
        XCTAssertEqual(try site.run("build").status, 0)
        try site.write("public/assets/extra.css", ".a { background: url(img/absent.png); }\n")
        try site.write("public/recherche/index.html", try site.read("public/recherche/index.html")
            .replacingOccurrences(of: "<main id=\"contenu\">", with: "<main id=\"contenu\"><img src=\"../img/absent.png\" alt=\"\">"))
        let result = try site.run("check", "--links", "public")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("public/assets/extra.css:1:22: error: le lien vers «\u{202F}img/absent.png\u{202F}» de assets/extra.css ne mène nulle part"),
                      result.stderr)
        XCTAssertTrue(result.stderr.contains("le lien vers «\u{202F}../img/absent.png\u{202F}» de recherche/index.html ne mène nulle part"), result.stderr)
    }

    /// `check` and `build` read static/ names with the same rule: what one refuses, the other refuses in the same
    /// words, and `build` leaves no output. (Names made here: git would fold or refuse them.)
    func testBuildRefusesTheStaticNamesCheckRefusesInTheSameFrenchWords() throws {
        for fixture in ["static-name-collision", "static-name-unpublishable"] {
            let site = try Hostile.site(for: fixture)
            let check = try site.run("check"), build = try site.run("build")
            XCTAssertEqual(check.status, 1, fixture)
            XCTAssertEqual(build.status, 1, fixture)
            let errors = { (text: String) in text.split(separator: "\n").filter { $0.contains(": error: ") } }
            XCTAssertEqual(errors(build.stderr), errors(check.stderr), fixture)
            XCTAssertEqual(errors(check.stderr).count, 2, check.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: site.url("public").path), fixture)
        }
    }
}

/// `pages/` may hold folders, and only the pages marked `menu: true` reach the site's top menu, by `menuOrder`.
final class FreePageTests: XCTestCase {
    func testAPageInAFolderIsPublishedThereAndOnlyMarkedPagesAreInTheMenu() throws {
        let site = try ScratchSite()
        try site.write("content/pages/guides/inscription.md", "---\ntitle: S’inscrire\n---\nVoir [la méthode](../../methodologie/).\n")
        try site.write("content/pages/contact.md", "---\ntitle: Contact\nmenu: true\nmenuOrder: 2\n---\nÉcrivez-nous.\n")
        try site.write("content/pages/a-propos.md", "---\ntitle: À propos\nmenu: true\nmenuOrder: 1\n---\nQui sommes-nous.\n")
        let build = try site.run("build")
        XCTAssertEqual(build.status, 0, build.stderr)
        let nested = try site.read("public/guides/inscription/index.html")
        XCTAssertTrue(nested.contains("<h1>S’inscrire</h1>"), nested)
        XCTAssertTrue(nested.contains("href=\"../../assets/style."), "the page's root is two folders up")
        let home = try site.read("public/index.html")
        let aPropos = try XCTUnwrap(home.range(of: ">À propos</a>"))
        let contact = try XCTUnwrap(home.range(of: ">Contact</a>"))
        XCTAssertLessThan(aPropos.lowerBound, contact.lowerBound, "menuOrder 1 before 2")
        XCTAssertFalse(home.contains(">S’inscrire</a>"), "a page without menu: true is not in the menu")
        XCTAssertEqual(try site.run("check", "--strict", "--links", "public").status, 0)
    }
}
