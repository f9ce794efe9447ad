@testable import CPTSMarkdown
import XCTest

/// `UTF8Text` makes the `String` the standard library makes, with one check of its own.
final class UTF8TextTests: XCTestCase {
    /// Every sequence of up to four of the bytes where UTF-8's rules change, after runs of ASCII of several lengths
    /// (the eight-byte skip ends at each of them), and cut short.
    static let boundaryBytes: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
                                         0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]

    func forEachBoundarySequence(_ body: ([UInt8]) -> Void) {
        for a in Self.boundaryBytes {
            for b in Self.boundaryBytes {
                for c in Self.boundaryBytes {
                    for d in Self.boundaryBytes {
                        for prefix in [0, 7, 9] {
                            let sequence = Array(repeating: UInt8(ascii: "a"), count: prefix) + [a, b, c, d]
                            body(sequence)
                            body(Array(sequence.prefix(prefix + 2)))
                        }
                    }
                }
            }
        }
    }

    func testMakesTheStringThatDecodingMakesWhetherTheBytesAreWellFormedOrNot() {
        var differing: [[UInt8]] = []
        forEachBoundarySequence { bytes in
            let made = bytes.withUnsafeBufferPointer { UTF8Text.string($0) }
            let decoded = String(decoding: bytes, as: UTF8.self)
            if made != decoded || Array(made.utf8) != Array(decoded.utf8) { differing.append(bytes) }
        }
        XCTAssertEqual(differing, [])
    }

    func testValidatesAsTheStandardLibraryValidates() {
        var differing: [[UInt8]] = []
        forEachBoundarySequence { bytes in
            let made = bytes.withUnsafeBufferPointer { UTF8Text.string(validating: $0) }
            let validated = String(validating: bytes, as: UTF8.self)
            if made.map({ Array($0.utf8) }) != validated.map({ Array($0.utf8) }) { differing.append(bytes) }
        }
        XCTAssertEqual(differing, [])
    }

    func testRejectsOverlongFormsSurrogatesAndScalarsAboveTheLast() {
        for bytes: [UInt8] in [[0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x80, 0x80, 0xAF]] {
            XCTAssertFalse(bytes.withUnsafeBufferPointer { UTF8Text.check($0) }.valid, "\(bytes)")
        }
    }

    func testTellsWhetherTheBytesAreAllASCII() {
        XCTAssertTrue(Array("Projet de santé".utf8).withUnsafeBufferPointer { UTF8Text.check($0) } == (true, false))
        XCTAssertTrue(Array("Projet de sante, territoire".utf8).withUnsafeBufferPointer { UTF8Text.check($0) } == (true, true))
    }

    func testAnEmptyBufferIsTheEmptyString() {
        XCTAssertEqual(UTF8Text.string(UnsafeBufferPointer(start: nil, count: 0)), "")
    }
}
