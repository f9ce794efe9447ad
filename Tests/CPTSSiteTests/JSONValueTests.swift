@testable import CPTSSite
import XCTest

final class JSONValueTests: XCTestCase {
    func testKeysKeepTheirOrderAndNumbersTheirShortestForm() {
        let value = JSONValue.object([("b", .integer(1)), ("a", .number(0.571068)), ("c", .array([.string("é<\"")])), ("d", .null)])
        XCTAssertEqual(value.text, "{\n  \"b\": 1,\n  \"a\": 0.571068,\n  \"c\": [\n    \"é\\u003c\\\"\"\n  ],\n  \"d\": null\n}\n")
        XCTAssertEqual(JSONValue.number(0.5), "0.5")
        XCTAssertEqual(JSONValue.number(2), "2")
        XCTAssertEqual(JSONValue.number(-0.25), "-0.25")
    }
}
