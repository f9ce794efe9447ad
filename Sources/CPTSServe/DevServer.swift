import CPTSDomain
import CPTSSite
import FlyingSocks
import Foundation

/// `cpts-site serve`: builds the site in memory, serves it on the loopback interface, rebuilds what a save
/// changes, and reloads the open pages. A failed build keeps the last good site served and shows its
/// diagnostics over the page.
public final class DevServer: Sendable {
    /// What to build; its `baseURL` is set once the port is known (`--port 0` picks one).
    let options: BuildOptions
    let state: SiteState
    let watcher: FolderWatcher
    let port: UInt16
    /// Called after each build with its outcome, its duration, and whether a good site is served, for the terminal.
    let log: @Sendable (BuildOutcome, Duration, Bool) -> Void

    public init(options: BuildOptions, port: UInt16, language: Language,
                log: @escaping @Sendable (BuildOutcome, Duration, Bool) -> Void) {
        state = SiteState(language: language)
        var options = options
        options.mode = .memory
        self.options = options
        watcher = FolderWatcher(folders: [options.contentDirectory, options.themesDirectory])
        self.port = port
        self.log = log
    }

    /// Listens, builds once with the port actually bound in the site's absolute URLs (feed, sitemap, robots.txt),
    /// then serves and watches until cancelled. `ready` receives the address being listened on.
    public func run(ready: @Sendable (String) -> Void) async throws {
        do {
            try await serve(ready: ready)
        } catch SocketError.failed(_, let errno, _) where errno == EADDRINUSE {
            throw Failure.portInUse
        }
    }

    /// Why serving could not start, for the CLI to say in one sentence.
    public enum Failure: Error {
        case portInUse
    }

    func serve(ready: @Sendable (String) -> Void) async throws {
        let baseline = watcher.snapshot()
        let handler = Handler(state: state)
        let server = try LoopbackServer(ip4: "127.0.0.1", port: port) { head in await handler.respond(to: head.path) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            var options = options
            var address = "http://127.0.0.1:\(port)/"
            if case .ip4(let host, let boundPort)? = server.address {
                address = "http://\(host):\(boundPort)/"
            }
            options.baseURL = address
            let session = SiteSession(options: options)
            await rebuild(session)
            ready(address)
            group.addTask { [self] in
                await watcher.watch(from: baseline) { await self.rebuild(session) }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    func rebuild(_ session: SiteSession) async {
        let clock = ContinuousClock()
        let start = clock.now
        let outcome = await session.build()
        await state.update(with: outcome)
        log(outcome, clock.now - start, await state.servesASite)
    }

    struct Handler: Sendable {
        let state: SiteState

        /// The answer to a request for `path` (percent-encoded, as sent).
        func respond(to path: String) async -> LoopbackServer.Response {
            switch path {
            case LiveReload.scriptPath:
                return response(200, type: "text/javascript; charset=utf-8", Array(LiveReload.script.utf8))
            case LiveReload.statusPath:
                let status = LiveReload.status(version: await state.version, failure: await state.failure,
                                               served: await state.servesASite, language: state.language)
                return response(200, type: "application/json", Array(status.utf8))
            default:
                break
            }
            for candidate in Self.candidates(for: path) {
                if let bytes = await state.file(candidate) {
                    var headers = [("Content-Type", Self.contentType(of: candidate)), ("Cache-Control", "no-store"),
                                   ("X-Content-Type-Options", "nosniff")]
                    if Self.isScriptableDocument(candidate) {
                        headers.append(("Content-Security-Policy", Self.fileSecurityPolicy))
                    }
                    return LoopbackServer.Response(status: 200, headers: headers, body: Self.served(candidate, bytes))
                }
            }
            let page = await state.file(Routes.notFound) ?? Array("Page introuvable".utf8)
            return response(404, type: "text/html; charset=utf-8", LiveReload.inject(into: page))
        }

        /// `/` → `index.html`; `/cpts/x/` → `cpts/x/index.html`; `/cpts/x` → `cpts/x` then `cpts/x/index.html`.
        static func candidates(for urlPath: String) -> [String] {
            let path = (urlPath.removingPercentEncoding ?? urlPath).drop { $0 == "/" }
            guard !path.split(separator: "/").contains(where: { $0 == ".." }) else { return [] }
            if path.isEmpty { return [SiteRoutes.index] }
            if path.hasSuffix("/") { return [path + SiteRoutes.index] }
            return [String(path), path + "/" + SiteRoutes.index]
        }

        /// Sent with the documents that could run a script and are no page of the site (SVG, XML): opened directly,
        /// such a file runs none and loads nothing but the site's images and its own styles (`sandbox`: in an origin of
        /// its own). The pages carry their own policy (`base.mustache`); a PDF gets none, for Chromium will not show a
        /// PDF in a sandbox. `docs/guide.md` gives the same headers for hosts.
        static let fileSecurityPolicy = "default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self'; sandbox"

        static func isScriptableDocument(_ path: String) -> Bool {
            ["svg", "xml", "xsl", "xslt"].contains(path.split(separator: ".").last?.lowercased() ?? "")
        }

        static func served(_ path: String, _ bytes: [UInt8]) -> [UInt8] {
            path.hasSuffix(".html") ? LiveReload.inject(into: bytes) : bytes
        }

        static func contentType(of path: String) -> String {
            switch path.split(separator: ".").last {
            case "html": "text/html; charset=utf-8"
            case "css": "text/css; charset=utf-8"
            case "js": "text/javascript; charset=utf-8"
            case "json": "application/json"
            case "xml": "application/xml"
            case "csv": "text/csv; charset=utf-8"
            case "svg": "image/svg+xml"
            case "txt": "text/plain; charset=utf-8"
            case "png": "image/png"
            default: "application/octet-stream"
            }
        }

        func response(_ status: Int, type: String, _ body: [UInt8]) -> LoopbackServer.Response {
            LoopbackServer.Response(status: status, headers: [("Content-Type", type), ("Cache-Control", "no-store"),
                                                              ("X-Content-Type-Options", "nosniff")], body: body)
        }
    }
}
