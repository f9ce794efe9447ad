import Foundation
import XCTest

/// Each golden fixture site, built by the real executable, must give exactly the files of
/// `Tests/Fixtures/golden/<site>/`, byte for byte: `minimal` has every page type, the exports and the assets;
/// `warnings` is the same site with four warnings (a mission started late, an unknown key, an unknown figure, raw
/// HTML removed), for the warnings of a CPTS page and the validation page, and a report whose text has a top-level
/// heading, for the report's table of contents.
/// `UPDATE_GOLDEN=1 swift test --filter GoldenSiteTests` rewrites them, to be reviewed before committing.
final class GoldenSiteTests: XCTestCase {
    func testTheMinimalSiteMatchesItsGoldenFiles() throws {
        try assertGolden(site: "minimal", warnings: 0)
    }

    func testASiteWithWarningsMatchesItsGoldenFiles() throws {
        try assertGolden(site: "warnings", warnings: 4)
    }

    /// Builds `Tests/Fixtures/sites/<site>` and compares it with `Tests/Fixtures/golden/<site>`, printing a unified
    /// diff of each file that differs; `warnings` is how many the build must report.
    func assertGolden(site name: String, warnings: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let golden = CLIRunner.repositoryRoot.appendingPathComponent("Tests/Fixtures/golden/\(name)")
        let site = try ScratchSite(copying: name)
        let result = try site.run("build")
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        XCTAssertEqual(result.stderr.components(separatedBy: ": warning: ").count - 1, warnings, result.stderr, file: file, line: line)
        let built = try site.snapshot("public")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: golden)
            for (path, data) in built {
                let url = golden.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
        }
        let expected = try ScratchSite.snapshot(of: golden)
        XCTAssertEqual(built.keys.sorted(), expected.keys.sorted(), "files built and golden files", file: file, line: line)
        for (path, data) in expected.sorted(by: { $0.key < $1.key }) {
            if let built = built[path], let diff = GoldenDiff.of(expected: data, actual: built, name: "\(name)/\(path)") {
                XCTFail("\(path) differs from its golden file\n\(diff)", file: file, line: line)
            }
        }
    }
}

final class TerritoryPageTests: XCTestCase {
    func testTheDiagnosticSectionComparesAndFlagsUnfavourableFigures() throws {
        let site = try ScratchSite()
        XCTAssertEqual(try site.run("build").status, 0)
        let page = try site.read("public/cpts/vierzon/index.html")
        XCTAssertTrue(page.contains("<h2 id=\"fiche-diagnostic\">Diagnostic du territoire</h2>"))
        // 15,2 % without a médecin traitant against 10,6 % in France: 43 % worse, flagged.
        XCTAssertTrue(page.contains("Part des patients sans médecin traitant<br><strong class=\"status-late\">À surveiller&#x202F;: 43\u{A0}% plus défavorable"), page)
        XCTAssertTrue(page.contains("<td class=\"num count\" data-label=\"Territoire\">15,2\u{A0}%</td><td class=\"num\" data-label=\"Département\">13\u{A0}%</td><td class=\"num\" data-label=\"Région\">12,4\u{A0}%</td><td class=\"num\" data-label=\"France\">10,6\u{A0}%</td>"), page)
        // A screening rate above every reference is not flagged.
        XCTAssertTrue(page.contains("<tr><th scope=\"row\">Participation au dépistage du cancer du sein</th>"), page)
        XCTAssertTrue(page.contains("CRCDC, 2018"))
        XCTAssertTrue(page.contains("<h2 id=\"fiche-chemin\">Le chemin vers le contrat</h2>"), "not signed yet: the road is shown")
        let signed = try site.read("public/cpts/sud-lochois/index.html")
        XCTAssertFalse(signed.contains("fiche-chemin"), "a signed CPTS has no road left")
    }
}
