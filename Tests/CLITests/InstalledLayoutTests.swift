import Foundation
import XCTest

/// cpts-site as installed from the package or the tarball: `bin/cpts-site` finds its default theme in
/// `share/cpts-site/themes`, beside its own folder, when a site has no `themes/` folder of its own.
final class InstalledLayoutTests: XCTestCase {
    let marker = "/* theme-from-share-cpts-site */"
    var prefix: URL!

    /// A prefix holding a copy of the built binary in bin/ and a marked copy of the default theme in share/.
    override func setUpWithError() throws {
        prefix = FileManager.default.temporaryDirectory.appendingPathComponent("installed-\(UUID().uuidString)")
        let manager = FileManager.default
        try manager.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try manager.createDirectory(at: prefix.appendingPathComponent("share/cpts-site/themes"), withIntermediateDirectories: true)
        try manager.copyItem(at: CLIRunner.executable, to: prefix.appendingPathComponent("bin/cpts-site"))
        let theme = prefix.appendingPathComponent("share/cpts-site/themes/default")
        try manager.copyItem(at: CLIRunner.repositoryRoot.appendingPathComponent("themes/default"), to: theme)
        let css = theme.appendingPathComponent("assets/style.css")
        try Data((marker + "\n" + String(contentsOf: css, encoding: .utf8)).utf8).write(to: css)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: prefix) }

    /// Makes a site with `new site`, removes its themes/ folder, builds it with `program`; returns the published CSS.
    func buildSiteWithoutThemes(with program: URL) throws -> String {
        let parent = prefix.appendingPathComponent("work-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let created = try CLIRunner.run(["new", "site", "essai"], in: parent, program: program)
        XCTAssertEqual(created.status, 0, created.stderr)
        let site = parent.appendingPathComponent("essai")
        try FileManager.default.removeItem(at: site.appendingPathComponent("themes"))
        let built = try CLIRunner.run(["build"], in: site, program: program)
        XCTAssertEqual(built.status, 0, built.stderr)
        let assets = site.appendingPathComponent("public/assets")
        let css = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: assets.path).first { $0.hasSuffix(".css") },
                                "no stylesheet published")
        return try String(contentsOf: assets.appendingPathComponent(css), encoding: .utf8)
    }

    func testASiteWithoutThemesUsesTheThemeBesideTheBinary() throws {
        XCTAssertTrue(try buildSiteWithoutThemes(with: prefix.appendingPathComponent("bin/cpts-site")).hasPrefix(marker))
    }

    func testALinkToTheBinaryFindsTheThemeBesideTheBinaryItPointsTo() throws {
        let links = prefix.appendingPathComponent("elsewhere/bin")
        try FileManager.default.createDirectory(at: links, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: links.appendingPathComponent("cpts-site"),
                                                   withDestinationURL: prefix.appendingPathComponent("bin/cpts-site"))
        XCTAssertTrue(try buildSiteWithoutThemes(with: links.appendingPathComponent("cpts-site")).hasPrefix(marker))
    }

    /// The installed French guide and content reference (`share/cpts-site/guide.md`, `reference.md`), not the
    /// source tree's, are what `new site` copies into the site, as `GUIDE.md` and `REFERENCE.md`.
    func testNewSiteCopiesTheInstalledGuideAndReference() throws {
        for name in ["guide.md", "reference.md"] {
            try Data("# installé : \(name)\n".utf8).write(to: prefix.appendingPathComponent("share/cpts-site/\(name)"))
        }
        let parent = prefix.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let created = try CLIRunner.run(["new", "site", "essai"], in: parent, program: prefix.appendingPathComponent("bin/cpts-site"))
        XCTAssertEqual(created.status, 0, created.stderr)
        for (copy, name) in [("GUIDE.md", "guide.md"), ("REFERENCE.md", "reference.md")] {
            let text = try String(contentsOf: parent.appendingPathComponent("essai/\(copy)"), encoding: .utf8)
            XCTAssertEqual(text, "# installé : \(name)\n")
        }
    }

    /// The control: the build-tree binary has no share/ beside it and uses the source tree's theme, unmarked.
    func testTheBuildTreeBinaryUsesTheSourceTreeTheme() throws {
        XCTAssertFalse(try buildSiteWithoutThemes(with: CLIRunner.executable).contains(marker))
    }
}
