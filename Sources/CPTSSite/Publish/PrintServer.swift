import CPTSDomain
import FlyingFox
import FlyingSocks
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The built site, served on the loopback interface while Chromium prints its reports. Printed from `file://`, a
/// page could show any file of the build machine (`<img src="/etc/…">` or `../../../x.png` is `'self'` there); printed
/// from this server, it sees the files of the built site and nothing else: a path leaving it (`..`, a symbolic link
/// out) or naming no regular file is answered 404.
enum PrintServer {
    enum Failure: Error, CustomStringConvertible {
        case noAddress

        var description: String { "the print server did not get a loopback address" }
    }

    /// Serves the folder `root` for the time of `body`, which receives the site's address
    /// (`http://127.0.0.1:<port>/`, a port the system picks).
    static func serving<Result: Sendable>(_ root: String, _ body: (String) async throws -> Result) async throws -> Result {
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), logger: .disabled,
                                handler: Handler(root: realPath(root) ?? root))
        let running = Task { try await server.run() }
        do {
            try await server.waitUntilListening()
            guard case .ip4(let host, let port)? = await server.listeningAddress else { throw Failure.noAddress }
            let result = try await body("http://\(host):\(port)/")
            await server.stop()
            running.cancel()
            return result
        } catch {
            await server.stop()
            running.cancel()
            throw error
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    struct Handler: HTTPHandler {
        /// The built site's folder, every symbolic link resolved.
        let root: String

        func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
            guard request.method == .GET || request.method == .HEAD, let file = file(for: request.path),
                let bytes = FileManager.default.contents(atPath: file)
            else {
                return HTTPResponse(statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                                    body: Data("not found".utf8))
            }
            return HTTPResponse(statusCode: .ok, headers: [.contentType: Self.contentType(of: file)], body: bytes)
        }

        /// The regular file of the site a request path names (`/` and `…/` name their `index.html`), or nil when
        /// it names none or leaves the site.
        func file(for urlPath: String) -> String? {
            let decoded = urlPath.removingPercentEncoding ?? urlPath
            guard !decoded.contains("\0") else { return nil }
            let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
            guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { return nil }
            var relative = segments.joined(separator: "/")
            if decoded.hasSuffix("/") || relative.isEmpty { relative += (relative.isEmpty ? "" : "/") + SiteRoutes.index }
            guard let resolved = PrintServer.realPath(root + "/" + relative), resolved.hasPrefix(root + "/") else { return nil }
            var status = stat()
            guard stat(resolved, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
            return resolved
        }

        static func contentType(of path: String) -> String {
            switch path.split(separator: ".").last?.lowercased() {
            case "html": "text/html; charset=utf-8"
            case "css": "text/css; charset=utf-8"
            case "js": "text/javascript; charset=utf-8"
            case "json": "application/json"
            case "svg": "image/svg+xml"
            case "png": "image/png"
            case "jpg", "jpeg": "image/jpeg"
            case "gif": "image/gif"
            case "webp": "image/webp"
            case "avif": "image/avif"
            case "woff2": "font/woff2"
            case "woff": "font/woff"
            default: "application/octet-stream"
            }
        }
    }
}
