import CPTSTemplates
import Foundation
import XCTest

/// A theme's templates checked against the shape of their view model when the theme loads: every name of every
/// branch, resolved as Mustache resolves it, each problem at its template, line and column.
final class TemplateSchemaCheckTests: XCTestCase {
    /// The problems of template `t` (and of what it includes), each as `template:line:column name kind`.
    func problems(_ template: String, _ schema: TemplateSchema, partials: [String: String] = [:],
                  maximumSteps: Int = TemplateLibrary.maximumCheckSteps) throws -> [String] {
        var templates = partials
        templates["t"] = template
        let library = try TemplateLibrary(templates: templates)
        let problems = try XCTUnwrap(library.check("t", against: schema, maximumSteps: maximumSteps))
        return problems.map { problem in
            let kind = switch problem.kind {
            case .unknown(let part): "unknown \(part)"
            case .notAnObject(let part): "notAnObject \(part)"
            case .tooLong(let steps): "tooLong \(steps)"
            }
            return "\(problem.template):\(problem.line):\(problem.column) \(problem.name) \(kind)"
        }
    }

    let page: TemplateSchema = .object([
        "title": .scalar,
        "shown": .flag,
        "site": .object(["name": .scalar, "logo": .optional(.object(["url": .scalar]))]),
        "rows": .list(.object(["label": .scalar, "tags": .list(.scalar)])),
    ])

    // MARK: Resolution

    func testANameOfAnOuterFrameResolvesInsideASection() throws {
        XCTAssertEqual(try problems("{{#rows}}{{label}}{{title}}{{#site}}{{label}}{{name}}{{/site}}{{/rows}}", page), [])
    }

    func testANameInNoFrameIsReportedAtItsTag() throws {
        XCTAssertEqual(try problems("<p>\n  {{#rows}}{{nom}}{{/rows}}", page), ["t:2:12 nom unknown nom"])
        XCTAssertEqual(try problems("{{{titre}}} {{&titre}}", page), ["t:1:1 titre unknown titre", "t:1:13 titre unknown titre"])
    }

    func testASectionNameInNoFrameIsReported() throws {
        XCTAssertEqual(try problems("{{#lignes}}{{/lignes}}", page), ["t:1:1 lignes unknown lignes"])
    }

    func testADottedNameResolvesItsFurtherPartsInsideTheMember() throws {
        XCTAssertEqual(try problems("{{site.name}}{{site.logo.url}}{{#rows}}{{site.name}}{{/rows}}", page), [])
        XCTAssertEqual(try problems("{{site.nom}}", page), ["t:1:1 site.nom unknown nom"])
    }

    /// `site.title`: `title` is the page's, not the site's; a dotted name does not walk back up the stack.
    func testAFurtherPartIsNotLookedUpInOuterFrames() throws {
        XCTAssertEqual(try problems("{{site.title}}", page), ["t:1:1 site.title unknown title"])
    }

    func testTheFirstPartOfADottedNameIsLookedUpTheStack() throws {
        XCTAssertEqual(try problems("{{#rows}}{{site.name}}{{/rows}}", page), [])
        XCTAssertEqual(try problems("{{#rows}}{{lieu.name}}{{/rows}}", page), ["t:1:10 lieu.name unknown lieu"])
    }

    func testADottedNameIntoAScalarAFlagOrAListIsReported() throws {
        XCTAssertEqual(try problems("{{title.x}} {{shown.y}} {{rows.label}}", page),
                       ["t:1:1 title.x notAnObject x", "t:1:13 shown.y notAnObject y", "t:1:25 rows.label notAnObject label"])
    }

    func testTheImplicitIteratorAlwaysResolves() throws {
        XCTAssertEqual(try problems("{{.}}{{#rows}}{{.}}{{#tags}}{{.}}{{/tags}}{{/rows}}{{#shown}}{{.}}{{/shown}}", page), [])
    }

    func testASectionOverAListPushesItsElement() throws {
        XCTAssertEqual(try problems("{{#rows}}{{label}}{{#tags}}{{.}}{{/tags}}{{/rows}}", page), [])
        XCTAssertEqual(try problems("{{label}}", page), ["t:1:1 label unknown label"])
    }

    func testASectionOverAnOptionalBehavesAsOverWhatItWraps() throws {
        XCTAssertEqual(try problems("{{#site}}{{#logo}}{{url}}{{.url}}{{/logo}}{{/site}}", page), [])
        XCTAssertEqual(try problems("{{#site.logo}}{{alt}}{{/site.logo}}", page), ["t:1:15 alt unknown alt"])
    }

