import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Where a build writes before the swap: the shared `.public.staging` beside the output when this build can
/// lock it, else a private `.public.tmp-<pid>` (another build holds the lock, or the shared folder is not a
/// plain folder made by cpts-site). The lock is the system's (`flock`): a killed build never leaves it held.
struct StagingFolder {
    let url: URL
    /// A private folder is this build's alone, and removed when not swapped in.
    let isPrivate: Bool
    /// The shared folder did not exist before this build.
    var created = false
    private let descriptor: Int32

    static func sharedName(for output: String) -> String { ".\(output).staging" }

    static func claim(for output: String, in parent: URL) throws -> StagingFolder {
        let shared = parent.appendingPathComponent(sharedName(for: output))
        let made = mkdir(shared.path, 0o755) == 0
        if !made && errno != EEXIST {
            return try privateFolder(for: output, in: parent)
        }
        // O_NOFOLLOW: a symbolic link put there must not redirect the writes elsewhere.
        let descriptor = open(shared.path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return try privateFolder(for: output, in: parent) }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: shared.path)) ?? []
        guard entries.isEmpty || entries.contains(AtomicWriter.marker), flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return try privateFolder(for: output, in: parent)
        }
        return StagingFolder(url: shared, isPrivate: false, created: made, descriptor: descriptor)
    }

    static func privateFolder(for output: String, in parent: URL) throws -> StagingFolder {
        let url = parent.appendingPathComponent(".\(output).tmp-\(getpid())")
        // One left by an earlier process of the same id, if cpts-site made it; else creating it fails below.
        AtomicWriter.removeIfMarked(url.path)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        // Marked at once, so that a later build may remove it if this one is killed: only marked folders are.
        guard AtomicWriter.writeFile(url.path + "/" + AtomicWriter.marker,
                                     AtomicWriter.markerText) else {
            throw AtomicWriter.WriteError(.write, url.path + "/" + AtomicWriter.marker)
        }
        return StagingFolder(url: url, isPrivate: true, descriptor: -1)
    }

    func release() {
        if descriptor >= 0 { close(descriptor) }
    }
}
