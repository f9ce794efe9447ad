import Foundation
import XCTest

/// `build --output` on folders cpts-site did not make, on symbolic links, and the staging folder it leaves beside
/// the output: each case said in French, at the folder itself (no made-up line and column).
final class OutputFolderTests: XCTestCase {
    func testBuildRefusesToReplaceAFolderItDidNotMakeAndSaysWhyInFrench() throws {
        let site = try ScratchSite()
        try site.write("documents/rapport.txt", "précieux")
        let result = try site.run("build", "--output", "documents")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix(
            "documents: error: «\u{202F}documents\u{202F}» existe et n’a pas été fait par cpts-site (il n’a pas de fichier .cpts-site)\u{202F}: "
            + "il n’est pas remplacé, pour ne perdre aucun de ses fichiers\n"), result.stderr)
        XCTAssertTrue(result.stderr.contains("note: choisissez un autre dossier avec --output, ou videz celui-ci"), result.stderr)
        XCTAssertFalse(result.stderr.contains(":1:1:"), result.stderr)
        XCTAssertFalse(result.stderr.contains("refusing"), result.stderr)
        XCTAssertEqual(try site.read("documents/rapport.txt"), "précieux")
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.url(".documents.staging").path), "nothing is made beside a refused folder")
    }

    func testBuildRefusesAFileInPlaceOfTheOutputFolder() throws {
        let site = try ScratchSite()
        try site.write("notes.txt", "précieux")
        let result = try site.run("build", "--output", "notes.txt")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("notes.txt: error: «\u{202F}notes.txt\u{202F}» existe et n’est pas un dossier\u{202F}: il n’est pas remplacé\n"),
                      result.stderr)
        XCTAssertEqual(try site.read("notes.txt"), "précieux")
    }

    /// The staging folder a first build leaves beside an output folder is announced, once.
    func testTheStagingFolderIsAnnouncedWhenABuildMakesIt() throws {
        let site = try ScratchSite()
        try FileManager.default.createDirectory(at: site.url("www-vide"), withIntermediateDirectories: true)
        let first = try site.run("build", "--output", "www-vide")
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("\n.www-vide.staging/ a été créé à côté de www-vide/\u{202F}: cpts-site y prépare chaque nouvelle version du site"),
                      first.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.url(".www-vide.staging").path))
        let second = try site.run("build", "--output", "www-vide")
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertFalse(second.stdout.contains("staging"), second.stdout)
    }

    /// `public` a symbolic link to the web root: the site is written into the web root, staged beside it, and the
    /// link stays. The link itself was swapped away into the staging folder, and the web root stayed empty.
    func testAnOutputThatIsASymbolicLinkIsWrittenThrough() throws {
        let site = try ScratchSite()
        try FileManager.default.createDirectory(at: site.url("srv/html"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.url("public").path, withDestinationPath: "srv/html")
        for round in 1...2 {
            let result = try site.run("build")
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stdout.contains("public est un lien symbolique\u{202F}: le site a été écrit dans srv/html/, le lien reste"),
                          result.stdout)
            XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: site.url("public").path), "srv/html", "round \(round)")
            XCTAssertTrue(FileManager.default.fileExists(atPath: site.url("srv/html/index.html").path), "round \(round)")
            XCTAssertTrue(FileManager.default.fileExists(atPath: site.url("srv/.html.staging").path), "round \(round)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: site.url(".public.staging").path), "round \(round)")
        }
    }

    func testALinkToAMissingFolderIsRefusedInFrench() throws {
        let site = try ScratchSite()
        try FileManager.default.createSymbolicLink(atPath: site.url("public").path, withDestinationPath: "/nonexistent/www")
        let result = try site.run("build")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix(
            "public: error: «\u{202F}public\u{202F}» est un lien symbolique vers «\u{202F}/nonexistent/www\u{202F}», qui n’existe pas\n"), result.stderr)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: site.url("public").path), "/nonexistent/www")
    }

    /// Where the staging folder cannot be made (here below a file), the reason is French, without a system dump.
    func testAStagingFolderThatCannotBeMadeIsExplainedInFrench() throws {
        let site = try ScratchSite()
        try site.write("fichier", "pas un dossier")
        let result = try site.run("build", "--output", "fichier/www")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("fichier/www: error: le site ne peut pas être préparé dans «\u{202F}"), result.stderr)
        XCTAssertTrue(result.stderr.contains("/fichier/.www.staging\u{202F}», à côté de «\u{202F}fichier/www\u{202F}»\u{202F}: "), result.stderr)
        XCTAssertFalse(result.stderr.contains("Error Domain"), result.stderr)
        XCTAssertFalse(result.stderr.contains("NSCocoaErrorDomain"), result.stderr)
    }
}
