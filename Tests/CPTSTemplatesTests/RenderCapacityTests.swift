import CPTSTemplates
import XCTest

/// What a render returns must not depend on the capacity its buffer was given.
final class RenderCapacityTests: XCTestCase {
    func testAPageLargerThanItsCapacityIsWrittenWhole() throws {
        let template = "{{#items}}<{{.}}>&{{{.}}}\n{{/items}}"
        let items = (0..<2_000).map { TemplateValue.string("é\($0)\"'") }
        let library = try TemplateLibrary(templates: ["t": template])
        let small = try XCTUnwrap(library.render("t", ["items": .list(items)], capacity: 1))
        let large = try XCTUnwrap(library.render("t", ["items": .list(items)], capacity: 1 << 20))
        let expected = items.indices.map { "<é\($0)&quot;&#39;>&é\($0)\"'\n" }.joined()
        XCTAssertEqual(String(decoding: small.bytes, as: UTF8.self), expected)
        XCTAssertEqual(small.bytes, large.bytes)
    }
}
