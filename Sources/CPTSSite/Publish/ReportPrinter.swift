import CPTSDomain
import Foundation

/// Prints a page of the site to PDF with headless Chromium (`--print-to-pdf`), as the browser prints it: the
/// print stylesheet sets the A4 page, the cover, the running header and the page numbers (CSS page margin boxes,
/// which Chromium supports since version 131), so no header or footer of Chromium's own is added.
public enum ReportPrinter {
    public enum Failure: Error, CustomStringConvertible {
        /// No Chromium on this machine.
        case chromiumMissing
        case chromiumFailed(status: Int32, output: String)
        case timedOut(seconds: Int)
        /// The page to print is no file of the built site (a path leaving it).
        case notInSite(page: String)
        /// A file-system or process step around Chromium failed (its scratch folder, starting it).
        case system(code: Int32)

        public var description: String {
            switch self {
            case .chromiumMissing:
                "Chromium is not installed (looked for \(ReportPrinter.candidates.joined(separator: ", ")) in PATH, and CPTS_CHROMIUM)"
            case .chromiumFailed(let status, let output):
                "Chromium exited with status \(status): \(output.suffix(400))"
            case .timedOut(let seconds):
                "Chromium did not finish printing within \(seconds) s"
            case .notInSite(let page):
                "\(page) is not a page of the built site"
            case .system(let code):
                "could not run Chromium: \(String(cString: strerror(code)))"
            }
        }

        /// Why, in both languages: Chromium's own output stays out of the French text.
        public var reason: SystemReason {
            switch self {
            case .chromiumMissing:
                SystemReason(fr: "Chromium est introuvable : installez le paquet Debian « chromium » ou indiquez son chemin dans CPTS_CHROMIUM"
                                 .replacingOccurrences(of: " :", with: "\u{202F}:").replacingOccurrences(of: "« ", with: "«\u{202F}")
                                 .replacingOccurrences(of: " »", with: "\u{202F}»"),
                             en: description)
            case .chromiumFailed(let status, _):
                SystemReason(fr: "Chromium s’est arrêté avec le code \(status) (vérifiez qu’il se lance : chromium --headless --version)"
                                 .replacingOccurrences(of: " :", with: "\u{202F}:"),
                             en: description)
            case .timedOut(let seconds):
                SystemReason(fr: "Chromium n’a pas fini d’imprimer en \(seconds)\u{A0}s", en: description)
            case .system(let code):
                SystemReason(fr: "Chromium n’a pas pu être lancé (\(SystemReason(errno: code).fr))", en: description)
            case .notInSite(let page):
                SystemReason(fr: "«\u{202F}\(page)\u{202F}» n’est pas une page du site construit", en: description)
            }
        }
    }

    static let candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
    /// Seconds Chromium may take to print one page: `CPTS_PDF_TIMEOUT` when set to a whole number of seconds (the
    /// tests use 1), else 120.
    static var timeout: Int {
        ProcessInfo.processInfo.environment["CPTS_PDF_TIMEOUT"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? 120
    }
    /// Seconds Chromium is given to exit after SIGTERM before it is sent SIGKILL: one that ignores SIGTERM must not
    /// keep the command waiting forever.
    static let terminationGrace: TimeInterval = 2

    /// The Chromium to run: `CPTS_CHROMIUM` if set, else the first of `candidates` found in `PATH`.
    public static func chromium() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let chosen = environment["CPTS_CHROMIUM"], !chosen.isEmpty {
            return FileManager.default.isExecutableFile(atPath: chosen) ? chosen : nil
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in candidates {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return folder + "/" + name
            }
        }
        return nil
    }

    /// A failure while printing one page: which page, and why.
    public struct PageFailure: Error {
        public let page: String
        public let failure: Failure
    }

    /// The PDFs of the pages at `pages` (paths under `site`, the built site's folder), in order. Chromium reads them
    /// from a loopback server of `site` (`PrintServer`), never from `file://`: a page can show the site's own files
    /// and no other file of the machine. Every failure is a `PageFailure` naming the page it stopped at.
    public static func print(pages: [String], in site: String) async throws -> [[UInt8]] {
        guard let chromium = chromium() else { throw PageFailure(page: pages.first ?? "", failure: .chromiumMissing) }
        let served = PrintServer.Handler(root: PrintServer.realPath(site) ?? site)
        if let outside = pages.first(where: { served.file(for: "/" + $0) == nil }) {
            throw PageFailure(page: outside, failure: .notInSite(page: outside))
        }
        do {
            return try await PrintServer.serving(site) { address in
                var printed: [[UInt8]] = []
                for page in pages {
                    let path = page.split(separator: "/").map {
                        String($0).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? String($0)
                    }.joined(separator: "/")
                    do {
                        printed.append(try await print(url: address + path, with: chromium))
                    } catch let failure as Failure {
                        throw PageFailure(page: page, failure: failure)
                    } catch {
                        throw PageFailure(page: page, failure: .system(code: AtomicWriter.posixCode(of: error)))
                    }
                }
                return printed
            }
        } catch let failure as PageFailure {
            throw failure
        } catch {
            throw PageFailure(page: pages.first ?? "", failure: .system(code: AtomicWriter.posixCode(of: error)))
        }
    }

    /// The PDF of the page at `url`, printed by `chromium`.
    static func print(url: String, with chromium: String) async throws -> [UInt8] {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cpts-site-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("page.pdf")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = [
            "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-extensions", "--no-proxy-server",
            "--user-data-dir=" + scratch.appendingPathComponent("profile").path,
            "--no-pdf-header-footer", "--print-to-pdf=" + output.path, url,
        ]
        let log = scratch.appendingPathComponent("chromium.log")
        // A log that could not be created fails just below, where `FileHandle` says why.
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let limit = timeout
        guard await wait(for: process, seconds: TimeInterval(limit)) else {
            process.terminate()
            if await !wait(for: process, seconds: terminationGrace) { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            throw Failure.timedOut(seconds: limit)
        }
        guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: output.path), !data.isEmpty else {
            let text = (FileManager.default.contents(atPath: log.path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            throw Failure.chromiumFailed(status: process.terminationStatus, output: text)
        }
        return [UInt8](data)
    }

    /// Whether `process` ended within `seconds`; polls without holding a thread, since the print server answers
    /// Chromium from the same cooperative pool.
    static func wait(for process: Process, seconds: TimeInterval) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning {
            if Date() > deadline { return false }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return true
    }
}
