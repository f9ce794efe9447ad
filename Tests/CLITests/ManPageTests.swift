import Foundation
import XCTest

/// The man page (`packaging/cpts-site.1`) names every command and every option the parser knows, and the
/// environment variables the commands read.
final class ManPageTests: XCTestCase {
    func testTheManPageListsEveryCommandAndOption() throws {
        let page = try String(contentsOf: CLIRunner.repositoryRoot.appendingPathComponent("packaging/cpts-site.1"), encoding: .utf8)
        // What groff shows as `--dry-run` is written `\-\-dry\-run`.
        let shown = page.replacingOccurrences(of: "\\-", with: "-")
        let dump = try CLIRunner.run(["--experimental-dump-help"], in: CLIRunner.repositoryRoot)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        func check(_ command: [String: Any], _ path: [String]) {
            if !path.isEmpty {
                XCTAssertTrue(shown.contains(path.joined(separator: " ")), "the man page does not name the command \(path)")
            }
            for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["kind"] as? String != "positional" {
                for name in argument["names"] as? [[String: Any]] ?? [] {
                    let option = (name["kind"] as? String == "short" ? "-" : "--") + (name["name"] as? String ?? "")
                    XCTAssertTrue(shown.contains(option), "the man page does not name \(option) of \(path)")
                }
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                check(sub, path + [sub["commandName"] as? String ?? "?"])
            }
        }
        check(try XCTUnwrap(object["command"] as? [String: Any]), [])
        for variable in ["CPTS_CHROMIUM", "CPTS_SITE_THEMES", "LC_ALL", "LANG"] {
            XCTAssertTrue(page.contains(variable), "the man page does not name \(variable)")
        }
        XCTAssertFalse(page.contains("(en anglais)"), "the help is French now")
    }
}
