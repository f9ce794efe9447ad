import CPTSTemplates
import XCTest

/// Lists read in place (`TemplateValue.lazyList`, `.listItem`): they render as the same items in a built list do,
/// and only the items a template reaches are read.
final class TemplateListTests: XCTestCase {
    /// A list over dictionaries whose items are read in place (`.listItem`), recording what is read.
    final class CountingList: TemplateList, @unchecked Sendable {
        let rows: [[String: TemplateValue]]
        var itemsRead: [Int] = []
        var membersRead: [String] = []

        init(_ rows: [[String: TemplateValue]]) { self.rows = rows }

        var count: Int { rows.count }

        func item(at index: Int) -> TemplateValue {
            itemsRead.append(index)
            return .listItem(self, index: index)
        }

        func member(_ key: TemplateKey, at index: Int) -> TemplateValue? {
            guard let value = rows[index][key.name] else { return nil }
            membersRead.append("\(index).\(key.name)")
            return value
        }

        func members(at index: Int) -> [String: TemplateValue] { rows[index] }
    }

    /// A list of scalars made values one at a time.
    final class TextList: TemplateList, @unchecked Sendable {
        let texts: [String]
        init(_ texts: [String]) { self.texts = texts }
        var count: Int { texts.count }
        func item(at index: Int) -> TemplateValue { .string(texts[index]) }
        func member(_ key: TemplateKey, at index: Int) -> TemplateValue? { nil }
        func members(at index: Int) -> [String: TemplateValue] { [:] }
    }

    static let rows: [[String: TemplateValue]] = [["label": "r1", "n": 1], ["label": "a < b", "n": 2], ["label": "r3", "n": 3]]

    func render(_ template: String, _ value: TemplateValue, maximumSteps: Int = TemplateLibrary.maximumSteps) throws
        -> TemplateLibrary.Rendering
    {
        try XCTUnwrap(TemplateLibrary(templates: ["t": template]).render("t", value, maximumSteps: maximumSteps))
    }

    static let templates = [
        "{{#rows}}{{label}}{{title}}{{#first()}}^{{/first()}}{{index()}}{{^last()}},{{/last()}}{{.label}}{{.title}}{{/rows}}",
        "{{^rows}}none{{/rows}}{{#rows}}[{{n}}]{{/rows}}{{^empty(rows)}}{{count(rows)}}{{/empty(rows)}}{{#empty(rows)}}E{{/empty(rows)}}",
        "{{#first(rows)}}{{label}}{{/first(rows)}}{{#last(rows)}}{{label}}{{n}}{{/last(rows)}}",
        "{{#reversed(rows)}}{{label}};{{/reversed(rows)}}{{count(first(rows))}}{{#rows}}{{#sorted(.)}}{{key}}{{/sorted(.)}}{{/rows}}",
        "{{#rows}}{{#enumerated(.)}}{{key}}{{/enumerated(.)}}{{empty(.)}}{{gone}}{{/rows}}",
    ]

    func testAListReadInPlaceRendersAsTheBuiltList() throws {
        for rows in [Self.rows, []] {
            let built: TemplateValue = .object(["title": "T", "rows": .list(rows.map(TemplateValue.object))])
            let lazy: TemplateValue = .object(["title": "T", "rows": .lazyList(CountingList(rows))])
            for template in Self.templates {
                let expected = try render(template, built), actual = try render(template, lazy)
                XCTAssertEqual(String(decoding: actual.bytes, as: UTF8.self), String(decoding: expected.bytes, as: UTF8.self), template)
                XCTAssertEqual(actual.missingNames, expected.missingNames, template)
            }
        }
    }

