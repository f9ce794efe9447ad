/// A position in a content file: the path as the user gave it, and a 1-based line and column.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// A file's path, made once per file read and shared by every location in it: a national site holds millions
    /// of locations, and a reference (8 bytes) in each of them, with line and column in 32 bits each (content
    /// files are at most 64 MiB), makes a location 16 bytes, not the 24 of a `String` and two `Int32`s.
    public final class File: Sendable {
        public let path: String

        public init(_ path: String) {
            self.path = path
        }
    }

    private var storedFile: File
    private var storedLine: Int32
    private var storedColumn: Int32

    public var file: String {
        get { storedFile.path }
        set { storedFile = File(newValue) }
    }

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    /// A location in `file`, shared with the other locations of the file: what readers make by the million.
    public init(file: File, line: Int, column: Int) {
        storedFile = file
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
    }

    /// A location with a path of its own (a diagnostic's, made once).
    public init(file: String, line: Int, column: Int) {
        self.init(file: File(file), line: line, column: column)
    }

    /// A whole file or folder, with no line to point at (the output folder of a build): shown as its path alone.
    public init(folder: String) {
        self.init(file: folder, line: 0, column: 0)
    }

    /// `file:line:column`, or `file` alone for a whole file or folder (line and column 0), the file's control characters escaped
    /// (`DisplayedPath`).
    public var description: String {
        line == 0 && column == 0 ? DisplayedPath.escaping(file) : "\(DisplayedPath.escaping(file)):\(line):\(column)"
    }

    /// Two locations are equal when their paths are, whether they share a `File` or not.
    public static func == (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        lhs.storedLine == rhs.storedLine && lhs.storedColumn == rhs.storedColumn
            && (lhs.storedFile === rhs.storedFile || lhs.storedFile.path == rhs.storedFile.path)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storedFile.path)
        hasher.combine(storedLine)
        hasher.combine(storedColumn)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// A value read from content, with where it was written, so that a rule can point at it.
public struct Located<Value> {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Sendable where Value: Sendable {}
extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
