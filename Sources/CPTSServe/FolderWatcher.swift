import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Notices changes in folders by comparing, every few hundred milliseconds, the size and modification time
/// of every file: portable, and cheap for the few thousand files of a site.
struct FolderWatcher: Sendable {
    let folders: [String]

    /// Path → (size, modification time in nanoseconds) for every file below the folders.
    func snapshot() -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        for folder in folders {
            guard let enumerator = FileManager.default.enumerator(atPath: folder) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let path = folder + "/" + relative
                // stat(), not FileManager's attributes: this runs four times a second over every file.
                var status = stat()
                guard stat(path, &status) == 0, (status.st_mode & S_IFMT) != S_IFDIR else { continue }
                result[path] = [Int(status.st_size), status.st_mtim.tv_sec * 1_000_000_000 + status.st_mtim.tv_nsec]
            }
        }
        return result
    }

    /// Calls `onChange` each time the folders differ from what they were, starting from `baseline` (taken
    /// before the first build, so that a file saved while it ran is not missed), until the task is cancelled.
    func watch(from baseline: [String: [Int]], every interval: Duration = .milliseconds(250),
               onChange: @Sendable () async -> Void) async {
        var last = baseline
        while !Task.isCancelled {
            let current = snapshot()
            if current != last {
                last = current
                await onChange()
            }
            try? await Task.sleep(for: interval)
        }
    }
}
