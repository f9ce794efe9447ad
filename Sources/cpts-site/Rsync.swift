import CPTSDomain
import Foundation

/// Where `deploy` publishes, as rsync reads it: `host:path` or `user@host:path` (a colon before any slash) is a
/// server reached over ssh; anything else is a local folder, made absolute against the folder the command was
/// typed in.
struct RsyncTarget {
    let argument: String
    let isRemote: Bool

    init(_ destination: String, workingDirectory: String) {
        let beforeSlash = destination.prefix { $0 != "/" }
        isRemote = beforeSlash.contains(":")
        if isRemote || destination.hasPrefix("/") {
            argument = destination
        } else {
            argument = (workingDirectory.hasSuffix("/") ? workingDirectory : workingDirectory + "/") + destination
        }
    }
}

/// One change rsync made (or would make), from its `--itemize-changes` line.
struct RsyncChange: Equatable {
    enum Kind: Equatable { case added, updated, deleted, folderAdded, linkAdded, linkUpdated }
    let kind: Kind
    let path: String

    /// `%i %n%L`: eleven characters (`>f+++++++++`, `>fc.........`, `cd+++++++++`, `*deleting  `), a space, the
    /// name, and ` -> target` for a symbolic link.
    init?(itemized line: Substring) {
        guard line.count > 12 else { return nil }
        let code = line.prefix(11), name = String(line.dropFirst(12))
        // rsync's other lines (`created directory …`) are not changes; nor is the destination folder itself (`./`).
        guard let update = code.first, "<>ch.*".contains(update), name != "./" else { return nil }
        if update != "*" { guard let type = code.dropFirst().first, "fdLDS".contains(type) else { return nil } }
        if code.hasPrefix("*deleting") {
            kind = .deleted
        } else {
            let type = code.dropFirst().first, isNew = code.dropFirst(2).hasPrefix("+++")
            switch type {
            case "d": kind = .folderAdded
            case "L": kind = isNew ? .linkAdded : .linkUpdated
            default: kind = isNew ? .added : .updated
            }
            // A folder that already exists shows only when its attributes change: no change to its content.
            if type == "d" && !isNew { return nil }
        }
        path = name
    }

    init(kind: Kind, path: String) {
        self.kind = kind
        self.path = path
    }

    /// One line, the change's word then the path, aligned.
    func text(in language: Language) -> String {
        let word: String = switch (kind, language) {
        case (.added, .fr): "ajouté"
        case (.updated, .fr): "modifié"
        case (.deleted, .fr): "supprimé"
        case (.folderAdded, .fr): "dossier ajouté"
        case (.linkAdded, .fr): "lien ajouté"
        case (.linkUpdated, .fr): "lien modifié"
        case (.added, .en): "added"
        case (.updated, .en): "updated"
        case (.deleted, .en): "deleted"
        case (.folderAdded, .en): "folder added"
        case (.linkAdded, .en): "link added"
        case (.linkUpdated, .en): "link updated"
        }
        return "  " + word.padding(toLength: 15, withPad: " ", startingAt: 0) + path
    }
}

/// Runs rsync for `deploy` and reads its changes as they come.
enum Rsync {
    struct Result {
        let status: Int32
        let changes: Int
        /// What rsync (or ssh) wrote on its standard error.
        let errors: String
    }

    static func executable(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return folders.map { URL(fileURLWithPath: String($0)).appendingPathComponent("rsync") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static func arguments(from output: String, to target: String, dryRun: Bool) -> [String] {
        ["--recursive", "--links", "--checksum", "--delete-after", "--delay-updates", "--exclude=.cpts-site",
         "--itemize-changes", "--out-format=%i %n%L"] + (dryRun ? ["--dry-run"] : []) + [output + "/", target]
    }

    /// Each change goes to `report` as soon as rsync prints it.
    static func run(_ rsync: URL, from output: String, to target: String, dryRun: Bool,
                    report: (RsyncChange) -> Void) -> Result {
        let process = Process()
        process.executableURL = rsync
        process.arguments = arguments(from: output, to: target, dryRun: dryRun)
        // rsync's own messages in English whatever the locale: they are shown as its detail, under a French line.
        process.environment = ProcessInfo.processInfo.environment.merging(["LC_ALL": "C"]) { _, new in new }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch {
            return Result(status: 127, changes: 0, errors: "")
        }
        let errors = ErrorText()
        let errorsRead = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errors.set(err.fileHandleForReading.readDataToEndOfFile())
            errorsRead.signal()
        }
        var changes = 0, pending = Data()
        while case let chunk = out.fileHandleForReading.availableData, !chunk.isEmpty {
            pending.append(chunk)
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                if let change = RsyncChange(itemized: Substring(line)) { changes += 1; report(change) }
            }
        }
        errorsRead.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, changes: changes, errors: errors.text)
    }

    /// Why rsync failed, in French, from its exit status (rsync(1), EXIT VALUES).
    static func reason(status: Int32, remote: Bool) -> ConsoleText.RsyncFailure {
        if remote && [5, 10, 12, 255].contains(status) { return .connection }
        switch status {
        case 3, 11, 23: return .destination
        case 20: return .interrupted
        case 127: return .notStarted
        default: return .other(status: status)
        }
    }

    final class ErrorText: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func set(_ new: Data) { lock.withLock { data = new } }
        var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
    }
}