    func testTextsReadInPlaceRenderAsTheBuiltList() throws {
        let template = "{{#texts}}{{.}}{{^last()}}, {{/last()}}{{/texts}}|{{#sorted(texts)}}{{.}}{{/sorted(texts)}}|{{texts}}|{{first(texts)}}"
        for texts in [["b", "<a>", "c"], []] {
            let expected = try render(template, ["texts": .list(texts.map(TemplateValue.string))])
            let actual = try render(template, ["texts": .lazyList(TextList(texts))])
            XCTAssertEqual(String(decoding: actual.bytes, as: UTF8.self), String(decoding: expected.bytes, as: UTF8.self))
        }
    }

    func testEmptyAndCountReadNoItem() throws {
        let list = CountingList(Self.rows)
        let rendering = try render("{{^empty(rows)}}{{count(rows)}}{{/empty(rows)}}{{^rows}}-{{/rows}}", ["rows": .lazyList(list)])
        XCTAssertEqual(String(decoding: rendering.bytes, as: UTF8.self), "3")
        XCTAssertEqual(list.itemsRead, [])
    }

    func testAnItemsMembersAreReadInPlaceWhenNamed() throws {
        let list = CountingList(Self.rows)
        _ = try render("{{#rows}}{{label}}{{/rows}}{{#last(rows)}}{{n}}{{/last(rows)}}", ["rows": .lazyList(list)])
        XCTAssertEqual(list.itemsRead, [0, 1, 2, 2])
        XCTAssertEqual(list.membersRead, ["0.label", "1.label", "2.label", "2.n"])
    }

    func testEachItemOfAListReadInPlaceIsAStep() throws {
        let value: TemplateValue = ["rows": .lazyList(CountingList(Self.rows))]
        let library = try TemplateLibrary(templates: ["t": "{{#rows}}{{label}}{{/rows}}"])
        XCTAssertNoThrow(try library.render("t", value, maximumSteps: 4))
        XCTAssertThrowsError(try library.render("t", value, maximumSteps: 3)) { error in
            XCTAssertEqual((error as? TemplateSyntaxError)?.problem, .renderTooLong(steps: 3))
        }
    }

    func testEscapingReplacesTheFiveBytesAndKeepsEveryOther() {
        var text = "<>&\"'"
        for byte in UInt8(0)...UInt8(127) where !"<>&\"'".utf8.contains(byte) { text.unicodeScalars.append(Unicode.Scalar(byte)) }
        text += "é «&#x202F;» \u{202F}<"
        var output: [UInt8] = []
        TemplateLibrary.escapeHTML(text, into: &output)
        var expected = "&lt;&gt;&amp;&quot;&#39;"
        for byte in UInt8(0)...UInt8(127) where !"<>&\"'".utf8.contains(byte) { expected.unicodeScalars.append(Unicode.Scalar(byte)) }
        expected += "é «&amp;#x202F;» \u{202F}&lt;"
        XCTAssertEqual(String(decoding: output, as: UTF8.self), expected)
    }

    /// Texts escaped eight bytes at a time: each special byte found at every offset of a word, next to the bytes
    /// that differ from it by one bit.
    func testEscapingFindsASpecialByteAtEveryOffset() {
        let neighbours = "!#$%()*+,-./0123456789:;=?@`|~\u{7F}é\u{202F}"
        for special in "<>&\"'" {
            for offset in 0..<19 {
                let padding = String(repeating: "a", count: offset)
                let text = padding + String(special) + neighbours + padding + String(special)
                var output: [UInt8] = []
                TemplateLibrary.escapeHTML(text, into: &output)
                let entity = ["<": "&lt;", ">": "&gt;", "&": "&amp;", "\"": "&quot;", "'": "&#39;"][special] ?? ""
                XCTAssertEqual(String(decoding: output, as: UTF8.self), padding + entity + neighbours + padding + entity, "\(special) at \(offset)")
            }
        }
        var output: [UInt8] = []
        TemplateLibrary.escapeHTML(String(repeating: "abcdefgh", count: 4), into: &output)
        XCTAssertEqual(output, Array(String(repeating: "abcdefgh", count: 4).utf8))
    }
}
