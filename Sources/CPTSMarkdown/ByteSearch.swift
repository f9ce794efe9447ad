#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte searches through the C library's `memchr` and `memcmp`, which read a word or a vector register at a time
/// where a Swift loop over `String.UTF8View` indices costs tens of instructions a byte. (Glibc's `memmem` is
/// declared only under `_GNU_SOURCE`, which Swift's Glibc module does not define.)
public enum ByteSearch {
    /// Whether `haystack` holds `needle`; an empty needle is found everywhere, even in an empty haystack.
    public static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        firstOffset(of: needle, in: haystack) != nil
    }

    /// The offset of the first occurrence of `needle` in `haystack`: 0 for an empty needle, nil when absent.
    /// Each candidate is found by `memchr` on the needle's first byte and confirmed by `memcmp`.
    public static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let needleBase = needle.baseAddress, !needle.isEmpty else { return 0 }
        guard let base = haystack.baseAddress, haystack.count >= needle.count else { return nil }
        let first = Int32(needleBase.pointee)
        // The last offset a whole needle still fits at.
        let last = haystack.count - needle.count
        var offset = 0
        while offset <= last {
            guard let found = memchr(base + offset, first, last - offset + 1) else { return nil }
            let candidate = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            if needle.count == 1 || memcmp(base + candidate + 1, needleBase + 1, needle.count - 1) == 0 { return candidate }
            offset = candidate + 1
        }
        return nil
    }

    /// The offset of the first `byte` in `haystack`, nil when absent.
    public static func firstOffset(of byte: UInt8, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = haystack.baseAddress, !haystack.isEmpty else { return nil }
        return memchr(base, Int32(byte), haystack.count).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) }
    }
}

extension StringProtocol {
    /// Whether the text holds `needle`, compared byte for byte in UTF-8 (`ByteSearch`). With Foundation imported,
    /// `contains(_: String)` goes through `NSString.range(of:)`, which converts the whole text to UTF-16 first: on
    /// every Markdown body at load, that was a tenth of a build's instructions.
    public func containsBytes(_ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { pattern in
            if let found = utf8.withContiguousStorageIfAvailable({ ByteSearch.contains($0, pattern) }) { return found }
            // A bridged or non-native string: searched in a native copy.
            var copy = String(self)
            return copy.withUTF8 { ByteSearch.contains($0, pattern) }
        }
    }
}
