/// A file of the generated site, in memory until the write stage.
public struct OutputFile: Sendable {
    /// Relative to the output folder, `/`-separated (`cpts/sud-lochois/index.html`).
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// A path is written only if it stays inside the output folder: not empty, relative, without `\\` or NUL,
    /// and every `/`-separated component neither empty nor `.` nor `..`. One pass over the UTF-8 bytes (every
    /// page's path is checked as it is written).
    static func isContained(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            var componentStart = 0
            var index = 0
            while index <= bytes.count {
                let byte = index < bytes.count ? bytes[index] : UInt8(ascii: "/")
                if byte == UInt8(ascii: "\\") || byte == 0 { return false }
                if byte == UInt8(ascii: "/") {
                    let length = index - componentStart
                    if length == 0 { return false }
                    let dots = bytes[componentStart] == UInt8(ascii: ".")
                    if dots && (length == 1 || (length == 2 && bytes[componentStart + 1] == UInt8(ascii: "."))) { return false }
                    componentStart = index + 1
                }
                index += 1
            }
            return true
        }
    }
}
