/// A Markdown text of the content (a projet de santé, a report's narrative, a free page) as its page shows it: its
/// HTML and the outline of its headings, rendered once by the load from the parse that also finds its warnings and
/// images. Once it is there, the Markdown is no longer kept: nothing after the load reads it.
public struct RenderedText: Sendable, Hashable {
    public var html: String
    public var headings: [Heading]

    /// A heading of the text, for a table of contents.
    public struct Heading: Sendable, Hashable {
        /// The HTML level, after the renderer's offset.
        public var level: Int
        public var text: String
        /// Unique within the text, the heading's `id`.
        public var id: String

        public init(level: Int, text: String, id: String) {
            self.level = level
            self.text = text
            self.id = id
        }
    }

    public init(html: String, headings: [Heading]) {
        self.html = html
        self.headings = headings
    }
}
