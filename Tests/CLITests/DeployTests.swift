import Foundation
import XCTest

/// `cpts-site deploy` (which `make deploy` runs) to a local folder with the real rsync: only a clean site is
/// published, a second deploy changes nothing, stale files go, each change is printed in French, and a dry run
/// shows without touching.
final class DeployTests: XCTestCase {
    func deploy(_ site: ScratchSite, to destination: String, _ extra: String..., environment: [String: String] = [:],
                in folder: URL? = nil) throws -> CLIRunner.Result {
        try CLIRunner.run(["deploy", destination] + extra, in: folder ?? site.root, environment: environment)
    }

    func testDeployingTwiceIsIdempotentAndTheDestinationMirrorsTheBuiltSite() throws {
        let site = try ScratchSite()
        let destination = site.url("www").path + "/"
        let first = try deploy(site, to: destination)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("publication vers \(destination)\u{202F}:"), first.stdout)
        XCTAssertTrue(first.stdout.contains("\n  ajouté         index.html\n"), first.stdout)
        XCTAssertTrue(first.stdout.contains("\n  ajouté         cpts/vierzon/index.html\n"), first.stdout)
        XCTAssertTrue(first.stdout.contains("\n  dossier ajouté cpts/\n"), first.stdout)
        XCTAssertTrue(first.stdout.contains(" changements publiés\n"), first.stdout)
        XCTAssertEqual(try site.snapshot("www"), try site.snapshot("public").filter { $0.key != ".cpts-site" })

