import CPTSTemplates

/// The bytes of a data file as an export makes them. With a sink, each megabyte goes on to it as soon as it is
/// made, so that a national export never sits whole in memory: at 100 000 CPTS, `site.json` alone weighs
/// 330 MB and the indicators spreadsheet 100 MB. Without one (`serve`), the bytes are kept.
struct ExportBuffer {
    private(set) var bytes: [UInt8] = []
    /// Takes the next bytes; false when it could not (errno tells why).
    private let sink: (([UInt8]) -> Bool)?
    /// Whether the sink failed: exports go on writing without checking, and `finish()` says so.
    private var failed = false
    static let flushSize = 1 << 20

    init(sink: (([UInt8]) -> Bool)? = nil) {
        self.sink = sink
        bytes.reserveCapacity(sink == nil ? 4096 : ExportBuffer.flushSize + 65536)
    }

    /// An empty buffer that allocates nothing, to stand in for one lent to a writer (`writeJSON`).
    init(placeholder: ()) {
        sink = nil
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: buffer)
        if bytes.count >= ExportBuffer.flushSize { flush() }
    }

    mutating func append(contentsOf other: some Collection<UInt8>) {
        bytes.append(contentsOf: other)
        if bytes.count >= ExportBuffer.flushSize { flush() }
    }

    /// A literal (`null`, `true`), without making a `String` of it.
    mutating func append(ascii text: StaticString) {
        text.withUTF8Buffer { append($0) }
    }

    /// `text` escaped as `XML.escape` escapes it (`&lt;`, `&amp;`, `&#39;`…), without making the escaped `String`.
    mutating func append(escapingXML text: String) {
        TemplateLibrary.escapeHTML(text, into: &bytes)
        if bytes.count >= ExportBuffer.flushSize { flush() }
    }

    /// `count` spaces (an indentation).
    mutating func append(spaces count: Int) {
        var left = count
        while left > 0 {
            let part = min(left, ExportBuffer.spaces.count)
            ExportBuffer.spaces.withUnsafeBufferPointer { append(UnsafeBufferPointer(rebasing: $0[..<part])) }
            left -= part
        }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    /// An integer in decimal digits, `-` first when negative, as `String(value)` writes it, without making one.
    mutating func append(decimal value: Int) {
        // One digit (a contract year, a tranche): no buffer of digits.
        if value >= 0 && value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        // 20 digits hold any UInt64; written from the last, then copied in order.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// Hands what is left to the sink; false if the sink failed at any point.
    mutating func finish() -> Bool {
        flush()
        return !failed
    }

    private mutating func flush() {
        guard let sink else { return }
        if !failed && !sink(bytes) { failed = true }
        bytes.removeAll(keepingCapacity: true)
    }
}

/// A data file of the site (`data/site.json`, `sitemap.xml`…), made straight into an `ExportBuffer`.
struct Export {
    let path: String
    let write: (inout ExportBuffer) -> Void

    init(path: String, write: @escaping (inout ExportBuffer) -> Void) {
        self.path = path
        self.write = write
    }

    /// A small file made whole.
    init(_ file: OutputFile) {
        self.init(path: file.path) { $0.append(contentsOf: file.bytes) }
    }

    /// Its bytes, made in memory.
    var file: OutputFile {
        var buffer = ExportBuffer()
        write(&buffer)
        return OutputFile(path: path, bytes: buffer.bytes)
    }
}
