import CPTSDomain
import CPTSSync

/// Prints diagnostics as a compiler does: the headline, the offending source line, a caret under the column,
/// and the note if any. The words are in `language`; the `path:line:column:` prefix, the severity word (`error`,
/// `warning`) and `note:` are the same in every language, for editors to find them.
public struct DiagnosticFormatter: Sendable {
    public let sources: [String: String]
    public let language: Language
    /// Each file's line starts, found once: quoting 2 000 lines of a 10 MB file by rescanning it from its
    /// start each time took over a minute.
    private let lineStarts = LineStartCache()

    /// How many times a file's text was scanned for its line starts (once per file quoted): for tests.
    package var lineScans: Int { lineStarts.scans }

    public init(sources: [String: String], language: Language = .fr) {
        self.sources = sources
        self.language = language
    }

    public func format(_ diagnostic: Diagnostic) -> String {
        // Every part is escaped for the terminal (`TerminalText`): the quoted line and the values in the message
        // come from content files, and a headline or note holds no line break of its own.
        let (headline, note) = diagnostic.headlineAndNote(in: language)
        var lines = [TerminalText.escaping(headline)]
        // An empty line is not quoted: a caret under nothing says nothing.
        if let text = sources[diagnostic.location.file],
            let line = sourceLine(diagnostic.location.line, of: text, starts: lineStarts.starts(of: diagnostic.location.file, text)),
            !line.isEmpty {
            let quoted = String(line.prefix(200))
            lines.append(TerminalText.escaping(quoted))
            let caretColumn = min(max(diagnostic.location.column, 1), quoted.unicodeScalars.count + 1)
            // The caret stays under its character once the characters before it are written as escapes.
            let before = TerminalText.escaping(String(String.UnicodeScalarView(quoted.unicodeScalars.prefix(caretColumn - 1))))
            let padding = before.unicodeScalars.map { $0 == "\t" ? "\t" : " " }.joined()
            lines.append(padding + "^")
        }
        if let note {
            lines.append("note: " + TerminalText.escaping(note))
        }
        return lines.joined(separator: "\n")
    }

    /// Every diagnostic in reading order, then a summary line.
    public func report(_ diagnostics: [Diagnostic]) -> String {
        let body = diagnostics.sortedForReport().map(format)
        return (body + [DiagnosticFormatter.summary(diagnostics, in: language)]).joined(separator: "\n") + "\n"
    }

    /// `2 erreurs, 1 avertissement` (`2 errors, 1 warning`).
    public static func summary(_ diagnostics: [Diagnostic], in language: Language = .fr) -> String {
        let errors = diagnostics.errorCount, warnings = diagnostics.warningCount
        return language == .fr
            ? Plural.count(errors, "erreur", "erreurs", in: .fr) + ", " + Plural.count(warnings, "avertissement", "avertissements", in: .fr)
            : Plural.count(errors, "error", "errors", in: .en) + ", " + Plural.count(warnings, "warning", "warnings", in: .en)
    }

    /// Line `number` (1-based) of `text`, given the UTF-8 offsets where its lines start.
    private func sourceLine(_ number: Int, of text: String, starts: [Int]) -> Substring? {
        guard number >= 1, number <= starts.count else { return nil }
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: starts[number - 1])
        let end = number < starts.count ? utf8.index(utf8.startIndex, offsetBy: starts[number] - 1) : utf8.endIndex
        return text[start..<end]
    }
}

/// The UTF-8 offsets of the line starts of each file's text, computed on first use.
final class LineStartCache: Sendable {
    private let starts = Locked<[String: [Int]]>([:])
    private let scanCount = Locked(0)

    var scans: Int { scanCount.withLock { $0 } }

    func starts(of file: String, _ text: String) -> [Int] {
        if let known = starts.withLock({ $0[file] }) { return known }
        scanCount.withLock { $0 += 1 }
        var found = [0]
        for (offset, byte) in text.utf8.enumerated() where byte == UInt8(ascii: "\n") {
            found.append(offset + 1)
        }
        starts.withLock { $0[file] = found }
        return found
    }
}
