import Foundation
import XCTest

final class NewCommandTests: XCTestCase {
    /// What the guide says to do first: the site's public address in place of `new site`'s example.
    static func setBaseURL(in site: URL) throws {
        let settings = site.appendingPathComponent("content/site.yaml")
        let text = try String(contentsOf: settings, encoding: .utf8)
        XCTAssertTrue(text.contains("baseURL: https://example.org/ "))
        try Data(text.replacingOccurrences(of: "baseURL: https://example.org/ ", with: "baseURL: https://cpts.region.test/ ").utf8)
            .write(to: settings)
    }

    func testANewSiteWithANewCPTSPassesCheckAndBuilds() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("new-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        XCTAssertEqual(try CLIRunner.run(["new", "site", "region"], in: parent).status, 0)
        let site = parent.appendingPathComponent("region")
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent("themes/default/templates/base.mustache").path))
        let created = try CLIRunner.run(["new", "cpts", "val-de-loire"], in: site)
        XCTAssertEqual(created.status, 0, created.stderr)
        let page = try String(contentsOf: site.appendingPathComponent("content/cpts/val-de-loire.md"), encoding: .utf8)
        XCTAssertTrue(page.contains("stage: letter-of-intent"))
        XCTAssertTrue(page.contains("# communes: "), "every key is shown, commented")
        // The example address left in site.yaml is the one warning, until the webmaster writes the real one.
        let placeholder = try CLIRunner.run(["check", "--strict"], in: site)
        XCTAssertEqual(placeholder.status, 1, placeholder.stderr)
        XCTAssertTrue(placeholder.stderr.contains("content/site.yaml:4:10: warning: baseURL «\u{202F}https://example.org/\u{202F}» est l’adresse d’exemple"),
                      placeholder.stderr)
        try Self.setBaseURL(in: site)
        let check = try CLIRunner.run(["check", "--strict"], in: site)
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertEqual(check.stderr, "")
        XCTAssertEqual(try CLIRunner.run(["build"], in: site).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.appendingPathComponent("public/cpts/val-de-loire/index.html").path))
        // What builds make stays out of the site's repository: only the sources are new to git.
        XCTAssertEqual(try CLIRunner.run(["build"], in: site).status, 0)
        let git = URL(fileURLWithPath: "/usr/bin/env")
        XCTAssertEqual(try CLIRunner.run(["git", "init", "-q"], in: site, program: git).status, 0)
        let status = try CLIRunner.run(["git", "status", "--porcelain", "--untracked-files=all"], in: site, program: git)
        let untracked = status.stdout.split(separator: "\n").map { String($0.dropFirst(3)) }
        XCTAssertTrue(untracked.contains(".gitignore"), status.stdout)
        XCTAssertTrue(untracked.contains("content/cpts/val-de-loire.md"), status.stdout)
        XCTAssertFalse(untracked.contains { $0.hasPrefix("public/") || $0.hasPrefix(".public.staging/") }, status.stdout)
    }

    /// What a webmaster starting out sees: `new site` and two `new cpts`, then a build. The site counts the two
    /// CPTS it lists, the site has the French guide its comments point to, and neither the terminal nor a page
    /// speaks English.
    func testANewSiteWithTwoNewCPTSCountsThemAndSpeaksFrenchOnly() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("new-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        var printed: [String] = []
        let made = try CLIRunner.run(["new", "site", "region"], in: parent)
        XCTAssertEqual(made.status, 0, made.stderr)
        printed.append(made.stdout + made.stderr)
        let site = parent.appendingPathComponent("region")
        let guide = try String(contentsOf: site.appendingPathComponent("GUIDE.md"), encoding: .utf8)
        XCTAssertTrue(guide.contains("Créer un site"), "the French guide is copied into the site")
        XCTAssertTrue(try String(contentsOf: site.appendingPathComponent("content/site.yaml"), encoding: .utf8).contains("REFERENCE.md"))
        for slug in ["val-de-loire", "sologne"] {
            let created = try CLIRunner.run(["new", "cpts", slug], in: site)
            XCTAssertEqual(created.status, 0, created.stderr)
            printed.append(created.stdout + created.stderr)
        }
        try Self.setBaseURL(in: site)
        for command in [["check"], ["build"]] {
            let result = try CLIRunner.run(command, in: site)
            XCTAssertEqual(result.status, 0, result.stderr)
            printed.append(result.stdout + result.stderr)
        }
        let data = try Data(contentsOf: site.appendingPathComponent("public/data/site.json"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let listed = try XCTUnwrap(json["cpts"] as? [[String: Any]])
        XCTAssertEqual(listed.count, 2)
        XCTAssertEqual(Set(listed.compactMap { $0["stage"] as? String }), ["letter-of-intent"], "both are counted at their stage")
        let english = [" the ", " is ", " of ", "error", "warning", "built ", "Created", "files into", "false", "true"]
        for (index, output) in printed.enumerated() {
            for word in english { XCTAssertFalse(output.contains(word), "command \(index) printed '\(word)': \(output)") }
        }
        for (path, bytes) in try ScratchSite.snapshot(of: site.appendingPathComponent("public")) where path.hasSuffix(".html") {
            // The visible text only: tags, scripts and styles out.
            let page = String(decoding: bytes, as: UTF8.self)
                .replacing(/<script[^>]*>[\s\S]*?<\/script>/, with: " ").replacing(/<style[^>]*>[\s\S]*?<\/style>/, with: " ")
                .replacing(/<[^>]+>/, with: " ")
            for word in [" the ", " is ", " of ", " and ", "false", "true"] {
                XCTAssertFalse(page.contains(word), "\(path) shows '\(word)'")
            }
        }
    }

    /// The titles of the sections of a Markdown document (`## site.yaml` → `site.yaml`).
    static func sections(of markdown: String) -> Set<String> {
        Set(markdown.split(separator: "\n").compactMap { line -> String? in
            guard let match = line.firstMatch(of: /^#{1,6} (.+)$/) else { return nil }
            return String(match.1)
        })
    }

    /// `new site` copies the French guide and content reference, the source tree's here; each file it and
    /// `new cpts` write names in its comments sections of the reference (or of the guide) that exist there.
    func testNewFilesCommentsNameSectionsOfTheCopiedReference() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("new-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        XCTAssertEqual(try CLIRunner.run(["new", "site", "region"], in: parent).status, 0)
        let site = parent.appendingPathComponent("region")
        XCTAssertEqual(try CLIRunner.run(["new", "cpts", "val-de-loire"], in: site).status, 0)
        let docs = CLIRunner.repositoryRoot.appendingPathComponent("docs")
        var sections: [String: Set<String>] = [:]
        for (copy, source) in [("REFERENCE.md", "reference.md"), ("GUIDE.md", "guide.md")] {
            let copied = try String(contentsOf: site.appendingPathComponent(copy), encoding: .utf8)
            XCTAssertEqual(copied, try String(contentsOf: docs.appendingPathComponent(source), encoding: .utf8), "\(copy) is docs/\(source)")
            sections[copy] = Self.sections(of: copied)
        }
        let written = ["content/site.yaml", "content/region.yaml", "content/pages/methodologie.md",
                       "content/cpts/val-de-loire.md", "content/indicators/val-de-loire.yaml"]
        for path in written {
            let text = try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
            let comments = text.split(separator: "\n").compactMap { line in line.firstRange(of: "# ").map { line[$0.lowerBound...] } }
                .filter { !$0.hasPrefix("## ") }
            XCTAssertTrue(comments.contains { $0.contains("REFERENCE.md") }, "\(path) names no section of REFERENCE.md")
            for comment in comments {
                let document = comment.contains("GUIDE.md") ? "GUIDE.md" : "REFERENCE.md"
                for match in comment.matches(of: /«\s*([^»]+?)\s*»/) {
                    let name = String(match.1)
                    XCTAssertTrue(sections[document]?.contains(name) == true, "\(path): « \(name) » is no section of \(document): \(comment)")
                }
            }
        }
    }

    /// A site dated in the past gets new CPTS dated on its date, not today's: it counts what it lists.
    func testANewCPTSIsDatedNoLaterThanTheSite() throws {
        let site = try ScratchSite()
        XCTAssertEqual(try site.run("new", "cpts", "val-de-loire").status, 0)
        XCTAssertTrue(try site.read("content/cpts/val-de-loire.md").contains("  letter-of-intent: 2020-12-31\n"))
        let check = try site.run("check")
        XCTAssertFalse(check.stderr.contains("val-de-loire"), check.stderr)
    }

    func testNewCPTSNeverOverwritesAFile() throws {
        let site = try ScratchSite()
        let before = try site.read("content/cpts/vierzon.md")
        let result = try site.run("new", "cpts", "vierzon")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.contains("existe déjà\u{202F}; rien n’a été écrit"), result.stderr)
        XCTAssertEqual(try site.read("content/cpts/vierzon.md"), before)
    }

    func testNewCPTSRefusesAnInvalidSlug() throws {
        let site = try ScratchSite()
        let result = try site.run("new", "cpts", "../evasion")
        XCTAssertEqual(result.status, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.url("evasion.md").path))
    }

    /// `-x` would be read as an option by every later command (`cpts-site pdf -x`): refused, in French.
    func testNewCPTSRefusesASlugStartingWithADash() throws {
        let site = try ScratchSite()
        for slug in ["-x", "--", "-"] {
            let result = try site.run("new", "cpts", "--", slug)
            XCTAssertEqual(result.status, 2, "\(slug): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("n’est pas un nom court valide\u{202F}: utilisez des lettres minuscules a-z, des chiffres et des tirets, sans commencer par un tiret"),
                          "\(slug): \(result.stderr)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: site.url("content/cpts/\(slug).md").path))
        }
        XCTAssertEqual(try site.run("new", "cpts", "x-1").status, 0, "a dash inside a slug is fine")
    }

    func testNewSiteRefusesAFolderThatIsNotEmpty() throws {
        let site = try ScratchSite()
        XCTAssertEqual(try site.run("new", "site", "content").status, 1)
    }

    /// `new site ""` wrote `content/`, `themes/` and `.gitignore` into `/`.
    func testNewSiteRefusesAnEmptyOrRootFolder() throws {
        let site = try ScratchSite()
        let written = ["/content", "/themes", "/.gitignore"]
        let before = written.filter { FileManager.default.fileExists(atPath: $0) }
        defer {
            // Should the refusal ever fail, undo what it wrote into / (only what was not there before).
            for path in written where !before.contains(path) { try? FileManager.default.removeItem(atPath: path) }
        }
        try FileManager.default.createSymbolicLink(atPath: site.url("racine").path, withDestinationPath: "/")
        for target in ["", "/", "//", "/.", "/tmp/..", "racine", "racine/."] {
            let result = try site.run("new", "site", target)
            XCTAssertEqual(result.status, 2, "'\(target)': \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("nommez un nouveau dossier"), "'\(target)': \(result.stderr)")
        }
        XCTAssertEqual(written.filter { FileManager.default.fileExists(atPath: $0) }, before)
    }
}