    func testASectionOverAFlagPushesNothingReadable() throws {
        // `.name` reads the innermost value only: the page, since the flag pushed nothing.
        XCTAssertEqual(try problems("{{#shown}}{{title}}{{.title}}{{/shown}}", page), [])
        XCTAssertEqual(try problems("{{#shown}}{{texte}}{{/shown}}", page), ["t:1:11 texte unknown texte"])
    }

    func testASectionOverAScalarPushesOnlyItself() throws {
        XCTAssertEqual(try problems("{{#title}}{{.}}{{title}}{{/title}}", page), [])
        XCTAssertEqual(try problems("{{#title}}{{.title}}{{/title}}", page), ["t:1:11 .title unknown title"])
    }

    func testAnInvertedSectionPushesNothing() throws {
        XCTAssertEqual(try problems("{{#site}}{{^logo}}{{name}}{{.name}}{{/logo}}{{/site}}", page), [])
        // Over a list, the (empty) list: `.label` reads it, and finds nothing.
        XCTAssertEqual(try problems("{{#rows}}{{^tags}}{{label}}{{.label}}{{/tags}}{{/rows}}", page),
                       ["t:1:28 .label unknown label"])
    }

    func testTheBranchOfAnInvertedSectionIsChecked() throws {
        XCTAssertEqual(try problems("{{^rows}}{{vide}}{{/rows}}", page), ["t:1:10 vide unknown vide"])
        XCTAssertEqual(try problems("{{^absent}}{{/absent}}", page), ["t:1:1 absent unknown absent"])
    }

    /// `{{#secret}}` never shows with the sample values (a false flag, an empty list): the render cannot tell
    /// that `motDePasse` is no key of the page; the check does.
    func testABranchNoSampleValueReachesIsStillChecked() throws {
        let template = "{{#shown}}{{motDePasse}}{{/shown}}{{#rows}}{{etiquette}}{{/rows}}"
        let library = try TemplateLibrary(templates: ["t": template])
        let sample: TemplateValue = ["title": "T", "shown": false, "site": ["name": "S", "logo": false], "rows": []]
        XCTAssertEqual(try library.render("t", sample)?.missingNames, [])
        XCTAssertEqual(try problems(template, page), ["t:1:11 motDePasse unknown motDePasse", "t:1:44 etiquette unknown etiquette"])
    }

    /// One mistake, one problem: inside a section whose name was not found, the names are not reported again.
    func testInsideASectionWhoseNameIsUnknownNothingMoreIsReported() throws {
        XCTAssertEqual(try problems("{{#ligne}}{{label}}{{x.y}}{{/ligne}}{{z}}", page),
                       ["t:1:1 ligne unknown ligne", "t:1:37 z unknown z"])
    }

    func testTransformsResolveTheirNameAndReadTheirShape() throws {
        let template = "{{^empty(rows)}}{{count(rows)}}{{#first(rows)}}{{label}}{{/first(rows)}}{{/empty(rows)}}"
            + "{{#rows}}{{plusone(index())}}{{#last()}}.{{/last()}}{{uppercased(label)}}{{/rows}}"
        XCTAssertEqual(try problems(template, page), [])
        XCTAssertEqual(try problems("{{^empty(lignes)}}{{/empty(lignes)}}", page), ["t:1:1 empty(lignes) unknown lignes"])
    }

    /// The shape of a value whose lists are uniform (each element of one shape); nil for any other. A null is
    /// an optional scalar (the key is there).
    static func uniformShape(of value: TemplateValue) -> TemplateSchema? {
        switch value {
        case .null: return .optional(.scalar)
        case .bool: return .flag
        case .int, .double, .string, .opaque: return .scalar
        case .model(let object): return uniformShape(of: .object(object.members))
        case .lazyList(let list): return uniformShape(of: .list(list.items))
        case .listItem(let list, let index): return uniformShape(of: .object(list.members(at: index)))
        case .object(let members):
            var shapes: [String: TemplateSchema] = [:]
            for (name, member) in members {
                guard let shape = uniformShape(of: member) else { return nil }
                shapes[name] = shape
            }
            return .object(shapes)
        case .list(let items):
            let shapes = items.map(uniformShape(of:))
            guard let first = shapes.first else { return .list(.object([:])) }
            guard let first, shapes.allSatisfy({ $0 == first }) else { return nil }
            return .list(first)
        }
    }

