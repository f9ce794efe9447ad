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
            }
        }
    }

    static let candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
    static let timeout = 120

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

    /// The PDF of the HTML file at `page`; every failure is a `Failure`.
    public static func print(page: String) throws -> [UInt8] {
        do {
            return try run(page: page)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure.system(code: AtomicWriter.posixCode(of: error))
        }
    }

    private static func run(page: String) throws -> [UInt8] {
        guard let chromium = chromium() else { throw Failure.chromiumMissing }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cpts-site-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("page.pdf")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = [
            "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-extensions",
            "--user-data-dir=" + scratch.appendingPathComponent("profile").path,
            "--no-pdf-header-footer", "--print-to-pdf=" + output.path,
            URL(fileURLWithPath: page).absoluteString,
        ]
        let log = scratch.appendingPathComponent("chromium.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(TimeInterval(timeout))
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                process.waitUntilExit()
                throw Failure.timedOut(seconds: timeout)
            }
            usleep(50_000)
        }
        guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: output.path), !data.isEmpty else {
            let text = (FileManager.default.contents(atPath: log.path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            throw Failure.chromiumFailed(status: process.terminationStatus, output: text)
        }
        return [UInt8](data)
    }
}
