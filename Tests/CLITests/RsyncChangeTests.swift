import XCTest

/// `deploy` reads rsync's `--itemize-changes` lines itself: every line that is a change becomes one French line.
/// The parser lives in the executable, so it is checked through the command's output in `DeployTests`; this case
/// covers the lines rsync prints that are not changes, into a destination that does not exist yet.
final class RsyncChangeTests: XCTestCase {
    func testANewDestinationIsCreatedWithoutStrayLines() throws {
        let site = try ScratchSite()
        let destination = site.url("nouveau").path
        let result = try CLIRunner.run(["deploy", destination], in: site.root)
        XCTAssertEqual(result.status, 0, result.stderr)
        let changes = result.stdout.split(separator: "\n").filter { $0.hasPrefix("  ") }
        XCTAssertFalse(changes.isEmpty, result.stdout)
        for line in changes {
            XCTAssertNotNil(line.range(of: #"^  (ajouté|modifié|supprimé|dossier ajouté|lien ajouté|lien modifié) +[^ ]"#, options: .regularExpression),
                            "\(line)\n\(result.stdout)")
            XCTAssertFalse(line.contains("./") || line.contains("ctory"), String(line))
        }
        XCTAssertTrue(result.stdout.contains("\n\(changes.count) changements publiés\n"), result.stdout)
    }
}
