#if canImport(Glibc)
import Glibc
#endif

/// The files and folders under a folder, as `/`-separated relative paths; symbolic links count as files.
struct FolderTree {
    var files: Set<String> = []
    var folders: Set<String> = []

    init(root: String) {
        walk(root, prefix: "")
    }

    private mutating func walk(_ path: String, prefix: String) {
        guard let directory = opendir(path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name == "." || name == ".." { continue }
            let relative = prefix + name
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var status = stat()
                isFolder = lstat(path + "/" + name, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
            }
            if isFolder {
                folders.insert(relative)
                walk(path + "/" + name, prefix: relative + "/")
            } else {
                files.insert(relative)
            }
        }
    }
}
