import CPTSDomain

/// The hash of each CPTS file's front matter — its text before the projet de santé — for the pages that show a CPTS
/// but not its text (lists, the methodology, the validation page, a report's running head). Kept from one save to
/// the next: a file whose text hash did not change keeps its front matter's hash.
struct FrontMatterHashes: Sendable {
    private var textHashes: [String: Int] = [:]
    /// By path.
    private(set) var hashes: [String: Int] = [:]

    /// Brings the hashes up to date with the CPTS of `content`, given each file's text and its hash.
    mutating func update(_ content: SiteContent, sources: [String: String], textHashes current: [String: Int]) {
        for cpts in content.cpts {
            let textHash = current[cpts.file]
            if let textHash, textHashes[cpts.file] == textHash { continue }
            var hasher = Hasher()
            if var text = sources[cpts.file] {
                text.withUTF8 { bytes in
                    let kept = min(max(cpts.bodyStart.offset, 0), bytes.count)
                    hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[..<kept])))
                }
            } else {
                // No text kept for it: its whole hash stands for its front matter.
                hasher.combine(textHash)
            }
            textHashes[cpts.file] = textHash
            hashes[cpts.file] = hasher.finalize()
        }
    }
}
