import Foundation
import XCTest

final class BuildCommandTests: XCTestCase {
    func testBuildWritesEveryPageOfTheSite() throws {
        let site = try ScratchSite()
        let result = try site.run("build")
        XCTAssertEqual(result.status, 0, result.stderr)
        for page in ["index.html", "404.html", "cpts/sud-lochois/index.html", "cpts/vierzon/index.html",
                     "cpts/bourges/index.html", "methodologie/index.html"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: site.url("public/" + page).path), page)
        }
        XCTAssertTrue(result.stdout.contains("fichiers écrits dans public/"), result.stdout)
    }

    /// Run from a subfolder of `content/` without `--content`, `build` builds the site above into its `public/`.
    func testBuildRunFromInsideContentBuildsTheSiteAbove() throws {
        let site = try ScratchSite()
        let result = try CLIRunner.run(["build"], in: site.url("content/cpts"))
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("site trouvé dans \(site.root.resolvingSymlinksInPath().path)/\n"), result.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.url("public/cpts/vierzon/index.html").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.url("content/cpts/public").path))
    }

    func testAFailedBuildLeavesThePreviousSiteByteIdentical() throws {
        let site = try ScratchSite()
        XCTAssertEqual(try site.run("build").status, 0)
        let before = try site.snapshot("public")
        XCTAssertFalse(before.isEmpty)
        try site.write("content/cpts/vierzon.md", "---\nname: [cassé\n---\n")
        let result = try site.run("build")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("content/cpts/vierzon.md:2:"), result.stderr)
        XCTAssertTrue(result.stderr.contains("la construction a échoué\u{202F}; public/ est resté tel quel"), result.stderr)
        XCTAssertEqual(try site.snapshot("public"), before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".public") }
        XCTAssertEqual(leftovers, [])
    }

    func testABrokenTemplateFailsTheBuildWithItsPathAndLeavesTheSite() throws {
        let site = try ScratchSite()
        XCTAssertEqual(try site.run("build").status, 0)
        let before = try site.snapshot("public")
        try site.write("themes/default/templates/page.mustache", "{{<base}}\n{{$content}}\n{{#title}}\n{{/content}}\n{{/base}}\n")
        let result = try site.run("build")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("themes/default/templates/page.mustache:"), result.stderr)
        XCTAssertEqual(try site.snapshot("public"), before)
    }

    func testTwoBuildsOfTheSameContentAreByteIdentical() throws {
        let site = try ScratchSite()
        XCTAssertEqual(try site.run("build", "--output", "first").status, 0)
        XCTAssertEqual(try site.run("build", "--output", "second").status, 0)
        XCTAssertEqual(try site.snapshot("first"), try site.snapshot("second"))
    }

    func testRebuildingReplacesStaleFiles() throws {
        let site = try ScratchSite()
        XCTAssertEqual(try site.run("build").status, 0)
        try site.remove("content/cpts/bourges.md")
        XCTAssertEqual(try site.run("build").status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.url("public/cpts/bourges").path))
    }

    /// The third build writes over the first one's files, kept in the staging folder: what only the first
    /// had must not survive, a file where a folder now goes (or the reverse) is replaced, and a page written
    /// over in place keeps none of the old bytes (longer, or as long but different).
    func testTheReusedStagingFolderLeavesNothingStaleBehind() throws {
        let site = try ScratchSite()
        XCTAssertEqual(try site.run("build").status, 0)
        XCTAssertEqual(try site.run("build", "--output", "reference").status, 0)
        XCTAssertEqual(try site.run("build").status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.url(".public.staging/cpts/bourges/index.html").path))
        try site.write(".public.staging/cpts/bourges/extra/ancien.html", "vieux")
        try site.remove(".public.staging/cpts/vierzon")
        try site.write(".public.staging/cpts/vierzon", "un fichier à la place du dossier")
        try site.remove(".public.staging/index.html")
        try site.write(".public.staging/index.html/ancien/page.html", "un dossier à la place du fichier")
        let page = try site.read("reference/cpts/bourges/index.html")
        try site.write(".public.staging/cpts/bourges/index.html", page + String(repeating: "ancienne fin ", count: 500))
        try site.write(".public.staging/404.html", String(try site.read("reference/404.html").reversed()))

        XCTAssertEqual(try site.run("build").status, 0)
        XCTAssertEqual(try site.snapshot("public"), try site.snapshot("reference"))
        try site.remove("content/cpts/bourges.md")
        XCTAssertEqual(try site.run("build").status, 0)
        XCTAssertEqual(try site.run("build").status, 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.url("public/cpts/bourges").path))
        XCTAssertEqual(try site.run("build", "--output", "reference2").status, 0)
        XCTAssertEqual(try site.snapshot("public"), try site.snapshot("reference2"))
    }

    /// A symbolic link in place of the staging folder never redirects the writes.
    func testAStagingFolderThatIsASymbolicLinkIsNotFollowed() throws {
        let site = try ScratchSite()
        try FileManager.default.createDirectory(at: site.url("ailleurs"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.url(".public.staging").path, withDestinationPath: "ailleurs")
        XCTAssertEqual(try site.run("build").status, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: site.url("ailleurs").path), [])
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.url("public/index.html").path))
    }

    /// `cp -al public snapshot` shares every file's inode: the builds after next write into the kept staging
    /// folder, which then holds those very files, so a file with other links is replaced, not written into.
    func testASnapshotMadeOfHardLinksIsNotChangedByLaterBuilds() throws {
        let site = try ScratchSite()
        XCTAssertEqual(try site.run("build").status, 0)
        let snapshot = site.url("snapshot")
        try FileManager.default.createDirectory(at: snapshot, withIntermediateDirectories: true)
        for (path, _) in try site.snapshot("public") {
            try FileManager.default.createDirectory(at: snapshot.appendingPathComponent(path).deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try FileManager.default.linkItem(at: site.url("public/" + path), to: snapshot.appendingPathComponent(path))
        }
        var status = stat()
        XCTAssertEqual(lstat(snapshot.appendingPathComponent("index.html").path, &status), 0)
        XCTAssertEqual(status.st_nlink, 2, "a real hard link")
        let before = try ScratchSite.snapshot(of: snapshot)
        for title in ["Observatoire modifié", "Observatoire modifié deux fois"] {
            try site.write("content/site.yaml", try site.read("content/site.yaml")
                .replacing(#/title: .*/#, with: "title: \(title)"))
            XCTAssertEqual(try site.run("build").status, 0)
            XCTAssertTrue(try site.read("public/index.html").contains(title))
        }
        XCTAssertEqual(try ScratchSite.snapshot(of: snapshot), before, "the snapshot changed")
    }

    /// Beside the output, only the private folders of builds no longer running, marked as cpts-site's, are removed:
    /// `.public.old-backup-2024/` is someone's backup.
    /// An output folder inside the content folder (`content/static/public` is published by the next build, whole)
    /// is refused before anything is read or written, in French, however it is written.
    func testAnOutputInsideTheContentIsRefused() throws {
        let site = try ScratchSite()
        try FileManager.default.createDirectory(at: site.url("content/static"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.url("lien").path, withDestinationPath: "content/static")
        let before = try site.snapshot("content")
        for output in ["content/static/public", "content", "./content/../content/x", "lien/public", site.url("content/public").path] {
            let result = try site.run("build", "--output", output)
            XCTAssertEqual(result.status, 1, "\(output): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("error: le dossier de sortie «\u{202F}\(output)\u{202F}» est dans le dossier de contenu"),
                          "\(output): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("la construction a échoué"), result.stderr)
        }
        XCTAssertEqual(try site.snapshot("content"), before, "nothing was written into the content")
        let beside = try site.run("build", "--output", "content-public")
        XCTAssertEqual(beside.status, 0, "a sibling whose name starts like the content's is not inside it: \(beside.stderr)")
    }

    /// Two content files publishing to one path fail the build, which writes nothing.
    func testTwoSourcesOfOnePageFailTheBuildAndWriteNothing() throws {
        let site = try ScratchSite()
        try site.write("content/pages/a-propos.md", "---\ntitle: À propos\nmenu: true\n---\nUn.\n")
        try site.write("content/pages/a-propos.markdown", "---\ntitle: À propos bis\nmenu: true\n---\nDeux.\n")
        let result = try site.run("build")
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("content/pages/a-propos.md:1:1: error: la page «\u{202F}a-propos\u{202F}» est déjà donnée par content/pages/a-propos.markdown"),
                      result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.url("public").path))
    }

    func testOnlyLeftoverFoldersCPTSSiteMadeAreRemoved() throws {
        let site = try ScratchSite()
        // Process ids no process has.
        let dead: [Int32] = Array((1..<4_000_000).reversed().lazy.map(Int32.init).filter { kill($0, 0) != 0 && errno == ESRCH }.prefix(3))
        let kept = [".public.old-backup-2024/notes.txt", ".public.tmp-\(dead[0])/index.html", ".public.old-12ab/x",
                    ".public.tmp-/x"]
        for path in kept { try site.write(path, "à garder\n") }
        try site.write(".public.tmp-\(dead[1])/.cpts-site", "generated by cpts-site\n")
        try site.write(".public.tmp-\(dead[1])/index.html", "vieux\n")
        try FileManager.default.createDirectory(at: site.url(".public.old-\(dead[2])"), withIntermediateDirectories: true)
        let result = try site.run("build")
        XCTAssertEqual(result.status, 0, result.stderr)
        for path in kept {
            XCTAssertEqual(try? site.read(path), "à garder\n", path)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.url(".public.tmp-\(dead[1])").path), "a marked leftover")
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.url(".public.old-\(dead[2])").path), "an empty leftover")
    }
}

