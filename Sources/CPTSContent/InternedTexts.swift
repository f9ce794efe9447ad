#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file's repeated texts, each made once: a contract year repeats the indicators of the year before, and
/// making each label's `String` again, checking it and hashing it into a `Set<String>` (a non-ASCII `String` is
/// hashed through its normalization) cost about 2 % of the heavy set's load stage. A text is found again by its
/// bytes and style, hashed as bytes.
struct InternedTexts {
    private struct Entry {
        let bytes: [UInt8]
        let style: Node.Scalar.Style
        let text: String
    }

    /// The entries by the hash of their bytes and style.
    private var entries: [Int: [Entry]] = [:]
    /// Every text made, while all of them are `simple`: two such texts are equal only when their bytes are.
    private var made: [String] = []
    /// Every text made once one is not `simple`, so that one equal to a text made before (as `String` compares
    /// them: canonically equivalent) is that text, as the `Set<String>` this replaces gave them; nil before.
    private var texts: Set<String>?

    /// Whether every scalar of `bytes` is below U+0300 (no lead byte from 0xCC): such a text is in NFC, and no
    /// other text of the kind is canonically equivalent to it. Hashing a non-ASCII `String` into a set
    /// normalizes it: about 3 800 instructions a label of the heavy set.
    private static func isSimple(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !bytes.contains { $0 >= 0xCC }
    }

    private static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ style: Node.Scalar.Style) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        hasher.combine(style)
        return hasher.finalize()
    }

    /// The text made before of these bytes written in this style, if any.
    func text(of bytes: UnsafeBufferPointer<UInt8>, style: Node.Scalar.Style) -> String? {
        guard let found = entries[InternedTexts.key(bytes, style)] else { return nil }
        return found.first { $0.style == style && InternedTexts.same($0.bytes, bytes) }?.text
    }

    /// Whether `kept` holds `bytes`, compared by `memcmp` (the generic `elementsEqual` cost 0.3 % of the load stage).
    private static func same(_ kept: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard kept.count == bytes.count else { return false }
        return kept.withUnsafeBufferPointer { keptBytes in
            guard let a = keptBytes.baseAddress, let b = bytes.baseAddress else { return true }
            return memcmp(a, b, bytes.count) == 0
        }
    }

    /// Keeps `text`, made of these bytes written in this style; gives the text to use (an equal one made before).
    mutating func add(_ text: String, of bytes: UnsafeBufferPointer<UInt8>, style: Node.Scalar.Style) -> String {
        if texts == nil, !InternedTexts.isSimple(bytes) {
            texts = Set(made)
            made = []
        }
        let kept: String
        if texts != nil {
            kept = texts?.insert(text).memberAfterInsert ?? text
        } else {
            kept = text
            made.append(text)
        }
        entries[InternedTexts.key(bytes, style), default: []].append(Entry(bytes: Array(bytes), style: style, text: kept))
        return kept
    }
}
