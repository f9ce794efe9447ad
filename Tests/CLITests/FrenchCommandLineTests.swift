import Foundation
import XCTest

/// The command line speaks French: every command's `--help`, and the usage errors with their suggestions, against
/// goldens in `Tests/Fixtures/cli/` (`UPDATE_GOLDEN=1` rewrites them: read each one you accept), and none of them
/// holds an English word. swift-argument-parser has no translation: `UsageErrors` and `FrenchHelp` stand in for it.
final class FrenchCommandLineTests: XCTestCase {
    static let goldens = CLIRunner.repositoryRoot.appendingPathComponent("Tests/Fixtures/cli")

    /// Badly written command lines, each with the name of its golden.
    static let usageErrors: [(name: String, arguments: [String])] = [
        ("commande-mal-ecrite", ["chek"]),
        ("commande-inconnue", ["xyzzy"]),
        ("option-mal-ecrite", ["check", "--stric"]),
        ("option-inconnue", ["check", "--couleur"]),
        ("option-courte-inconnue", ["build", "-x"]),
        ("argument-manquant", ["report"]),
        ("destination-manquante", ["deploy"]),
        ("option-obligatoire-manquante", ["pdf", "sud-lochois"]),
        ("valeur-manquante", ["report", "sud-lochois", "--year"]),
        ("valeur-pas-un-nombre", ["report", "sud-lochois", "--year", "deux"]),
        ("port-trop-grand", ["serve", "--port", "99999"]),
        ("langue-inconnue", ["check", "--lang", "de"]),
        ("drapeau-avec-valeur", ["check", "--strict=oui"]),
        ("arguments-en-trop", ["check", "public", "www"]),
        ("argument-en-trop", ["build", "public"]),
        ("annee-hors-contrat", ["report", "sud-lochois", "--year", "9"]),
        ("nom-court-invalide", ["new", "cpts", "Sud Lochois"]),
        ("nouveau-site-sans-nom", ["new", "site", ""]),
    ]

