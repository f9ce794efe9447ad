/// What a text may cost libcmark-gfm in nodes. cmark-gfm makes an inline node (about 190 bytes, 500 for an
/// emphasis delimiter) for almost every character that may start markup: `&`, `"`, `'`, `.`, `:`, `w`, `[`, `<`,
/// `!`, `\`, each line break… so 10 MB of `&` took 1.9 GB, and 30 MB 5.9 GB: the 64 MB file limit bounds bytes,
/// not nodes. A text holding more than `maximumMarks` of those characters is not given to cmark at all (it
/// renders as nothing) and the readers report it as an error, at the first character over the budget.
///
/// Counted by one pass over the bytes, before cmark: every byte that may start an inline node, whether cmark
/// then makes one or not (an upper bound, cheap and independent of cmark's version).
public enum MarkupBudget {
    /// 500 000 marks: at most about 250 MB of nodes (`*a*a…`, 500 bytes a mark; `a&a&…`, 370), and 20 to 30 MB of
    /// ordinary French prose (pages over 1 MB are already warned about as slow to load).
    public static let maximumMarks = 500_000

    /// Bytes that may start an inline node in cmark-gfm with its extensions (measured on Debian's 0.29.0.gfm.6,
    /// plus the emphasis and code delimiters and the extensions' triggers, counted each).
    static let marks: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in Array("&\"'.:wW[]<>!\\\n*_~`-@|$".utf8) { table[Int(byte)] = true }
        return table
    }()

    /// Where the first mark over the budget stands: its 0-based line and its 1-based column (in Unicode scalars);
    /// nil when the text is within budget.
    public static func overflow(in text: String) -> (line: Int, column: Int)? {
        guard text.utf8.count > maximumMarks else { return nil }
        var text = text
        return text.withUTF8 { bytes in overflow(in: bytes, limit: maximumMarks) }
    }

    /// Whether cmark may be given `text`: one pass, no position kept.
    public static func isWithinBudget(_ text: String) -> Bool {
        // Each mark is a byte: a text of no more bytes than the budget is within it, unread.
        guard text.utf8.count > maximumMarks else { return true }
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            for byte in bytes where marks[Int(byte)] { count += 1 }
            return count <= maximumMarks
        }
    }

    static func overflow(in bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> (line: Int, column: Int)? {
        var count = 0, line = 0, column = 0
        for byte in bytes {
            if byte & 0xC0 != 0x80 { column += 1 }  // a byte that starts a scalar
            guard marks[Int(byte)] else { continue }
            count += 1
            if count > limit { return (line, column) }
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 0
            }
        }
        return nil
    }
}
