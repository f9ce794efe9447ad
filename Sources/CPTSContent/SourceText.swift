import CPTSDomain
import CPTSMarkdown

/// A content file's text, made ready for parsing: UTF-8 checked, byte order mark and CRLF line ends removed.
struct SourceText {
    var text: String
    var diagnostics: [Diagnostic]

    /// Decodes `bytes`; invalid UTF-8 is an error pointing at the first bad byte's line and column,
    /// and the text is still returned with replacement characters so that the rest can be checked.
    init(bytes: [UInt8], path: String) {
        var diagnostics: [Diagnostic] = []
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) {
            body = body.dropFirst(3)
        }
        // UTF-16 (Excel's "Unicode text", Windows Notepad's "Unicode"): one error, not its bytes read as Latin-1.
        if SourceText.looksUTF16(body) {
            self.text = ""
            self.diagnostics = [.error(.encodingUTF16, at: SourceLocation(file: path, line: 1, column: 1))]
            return
        }
        // The standard library's validation is the fast path; the offset is looked for only in a broken file.
        let valid = body.withUnsafeBufferPointer { UTF8Text.string(validating: $0) }
        if valid == nil, let offset = SourceText.firstInvalidUTF8Offset(body) {
            // Lines end at LF, CRLF or a lone CR, as in the text once its line ends are made LF.
            let prefix = body[body.startIndex..<(body.startIndex + offset)]
            var line = 1
            var lineStart = body.startIndex
            for index in prefix.indices where prefix[index] == 0x0A || prefix[index] == 0x0D {
                if prefix[index] == 0x0A, index > prefix.startIndex, prefix[index - 1] == 0x0D {
                    lineStart = index + 1
                    continue
                }
                line += 1
                lineStart = index + 1
            }
            let column = String(decoding: body[lineStart..<(body.startIndex + offset)], as: UTF8.self).unicodeScalars.count + 1
            // A lone byte above 0x7F followed by ASCII is how Latin-1 or Windows-1252 (Excel's "CSV") writes é, è, à.
            let byte = body[body.startIndex + offset]
            let next = body.startIndex + offset + 1 < body.endIndex ? body[body.startIndex + offset + 1] : nil
            let latin1 = byte >= 0x80 && (next.map { $0 < 0x80 || $0 >= 0xC0 } ?? true)
            diagnostics.append(.error(.encodingInvalid(byte: byte, latin1: latin1), at: SourceLocation(file: path, line: line, column: column)))
        }
        var text = valid ?? String(decoding: body, as: UTF8.self)
        // `memchr`: a Swift loop over the file's bytes cost about as much as validating them.
        if body.withUnsafeBufferPointer({ ByteSearch.firstOffset(of: 13, in: $0) }) != nil {
            text = text.replacingCRLF()
        }
        self.text = text
        self.diagnostics = diagnostics
    }

    /// A UTF-16 byte order mark, or text whose every other byte of its start is NUL (ASCII in UTF-16 without one).
    static func looksUTF16(_ bytes: ArraySlice<UInt8>) -> Bool {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return true }
        let start = bytes.prefix(64)
        guard start.count >= 8, start.count % 2 == 0 else { return false }
        // Whether every even (odd) byte of the start is NUL, and whether any is.
        var allNUL = (even: true, odd: true), anyNUL = (even: false, odd: false)
        for (offset, byte) in start.enumerated() {
            if offset % 2 == 0 {
                allNUL.even = allNUL.even && byte == 0
                anyNUL.even = anyNUL.even || byte == 0
            } else {
                allNUL.odd = allNUL.odd && byte == 0
                anyNUL.odd = anyNUL.odd || byte == 0
            }
        }
        return allNUL.even && !anyNUL.odd || allNUL.odd && !anyNUL.even
    }

    static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var consumed = 0
        // Decode scalar by scalar, tracking byte offsets through the scalar's encoded length.
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                consumed = UTF8.width(scalar)
                offset += consumed
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }
}

extension String {
    /// `\r\n` and lone `\r` become `\n`, so that line numbers match what editors show.
    func replacingCRLF() -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        var previousWasCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" {
                result.unicodeScalars.append("\n")
                previousWasCR = true
                continue
            }
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
