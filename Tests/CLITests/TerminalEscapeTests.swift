import Foundation
import XCTest

/// Nothing a command prints lets a control character through to the terminal: arguments quoted in usage errors
/// and in the commands' own messages are escaped as paths are (`\u{1B}`), like the diagnostics' quoted lines
/// (`Tests/Fixtures/invalid/terminal-escapes-in-messages`).
final class TerminalEscapeTests: XCTestCase {
    func testArgumentsQuotedInMessagesAreEscaped() throws {
        let site = try ScratchSite()
        let clear = "x\u{1B}[2J\u{1B}[H\u{9B}0m"
        for arguments in [["new", "cpts", clear], ["report", clear], ["pdf", "--year", "1", clear]] {
            let result = try CLIRunner.run(arguments, in: site.root)
            let printed = result.stdout + result.stderr
            XCTAssertNotEqual(result.status, 0, "\(arguments): \(printed)")
            XCTAssertTrue(printed.contains(#"x\u{1B}[2J\u{1B}[H\u{9B}0m"#), "\(arguments): \(printed)")
            XCTAssertFalse(printed.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{9B}" }, "\(arguments): a raw control character")
        }
    }
}
