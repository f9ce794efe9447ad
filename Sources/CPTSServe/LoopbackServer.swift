import FlyingSocks
import Foundation

/// A small HTTP/1.1 server on FlyingSocks' sockets: each connection's request head is read by
/// `RequestHeadReader` (bounded, constant time per byte), answered by `respond`, and the connection closed.
/// FlyingFox's own HTTP server reads heads in quadratic time with no limit, and offers no hook to bound it.
final class LoopbackServer: Sendable {
    /// What the server sends back for one request.
    struct Response: Sendable {
        var status: Int
        var headers: [(String, String)]
        var body: [UInt8]
    }

    /// How long a client may take to send its request head.
    static let headTimeout: Duration = .seconds(30)
    /// What is read and thrown away, at most, after refusing a head, so that the client reads the refusal
    /// rather than a connection reset.
    static let drainLimit = 4 * 1024 * 1024

    let socket: Socket
    let respond: @Sendable (RequestHeadReader.Head) async -> Response

    /// Binds and listens on `ip4:port` (`port` 0 picks a free one).
    init(ip4: String, port: UInt16, respond: @escaping @Sendable (RequestHeadReader.Head) async -> Response) throws {
        let socket = try Socket(domain: AF_INET)
        try socket.setValue(true, for: .localAddressReuse)
        try socket.bind(to: sockaddr_in.inet(ip4: ip4, port: port))
        try socket.listen()
        self.socket = socket
        self.respond = respond
    }

    /// The address actually bound.
    var address: Socket.Address? { try? socket.sockname() }

    /// Accepts and answers connections until cancelled.
    func run() async throws {
        let pool = SocketPool<Poll>.make()
        try await pool.prepare()
        let listener = try AsyncSocket(socket: socket, pool: pool)
        defer { try? listener.close() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await pool.run() }
            group.addTask {
                try await withThrowingDiscardingTaskGroup { connections in
                    for try await client in listener.sockets {
                        connections.addTask { [self] in await serve(client) }
                    }
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    private func serve(_ client: AsyncSocket) async {
        defer { try? client.close() }
        guard let outcome = try? await readHead(from: client) else { return }
        switch outcome {
        case .head(let head):
            let response = await respond(head)
            try? await client.write(Self.encode(response, withBody: head.method != "HEAD"))
        case .refused(let status):
            let words = Self.reasons[status] ?? ""
            let refusal = Response(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")],
                                   body: Array((words + "\n").utf8))
            try? await client.write(Self.encode(refusal, withBody: true))
            await drain(client)
        case .needMore:
            return
        }
    }

    /// Reads until the head is complete or refused, within `headTimeout`; nil when the client leaves first.
    private func readHead(from client: AsyncSocket) async throws -> RequestHeadReader.Outcome? {
        try await withThrowingTaskGroup(of: RequestHeadReader.Outcome?.self) { group in
            group.addTask {
                var reader = RequestHeadReader()
                while true {
                    let bytes = try await client.read(atMost: 4096)
                    if bytes.isEmpty { return nil }
                    let outcome = reader.feed(bytes)
                    if outcome != .needMore { return outcome }
                }
            }
            group.addTask {
                try await Task.sleep(for: Self.headTimeout)
                return nil
            }
            defer { group.cancelAll() }
            return try await group.next() ?? nil
        }
    }

    /// Closes the sending side, then reads and discards what the client still sends (up to `drainLimit`, for
    /// at most a few seconds): closing with unread bytes would reset the connection and lose the answer.
    private func drain(_ client: AsyncSocket) async {
        _ = shutdown(client.socket.file.rawValue, Int32(SHUT_WR))
        _ = try? await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                var drained = 0
                while drained < Self.drainLimit {
                    let bytes = try await client.read(atMost: 4096)
                    if bytes.isEmpty { return }
                    drained += bytes.count
                }
            }
            group.addTask { try await Task.sleep(for: .seconds(5)) }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    static let reasons = [200: "OK", 400: "Bad Request", 404: "Not Found", 414: "URI Too Long",
                          431: "Request Header Fields Too Large"]

    /// The status line, the headers (with the body's length and `Connection: close`), then the body.
    static func encode(_ response: Response, withBody: Bool) -> Data {
        var head = "HTTP/1.1 \(response.status) \(reasons[response.status] ?? "Status")\r\n"
        for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(response.body.count)\r\nConnection: close\r\n\r\n"
        var data = Data(head.utf8)
        if withBody { data.append(contentsOf: response.body) }
        return data
    }
}
