/// A position in a content file: the path as the user gave it, and a 1-based line and column.
public struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var file: String
    // Every value read from content carries a location: a national site holds millions, so line and column
    // are stored in 32 bits (content files are at most 64 MiB), which makes each location 24 bytes, not 32.
    private var storedLine: Int32
    private var storedColumn: Int32

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    public init(file: String, line: Int, column: Int) {
        self.file = file
        storedLine = Int32(clamping: line)
        storedColumn = Int32(clamping: column)
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
