import CPTSDomain

/// Everything the rules, the figures and the exports are made from — every content file, but for the text of the
/// projets de santé — folded into one number. `serve` compares it from one save to the next: editing a projet de
/// santé, the most common change by far, then re-validates, re-computes and re-exports nothing.
///
/// Kept from one build to the next with each file's hash and part of the digest, so that a save hashes only the
/// texts it changed: a text the load reused is the same string, which compares equal at once.
struct ModelDigest: Sendable {
    private struct Entry: Sendable {
        let text: String
        let hash: Int
        let part: Int
    }

    private var entries: [String: Entry] = [:]
    /// Each content text's hash by path, for the pages' keys.
    private(set) var hashes: [String: Int] = [:]
    /// The sum of the files' parts: the digest, but for the settings, whatever the order of the files.
    private var sum = 0
    /// The paths whose text changed (or that appeared or went) since `takeChanged()` was last called: `serve`'s
    /// route table keys again the pages that read them (`KeyedRoutes`), however many saves a failed build skipped.
    private var changed: Set<String> = []

    /// The paths changed since the last call, and forgets them.
    mutating func takeChanged() -> Set<String> {
        defer { changed = [] }
        return changed
    }

    /// Brings the hashes and the digest up to date with the texts of `sources`, and returns the digest.
    mutating func update(_ content: SiteContent, sources: [String: String]) -> Int {
        var bodyOffsets: [String: Int]?
        for (path, text) in sources {
            if let kept = entries[path], kept.text == text { continue }
            // Only a changed CPTS file needs to know where its body starts.
            if bodyOffsets == nil {
                bodyOffsets = Dictionary(content.cpts.map { ($0.file, $0.bodyStart.offset) }, uniquingKeysWith: { first, _ in first })
            }
            let hash = text.hashValue
            let entry = Entry(text: text, hash: hash, part: Self.part(path, text, hash: hash, bodyOffset: bodyOffsets?[path]))
            if let old = entries.updateValue(entry, forKey: path) { sum &-= old.part }
            sum &+= entry.part
            hashes[path] = hash
            changed.insert(path)
        }
        if entries.count != sources.count {
            for (path, entry) in entries where sources[path] == nil {
                entries[path] = nil
                hashes[path] = nil
                sum &-= entry.part
                changed.insert(path)
            }
        }
        var hasher = Hasher()
        hasher.combine(sum)
        hasher.combine(content.settings.baseURL)
        return hasher.finalize()
    }

    /// One file's part: its path and its text, or, for a CPTS file, which ends with its body, only what comes
    /// before it.
    private static func part(_ path: String, _ text: String, hash: Int, bodyOffset: Int?) -> Int {
        var hasher = Hasher()
        hasher.combine(path)
        guard let bodyOffset else {
            hasher.combine(hash)
            return hasher.finalize()
        }
        var text = text
        text.withUTF8 { bytes in
            let kept = min(bodyOffset, bytes.count)
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[..<kept])))
        }
        return hasher.finalize()
    }
}
