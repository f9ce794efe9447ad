import CPTSDomain
import Foundation

/// The content folder on disk. Every path it hands out stays inside it: a symbolic link leading
/// outside is reported, never followed, so that content cannot pull in files from elsewhere.
struct ContentFolder: Sendable {
    let root: String
    let displayRoot: String
    let resolvedRoot: String

    init(root: String, displayRoot: String) {
        self.root = root
        self.displayRoot = displayRoot
        resolvedRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
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

    /// Whether `relative` resolves, through any symbolic links, to a place inside the content folder.
    func staysInside(_ relative: String) -> Bool {
        let resolved = URL(fileURLWithPath: full(relative)).resolvingSymlinksInPath().path
        return resolved == resolvedRoot || resolved.hasPrefix(resolvedRoot + "/")
    }

    /// The files of `subfolder` with one of `extensions`, sorted by name; other entries are reported.
    func files(in subfolder: String, extensions: [String]) -> (files: [String], diagnostics: [Diagnostic]) {
        guard isDirectory(subfolder) else { return ([], []) }
        guard staysInside(subfolder) else {
            return ([], [.error("link-outside-content", at: location(subfolder),
                                "'\(subfolder)' is a symbolic link to a place outside the content folder")])
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: full(subfolder))) ?? []).sorted()
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        for name in names where !name.hasPrefix(".") {
            let relative = subfolder + "/" + name
            let fileExtension = name.split(separator: ".").count > 1 ? String(name.split(separator: ".").last!) : ""
            if !staysInside(relative) {
                diagnostics.append(.error("link-outside-content", at: location(relative),
                                          "'\(relative)' is a symbolic link to a file outside the content folder; it is ignored"))
            } else if isDirectory(relative) {
                diagnostics.append(.warning("file-ignored", at: location(relative),
                                            "folder '\(relative)' is ignored: \(subfolder)/ holds files only"))
            } else if extensions.contains(fileExtension.lowercased()) {
                files.append(relative)
            } else {
                diagnostics.append(.warning("file-ignored", at: location(relative),
                                            "'\(relative)' is ignored: expected a .\(extensions[0]) file"))
            }
        }
        return (files, diagnostics)
    }

    /// Size and modification time of a file, or zeros if it is absent.
    func stamp(_ relative: String) -> FileStamp {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: full(relative)) else {
            return FileStamp(size: -1, modified: 0)
        }
        return FileStamp(size: (attributes[.size] as? Int) ?? 0,
                         modified: (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)
    }

    struct TooLarge: Error, CustomStringConvertible {
        let size: Int, limit: Int
        var description: String { "file is too large (\(size) bytes; at most \(limit))" }
    }

    func read(_ relative: String, limit: Int) throws -> [UInt8] {
        let path = full(relative)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes[.size] as? Int, size > limit { throw TooLarge(size: size, limit: limit) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CocoaError(.fileReadUnknown)
        }
        return [UInt8](data)
    }
}