    /// Against the Mustache specification's cases whose data is uniform: every name a render finds in no value of
    /// the stack is one the check reports (the check reports more: the branches the data does not reach).
    func testEveryNameARenderOfTheSpecificationMissesIsReported() throws {
        var compared = 0
        for file in ["interpolation", "sections", "inverted", "partials", "delimiters", "comments", "~inheritance"] {
            let url = SpecificationTests.specFolder.appendingPathComponent(file + ".json")
            let spec = try JSONDecoder().decode(SpecificationTests.SpecFile.self, from: Data(contentsOf: url))
            for test in spec.tests {
                guard let schema = Self.uniformShape(of: test.data.templateValue) else { continue }
                var templates = test.partials ?? [:]
                templates["t"] = test.template
                let library = try TemplateLibrary(templates: templates)
                let missed = try XCTUnwrap(library.render("t", test.data.templateValue)).missingNames
                let reported = Set(try XCTUnwrap(library.check("t", against: schema)).compactMap { problem in
                    if case .unknown(let part) = problem.kind { part } else { nil }
                })
                XCTAssertTrue(missed.isSubset(of: reported), "[\(file)] \(test.name): \(missed) not in \(reported)")
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 100)
    }

    // MARK: Partials, parents and blocks

    func testAPartialIsCheckedWithTheStackWhereItIsIncluded() throws {
        let partials = ["row": "<li>{{label}}</li>"]
        XCTAssertEqual(try problems("{{#rows}}{{>row}}{{/rows}}", page, partials: partials), [])
        XCTAssertEqual(try problems("{{#rows}}{{>row}}{{/rows}}\n{{>row}}", page, partials: partials), ["row:1:5 label unknown label"])
    }

    func testABlockIsCheckedWhereItsParentExpandsIt() throws {
        let partials = ["base": "{{#site}}{{$content}}{{/content}}{{/site}}{{$foot}}{{name}}{{/foot}}"]
        // `name` is the site's: the parent's section pushed it around the block; the default of `foot` is not
        // expanded (it is given), the given one is, outside `site`.
        XCTAssertEqual(try problems("{{<base}}{{$content}}{{name}}{{nom}}{{/content}}{{$foot}}{{title}}{{/foot}}{{/base}}", page,
                                    partials: partials), ["t:1:30 nom unknown nom"])
        XCTAssertEqual(try problems("{{<base}}{{/base}}", page, partials: partials), ["base:1:52 name unknown name"])
    }

    /// `node` includes itself inside its `children`: the element of the deepest list has no `children`, found
    /// again in the frame below, and so on; the walk ends when a (partial, stack) pair comes again.
    func testARecursivePartialIsWalkedOncePerStackAndEnds() throws {
        let leaf: TemplateSchema = .object(["name": .scalar])
        let tree: TemplateSchema = .object(["name": .scalar, "children": .list(.object(["name": .scalar, "children": .list(leaf)]))])
        let partials = ["node": "{{name}}{{#children}}{{>node}}{{/children}}{{nom}}"]
        XCTAssertEqual(try problems("{{>node}}", tree, partials: partials), ["node:1:44 nom unknown nom"])
        // Four tags a walk of `node`, walked with three stacks (root; root, child; root, child, leaf), and the
        // inclusion in `t`: 13 steps.
        XCTAssertEqual(try problems("{{>node}}", tree, partials: partials, maximumSteps: 13), ["node:1:44 nom unknown nom"])
        XCTAssertEqual(try problems("{{>node}}", tree, partials: partials, maximumSteps: 12), ["node:1:44 nom unknown nom", "node:1:44  tooLong 12"])
    }

    /// Two recursive inclusions a level: 2^100 paths, but few distinct stacks.
    func testARecursionThatBranchesEndsToo() throws {
        let schema: TemplateSchema = .object(["a": .object(["x": .scalar]), "b": .object(["y": .scalar])])
        let partials = ["n": "{{#a}}{{x}}{{>n}}{{/a}}{{#b}}{{y}}{{>n}}{{/b}}"]
        XCTAssertEqual(try problems("{{>n}}", schema, partials: partials, maximumSteps: 1_000), [])
    }

    func testAPartialIncludedAgainWithTheSameStackIsWalkedOnce() throws {
        let template = String(repeating: "{{>row}}", count: 1_000)
        let partials = ["row": String(repeating: "{{title}}", count: 100)]
        // 1 000 inclusions, and the partial's 100 tags once.
        XCTAssertEqual(try problems(template, page, partials: partials, maximumSteps: 1_100), [])
    }

    // MARK: Positions and order

    func testPositionsRightAfterASetDelimitersTag() throws {
        XCTAssertEqual(try problems("{{=<% %>=}}<%nom%>\n<%#x%><%/x%> <%={{ }}=%>{{y}}", page),
                       ["t:1:12 nom unknown nom", "t:2:1 x unknown x", "t:2:25 y unknown y"])
    }

    func testPositionsOnStandaloneLines() throws {
        XCTAssertEqual(try problems("<ul>\n  {{#rows}}\n  é {{nom}}\n  {{/rows}}\n\t{{^absent}}\n{{/absent}}", page),
                       ["t:3:5 nom unknown nom", "t:5:2 absent unknown absent"])
    }

    func testEveryProblemIsReportedOnceInTheOrderARenderMeetsIt() throws {
        let partials = ["p": "{{#rows}}{{b}}{{/rows}}"]
        XCTAssertEqual(try problems("{{c}}\n{{>p}}{{a}}{{>p}}{{c}}", page, partials: partials),
                       ["t:1:1 c unknown c", "p:1:10 b unknown b", "t:2:7 a unknown a", "t:2:18 c unknown c"])
    }

    func testAMissingTemplateHasNoCheck() throws {
        XCTAssertNil(try TemplateLibrary(templates: ["t": "x"]).check("autre", against: page))
    }

    // MARK: Cost

    /// 10 000 tags, 100 sections one inside the other, names found at the bottom of a 101-deep stack: each tag
    /// is visited once, exactly (a step fewer and the check stops).
    func testTheCheckVisitsEachTagOnceAtTheDeepestNesting() throws {
        let levels = TemplateLibrary.maximumNesting
        // `w` is the page's only: read at the bottom of the stack.
        var schema: TemplateSchema = .object([:])
        for level in 1...levels { schema = .object(level == levels ? ["o": schema, "w": .scalar] : ["o": schema]) }
        let body = String(repeating: "{{w}}", count: 99)
        let template = String(repeating: "{{#o}}" + body, count: levels) + String(repeating: "{{/o}}", count: levels)
        let tags = levels * 100
        XCTAssertEqual(tags, 10_000)
        XCTAssertEqual(try problems(template, schema, maximumSteps: tags), [])
        XCTAssertEqual(try problems(template, schema, maximumSteps: tags - 1), ["t:1:50096  tooLong 9999"])
    }

    /// The inputs kept from fuzzing (recursions that once crashed the engine, loops refused at load): each that
    /// loads checks within a few thousand steps, every problem inside its template.
    func testEveryKeptFuzzInputChecksWithinFewSteps() throws {
        let folder = TemplateFuzzRegressionTests.folder
        let schema: TemplateSchema = .object(["list": .list(.object(["name": .scalar])), "a": .scalar, "yes": .flag])
        var checked = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).filter({ !$0.hasPrefix(".") }).sorted() {
            let templates = TemplateFuzzRegressionTests.templates(try [UInt8](Data(contentsOf: folder.appendingPathComponent(name))))
            guard let library = try? TemplateLibrary(templates: templates) else { continue }
            for template in library.names {
                let problems = try XCTUnwrap(library.check(template, against: schema, maximumSteps: 5_000))
                for problem in problems {
                    XCTAssertNotEqual(problem.kind, .tooLong(steps: 5_000), "\(name): \(problem)")
                    let lines = try XCTUnwrap(templates[problem.template]).split(separator: "\n", omittingEmptySubsequences: false)
                    XCTAssertTrue(problem.line <= lines.count && problem.column <= lines[problem.line - 1].unicodeScalars.count,
                                  "\(name): \(problem)")
                }
                checked += 1
            }
        }
        XCTAssertGreaterThanOrEqual(checked, 2)
    }

    /// The deepest walk there can be (the nesting limit, then a partial recursing through ever deeper data) on
    /// a thread with 512 KiB of stack: it ends, at the depth a render may reach.
    func testTheDeepestCheckFitsInASmallStack() throws {
        let limit = TemplateLibrary.maximumNesting
        var schema: TemplateSchema = .object(["x": .scalar])
        for _ in 0..<300 { schema = .object(["c": schema]) }
        let sections = String(repeating: "{{#c}}", count: limit) + "{{>t}}{{y}}" + String(repeating: "{{/c}}", count: limit)
        let library = try TemplateLibrary(templates: ["t": sections])
        let root = schema
        let outcome = Outcome()
        let thread = Thread {
            outcome.set(library.check("t", against: root) ?? [])
            outcome.finished.signal()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        outcome.finished.wait()
        XCTAssertEqual(outcome.get().map(\.name), ["y"])
    }

    final class Outcome: @unchecked Sendable {
        let finished = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var problems: [TemplateSchemaProblem] = []
        func set(_ new: [TemplateSchemaProblem]) { lock.withLock { problems = new } }
        func get() -> [TemplateSchemaProblem] { lock.withLock { problems } }
    }
}
