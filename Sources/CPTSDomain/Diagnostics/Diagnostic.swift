/// One problem found in the content, reported like a compiler does.
public struct Diagnostic: Hashable, Sendable {
    public enum Severity: String, Sendable, Comparable {
        case error, warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    public var severity: Severity
    public var location: SourceLocation
    /// What is wrong, with its values; the words, French and English, are in `DiagnosticCatalog.swift`.
    public var message: DiagnosticMessage

    /// A stable identifier of the rule (`commune-in-two-cpts`), for tests and for people searching the docs.
    public var code: String { message.code }

    public init(_ severity: Severity, _ message: DiagnosticMessage, at location: SourceLocation) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    public static func error(_ message: DiagnosticMessage, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    public static func warning(_ message: DiagnosticMessage, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    /// The message in `language`.
    public func text(in language: Language) -> String { message.text(in: language) }

    /// A hint such as « vouliez-vous dire « population » ? », in `language`.
    public func note(in language: Language) -> String? { message.note(in: language) }

    /// `path:line:column: severity: message`, the first line a compiler prints. The severity word stays `error` or
    /// `warning` in every language: editors look for those words.
    public func headline(in language: Language) -> String {
        "\(location): \(severity.rawValue): \(text(in: language))"
    }

    /// The headline and the note, from one catalog entry (each alone makes the whole entry, both languages).
    public func headlineAndNote(in language: Language) -> (headline: String, note: String?) {
        let entry = message.entry
        let text = language == .fr ? entry.fr.text : entry.en.text
        return ("\(location): \(severity.rawValue): \(text)", entry.note.map { language == .fr ? $0.fr.text : $0.en.text })
    }
}

extension Array where Element == Diagnostic {
    /// Diagnostics in reading order: by file, line, column, then message, so that output is deterministic.
    public func sortedForReport() -> [Diagnostic] {
        // The order does not depend on the language: by place, then code, then the English text. The catalog entry
        // (both languages) is made once per diagnostic, not once for its code and again for its text.
        map { diagnostic in
            let entry = diagnostic.message.entry
            return (diagnostic, entry.code + "\u{0}" + entry.en.text)
        }
        .sorted { ($0.0.location, $0.1) < ($1.0.location, $1.1) }
        .map(\.0)
    }

    /// The problems found in a CPTS's own file, which the site shows with it (its page, its entry of `site.json`);
    /// none when the site publishes no problems (`validationPage: false`).
    public func published(for cpts: CPTS, settings: SiteSettings) -> [Diagnostic] {
        settings.validationPage ? filter { $0.location.file == cpts.file } : []
    }

    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }
}

/// A diagnostic can be thrown where one problem stops the reading of a file.
extension Diagnostic: Error {}