final class CheckCommandTests: XCTestCase {
    func testCheckPassesOnValidContentAndWritesNothing() throws {
        let site = try ScratchSite()
        let result = try site.run("check")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.url("public").path))
    }

    func testStrictMakesWarningsFail() throws {
        let site = try ScratchSite()
        let text = try site.read("content/cpts/vierzon.md").replacingOccurrences(of: "population: 120000", with: "population: 120000\ncouleur: bleu")
        try site.write("content/cpts/vierzon.md", text)
        XCTAssertEqual(try site.run("check").status, 0)
        let strict = try site.run("check", "--strict")
        XCTAssertEqual(strict.status, 1)
        XCTAssertTrue(strict.stderr.contains("warning: clé «\u{202F}couleur\u{202F}» inconnue"), strict.stderr)
    }

    func testUsageErrorsExitWithTwo() throws {
        let site = try ScratchSite()
        let result = try site.run("check", "--no-such-option")
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("--no-such-option"), result.stderr)
    }

    func testAMissingContentFolderIsAnError() throws {
        let site = try ScratchSite()
        let result = try site.run("check", "--content", "ailleurs")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("ailleurs:1:1: error: le dossier de contenu «\u{202F}ailleurs\u{202F}» n’existe pas"), result.stderr)
    }
}

