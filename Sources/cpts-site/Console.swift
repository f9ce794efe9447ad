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

    static func error(_ message: String) {
        FileHandle.standardError.write(Data("error: \(TerminalText.escaping(message, keepingLineBreaks: true))\n".utf8))
    }

    static func info(_ text: ConsoleText, in language: Language) { info(text.text(in: language)) }

    /// An error line; the word `error:` stays in every language, as in diagnostics.
    static func error(_ text: ConsoleText, in language: Language) { error(text.text(in: language)) }
}
