import CPTSDomain
import CPTSSync

/// Prints diagnostics as a compiler does: the headline, the offending source line, a caret under the column,
/// and the note if any.
public struct DiagnosticFormatter: Sendable {
    public let sources: [String: String]
    /// Each file's line starts, found once: quoting 2 000 lines of a 10 MB file by rescanning it from its
    /// start each time took over a minute.
    private let lineStarts = LineStartCache()

    public init(sources: [String: String]) { self.sources = sources }

    public func format(_ diagnostic: Diagnostic) -> String {
        var lines = [diagnostic.headline]
        // An empty line is not quoted: a caret under nothing says nothing.
        if let text = sources[diagnostic.location.file],
            let line = sourceLine(diagnostic.location.line, of: text, starts: lineStarts.starts(of: diagnostic.location.file, text)),
            !line.isEmpty {
            let shown = String(line.prefix(200))
            lines.append(shown)
            let caretColumn = min(max(diagnostic.location.column, 1), shown.unicodeScalars.count + 1)
            let padding = shown.unicodeScalars.prefix(caretColumn - 1).map { $0 == "\t" ? "\t" : " " }.joined()
            lines.append(padding + "^")
        }
        if let note = diagnostic.note {
            lines.append("note: \(note)")
        }
        return lines.joined(separator: "\n")
    }

    /// Every diagnostic in reading order, then a summary line.
    public func report(_ diagnostics: [Diagnostic]) -> String {
        let body = diagnostics.sortedForReport().map(format)
        return (body + [DiagnosticFormatter.summary(diagnostics)]).joined(separator: "\n") + "\n"
    }

    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(diagnostics.errorCount, "error")), \(plural(diagnostics.warningCount, "warning"))"
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

    func starts(of file: String, _ text: String) -> [Int] {
        if let known = starts.withLock({ $0[file] }) { return known }
        var found = [0]
        for (offset, byte) in text.utf8.enumerated() where byte == UInt8(ascii: "\n") {
            found.append(offset + 1)
        }
        starts.withLock { $0[file] = found }
        return found
    }
}
