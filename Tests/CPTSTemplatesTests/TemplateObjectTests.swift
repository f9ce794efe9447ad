import CPTSTemplates
import XCTest

/// Objects read member by member (`TemplateValue.model`): they render as the same members in a dictionary do.
final class TemplateObjectTests: XCTestCase {
    /// An object over a dictionary that records the members read (by one render at a time).
    final class CountingObject: TemplateObject, @unchecked Sendable {
        let values: [String: TemplateValue]
        var reads: [String] = []

        init(_ values: [String: TemplateValue]) { self.values = values }

        func member(_ key: TemplateKey) -> TemplateValue? {
            guard let value = values[key.name] else { return nil }
            reads.append(key.name)
            return value
        }

        var members: [String: TemplateValue] { values }
    }

    static let values: [String: TemplateValue] = [
        "title": "a < b", "shown": true, "hidden": false, "rows": [["label": "r1"], ["label": "r2"]], "count": 3,
        "part": ["name": "p", "inner": ["x": "deep"]], "none": nil,
    ]

    func bytes(_ template: String, _ value: TemplateValue) throws -> TemplateLibrary.Rendering {
        try XCTUnwrap(TemplateLibrary(templates: ["t": template]).render("t", value))
    }

    func testAnObjectRendersAsTheDictionaryOfItsMembers() throws {
        let templates = [
            "{{title}}|{{{title}}}|{{count}}|{{plusone(count)}}|{{part.name}}|{{part.inner.x}}|{{part.absent}}",
            "{{#shown}}S{{/shown}}{{^hidden}}H{{/hidden}}{{#none}}N{{/none}}{{^none}}n{{/none}}",
            "{{#rows}}{{label}}{{title}}{{#first()}}^{{/first()}}{{index()}}{{^last()}},{{/last()}}{{/rows}}",
            "{{#part}}{{name}}{{title}}{{.name}}{{.title}}{{/part}}{{missing}}{{.gone}}{{#part}}{{#inner}}{{x}}{{name}}{{/inner}}{{/part}}",
            "{{count(part)}}{{#empty(part)}}E{{/empty(part)}}{{#sorted(part)}}{{key}};{{/sorted(part)}}",
        ]
        for template in templates {
            let dictionary = try bytes(template, .object(Self.values))
            let object = try bytes(template, .model(CountingObject(Self.values)))
            XCTAssertEqual(String(decoding: object.bytes, as: UTF8.self), String(decoding: dictionary.bytes, as: UTF8.self), template)
            XCTAssertEqual(object.missingNames, dictionary.missingNames, template)
        }
    }

    func testOnlyTheMembersATemplateNamesAreRead() throws {
        let object = CountingObject(Self.values)
        _ = try bytes("{{title}}{{#shown}}{{title}}{{/shown}}", .model(object))
        XCTAssertEqual(object.reads, ["title", "shown", "title"])
    }

    func testAKeyTableFindsEveryNameAndNoOther() {
        let names = (0..<200).map { "name\($0)" } + ["", "é", "a.b", "unNomDeChampPlusLongQueSeizeOctets"]
        let table = TemplateKeyTable(names)
        for (position, name) in names.enumerated() {
            XCTAssertEqual(table.position(of: TemplateKey(name)), position, name)
        }
        for absent in ["name200", "Name1", "name", "e", "unNomDeChampPlusLongQueSeizeOctetz"] {
            XCTAssertNil(table.position(of: TemplateKey(absent)), absent)
        }
    }

    func testAKeyTableKeepsTheFirstPositionOfANameGivenTwice() {
        XCTAssertEqual(TemplateKeyTable(["a", "b", "a"]).position(of: TemplateKey("a")), 0)
    }

    func testAKeysHashIsFNV1aOfItsUTF8() {
        XCTAssertEqual(TemplateKey("").hash, 0xcbf2_9ce4_8422_2325)
        XCTAssertEqual(TemplateKey("a").hash, 0xaf63_dc4c_8601_ec8c)
    }
}
