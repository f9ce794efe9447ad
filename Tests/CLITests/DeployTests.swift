import Foundation
import XCTest

/// `make deploy` (scripts/deploy.sh) to a local folder with the real rsync: only a clean site is published,
/// a second deploy changes nothing, stale files go, and a dry run shows without touching.
final class DeployTests: XCTestCase {
    let script = CLIRunner.repositoryRoot.appendingPathComponent("scripts/deploy.sh")

    func deploy(_ site: ScratchSite, to destination: URL, dryRun: Bool = false) throws -> CLIRunner.Result {
        var environment = ["CPTS_SITE": CLIRunner.executable.path]
        if dryRun { environment["DRY_RUN"] = "1" }
        return try CLIRunner.run([script.path, destination.path + "/"], in: site.root,
                                 program: URL(fileURLWithPath: "/bin/bash"), environment: environment)
    }

    func testDeployingTwiceIsIdempotentAndTheDestinationMirrorsTheBuiltSite() throws {
        let site = try ScratchSite()
        let destination = site.url("www")
        let first = try deploy(site, to: destination)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains(">f+++++++++ index.html"), first.stdout)
        XCTAssertTrue(first.stdout.contains(">f+++++++++ cpts/vierzon/index.html"), first.stdout)
        XCTAssertEqual(try site.snapshot("www"), try site.snapshot("public").filter { $0.key != ".cpts-site" })

        // The second build rewrites public/ with newer file dates: they must not count as changes.
        Thread.sleep(forTimeInterval: 1.1)
        let second = try deploy(site, to: destination)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stdout.contains("rien à changer\u{202F}: \(destination.path)/ est à jour"), second.stdout)
        XCTAssertFalse(second.stdout.contains(">f"), second.stdout)
    }

    func testAChangedPageIsUploadedAndAStaleFileIsDeleted() throws {
        let site = try ScratchSite()
        let destination = site.url("www")
        XCTAssertEqual(try deploy(site, to: destination).status, 0)
        try site.write("www/ancienne-page.html", "<p>vieux</p>")
        try site.write("content/cpts/vierzon.md", try site.read("content/cpts/vierzon.md")
            .replacingOccurrences(of: "name: CPTS de Vierzon", with: "name: CPTS du Grand Vierzon"))

        let result = try deploy(site, to: destination)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("*deleting   ancienne-page.html"), result.stdout)
        let sent = result.stdout.split(separator: "\n").filter { $0.hasPrefix(">f") }.compactMap { $0.split(separator: " ").last }
        XCTAssertTrue(sent.contains("cpts/vierzon/index.html"), result.stdout)
        XCTAssertFalse(sent.contains("cpts/bourges/index.html"), "an unchanged page is not sent again\n\(result.stdout)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.url("www/ancienne-page.html").path))
        XCTAssertTrue(try site.read("www/cpts/vierzon/index.html").contains("CPTS du Grand Vierzon"))
    }

    func testADryRunShowsTheChangesWithoutMakingThem() throws {
        let site = try ScratchSite()
        let destination = site.url("www")
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
        try site.write("www/ancienne-page.html", "<p>vieux</p>")

        let result = try deploy(site, to: destination, dryRun: true)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("== essai à blanc\u{202F}: ce qui changerait sur"), result.stdout)
        XCTAssertTrue(result.stdout.contains(">f+++++++++ index.html"), result.stdout)
        XCTAssertTrue(result.stdout.contains("*deleting   ancienne-page.html"), result.stdout)
        XCTAssertEqual(Set(try site.snapshot("www").keys), ["ancienne-page.html"])
    }

    func testAWarningBlocksTheDeployAndLeavesTheDestinationAsItWas() throws {
        let site = try ScratchSite()
        let destination = site.url("www")
        XCTAssertEqual(try deploy(site, to: destination).status, 0)
        let published = try site.snapshot("www")
        // An unknown key is only a warning for `build`, but deploy checks with --strict.
        try site.write("content/cpts/vierzon.md", try site.read("content/cpts/vierzon.md")
            .replacingOccurrences(of: "name: CPTS de Vierzon", with: "name: CPTS du Grand Vierzon\npopulaton: 3"))

        let result = try deploy(site, to: destination)
        XCTAssertEqual(result.status, 1, result.stdout)
        XCTAssertTrue(result.stderr.contains("warning: clé «\u{202F}populaton\u{202F}» inconnue"), result.stderr)
        XCTAssertTrue(result.stderr.contains("publication refusée\u{202F}: corrigez d’abord les problèmes ci-dessus"), result.stderr)
        XCTAssertEqual(try site.snapshot("www"), published)
    }

    func testABrokenLinkInTheThemeBlocksTheDeploy() throws {
        let site = try ScratchSite()
        let base = "themes/default/templates/base.mustache"
        try site.write(base, try site.read(base).replacingOccurrences(
            of: "<main id=\"contenu\">", with: "<main id=\"contenu\"><a href=\"{{root}}nulle-part/\">perdu</a>"))

        let result = try deploy(site, to: site.url("www"))
        XCTAssertEqual(result.status, 1, result.stdout)
        XCTAssertTrue(result.stderr.contains("error: le lien vers «\u{202F}../../nulle-part/\u{202F}» de cpts/vierzon/index.html ne mène nulle part"),
                      result.stderr)
        XCTAssertTrue(result.stderr.contains("publication refusée\u{202F}: des liens ne mènent nulle part"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.url("www").path))
    }

    func testWithoutADestinationTheScriptSaysHowToUseIt() throws {
        let site = try ScratchSite()
        let result = try CLIRunner.run([script.path], in: site.root, program: URL(fileURLWithPath: "/bin/bash"))
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("usage\u{202F}: scripts/deploy.sh DEST"), result.stderr)
    }
}