final class TemplateKeyTests: XCTestCase {
    func testATemplateKeyTheViewModelLacksIsAnErrorAtItsLine() throws {
        let site = try ScratchSite()
        try site.write("themes/default/templates/404.mustache",
                       "{{<base}}\n{{$content}}\n<h1>{{pageTitle}}</h1>\n<p>{{sousTitre}}</p>\n{{/content}}\n{{/base}}\n")
        let result = try site.run("build")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix(
            "themes/default/templates/404.mustache:4:6: error: le modèle utilise «\u{202F}sousTitre\u{202F}», que la page «\u{202F}404.mustache\u{202F}» ne fournit pas\n<p>{{sousTitre}}</p>\n     ^\n"),
            result.stderr)
    }
}

final class ReportCommandTests: XCTestCase {
    func testReportPrintsTheFundingOfAContractYear() throws {
        let site = try ScratchSite()
        let result = try site.run("report", "sud-lochois", "--year", "1")
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "CPTS du Sud Lochois — tranche 2, barème «\u{202F}ACI CPTS du 20 juin 2019\u{202F}», contrat signé le 15/11/2019")
        XCTAssertTrue(lines.contains { $0.hasPrefix("Accès aux soins (médecin traitant, soins non programmés)") && $0.hasSuffix("26\u{202F}876\u{A0}€") }, result.stdout)
        // The ledger's reachable maximum: fixed parts pro rata (80 581 + 8 492 €) + variable maximum 57 500 € = 146 573 €.
        XCTAssertTrue(lines.contains { $0.hasPrefix("Maximum théorique") && $0.hasSuffix("146\u{202F}573\u{A0}€") }, result.stdout)
        XCTAssertFalse(result.stdout.contains("Année 2"))
    }

    /// Under the built-in avenant 2 schedule the crisis mission is socle from 03/09/2022 (a site dated 31/12/2022
    /// requires it); tranche 2 with four missions, signed before 31/12/2021, may earn
    /// (60 000 + 45 000 raise) + (66 400 + 24 500) + 2 × 32 150 + 2 × 15 000 + 18 000 = 308 200 € a year.
    func testAContractUnderAvenant2NeedsTheCrisisMissionAndIsFundedByItsSchedule() throws {
        let site = try ScratchSite()
        try site.write("content/site.yaml", try site.read("content/site.yaml").replacingOccurrences(of: "asOf: 2020-12-31", with: "asOf: 2022-12-31"))
        let file = "content/cpts/sud-lochois.md"
        try site.write(file, try site.read(file).replacingOccurrences(of: "legalForm:", with: "schedule: aci-avenant-2\nlegalForm:")
            .replacingOccurrences(of: "    planned: [deployed]", with: ""))
        let lacking = try site.run("check")
        XCTAssertEqual(lacking.status, 1)
        XCTAssertTrue(lacking.stderr.contains("error: le contrat signé n’a pas la mission socle «\u{202F}crises-sanitaires\u{202F}» du barème «\u{202F}aci-avenant-2\u{202F}»"),
                      lacking.stderr)

        try site.write(file, try site.read(file).replacingOccurrences(
            of: "  - id: prevention\n", with: "  - id: crises-sanitaires\n    start: 2020-03-01\n  - id: prevention\n"))
        XCTAssertEqual(try site.run("check").status, 0)
        let result = try site.run("report", "sud-lochois", "--year", "2")
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "CPTS du Sud Lochois — tranche 2, barème «\u{202F}ACI CPTS, avenant 2 (2021)\u{202F}», contrat signé le 15/11/2019")
        XCTAssertTrue(lines.contains { $0.hasPrefix("Fonctionnement") && $0.hasSuffix("105\u{202F}000\u{A0}€") }, result.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("Maximum théorique") && $0.hasSuffix("308\u{202F}200\u{A0}€") }, result.stdout)
    }

    /// Before 03/09/2022 the crisis mission is not socle yet: a contract under avenant 2 may lack it.
    func testTheCrisisMissionIsNotRequiredOnASiteDatedBeforeItBecameSocle() throws {
        let site = try ScratchSite()
        let file = "content/cpts/sud-lochois.md"
        try site.write(file, try site.read(file).replacingOccurrences(of: "legalForm:", with: "schedule: aci-avenant-2\nlegalForm:"))
        let result = try site.run("check")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(result.stderr.contains("crises-sanitaires"), result.stderr)
    }

    /// A contract signed after the site's date has no funding yet: `report` says so, and when it is to come.
    func testReportOnAContractSignedAfterAsOfSaysItIsToCome() throws {
        let site = try ScratchSite()
        let file = "content/cpts/sud-lochois.md"
        try site.write(file, try site.read(file).replacingOccurrences(of: "aci-signed: 2019-11-15", with: "aci-signed: 2021-02-03"))
        // A contract not signed yet has no activity report (a rule says so): the fixture's reports go.
        try FileManager.default.removeItem(at: site.url("content/reports"))
        let result = try site.run("report", "sud-lochois")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "CPTS du Sud Lochois\u{202F}: pas de contrat ACI signé au 31/12/2020 (étape «\u{202F}Projet de santé validé\u{202F}»), donc pas encore de financement ACI. Signature à venir le 03/02/2021.\n")
    }

    /// `report` validates as `check` does: a contract missing a socle mission has no funding table, its error is
    /// printed in `check`'s words and the exit code is 1.
    func testReportOnContentWithAnErrorPrintsItAndFails() throws {
        let site = try ScratchSite()
        try site.write("content/site.yaml", try site.read("content/site.yaml").replacingOccurrences(of: "asOf: 2020-12-31", with: "asOf: 2022-12-31"))
        let file = "content/cpts/sud-lochois.md"
        try site.write(file, try site.read(file).replacingOccurrences(of: "legalForm:", with: "schedule: aci-avenant-2\nlegalForm:")
            .replacingOccurrences(of: "    planned: [deployed]", with: ""))
        let check = try site.run("check")
        let result = try site.run("report", "sud-lochois")
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, check.stderr)
        XCTAssertTrue(result.stderr.contains("error: le contrat signé n’a pas la mission socle «\u{202F}crises-sanitaires\u{202F}»"), result.stderr)
    }

    /// A warning is printed, as `check` prints it, and the funding table follows.
    func testReportPrintsWarningsAndStillShowsTheFunding() throws {
        let site = try ScratchSite()
        let file = "content/cpts/sud-lochois.md"
        try site.write(file, try site.read(file).replacingOccurrences(of: "legalForm: association-1901", with: "legalForm: fondation"))
        let result = try site.run("report", "sud-lochois", "--year", "1")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("warning: "), result.stderr)
        XCTAssertTrue(result.stderr.contains("fondation"), result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("CPTS du Sud Lochois — tranche 2"), result.stdout)
    }

    func testReportOnAnUnknownSlugSuggestsTheNearestOne() throws {
        let site = try ScratchSite()
        let result = try site.run("report", "sud-lochoi")
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "error: aucune CPTS «\u{202F}sud-lochoi\u{202F}» dans content/cpts/ (vouliez-vous dire «\u{202F}sud-lochois\u{202F}»\u{202F}?)\n")
    }
}
