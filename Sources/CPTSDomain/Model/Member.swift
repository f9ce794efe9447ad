/// How many professionals of one profession a CPTS (or its activity report) counts among its members.
public struct Member: Sendable, Hashable {
    /// The profession's id (`medecin-generaliste`), as `Profession.ids` lists them.
    public var profession: String
    public var count: Int
    /// Where the count is written.
    public var location: SourceLocation

    public init(profession: String, count: Int, location: SourceLocation) {
        self.profession = profession
        self.count = count
        self.location = location
    }
}
