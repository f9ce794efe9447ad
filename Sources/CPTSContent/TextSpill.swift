import CPTSDomain
import CPTSMarkdown
import CPTSSync

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-off build's rendered texts, written to an unnamed file from the load to their page (issue #27): a national
/// site's HTML is kept out of memory, each text read back once, by its page, and never parsed again. The file has no
/// name from the start (unlinked as soon as it is made), so that nothing is left behind, whatever ends the build; the
/// system removes it when the last text holding it is gone.
public final class TextSpill: TextStore, @unchecked Sendable {
    /// Texts this short stay in memory: a `String` holds up to 15 bytes without any allocation.
    static let smallest = 16

    private let descriptor: Int32
    /// Where the next text goes.
    private let end = Locked(0)
    /// The first error of a read, if one failed: the page it was for is wrong, and the build must fail.
    private let failure = Locked<Int32>(0)

    /// An unnamed file in `folder` (the output's parent, where the staging folder goes); nil when none can be made
    /// there, and the texts then stay in memory.
    public init?(in folder: String) {
        var template = Array((folder.hasSuffix("/") ? folder : folder + "/").utf8CString.dropLast())
            + Array(".cpts-site-texts-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            let descriptor = mkstemp(base)
            if descriptor >= 0 { unlink(base) }
            return descriptor
        }
        guard descriptor >= 0 else { return nil }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    public func keep(_ text: String) -> TextSlot? {
        var text = text
        return text.withUTF8 { bytes -> TextSlot? in
            guard bytes.count >= Self.smallest, let base = bytes.baseAddress else { return nil }
            let offset = end.withLock { end in
                defer { end += bytes.count }
                return end
            }
            var done = 0
            while done < bytes.count {
                let written = pwrite(descriptor, base + done, bytes.count - done, off_t(offset + done))
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return nil }
                done += written
            }
            return TextSlot(offset: offset, count: bytes.count)
        }
    }

    public func text(at slot: TextSlot) -> String {
        // Read as bytes, then made a `String` by `UTF8Text` (one check skipping ASCII runs): 53 M instructions in
        // the heavy set's render stage, where `String(unsafeUninitializedCapacity:)` and its validation took 114 M.
        let bytes = [UInt8](unsafeUninitializedCapacity: slot.count) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            var done = 0
            while done < slot.count {
                let read = pread(descriptor, base + done, slot.count - done, off_t(slot.offset + done))
                if read < 0 && errno == EINTR { continue }
                guard read > 0 else {
                    let code = read < 0 ? errno : EIO
                    failure.withLock { if $0 == 0 { $0 = code } }
                    return
                }
                done += read
            }
            initialized = done
        }
        return bytes.withUnsafeBufferPointer { UTF8Text.string($0) }
    }

    /// The error (`errno`) of the first read that failed, if any did.
    public var readFailure: Int32? {
        let code = failure.withLock { $0 }
        return code == 0 ? nil : code
    }
}
