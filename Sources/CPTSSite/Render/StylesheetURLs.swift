import Foundation

/// The `url(…)` references of a stylesheet: read by `check --links`, and rewritten by the theme so that a
/// stylesheet keeps finding the theme's other assets under their fingerprinted names.
enum StylesheetURLs {
    /// One `url(…)`: the URL as written (quotes removed) and the byte range of it in the stylesheet.
    struct Reference {
        var url: String
        var range: Range<Int>
    }

    /// Every `url(…)` of `css` (any case, quoted or not), and every `@import "…"`.
    static func references(in css: [UInt8]) -> [Reference] {
        var found: [Reference] = []
        var index = 0
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }
        func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte }
        func matches(_ word: String, at start: Int) -> Bool {
            let bytes = Array(word.utf8)
            guard start + bytes.count <= css.count else { return false }
            return (0..<bytes.count).allSatisfy { lower(css[start + $0]) == bytes[$0] }
        }
        /// A quoted string starting at `start` (its quote): the range of its text, and the index after it.
        func quoted(at start: Int) -> (Range<Int>, Int)? {
            let quote = css[start]
            var end = start + 1
            while end < css.count, css[end] != quote, css[end] != 0x0A {
                end += css[end] == 0x5C ? 2 : 1
            }
            guard end < css.count, css[end] == quote else { return nil }
            return (start + 1..<end, end + 1)
        }
        while index < css.count {
            // Comments hold no reference.
            if css[index] == 0x2F, index + 1 < css.count, css[index + 1] == 0x2A {
                var end = index + 2
                while end + 1 < css.count, !(css[end] == 0x2A && css[end + 1] == 0x2F) { end += 1 }
                index = end + 2
                continue
            }
            if matches("url(", at: index) {
                var start = index + 4
                while start < css.count, isSpace(css[start]) { start += 1 }
                guard start < css.count else { break }
                if css[start] == 0x22 || css[start] == 0x27 {
                    guard let (range, after) = quoted(at: start) else { index = start + 1; continue }
                    found.append(Reference(url: String(decoding: css[range], as: UTF8.self), range: range))
                    index = after
                } else {
                    var end = start
                    while end < css.count, css[end] != 0x29, !isSpace(css[end]) { end += 1 }
                    found.append(Reference(url: String(decoding: css[start..<end], as: UTF8.self), range: start..<end))
                    index = end
                }
                continue
            }
            if matches("@import", at: index) {
                var start = index + 7
                while start < css.count, isSpace(css[start]) { start += 1 }
                if start < css.count, css[start] == 0x22 || css[start] == 0x27, let (range, after) = quoted(at: start) {
                    found.append(Reference(url: String(decoding: css[range], as: UTF8.self), range: range))
                    index = after
                    continue
                }
                index = start
                continue
            }
            index += 1
        }
        return found
    }

    /// Whether `url` points into the site by a relative path (no scheme, not `/…`, `//…`, `#…`, not empty).
    static func isRelative(_ url: String) -> Bool {
        guard !url.isEmpty, !url.hasPrefix("/"), !url.hasPrefix("#"), !url.hasPrefix("\\") else { return false }
        if let colon = url.firstIndex(of: ":"), !url[..<colon].contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) {
            return false
        }
        return true
    }

    /// `path` (`a/../b/c`) with `.` and `..` resolved from the folder `base` (as components); nil above the root.
    static func resolve(_ path: String, from base: [String]) -> String? {
        var parts = base
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    /// The stylesheet at `path` (under the assets folder) with each relative `url(…)` that names another asset
    /// (a key of `published`, by its path under the assets folder) pointing at that asset's published path instead
    /// (a value of `published`, under the same folder), relative to the stylesheet's own folder. Query and
    /// fragment (`font.woff2?#iefix`) are kept; other URLs are left as written.
    static func rewrite(_ css: [UInt8], at path: String, published: [String: String]) -> [UInt8] {
        let folder = Array(path.split(separator: "/").dropLast().map(String.init))
        var result: [UInt8] = []
        var last = 0
        for reference in references(in: css) where isRelative(reference.url) {
            var target = Substring(reference.url)
            var suffix = Substring("")
            if let end = target.firstIndex(where: { $0 == "?" || $0 == "#" }) {
                suffix = target[end...]
                target = target[..<end]
            }
            guard let resolved = resolve((String(target).removingPercentEncodingIfAny), from: folder),
                let destination = published[resolved]
            else { continue }
            let relative = Routes.relative(from: folder, to: destination) + suffix
            result += css[last..<reference.range.lowerBound]
            result += Array(relative.utf8)
            last = reference.range.upperBound
        }
        result += css[last...]
        return result
    }
}

extension String {
    /// Percent-decoded when that is valid, else as is.
    var removingPercentEncodingIfAny: String { removingPercentEncoding ?? self }
}
