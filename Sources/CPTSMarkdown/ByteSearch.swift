extension StringProtocol {
    /// Whether the text holds `needle`, compared byte for byte in UTF-8. With Foundation imported,
    /// `contains(_: String)` goes through `NSString.range(of:)`, which converts the whole text to UTF-16 first: on
    /// every Markdown body at load, that was a tenth of a build's instructions.
    public func containsBytes(_ needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let first = pattern.first else { return true }
        let bytes = utf8
        var index = bytes.startIndex
        while let found = bytes[index...].firstIndex(of: first) {
            if bytes[found...].starts(with: pattern) { return true }
            index = bytes.index(after: found)
        }
        return false
    }
}
