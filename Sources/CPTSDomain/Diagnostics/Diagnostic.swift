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
    /// A stable identifier of the rule (`commune-in-two-cpts`), for tests and for people searching the docs.
    public var code: String
    public var message: String
    /// A hint such as "did you mean `population`?".
    public var note: String?

    public init(_ severity: Severity, _ code: String, at location: SourceLocation, _ message: String, note: String? = nil) {
        self.severity = severity
        self.code = code
        self.location = location
        self.message = message
        self.note = note
    }

    public static func error(_ code: String, at location: SourceLocation, _ message: String, note: String? = nil) -> Diagnostic {
        Diagnostic(.error, code, at: location, message, note: note)
    }

    public static func warning(_ code: String, at location: SourceLocation, _ message: String, note: String? = nil) -> Diagnostic {
        Diagnostic(.warning, code, at: location, message, note: note)
    }

    /// `path:line:column: severity: message`, the first line a compiler prints.
    public var headline: String {
        "\(location): \(severity.rawValue): \(message)"
    }
}

extension Array where Element == Diagnostic {
    /// Diagnostics in reading order: by file, line, column, then message, so that output is deterministic.
    public func sortedForReport() -> [Diagnostic] {
        sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }

    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }
}

/// A diagnostic can be thrown where one problem stops the reading of a file.
extension Diagnostic: Error {}
