import Foundation

/// Notices changes in folders by comparing, every few hundred milliseconds, the size and modification time
/// of every file: portable, and cheap for the few thousand files of a site.
struct FolderWatcher: Sendable {
    let folders: [String]

    /// Path → (size, modification time) for every file below the folders.
    func snapshot() -> [String: [Double]] {
        var result: [String: [Double]] = [:]
        let manager = FileManager.default
        for folder in folders {
            guard let enumerator = manager.enumerator(atPath: folder) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let path = folder + "/" + relative
                guard let attributes = try? manager.attributesOfItem(atPath: path),
                    attributes[.type] as? FileAttributeType != .typeDirectory
                else { continue }
                result[path] = [Double((attributes[.size] as? Int) ?? 0),
                                (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0]
            }
        }
        return result
    }

    /// Calls `onChange` each time the folders differ from what they were, until the task is cancelled.
    func watch(every interval: Duration = .milliseconds(250), onChange: @Sendable () async -> Void) async {
        var last = snapshot()
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let current = snapshot()
            if current != last {
                last = current
                await onChange()
            }
        }
    }
}
