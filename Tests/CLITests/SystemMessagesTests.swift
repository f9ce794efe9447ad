import Foundation
import XCTest

/// When the system or Chromium fails, the reason is French, without Foundation's `NSCocoaErrorDomain` dumps or
/// Chromium's own English output.
final class SystemMessagesTests: XCTestCase {
    static let englishTraces = ["NSCocoaErrorDomain", "Error Domain", "Chromium exited", "couldn’t", "could not", "No such file",
                                "Not a directory", "The operation", "Fake Chromium"]

    func assertFrenchOnly(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        for trace in Self.englishTraces { XCTAssertFalse(text.contains(trace), "'\(trace)' in:\n\(text)", file: file, line: line) }
    }

    /// A stand-in for Chromium: fails with English on its standard error, or writes a small PDF.
    func chromium(in site: ScratchSite, failing: Bool) throws -> String {
        let script = failing
            ? "#!/bin/sh\necho 'Fake Chromium: cannot open display' >&2\nexit 1\n"
            : "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in --print-to-pdf=*) printf '%%PDF-1.4\\n' > \"${a#--print-to-pdf=}\";; esac; done\n"
        try site.write("chromium", script)
        XCTAssertEqual(chmod(site.url("chromium").path, 0o755), 0)
        return site.url("chromium").path
    }

    func testAChromiumThatFailsIsExplainedInFrenchByPDF() throws {
        let site = try ScratchSite()
        let result = try CLIRunner.run(["pdf", "sud-lochois", "--year", "1"], in: site.root,
                                       environment: ["CPTS_CHROMIUM": try chromium(in: site, failing: true)])
        XCTAssertEqual(result.status, 1, result.stdout)
        XCTAssertTrue(result.stderr.contains("error: l’impression du rapport a échoué\u{202F}: Chromium s’est arrêté avec le code 1"), result.stderr)
        assertFrenchOnly(result.stderr)
    }

    func testAChromiumThatFailsDuringBuildPDFPointsAtTheReport() throws {
        let site = try ScratchSite()
        let result = try CLIRunner.run(["build", "--pdf"], in: site.root,
                                       environment: ["CPTS_CHROMIUM": try chromium(in: site, failing: true)])
        XCTAssertEqual(result.status, 1, result.stdout)
        XCTAssertTrue(result.stderr.contains("content/reports/sud-lochois/1.md: error: le rapport d’activité cpts/sud-lochois/rapport-annee-1/index.html "
            + "n’a pas pu être imprimé en PDF\u{202F}: Chromium s’est arrêté avec le code 1"), result.stderr)
        XCTAssertFalse(result.stderr.contains(":1:1:"), result.stderr)
        assertFrenchOnly(result.stderr)
    }

    func testAPDFThatCannotBeWrittenSaysWhyInFrench() throws {
        let site = try ScratchSite()
        let result = try CLIRunner.run(["pdf", "sud-lochois", "--year", "1", "--output", "absent/rapport.pdf"], in: site.root,
                                       environment: ["CPTS_CHROMIUM": try chromium(in: site, failing: false)])
        XCTAssertEqual(result.status, 1, result.stdout)
        XCTAssertTrue(result.stderr.contains("error: le PDF «\u{202F}absent/rapport.pdf\u{202F}» n’a pas pu être écrit\u{202F}: "
            + "un dossier du chemin n’existe pas"), result.stderr)
        assertFrenchOnly(result.stderr)
    }

    func testNewSiteBelowAFileSaysWhyInFrench() throws {
        let site = try ScratchSite()
        try site.write("fichier", "pas un dossier")
        let result = try site.run("new", "site", "fichier/nouveau")
        XCTAssertEqual(result.status, 1, result.stdout)
        XCTAssertTrue(result.stderr.hasPrefix("error: «\u{202F}fichier/nouveau/"), result.stderr)
        XCTAssertTrue(result.stderr.contains("» n’a pas pu être créé\u{202F}: "), result.stderr)
        assertFrenchOnly(result.stderr)
    }

    func testNewCPTSWhoseFolderIsAFileSaysWhyInFrench() throws {
        let site = try ScratchSite()
        try FileManager.default.removeItem(at: site.url("content/indicators"))
        try site.write("content/indicators", "pas un dossier")
        let result = try site.run("new", "cpts", "chinon")
        XCTAssertEqual(result.status, 1, result.stdout)
        XCTAssertTrue(result.stderr.contains("error: «\u{202F}content/indicators/chinon.yaml\u{202F}» n’a pas pu être créé\u{202F}: "), result.stderr)
        assertFrenchOnly(result.stderr)
    }
}
