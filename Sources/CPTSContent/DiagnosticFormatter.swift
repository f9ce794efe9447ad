import CPTSDomain

/// Prints diagnostics as a compiler does: the headline, the offending source line, a caret under the column,
/// and the note if any.
public struct DiagnosticFormatter: Sendable {
    public let sources: [String: String]

    public init(sources: [String: String]) { self.sources = sources }

    public func format(_ diagnostic: Diagnostic) -> String {
        var lines = [diagnostic.headline]
        // An empty line is not quoted: a caret under nothing says nothing.
        if let text = sources[diagnostic.location.file], let line = sourceLine(diagnostic.location.line, of: text),
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

    private func sourceLine(_ number: Int, of text: String) -> Substring? {
        guard number >= 1 else { return nil }
        var current = 1
        var start = text.startIndex
        while current < number {
            guard let newline = text[start...].firstIndex(of: "\n") else { return nil }
            start = text.index(after: newline)
            current += 1
        }
        let end = text[start...].firstIndex(of: "\n") ?? text.endIndex
        return text[start..<end]
    }
}
