@testable import CPTSContent
import Foundation
import XCTest

/// The schedules are compiled into the binary from a hand-kept list: it must hold every file of the folder, unchanged.
final class EmbeddedSchedulesTests: XCTestCase {
    func testEveryScheduleFileIsEmbeddedWithItsBytes() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/CPTSContent/Schedules")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertTrue(BuiltinSchedules.embedded, "the main package must compile the schedules in, not read a resource bundle")
        XCTAssertFalse(names.isEmpty)
        XCTAssertEqual(BuiltinSchedules.files.map(\.name).sorted(), names,
                       "a file of Sources/CPTSContent/Schedules/ is missing from BuiltinSchedules.files, or the reverse")
        for (name, bytes) in BuiltinSchedules.files {
            XCTAssertEqual(bytes, [UInt8](try Data(contentsOf: folder.appendingPathComponent(name))), name)
        }
    }
}