        // The second build rewrites public/ with newer file dates: they must not count as changes.
        Thread.sleep(forTimeInterval: 1.1)
        let second = try deploy(site, to: destination)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stdout.hasSuffix("publication vers \(destination)\u{202F}:\nrien à changer\u{202F}: \(destination) est à jour\n"),
                      second.stdout)
    }

    func testAChangedPageIsUploadedAndAStaleFileIsDeleted() throws {
        let site = try ScratchSite()
        let destination = site.url("www").path
        XCTAssertEqual(try deploy(site, to: destination).status, 0)
        try site.write("www/ancienne-page.html", "<p>vieux</p>")
        try site.write("content/cpts/vierzon.md", try site.read("content/cpts/vierzon.md")
            .replacingOccurrences(of: "name: CPTS de Vierzon", with: "name: CPTS du Grand Vierzon"))

        let result = try deploy(site, to: destination)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("\n  supprimé       ancienne-page.html\n"), result.stdout)
        let sent = result.stdout.split(separator: "\n").filter { $0.hasPrefix("  modifié ") }.compactMap { $0.split(separator: " ").last }
        XCTAssertTrue(sent.contains("cpts/vierzon/index.html"), result.stdout)
        XCTAssertFalse(sent.contains("cpts/bourges/index.html"), "an unchanged page is not sent again\n\(result.stdout)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.url("www/ancienne-page.html").path))
        XCTAssertTrue(try site.read("www/cpts/vierzon/index.html").contains("CPTS du Grand Vierzon"))
    }

    func testADryRunShowsTheChangesWithoutMakingThem() throws {
        let site = try ScratchSite()
        let destination = site.url("www").path
        try site.write("www/ancienne-page.html", "<p>vieux</p>")

        let result = try deploy(site, to: destination, "--dry-run")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("essai à blanc\u{202F}: ce qui changerait sur \(destination) (rien n’est modifié)\u{202F}:"),
                      result.stdout)
        XCTAssertTrue(result.stdout.contains("\n  ajouté         index.html\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("\n  supprimé       ancienne-page.html\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains(" changements à publier\n"), result.stdout)
        XCTAssertEqual(Set(try site.snapshot("www").keys), ["ancienne-page.html"])
    }

    func testAWarningBlocksTheDeployBeforeBuildingAndLeavesTheDestinationAsItWas() throws {
        let site = try ScratchSite()
        let destination = site.url("www").path
        XCTAssertEqual(try deploy(site, to: destination).status, 0)
        let published = try site.snapshot("www"), built = try site.snapshot("public")
        // An unknown key is only a warning for `build`, but deploy checks with --strict.
        try site.write("content/cpts/vierzon.md", try site.read("content/cpts/vierzon.md")
            .replacingOccurrences(of: "name: CPTS de Vierzon", with: "name: CPTS du Grand Vierzon\npopulaton: 3"))

        let result = try deploy(site, to: destination)
        XCTAssertEqual(result.status, 1, result.stdout)
        XCTAssertTrue(result.stderr.contains("warning: clé «\u{202F}populaton\u{202F}» inconnue"), result.stderr)
        XCTAssertTrue(result.stderr.contains("publication refusée\u{202F}: corrigez d’abord les problèmes ci-dessus"), result.stderr)
        XCTAssertEqual(try site.snapshot("www"), published)
        XCTAssertEqual(try site.snapshot("public"), built, "public/ is not rebuilt from refused content")
    }

    func testABrokenLinkInTheThemeBlocksTheDeploy() throws {
        let site = try ScratchSite()
        let base = "themes/default/templates/base.mustache"
        try site.write(base, try site.read(base).replacingOccurrences(
            of: "<main id=\"contenu\">", with: "<main id=\"contenu\"><a href=\"{{root}}nulle-part/\">perdu</a>"))

        let result = try deploy(site, to: site.url("www").path)
        XCTAssertEqual(result.status, 1, result.stdout)
        XCTAssertTrue(result.stderr.contains("error: le lien vers «\u{202F}../../nulle-part/\u{202F}» de cpts/vierzon/index.html ne mène nulle part"),
                      result.stderr)
        XCTAssertTrue(result.stderr.contains("publication refusée\u{202F}: des liens ne mènent nulle part"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.url("www").path))
    }

    func testWithoutADestinationTheUsageErrorSaysWhatIsMissing() throws {
        let site = try ScratchSite()
        let result = try site.run("deploy")
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("<destination>"), result.stderr)
    }

    /// Typed from inside content/: the site is found above, and a relative destination is still read from where
    /// the command was typed.
    func testARelativeDestinationIsReadFromTheFolderTheCommandIsTypedIn() throws {
        let site = try ScratchSite()
        let result = try deploy(site, to: "../www", in: site.url("content/cpts"))
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.url("content/www/index.html").path), result.stdout)
    }

    /// `user@host:path` goes through rsync's remote shell (a stand-in for ssh here, which runs the command on this
    /// machine) and is not taken for a local folder; deployed twice, the second changes nothing.
    func testAServerDestinationGoesThroughTheRemoteShellAndTwiceChangesNothing() throws {
        let site = try ScratchSite()
        try site.write("ssh-ici", "#!/bin/sh\nwhile [ \"$1\" = -l ]; do shift 2; done\nshift\nexec sh -c \"$*\"\n")
        XCTAssertEqual(chmod(site.url("ssh-ici").path, 0o755), 0)
        let destination = "webmestre@serveur:\(site.url("www").path)/"
        let environment = ["RSYNC_RSH": site.url("ssh-ici").path]
        let first = try deploy(site, to: destination, environment: environment)
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("\n  ajouté         index.html\n"), first.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.url("www/index.html").path))
        let second = try deploy(site, to: destination, environment: environment)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stdout.hasSuffix("rien à changer\u{202F}: \(destination) est à jour\n"), second.stdout)
    }

    func testAnUnreachableServerIsExplainedInFrench() throws {
        let site = try ScratchSite()
        try site.write("ssh-refuse", "#!/bin/sh\necho 'ssh: connect to host serveur port 22: Connection refused' >&2\nexit 255\n")
        XCTAssertEqual(chmod(site.url("ssh-refuse").path, 0o755), 0)
        let result = try deploy(site, to: "webmestre@serveur:/var/www/cpts/", environment: ["RSYNC_RSH": site.url("ssh-refuse").path])
        XCTAssertEqual(result.status, 1, result.stdout)
        XCTAssertTrue(result.stderr.contains("error: la publication vers webmestre@serveur:/var/www/cpts/ a échoué\u{202F}: "
            + "la connexion au serveur a échoué (vérifiez son nom, l’utilisateur et la clé ssh)"), result.stderr)
        XCTAssertTrue(result.stderr.contains("message de rsync\u{202F}:\n  ssh: connect to host serveur port 22: Connection refused"), result.stderr)
    }

    func testWithoutRsyncTheDeploySaysWhichPackageToInstall() throws {
        let site = try ScratchSite()
        let result = try deploy(site, to: site.url("www").path, environment: ["PATH": "/nonexistent"])
        XCTAssertEqual(result.status, 1, result.stdout)
        XCTAssertTrue(result.stderr.contains("rsync est introuvable\u{202F}: installez le paquet Debian «\u{202F}rsync\u{202F}»"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.url("public").path), "nothing is built without rsync")
    }

    func testAnRsyncFailureIsExplainedInFrenchWithRsyncsOwnMessageBelow() throws {
        let site = try ScratchSite()
        // A destination whose parent folder does not exist: rsync cannot create it.
        let destination = site.url("absent/encore/www").path
        let result = try deploy(site, to: destination)
        XCTAssertEqual(result.status, 1, result.stdout)
        XCTAssertTrue(result.stderr.contains("message de rsync\u{202F}:\n  "), result.stderr)
        XCTAssertTrue(result.stderr.contains("error: la publication vers \(destination) a échoué\u{202F}: "), result.stderr)
        XCTAssertTrue(result.stderr.contains("le site en ligne n’a pas été modifié"), result.stderr)
    }
}
