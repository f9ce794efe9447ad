#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value that tasks share, guarded by a POSIX mutex: the project's one lock.
///
/// Not `Synchronization.Mutex`: on Linux it waits in the kernel (a futex) when contended, a hand-over that
/// ThreadSanitizer cannot see, so `make sanitize-thread` reported races inside `withLock` closures that cannot
/// happen (reproduced with a 20-line program: two threads, one `Mutex<Set<String>>`). ThreadSanitizer intercepts
/// `pthread_mutex_lock`, so with this lock it reports only real races.
public final class Locked<Value: Sendable>: @unchecked Sendable {
    private var value: Value
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    /// `Value` must have a size: an empty value (`()`) would sit at the address of the mutex pointer beside it, and
    /// ThreadSanitizer would take each `withLock` for a write to that pointer, racing the next caller's lock.
    public init(_ value: Value) {
        precondition(MemoryLayout<Value>.size > 0, "Locked needs a value with a size")
        self.value = value
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Runs `body` with the value, no other `withLock` of this lock running meanwhile.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
