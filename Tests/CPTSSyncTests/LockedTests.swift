import CPTSSync
import Dispatch
import XCTest

final class LockedTests: XCTestCase {
    func testIncrementsFromManyThreadsAreNeverLost() {
        let counter = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<20_000 { counter.withLock { $0 += 1 } }
        }
        XCTAssertEqual(counter.withLock { $0 }, 160_000)
    }

    func testWithLockReturnsWhatItsBodyReturnsAndRethrows() {
        let names = Locked<Set<String>>(["a"])
        XCTAssertTrue(names.withLock { $0.insert("b").inserted })
        XCTAssertFalse(names.withLock { $0.insert("a").inserted })
        struct Refused: Error {}
        XCTAssertThrowsError(try names.withLock { _ in throw Refused() })
        XCTAssertEqual(names.withLock { $0 }, ["a", "b"])
    }
}
