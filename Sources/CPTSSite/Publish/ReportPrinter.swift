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

        public var description: String {
            switch self {
            case .chromiumMissing:
                "Chromium is not installed (looked for \(ReportPrinter.candidates.joined(separator: ", ")) in PATH, and CPTS_CHROMIUM)"
            case .chromiumFailed(let status, let output):
                "Chromium exited with status \(status): \(output.suffix(400))"
            case .timedOut(let seconds):
                "Chromium did not finish printing within \(seconds) s"
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

    /// The PDF of the HTML file at `page`.
    public static func print(page: String) throws -> [UInt8] {
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
        let limit = timeout
        guard wait(for: process, seconds: TimeInterval(limit)) else {
            process.terminate()
            if !wait(for: process, seconds: terminationGrace) { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            throw Failure.timedOut(seconds: limit)
        }
        guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: output.path), !data.isEmpty else {
            let text = (FileManager.default.contents(atPath: log.path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            throw Failure.chromiumFailed(status: process.terminationStatus, output: text)
        }
        return [UInt8](data)
    }

    /// Whether `process` exited within `seconds`.
    static func wait(for process: Process, seconds: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning {
            if Date() > deadline { return false }
            usleep(50_000)
        }
        return true
    }
}
