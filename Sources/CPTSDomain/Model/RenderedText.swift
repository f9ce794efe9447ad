/// A Markdown text of the content (a projet de santé, a report's narrative, a free page) as its page shows it: its
/// HTML and the outline of its headings, rendered once by the load from the parse that also finds its warnings and
/// images. Once it is there, the Markdown is no longer kept: nothing after the load reads it.
///
/// The HTML is held in memory, or, in a one-off build, by a `TextStore` (a file) from the load to its page: a
/// national site's texts weighed a third of the build's memory, kept for the whole build for one page each.
public struct RenderedText: Sendable, Hashable {
    private var storage: Storage

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

    private enum Storage: Sendable {
        case inline(html: String, headings: [Heading])
        /// The HTML and the headings' outline (`outline(of:)`) in a store; no slot for a text without headings.
        case stored(any TextStore, html: TextSlot, headings: TextSlot?)
    }

    public init(html: String, headings: [Heading]) {
        storage = .inline(html: html, headings: headings)
    }

    /// The HTML, read back from its store when it was moved there.
    public var html: String {
        get {
            switch storage {
            case .inline(let html, _): html
            case .stored(let store, let html, _): store.text(at: html)
            }
        }
        set { storage = .inline(html: newValue, headings: headings) }
    }

    /// The outline of the headings, read back from its store when it was moved there.
    public var headings: [Heading] {
        get {
            switch storage {
            case .inline(_, let headings): headings
            case .stored(_, _, nil): []
            case .stored(let store, _, let headings?): Self.headings(fromOutline: store.text(at: headings))
            }
        }
        set { storage = .inline(html: html, headings: newValue) }
    }

    /// Whether the HTML is held by a store rather than in memory.
    public var isStored: Bool {
        if case .stored = storage { true } else { false }
    }

    /// The same text with its HTML and headings moved into `store`; as it is when the store does not take the HTML.
    public func stored(in store: any TextStore) -> RenderedText {
        guard case .inline(let html, let headings) = storage, let slot = store.keep(html) else { return self }
        var moved = self
        if headings.isEmpty {
            moved.storage = .stored(store, html: slot, headings: nil)
            return moved
        }
        let outline = Self.outline(of: headings)
        guard let headingsSlot = store.keep(outline) else {
            // Too short to be worth a slot, or not kept: the outline stays in memory with the HTML.
            return self
        }
        moved.storage = .stored(store, html: slot, headings: headingsSlot)
        return moved
    }

    /// The headings as one text: level, text and id of each, every one followed by a NUL, which no heading holds
    /// (cmark replaces it in the Markdown, and ids are made of letters, digits and dashes).
    static func outline(of headings: [Heading]) -> String {
        var outline = ""
        for heading in headings {
            outline += String(heading.level)
            outline += "\u{0}"
            outline += heading.text
            outline += "\u{0}"
            outline += heading.id
            outline += "\u{0}"
        }
        return outline
    }

    /// The headings of an `outline(of:)`.
    static func headings(fromOutline outline: String) -> [Heading] {
        let fields = outline.utf8.split(separator: 0, omittingEmptySubsequences: false)
        var headings: [Heading] = []
        headings.reserveCapacity(fields.count / 3)
        var index = 0
        while index + 2 < fields.count {
            let level = Int(Substring(fields[index])) ?? 0
            headings.append(Heading(level: level, text: String(Substring(fields[index + 1])), id: String(Substring(fields[index + 2]))))
            index += 3
        }
        return headings
    }

    public static func == (lhs: RenderedText, rhs: RenderedText) -> Bool {
        lhs.headings == rhs.headings && lhs.html == rhs.html
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(html)
        hasher.combine(headings)
    }
}

/// Where texts wait outside the model's memory until a page needs them (`RenderedText.stored(in:)`).
public protocol TextStore: AnyObject, Sendable {
    /// Keeps `text`, returning where it is; nil when it keeps it not (too short to be worth it, or a failure).
    func keep(_ text: String) -> TextSlot?
    /// The text kept at `slot`.
    func text(at slot: TextSlot) -> String
}

/// Where a `TextStore` keeps a text: its bytes' offset and count.
public struct TextSlot: Sendable, Hashable {
    public let offset: Int
    public let count: Int

    public init(offset: Int, count: Int) {
        self.offset = offset
        self.count = count
    }
}
