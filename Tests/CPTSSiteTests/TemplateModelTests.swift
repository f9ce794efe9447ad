@testable import CPTSSite
import CPTSTemplates
import XCTest

/// A view model's fields give both its value and its schema: they must agree on every page of the sites.
final class TemplateModelTests: XCTestCase {
    struct Part: TemplateModel {
        let name: String
        static let fields: [TemplateField<Self>] = [.text("name", \.name)]
    }

    struct Sample: TemplateModel {
        let frame: Part
        let note: String?
        let shown: Bool
        let part: Part?
        let rows: [Part]

        static let fields: [TemplateField<Self>] = [
            .inline(\.frame), .optionalText("note", \.note), .flag("shown", \.shown), .optional("part", \.part),
            .list("rows", \.rows),
        ]
    }

    func testAnAbsentValueReadsAsFalseUnderItsKey() {
        let value = Sample(frame: Part(name: "n"), note: nil, shown: true, part: nil, rows: []).templateValue
        XCTAssertEqual(value[member: "note"].map(String.init(describing:)), String(describing: TemplateValue.bool(false)))
        XCTAssertEqual(value[member: "part"].map(String.init(describing:)), String(describing: TemplateValue.bool(false)))
    }

    func testAnInlinePartsKeysSitAtTheModelsOwnLevel() {
        XCTAssertEqual(Sample.schema, .object(["name": .scalar, "note": .optional(.scalar), "shown": .flag,
                                               "part": .optional(.object(["name": .scalar])),
                                               "rows": .list(.object(["name": .scalar]))]))
        let value = Sample(frame: Part(name: "n"), note: "x", shown: false, part: Part(name: "p"), rows: [Part(name: "r")]).templateValue
        XCTAssertTrue(Self.conforms(value, to: Sample.schema))
        XCTAssertEqual(value[member: "name"].map(String.init(describing:)), String(describing: TemplateValue.string("n")))
    }

    struct Renamed: TemplateModel {
        let frame: Part
        let name: String
        static let fields: [TemplateField<Self>] = [.inline(\.frame), .text("name", \.name)]
    }

    func testAKeyGivenAgainReadsItsLastValue() {
        let value = Renamed(frame: Part(name: "frame"), name: "own").templateValue
        XCTAssertEqual(value[member: "name"].map(String.init(describing:)), String(describing: TemplateValue.string("own")))
        XCTAssertEqual(Renamed.members, ["name": .scalar])
    }

    func testAModelRendersAsTheObjectOfItsKeys() throws {
        let sample = Sample(frame: Part(name: "n"), note: nil, shown: true, part: Part(name: "p"), rows: [Part(name: "r1"), Part(name: "r2")])
        let template = "{{name}}{{#note}}N{{/note}}{{#shown}}S{{/shown}}{{part.name}}{{#rows}}{{name}}{{index()}}{{/rows}}{{count(rows)}}{{gone}}"
        let library = try TemplateLibrary(templates: ["t": template])
        let model = try XCTUnwrap(library.render("t", sample.templateValue))
        guard case .model(let object) = sample.templateValue else { return XCTFail("not a model") }
        let dictionary = try XCTUnwrap(library.render("t", .object(object.members)))
        XCTAssertEqual(String(decoding: model.bytes, as: UTF8.self), "nSpr10r212")
        XCTAssertEqual(model.bytes, dictionary.bytes)
        XCTAssertEqual(model.missingNames, ["gone"])
    }

    func testAListOfPartsIsReadItemByItem() throws {
        let sample = Sample(frame: Part(name: "n"), note: nil, shown: true, part: nil, rows: [Part(name: "r1"), Part(name: "r2")])
        guard case .lazyList(let rows)? = sample.templateValue[member: "rows"] else { return XCTFail("rows built") }
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(rows.item(at: 1)[member: "name"].map(String.init(describing:)), String(describing: TemplateValue.string("r2")))
        XCTAssertEqual(rows.member(TemplateKey("name"), at: 0).map(String.init(describing:)), String(describing: TemplateValue.string("r1")))
        XCTAssertNil(rows.member(TemplateKey("gone"), at: 1))
        XCTAssertEqual(Array(rows.members(at: 0).keys), ["name"])
    }

    /// Whether a value has exactly the shape of a schema: every member, no other.
    static func conforms(_ value: TemplateValue, to schema: TemplateSchema) -> Bool {
        switch (schema, value) {
        case (.scalar, .string), (.scalar, .int), (.scalar, .double), (.flag, .bool): true
        case (.optional, .bool(false)), (.optional, .null): true
        case (.optional(let wrapped), _): conforms(value, to: wrapped)
        case (.list(let element), .list(let items)): items.allSatisfy { conforms($0, to: element) }
        case (.list, .lazyList(let list)): conforms(.list(list.items), to: schema)
        case (.object, .model(let object)): conforms(.object(object.members), to: schema)
        case (.object, .listItem(let list, let index)): conforms(.object(list.members(at: index)), to: schema)
        case (.object(let members), .object(let values)):
            Set(members.keys) == Set(values.keys) && members.allSatisfy { key, shape in values[key].map { conforms($0, to: shape) } ?? false }
        default: false
        }
    }

    func testEveryPageOfTheSitesHasTheShapeOfItsSchema() async throws {
        let schemas = Routes.schemas()
        var checked = 0
        for site in ThemeContractTests.sites {
            let pages = try await SitePages.load(contentFolder: ThemeContractTests.repository.appendingPathComponent(site).path)
            for job in pages.jobs {
                let schema = try XCTUnwrap(schemas[job.template], "no schema for \(job.template)")
                XCTAssertTrue(Self.conforms(job.viewModel(pages.models).templateValue, to: schema), "\(job.path) does not have its schema's shape")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 50)
    }
}

extension TemplateModelTests {
    final class Counter: @unchecked Sendable {
        var reads = 0
    }

    struct CountedFrame: TemplateModel {
        let counter: Counter
        let title: String
        let lang: String
        static func == (lhs: Self, rhs: Self) -> Bool { lhs.title == rhs.title && lhs.lang == rhs.lang }
        func hash(into hasher: inout Hasher) { hasher.combine(title) }
        static let fields: [TemplateField<Self>] = [.text("title", \.title), .text("lang", \.lang)]
    }

    struct CountedPage: TemplateModel {
        let frameValue: CountedFrame
        let body: String
        var frame: CountedFrame {
            frameValue.counter.reads += 1
            return frameValue
        }
        static let fields: [TemplateField<Self>] = [.inline(\.frame), .text("body", \.body)]
    }

    func testAnInlinePartIsReadOncePerModelWhateverItsKeysRead() throws {
        let counter = Counter()
        let page = CountedPage(frameValue: CountedFrame(counter: counter, title: "T", lang: "fr"), body: "B")
        let library = try TemplateLibrary(templates: ["t": "{{title}}{{lang}}{{body}}{{title}}{{lang}}"])
        let rendering = try XCTUnwrap(library.render("t", page.templateValue))
        XCTAssertEqual(String(decoding: rendering.bytes, as: UTF8.self), "TfrBTfr")
        XCTAssertEqual(counter.reads, 1)
    }
}
