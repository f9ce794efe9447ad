/// The head of one HTTP/1.1 request (request line and header fields), read with fixed bounds and in constant
/// time per byte: any web page open in a browser can send requests to 127.0.0.1, so a long URL or a flood of
/// header fields must cost no more than the bytes themselves, and be refused early.
///
/// FlyingFox 0.27.1 reads lines by collecting bytes and comparing the buffer's suffix after every byte, with no
/// size limit (quadratic: a 150 KB URL took 12 s, 1 MB froze the server); it has no hook to bound it, hence this
/// reader in front of the socket.
struct RequestHeadReader {
    /// Longer request lines are answered 414 (URI Too Long).
    static let maximumRequestLine = 8 * 1024
    /// A longer head (request line and header fields) is answered 431 (Request Header Fields Too Large).
    static let maximumHead = 32 * 1024

    /// A complete request head: what `serve` needs of it.
    struct Head: Equatable {
        var method: String
        /// The request target as sent: `/cpts/x/?q`, or an absolute URL.
        var target: String

        /// The target's path, percent-encoded as sent: no query, no fragment, no scheme and host.
        var path: String {
            var rest = Substring(target)
            for scheme in ["http://", "https://"] where rest.lowercased().hasPrefix(scheme) {
                rest = rest.dropFirst(scheme.count)
                rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
            }
            return String(rest.prefix { $0 != "?" && $0 != "#" })
        }
    }

    enum Outcome: Equatable {
        /// The head is not complete yet: feed more bytes.
        case needMore
        case head(Head)
        /// Refused with this status code (400, 414 or 431).
        case refused(Int)
    }

    private var buffer: [UInt8] = []
    /// Where the line being read starts.
    private var lineStart = 0
    /// The request line's end (its `\n`), once read.
    private var requestLineEnd: Int?
    private var outcome = Outcome.needMore

    /// Reads `bytes`; each byte is looked at once. Once an outcome other than `needMore` is reached, further
    /// bytes are ignored.
    mutating func feed(_ bytes: some Collection<UInt8>) -> Outcome {
        guard outcome == .needMore else { return outcome }
        for byte in bytes {
            guard buffer.count < Self.maximumHead else {
                outcome = .refused(requestLineEnd == nil ? 414 : 431)
                return outcome
            }
            buffer.append(byte)
            if requestLineEnd == nil, buffer.count > Self.maximumRequestLine {
                outcome = .refused(414)
                return outcome
            }
            guard byte == UInt8(ascii: "\n") else { continue }
            let end = buffer.count - 1
            let isEmptyLine = end == lineStart || (end == lineStart + 1 && buffer[lineStart] == UInt8(ascii: "\r"))
            if requestLineEnd == nil {
                // Empty lines before the request line are allowed (RFC 9112 §2.2).
                if !isEmptyLine { requestLineEnd = end }
            } else if isEmptyLine {
                outcome = head().map(Outcome.head) ?? .refused(400)
                return outcome
            }
            lineStart = buffer.count
        }
        return outcome
    }

    /// The request line's method and target; nil when it is not `METHOD target HTTP/x.y`.
    private func head() -> Head? {
        guard let requestLineEnd else { return nil }
        let line = String(decoding: buffer[..<requestLineEnd], as: UTF8.self)
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\r" || $0 == "\t" })
        guard words.count == 3, words[2].hasPrefix("HTTP/") else { return nil }
        return Head(method: String(words[0]), target: String(words[1]))
    }
}
