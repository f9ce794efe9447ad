import Foundation
import XCTest

/// The public validation report (`validation/`) and the warnings of a CPTS page: in French, naming the CPTS and the
/// field in question, never a file path; `validationPage: false` in site.yaml keeps them off the site.
final class ValidationPageTests: XCTestCase {
    /// A minimal site whose Sud Lochois contract is signed after the site's date (and so without its activity
    /// reports): one warning, on `aci-signed`.
    func siteWithASignatureAfterAsOf() throws -> ScratchSite {
        let site = try ScratchSite()
        let file = "content/cpts/sud-lochois.md"
        try site.write(file, try site.read(file).replacingOccurrences(of: "aci-signed: 2019-11-15", with: "aci-signed: 2021-02-03"))
        // Its activity reports would be for a contract not signed yet: errors, not the one warning wanted here.
        try site.remove("content/reports")
        return site
    }

    func testTheValidationPageNamesTheCPTSAndTheFieldInsteadOfTheFile() throws {
        let site = try siteWithASignatureAfterAsOf()
        let build = try site.run("build")
        XCTAssertEqual(build.status, 0, build.stderr)
        let page = try site.read("public/validation/index.html")
        XCTAssertTrue(page.contains("<h2>CPTS du Sud Lochois</h2>"), page)
        XCTAssertTrue(page.contains("<td data-label=\"Champ\">date de signature</td>"), page)
        XCTAssertTrue(page.contains("l’étape «\u{202F}Contrat ACI signé\u{202F}» est datée du 03/02/2021"), page)
        XCTAssertFalse(page.contains("sud-lochois.md"), page)
        XCTAssertFalse(page.contains("content/"), page)
    }

    func testTheValidationPageCountsInFrenchWithoutParentheses() throws {
        let site = try siteWithASignatureAfterAsOf()
        let file = "content/cpts/vierzon.md"
        try site.write(file, try site.read(file).replacingOccurrences(of: "name: CPTS de Vierzon", with: "name: CPTS de Vierzon\ncouleur: bleu"))
        let build = try site.run("build")
        XCTAssertEqual(build.status, 0, build.stderr)
        let page = try site.read("public/validation/index.html")
        XCTAssertTrue(page.contains("La vérification du contenu signale 2 avertissements."), page)
        XCTAssertFalse(page.contains("(s)"), page)
    }

    /// A file the site ignores in cpts/ is not taken for a CPTS: it is listed under the site's content.
    func testAnIgnoredFileIsListedUnderTheSiteContentNotAsACPTS() throws {
        let site = try ScratchSite()
        try site.write("content/cpts/notes.txt", "à relire\n")
        let build = try site.run("build")
        XCTAssertEqual(build.status, 0, build.stderr)
        let page = try site.read("public/validation/index.html")
        XCTAssertTrue(page.contains("<h2>Contenu du site</h2>"), page)
        XCTAssertTrue(page.contains("«\u{202F}cpts/notes.txt\u{202F}» est ignoré"), page)
        XCTAssertFalse(page.contains("content/"), page)
    }

    func testACPTSPageListsItsWarningsByFieldWithoutLineNumbers() throws {
        let site = try siteWithASignatureAfterAsOf()
        XCTAssertEqual(try site.run("build").status, 0)
        let page = try site.read("public/cpts/sud-lochois/index.html")
        XCTAssertTrue(page.contains("<li>Date de signature&#x202F;: l’étape «\u{202F}Contrat ACI signé\u{202F}»"), page)
        XCTAssertFalse(page.contains("aci-signed"), "a stage named by its id")
        XCTAssertFalse(page.contains("Ligne "), page)
    }

    func testValidationPageFalseWritesNoReportNoLinkAndNoWarnings() throws {
        let site = try siteWithASignatureAfterAsOf()
        try site.write("content/site.yaml", try site.read("content/site.yaml") + "validationPage: false\n")
        let build = try site.run("build")
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertTrue(build.stderr.contains("warning: l’étape «\u{202F}aci-signed\u{202F}»"), "check still tells the editors: \(build.stderr)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.url("public/validation").path))
        for page in ["index.html", "404.html", "cpts/sud-lochois/index.html", "methodologie/index.html"] {
            XCTAssertFalse(try site.read("public/" + page).contains("validation/"), page)
        }
        XCTAssertFalse(try site.read("public/cpts/sud-lochois/index.html").contains("Points de vigilance"))
        let json = try site.read("public/data/site.json")
        XCTAssertFalse(json.contains("validation"), json)
        XCTAssertFalse(json.contains("aci-signed\u{202F}»"), "site.json publishes no diagnostic")
        XCTAssertFalse(try site.read("public/sitemap.xml").contains("validation/"))
    }

    func testTheValidationPageIsWrittenAndLinkedByDefault() throws {
        let site = try ScratchSite()
        XCTAssertEqual(try site.run("build").status, 0)
        XCTAssertTrue(try site.read("public/validation/index.html").contains("<h1>Rapport de validation</h1>"))
        XCTAssertTrue(try site.read("public/index.html").contains("href=\"validation/\">Rapport de validation</a>"))
    }
}
