import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Any web page open in the user's browser can send requests to `serve` on 127.0.0.1: a megabyte of URL or of
/// header fields is refused (414, 431) after a few KB, read at a constant cost per byte, and the server keeps
/// answering everyone else. FlyingFox 0.27.1 took 12 s over a 150 KB URL, and froze on 1 MB.
final class ServeRequestLimitTests: XCTestCase {
    typealias Server = ServeCommandTests.Server

    static let megabyte = 1 << 20

    func testAMegabyteRequestLineIsAnswered414() async throws {
        let site = try ScratchSite()
        let server = try Server(site: site)
        defer { server.stop() }
        let request = "GET /" + String(repeating: "a", count: Self.megabyte) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        let answer = try Self.exchange(Array(request.utf8), port: try Self.port(of: server))
        XCTAssertTrue(answer.hasPrefix("HTTP/1.1 414 URI Too Long\r\n"), String(answer.prefix(200)))
        let status = try await server.get("").status
        XCTAssertEqual(status, 200)
    }

    func testAMegabyteOfHeaderFieldsIsAnswered431() async throws {
        let site = try ScratchSite()
        let server = try Server(site: site)
        defer { server.stop() }
        let fields = (0..<(Self.megabyte / 32)).map { "X-Champ-\($0): " + String(repeating: "v", count: 16) + "\r\n" }.joined()
        let request = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + fields + "\r\n"
        let answer = try Self.exchange(Array(request.utf8), port: try Self.port(of: server))
        XCTAssertTrue(answer.hasPrefix("HTTP/1.1 431 Request Header Fields Too Large\r\n"), String(answer.prefix(200)))
        let status = try await server.get("").status
        XCTAssertEqual(status, 200)
    }

    /// Two clients sending a megabyte of URL each, a byte at a time in small writes, starve nobody: `GET /`
    /// answers while they are still sending.
    func testClientsSendingHugeRequestsDoNotStarveOthers() async throws {
        let site = try ScratchSite()
        let server = try Server(site: site)
        defer { server.stop() }
        let port = try Self.port(of: server)
        let request = Array(("GET /" + String(repeating: "b", count: Self.megabyte) + " HTTP/1.1\r\n\r\n").utf8)
        let answers = Answers()
        let done = DispatchGroup()
        for _ in 0..<2 {
            DispatchQueue.global().async(group: done) {
                answers.add((try? Self.exchange(request, port: port, chunk: 512)) ?? "failed")
            }
        }
        let home = try await server.get("")
        XCTAssertEqual(home.status, 200)
        XCTAssertTrue(home.body.contains("<h1>Les CPTS en Région de test</h1>"))
        XCTAssertEqual(done.wait(timeout: .now() + 300), .success, "the huge requests were never answered")
        let both = answers.all.map { String($0.prefix(40)) }
        XCTAssertEqual(both.filter { $0.hasPrefix("HTTP/1.1 414 URI Too Long\r\n") }.count, 2, "\(both)")
        let page = try await server.get("cpts/sud-lochois/").status
        XCTAssertEqual(page, 200)
    }

    func testAHeadRequestGetsTheHeadersWithoutTheBody() throws {
        let site = try ScratchSite()
        let server = try Server(site: site)
        defer { server.stop() }
        let answer = try Self.exchange(Array("HEAD / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8), port: try Self.port(of: server))
        XCTAssertTrue(answer.hasPrefix("HTTP/1.1 200 OK\r\n"), answer)
        XCTAssertTrue(answer.contains("Content-Type: text/html; charset=utf-8\r\n"), answer)
        XCTAssertTrue(answer.hasSuffix("\r\n\r\n"), "no body: \(answer.suffix(100))")
    }

    final class Answers: @unchecked Sendable {
        private let lock = NSLock()
        private var answers: [String] = []
        func add(_ answer: String) { lock.withLock { answers.append(answer) } }
        var all: [String] { lock.withLock { answers } }
    }

    // MARK: - A raw TCP client

    static func port(of server: Server) throws -> UInt16 {
        let address = server.address  // http://127.0.0.1:PORT/
        return try XCTUnwrap(UInt16(address.split(separator: ":").last?.dropLast() ?? ""), address)
    }

    /// Sends `request` to 127.0.0.1:`port` in writes of `chunk` bytes while reading the answer on another thread;
    /// what was read once the server closes. A refused request may be answered before it is all sent: a write
    /// failing then is expected.
    static func exchange(_ request: [UInt8], port: UInt16, chunk: Int = 64 * 1024) throws -> String {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EIO) }
        defer { close(socket) }
        var timeout = timeval(tv_sec: 120, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        let sent = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            var offset = 0
            while offset < request.count {
                let count = min(chunk, request.count - offset)
                let written = request[offset..<(offset + count)].withUnsafeBytes { send(socket, $0.baseAddress, count, Int32(MSG_NOSIGNAL)) }
                if written <= 0 { break }
                offset += written
            }
            sent.signal()
        }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, 4096, 0) }
            if count <= 0 { break }
            answer += buffer[..<count]
        }
        shutdown(socket, Int32(SHUT_RDWR))
        sent.wait()
        return String(decoding: answer, as: UTF8.self)
    }
}
