/// Where a content file's Markdown body begins, below its front matter: found once, when the file is split, and
/// read by whatever points into the body (diagnostics' lines) or leaves it out (the model digest).
public struct BodyStart: Hashable, Sendable {
    /// The file's line of the body's first line.
    public var line: Int
    /// The body's first byte, counted in UTF-8 bytes from the file's start.
    public var offset: Int

    public init(line: Int, offset: Int) {
        self.line = line
        self.offset = offset
    }
}
