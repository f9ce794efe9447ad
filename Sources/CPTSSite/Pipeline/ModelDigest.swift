import CPTSDomain

/// Everything the rules, the figures and the exports are made from — every content file, but for the text of the
/// projets de santé — folded into one number. `serve` compares it from one save to the next: editing a projet de
/// santé, the most common change by far, then re-validates, re-computes and re-exports nothing.
enum ModelDigest {
    /// - Parameter hashes: each file's whole-text hash, as the pages' keys use them: reused for all but CPTS files.
    static func of(_ content: SiteContent, sources: [String: String], hashes: [String: Int]) -> Int {
        let bodyOffsets = Dictionary(content.cpts.map { ($0.file, $0.bodyStart.offset) }, uniquingKeysWith: { first, _ in first })
        var hasher = Hasher()
        for (path, text) in sources.sorted(by: { $0.key < $1.key }) {
            hasher.combine(path)
            guard let bodyOffset = bodyOffsets[path] else {
                hasher.combine(hashes[path])
                continue
            }
            var text = text
            text.withUTF8 { bytes in
                // A CPTS file ends with its body: only what comes before it counts.
                let kept = min(bodyOffset, bytes.count)
                hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[..<kept])))
            }
        }
        hasher.combine(content.settings.baseURL)
        return hasher.finalize()
    }
}