    /// Every command's path (`[]`, `["check"]`, `["new", "site"]`), from the parser's own description of the tool.
    func commandPaths() throws -> [[String]] {
        let dump = try run(["--experimental-dump-help"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        func paths(_ command: [String: Any], _ prefix: [String]) -> [[String]] {
            let subcommands = (command["subcommands"] as? [[String: Any]] ?? []).filter { $0["commandName"] as? String != "help" }
            return [prefix] + subcommands.flatMap { paths($0, prefix + [$0["commandName"] as? String ?? "?"]) }
        }
        return paths(try XCTUnwrap(object["command"] as? [String: Any]), [])
    }

    /// The options each command really has, by the parser: `--content`, `-o`…
    func realOptions(of path: [String]) throws -> [String] {
        let dump = try run(["--experimental-dump-help"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        var command = try XCTUnwrap(object["command"] as? [String: Any])
        for name in path {
            command = try XCTUnwrap((command["subcommands"] as? [[String: Any]])?.first { $0["commandName"] as? String == name })
        }
        return (command["arguments"] as? [[String: Any]] ?? []).filter { $0["shouldDisplay"] as? Bool ?? true }.flatMap { argument in
            (argument["names"] as? [[String: Any]] ?? []).map { ($0["kind"] as? String == "short" ? "-" : "--") + ($0["name"] as? String ?? "") }
        }
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CLIRunner.Result {
        try CLIRunner.run(arguments, in: FileManager.default.temporaryDirectory, environment: environment)
    }

    func compare(_ actual: String, golden name: String) throws {
        let url = Self.goldens.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if let diff = GoldenDiff.of(expected: expected, actual: actual, name: name) { XCTFail("\(name) differs\n\(diff)") }
    }

    func testEveryCommandsHelpMatchesItsGoldenAndListsItsRealOptions() throws {
        let paths = try commandPaths()
        XCTAssertGreaterThanOrEqual(paths.count, 10, "\(paths)")
        for path in paths {
            let help = try run(path + ["--help"])
            XCTAssertEqual(help.status, 0, help.stderr)
            XCTAssertEqual(help.stderr, "")
            try compare(help.stdout, golden: "help/" + (path.isEmpty ? "cpts-site" : path.joined(separator: "-")) + ".txt")
            for option in try realOptions(of: path) {
                XCTAssertTrue(help.stdout.contains(option), "\(path): the help does not list \(option)\n\(help.stdout)")
            }
        }
    }

    /// `cpts-site help check` and `cpts-site new` (a command made only of commands) show the same French help.
    func testTheHelpCommandAndACommandWithoutItsSubcommandShowTheFrenchHelp() throws {
        XCTAssertEqual(try run(["help", "check"]).stdout, try run(["check", "--help"]).stdout)
        XCTAssertEqual(try run(["new"]).stdout, try run(["new", "--help"]).stdout)
        XCTAssertEqual(try run(["-h"]).stdout, try run(["--help"]).stdout)
    }

    func testUsageErrorsMatchTheirGoldensAndExitWithTwo() throws {
        for (name, arguments) in Self.usageErrors {
            let result = try run(arguments)
            XCTAssertEqual(result.status, 2, "\(name): \(result.stderr)")
            XCTAssertEqual(result.stdout, "", name)
            try compare(result.stderr, golden: "errors/\(name).txt")
        }
    }

    func testAMisspeltCommandSuggestsTheRightOne() throws {
        for (typed, meant) in [("chek", "check"), ("biuld", "build"), ("deplyo", "deploy"), ("serv", "serve"), ("rapport", "report")] {
            let result = try run([typed])
            XCTAssertTrue(result.stderr.hasPrefix("error: commande inconnue «\u{202F}\(typed)\u{202F}» (vouliez-vous dire «\u{202F}\(meant)\u{202F}»\u{202F}?)\n"),
                          result.stderr)
        }
    }

    /// No English in any help or usage error: the parser's words (`OVERVIEW`, `Show help information`,
    /// `(default: public)`, `Missing expected argument`…) and common English words. Options, placeholders, quoted
    /// values and the severity word `error:` (kept in every language, as in diagnostics) are left out of the search.
    func testNoHelpAndNoUsageErrorHoldsAnEnglishWord() throws {
        var texts: [(String, String)] = []
        for path in try commandPaths() {
            texts.append(("\(path) --help", try run(path + ["--help"]).stdout))
        }
        for (name, arguments) in Self.usageErrors {
            texts.append((name, try run(arguments).stderr))
        }
        let english: Set<String> = ["overview", "usage", "subcommand", "subcommands", "show", "shows", "default", "values", "value",
            "error", "missing", "expected", "unexpected", "unknown", "invalid", "see", "more", "information", "the", "of", "and", "to",
            "is", "for", "with", "did", "you", "mean", "please", "provide", "following", "help", "print", "prints", "detailed",
            "command", "specified", "does", "not", "take", "any", "was", "one"]
        for (name, text) in texts {
            // Line by line: the severity word, a command's own name at the start of its line in a list of commands.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                var line = String(line)
                if line.hasPrefix("error: ") { line.removeFirst(7) }
                if let command = line.firstMatch(of: #/^  [a-z]+ /#) { line.removeSubrange(command.range) }
                return line
            }
            var prose = lines.joined(separator: "\n")
            prose = prose.replacing(#/«[^»]*»/#, with: " ").replacing(#/<[^>]*>/#, with: " ")
            prose = prose.replacing(#/(^|[\s(\[,])--?[A-Za-z][A-Za-z-]*/#, with: " ").replacing(#/cpts-site( [a-z]+)*/#, with: " ")
            let words = prose.split { !$0.isLetter }.map { $0.lowercased() }
            let found = Set(words).intersection(english)
            XCTAssertEqual(found.sorted(), [], "\(name) speaks English: \(found.sorted())\n\(text)")
        }
    }

    /// With `--lang en` the parser speaks its own English, as before.
    func testWithLangEnTheParsersEnglishIsKept() throws {
        let result = try run(["check", "--stric", "--lang", "en"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasPrefix("Error: Unknown option '--stric'. Did you mean '--strict'?"), result.stderr)
        XCTAssertTrue(try run(["--help"], environment: ["LANG": "en_GB.UTF-8"]).stdout.hasPrefix("OVERVIEW: "))
    }
}
