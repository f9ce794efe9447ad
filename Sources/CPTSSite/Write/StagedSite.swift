import Foundation
import CPTSSync

#if canImport(Glibc)
import Glibc
#endif

/// A site being written into its staging folder, file by file as the pages are rendered (from any task), then
/// swapped in whole by `commit()`. Pages go to disk as soon as they exist, so that a national site never sits in
/// memory: at 100 000 CPTS the pages alone weigh gigabytes.
///
/// The staging folder may hold the site before last (see `AtomicWriter`): files are written over in place,
/// a file standing where a folder must go (or the reverse) is removed first, and `commit()` removes whatever
/// was not written this time.
public final class StagedSite: Sendable {
    let output: URL
    let staging: StagingFolder
    /// What the staging folder held before this build.
    let previous: FolderTree
    private let state: Locked<(written: Set<String>, folders: Set<String>)>
    private let released = Locked(false)

    /// Claims the staging folder beside `output`; refuses an output folder that cpts-site did not make. A symbolic
    /// link is written through: the site goes into the folder it names, staged beside that folder.
    public init(output path: String) throws {
        let given = URL(fileURLWithPath: path).standardizedFileURL
        output = try AtomicWriter.resolvingLink(given)
        linkTarget = output == given ? nil : output.path
        let parent = output.deletingLastPathComponent()
        try AtomicWriter.refuseToReplaceForeignFolder(output)
        let shared = parent.appendingPathComponent(StagingFolder.sharedName(for: output.lastPathComponent)).path
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            AtomicWriter.removeLeftovers(of: output.lastPathComponent, in: parent)
            staging = try StagingFolder.claim(for: output.lastPathComponent, in: parent)
        } catch {
            let code = AtomicWriter.posixCode(of: error)
            throw AtomicWriter.OutputRefusal.stagingImpossible(staging: shared, errno: code)
        }
        previous = FolderTree(root: staging.url.path)
        state = Locked(([], previous.folders))
    }

    /// The folder the output's symbolic link names, when the output is one.
    public let linkTarget: String?

    /// The staging folder's path when this build made it and it stays beside the output after the commit (the
    /// first build into a new output folder renames it into place: none is left then).
    public var createdStagingFolder: String? {
        staging.created && !staging.isPrivate && FileManager.default.fileExists(atPath: staging.url.path) ? staging.url.path : nil
    }

    public func write(_ file: OutputFile) throws {
        try place(file.path) { AtomicWriter.writeFile($0, file.bytes) }
    }

    /// Writes an export a megabyte at a time as it is made, so that it never sits whole in memory.
    func stream(_ export: Export) throws {
        try place(export.path) { path in
            AtomicWriter.streamFile(path) { write in
                withoutActuallyEscaping(write) { write in
                    var buffer = ExportBuffer(sink: write)
                    export.write(&buffer)
                    return buffer.finish()
                }
            }
        }
    }

    /// Checks `relative`, makes its folders, and writes it with `write` (false on failure, errno set).
    private func place(_ relative: String, with write: (_ path: String) -> Bool) throws {
        guard OutputFile.isContained(relative), relative != AtomicWriter.marker else {
            throw AtomicWriter.WriteError(.outside, relative, code: EINVAL)
        }
        let components = relative.split(separator: "/")
        var folder = ""
        for component in components.dropLast() {
            folder += (folder.isEmpty ? "" : "/") + component
            try makeFolder(folder)
        }
        let path = staging.url.path + "/" + relative
        if !write(path) {
            // A folder of the site before last where this file goes.
            guard errno == EISDIR else { throw AtomicWriter.WriteError(.write, path) }
            try AtomicWriter.removeTree(path)
            state.withLock { state in
                state.folders = state.folders.filter { $0 != relative && !$0.hasPrefix(relative + "/") }
            }
            guard write(path) else { throw AtomicWriter.WriteError(.write, path) }
        }
        state.withLock { _ = $0.written.insert(relative) }
    }

    private func makeFolder(_ relative: String) throws {
        if state.withLock({ $0.folders.contains(relative) }) { return }
        let path = staging.url.path + "/" + relative
        if mkdir(path, 0o755) != 0 {
            var status = stat()
            guard lstat(path, &status) == 0 else { throw AtomicWriter.WriteError(.create, path) }
            if (status.st_mode & S_IFMT) != S_IFDIR {
                // A file of the site before last stands where this folder goes.
                guard unlink(path) == 0, mkdir(path, 0o755) == 0 || errno == EEXIST else { throw AtomicWriter.WriteError(.create, path) }
            }
        }
        state.withLock { _ = $0.folders.insert(relative) }
    }

    /// Removes what only the site before last had, marks the folder as generated, and swaps it in.
    public func commit() throws {
        defer { release() }
        let (written, folders) = state.withLock { ($0.written, $0.folders) }
        let root = staging.url.path
        for stale in previous.files.subtracting(written).subtracting([AtomicWriter.marker]).sorted().reversed() {
            // Gone already, or a folder now, when a folder of this build replaced it.
            if unlink(root + "/" + stale) != 0 && ![ENOENT, ENOTDIR, EISDIR].contains(errno) {
                throw AtomicWriter.WriteError(.remove, root + "/" + stale)
            }
        }
        // The folders no written file is in: each file's folders struck off, one by one, without a list or a set
        // of every file's folders (at 100 000 CPTS, they raised the build's peak memory as it ended).
        var unused = folders
        for path in written where !unused.isEmpty {
            var folder = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[..<$0] }
            while let current = folder {
                unused.remove(String(current))
                folder = current.utf8.lastIndex(of: UInt8(ascii: "/")).map { current[..<$0] }
            }
        }
        for stale in unused.sorted().reversed() {
            try AtomicWriter.removeTree(root + "/" + stale)
        }
        guard AtomicWriter.writeFile(root + "/" + AtomicWriter.marker,
                                     AtomicWriter.markerText) else {
            throw AtomicWriter.WriteError(.write, root + "/" + AtomicWriter.marker)
        }
        try AtomicWriter.swap(staging.url, into: output, keepingOld: !staging.isPrivate)
    }

    /// After a failure: a private folder is removed; the shared one is rewritten by the next build.
    public func abandon() {
        if staging.isPrivate { AtomicWriter.removeGenerated(staging.url.path) }
        release()
    }

    /// Unlocks the staging folder, once.
    private func release() {
        if released.withLock({ done in defer { done = true }; return !done }) { staging.release() }
    }
}
