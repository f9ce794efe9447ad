import CPTSDomain
import CPTSMarkdown
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The content folder on disk. Every path it hands out stays inside it: a symbolic link leading
/// outside is reported, never followed, so that content cannot pull in files from elsewhere.
struct ContentFolder: Sendable {
    let root: String
    let displayRoot: String
    let resolvedRoot: String

    init(root: String, displayRoot: String) {
        self.root = root
        self.displayRoot = displayRoot
        resolvedRoot = ContentFolder.realPath(root) ?? URL(fileURLWithPath: root).resolvingSymlinksInPath().path
    }

    func full(_ relative: String) -> String { relative.isEmpty ? root : root + "/" + relative }

    func display(_ relative: String) -> String {
        relative.isEmpty ? displayRoot : (displayRoot == "." ? relative : displayRoot + "/" + relative)
    }

    func location(_ relative: String) -> SourceLocation {
        SourceLocation(file: display(relative), line: 1, column: 1)
    }

    func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: full(relative))
    }

    func isDirectory(_ relative: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: full(relative), isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The absolute path with every symbolic link resolved, or nil if it leads nowhere.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether `relative` resolves, through any symbolic links, to a place inside the content folder.
    func staysInside(_ relative: String) -> Bool {
        guard let resolved = ContentFolder.realPath(full(relative)) else { return false }
        return resolved == resolvedRoot || resolved.hasPrefix(resolvedRoot + "/")
    }

    /// Why the entry `relative` must not be read: a symbolic link leading outside the content folder
    /// or to nothing. Nil when it may be read, or when it does not exist at all.
    func linkProblem(_ relative: String) -> Diagnostic? {
        if staysInside(relative) { return nil }
        var status = stat()
        guard lstat(full(relative), &status) == 0 else { return nil }
        if ContentFolder.realPath(full(relative)) == nil {
            // realpath's own errno: a chain of links that leads back to itself (or is too long to follow).
            if errno == ELOOP {
                return .error(.linkLoop(path: DisplayedPath.escaping(relative)), at: location(relative))
            }
            return .error(.linkToNothing(path: DisplayedPath.escaping(relative)), at: location(relative))
        }
        return .error(.linkOutsideContent(path: DisplayedPath.escaping(relative), isFolder: isDirectory(relative)), at: location(relative))
    }

    /// The files of `subfolder` with one of `extensions`, sorted by name; other entries are reported.
    /// - Parameter depth: how many levels of folders below `subfolder` are read (`pages/` has a few: `pages/a/b.md`
    ///   is published at `a/b/`); deeper folders are reported and left out.
    /// Each file comes with its stamp, from the entry's lstat, when it is no link (a link's target is stamped
    /// when read).
    func files(in subfolder: String, extensions: [String], depth: Int = 0) -> (files: [ListedFile], diagnostics: [Diagnostic]) {
        guard isDirectory(subfolder) else { return ([], []) }
        if let problem = linkProblem(subfolder) { return ([], [problem]) }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: full(subfolder))) ?? []).sorted()
        var files: [ListedFile] = []
        var diagnostics: [Diagnostic] = []
        for name in names where !name.hasPrefix(".") {
            let relative = subfolder + "/" + name
            let fileExtension = ContentFolder.fileExtension(of: name)
            // One lstat per entry: only a symbolic link can lead outside a folder that stays inside, so only
            // links are resolved (`serve` lists every folder again on each save).
            var status = stat()
            guard lstat(full(relative), &status) == 0 else { continue }
            let isLink = (status.st_mode & S_IFMT) == S_IFLNK
            if isLink, let problem = linkProblem(relative) {
                diagnostics.append(problem)
            } else if !isLink, depth > 0, (status.st_mode & S_IFMT) == S_IFDIR {
                let (found, problems) = self.files(in: relative, extensions: extensions, depth: depth - 1)
                files += found
                diagnostics += problems
            } else if isLink ? isDirectory(relative) : (status.st_mode & S_IFMT) == S_IFDIR {
                diagnostics.append(.warning(.folderIgnored(path: DisplayedPath.escaping(relative), subfolder: subfolder), at: location(relative)))
            } else if extensions.contains(fileExtension.lowercased()) {
                files.append(ListedFile(path: relative, stamp: isLink ? nil : FileStamp(status)))
            } else {
                diagnostics.append(.warning(.fileIgnored(path: DisplayedPath.escaping(relative), expectedExtension: extensions[0]), at: location(relative)))
            }
        }
        return (files, diagnostics)
    }

    /// What follows the last dot of a file name, trailing dots left out (`a.md.` → `md`); empty without a dot
    /// after its first character. Read from the end: `serve` lists every file again at each save.
    /// On the name's UTF-8 bytes: a dot is one byte, never inside another character's encoding, and its indices
    /// slice the name as well (walking `Character`s tested a grapheme break at each step, for every file listed).
    static func fileExtension(of name: String) -> Substring {
        let bytes = name.utf8, dot = UInt8(ascii: ".")
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == dot { end = bytes.index(before: end) }
        guard let last = bytes[..<end].lastIndex(of: dot), last > bytes.startIndex else { return "" }
        return name[bytes.index(after: last)..<end]
    }

    /// The reports of `reports/<slug>/<year>.md`: one folder per CPTS, Markdown files in it. A file directly
    /// under `reports/` is reported, as are links leading outside.
    func reportFiles() -> (files: [ListedFile], diagnostics: [Diagnostic]) {
        let top = "reports"
        guard isDirectory(top) else { return ([], []) }
        if let problem = linkProblem(top) { return ([], [problem]) }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: full(top))) ?? []).sorted()
        var files: [ListedFile] = []
        var diagnostics: [Diagnostic] = []
        for name in names where !name.hasPrefix(".") {
            let relative = top + "/" + name
            if let problem = linkProblem(relative) {
                diagnostics.append(problem)
            } else if isDirectory(relative) {
                let (found, problems) = self.files(in: relative, extensions: ["md", "markdown"])
                files += found
                diagnostics += problems
            } else {
                diagnostics.append(.warning(.reportFileIgnored(path: DisplayedPath.escaping(relative)), at: location(relative)))
            }
        }
        return (files, diagnostics)
    }

    /// The files of `static/`, recursively, sorted by path, to publish as they are. Hidden entries are skipped; a
    /// symbolic link leading outside the content folder (or to nothing) is reported and left out, as is a link to a
    /// folder (it could lead back to its own parent); a file over `maximumSize` bytes is an error.
    func staticFiles(maximumSize: Int) -> (files: [StaticFile], diagnostics: [Diagnostic]) {
        let top = "static"
        guard isDirectory(top) else { return ([], []) }
        if let problem = linkProblem(top) { return ([], [problem]) }
        var files: [StaticFile] = []
        var diagnostics: [Diagnostic] = []
        func walk(_ folder: String) {
            let (names, unreadable) = ContentFolder.names(in: full(folder))
            for bytes in unreadable {
                let shown = DisplayedPath.escaping(folder) + "/" + DisplayedPath.escaping(bytes: bytes)
                diagnostics.append(.error(.staticNameNotUTF8(path: shown), at: SourceLocation(file: display(shown), line: 1, column: 1)))
            }
            for name in names where !name.hasPrefix(".") {
                let relative = folder + "/" + name
                var status = stat()
                guard lstat(full(relative), &status) == 0 else { continue }
                let isLink = (status.st_mode & S_IFMT) == S_IFLNK
                if isLink, let problem = linkProblem(relative) {
                    diagnostics.append(problem)
                    continue
                }
                if isDirectory(relative) {
                    if isLink {
                        diagnostics.append(.warning(.staticLinkToFolder(path: DisplayedPath.escaping(relative)), at: location(relative)))
                    } else {
                        walk(relative)
                    }
                    continue
                }
                var target = stat()
                guard stat(full(relative), &target) == 0, (target.st_mode & S_IFMT) == S_IFREG,
                    let resolved = ContentFolder.realPath(full(relative))
                else {
                    diagnostics.append(.warning(.staticNotRegular(path: DisplayedPath.escaping(relative)), at: location(relative)))
                    continue
                }
                let size = Int(target.st_size)
                if size > maximumSize {
                    diagnostics.append(.error(.staticFileTooLarge(path: DisplayedPath.escaping(relative), size: size, limit: maximumSize),
                                              at: location(relative)))
                    continue
                }
                var file = StaticFile(path: String(relative.dropFirst(top.count + 1)), location: location(relative),
                                      source: resolved, size: size)
                file.activeMarkup = activeMarkup(of: relative, limit: maximumSize)
                files.append(file)
            }
        }
        walk(top)
        return (files, diagnostics)
    }

    /// The names of the entries of the folder at `path`, sorted, and apart the names that are not UTF-8 (hidden ones
    /// left out), as the system gives them: `FileManager` would drop those silently.
    static func names(in path: String) -> (names: [String], notUTF8: [[UInt8]]) {
        guard let directory = opendir(path) else { return ([], []) }
        defer { closedir(directory) }
        var names: [String] = [], notUTF8: [[UInt8]] = []
        while let entry = readdir(directory) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if let name = String(validating: bytes, as: UTF8.self) {
                if name != ".", name != ".." { names.append(name) }
            } else if bytes.first != UInt8(ascii: ".") {
                notUTF8.append(bytes)
            }
        }
        // Names equal as Swift compares them (NFC and NFD spellings) in the order of their bytes, whatever the order
        // the system lists them in.
        let sorted = names.sorted { $0 != $1 ? $0 < $1 : $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return (sorted, notUTF8.sorted { $0.lexicographicallyPrecedes($1) })
    }

    /// What would run in the document `relative` of `static/` (SVG, XML, HTML: `ActiveContent.Document`) opened
    /// directly, located in it; nil for other files, and for one that cannot be read (publishing it reports that).
    func activeMarkup(of relative: String, limit: Int) -> ActiveMarkup? {
        let name = relative.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), let document = ActiveContent.Document(fileExtension: String(name[name.index(after: dot)...])),
            let bytes = try? read(relative, limit: limit), let found = ActiveContent.first(in: bytes)
        else { return nil }
        let before = bytes[..<found.offset]
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let line = before.lazy.filter { $0 == UInt8(ascii: "\n") }.count + 1
        let column = String(decoding: bytes[lineStart..<found.offset], as: UTF8.self).unicodeScalars.count + 1
        return ActiveMarkup(what: found.what, location: SourceLocation(file: display(relative), line: line, column: column),
                            inHTML: document == .html)
    }

    /// Size and modification time of a file, or zeros if it is absent.
    /// (`stat()`: `serve` stamps every file on each save.)
    func stamp(_ relative: String) -> FileStamp {
        var status = stat()
        guard stat(full(relative), &status) == 0 else { return FileStamp(size: -1, modified: 0) }
        return FileStamp(status)
    }

    struct ReadError: Error {
        let message: DiagnosticMessage
    }

    /// The bytes of a regular file of at most `limit` bytes. A named pipe or a device is refused rather than
    /// opened for reading, which could wait forever.
    func read(_ relative: String, limit: Int) throws -> [UInt8] {
        let descriptor = open(full(relative), O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw ReadError(message: .fileUnreadable(reason: ContentFolder.errorText())) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw ReadError(message: .fileUnreadable(reason: ContentFolder.errorText()))
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw ReadError(message: .fileNotRegular)
        }
        let size = Int(status.st_size)
        if size > limit { throw ReadError(message: .fileTooLarge(size: size, limit: limit)) }
        var bytes = [UInt8](repeating: 0, count: size)
        var count = 0
        while count < size {
            let read = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + count, size - count)
            }
            if read < 0 && errno == EINTR { continue }
            guard read >= 0 else { throw ReadError(message: .fileUnreadable(reason: ContentFolder.errorText())) }
            if read == 0 { break }
            count += read
        }
        return count == size ? bytes : Array(bytes[..<count])
    }

    static func errorText() -> String { String(cString: strerror(errno)) }
}

/// A file found by listing a folder, with its stamp when the listing had it.
struct ListedFile {
    var path: String
    var stamp: FileStamp?
}
