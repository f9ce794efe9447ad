import CPTSContent
import CPTSDomain
import CPTSSite
import Foundation

/// Where the CLI writes: diagnostics and errors on standard error, results on standard output.
enum Console {
    static func printDiagnostics(_ report: BuildReport, in language: Language) {
        printDiagnostics(report.diagnostics, sources: report.sources, in: language)
    }

    static func printDiagnostics(_ diagnostics: [Diagnostic], sources: [String: String], in language: Language) {
        guard !diagnostics.isEmpty else { return }
        let text = DiagnosticFormatter(sources: sources, language: language).report(diagnostics)
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// What a build did beside writing its files: written through a symbolic link, a staging folder made.
    static func printWriteNotices(_ report: BuildReport, output: String, in language: Language) {
        let shown = DisplayedPath.escaping(output)
        if let target = report.writtenThrough {
            info(.writtenThroughLink(output: shown, target: DisplayedPath.escaping(ContentOptions.relativeToWorkingDirectory(target))),
                 in: language)
        }
        if let staging = report.stagingFolderCreated {
            let folder = report.writtenThrough.map { DisplayedPath.escaping(ContentOptions.relativeToWorkingDirectory($0)) } ?? shown
            info(.stagingFolderCreated(staging: DisplayedPath.escaping(ContentOptions.relativeToWorkingDirectory(staging)), output: folder),
                 in: language)
        }
    }

    static func printTimings(_ report: BuildReport) {
        let total = report.timings.map(\.seconds).reduce(0, +)
        for (stage, seconds) in report.timings + [("total", total)] {
            let milliseconds = (seconds * 10_000).rounded() / 10
            info("\(stage.padding(toLength: 9, withPad: " ", startingAt: 0)) \(milliseconds) ms")
        }
    }

    /// Unbuffered, so that a program reading `serve`'s output sees each line at once. Like every text printed, it
    /// goes to the terminal with its control characters escaped (`TerminalText`): a slug or a folder name given on
    /// the command line, or read from content, is part of it.
    static func info(_ message: String) {
        FileHandle.standardOutput.write(Data((TerminalText.escaping(message, keepingLineBreaks: true) + "\n").utf8))
    }

    /// Another program's own messages (rsync's, ssh's), indented under a line saying whose they are.
    static func printDetail(_ text: String, from program: String, in language: Language) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard !lines.isEmpty else { return }
        let title = language == .fr ? "message de \(program)\u{202F}:" : "\(program) said:"
        let body = lines.map { "  " + $0 }.joined(separator: "\n")
        FileHandle.standardError.write(Data((title + "\n" + body + "\n").utf8))
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("error: \(TerminalText.escaping(message, keepingLineBreaks: true))\n".utf8))
    }

    static func info(_ text: ConsoleText, in language: Language) { info(text.text(in: language)) }

    /// An error line; the word `error:` stays in every language, as in diagnostics.
    static func error(_ text: ConsoleText, in language: Language) { error(text.text(in: language)) }
}
