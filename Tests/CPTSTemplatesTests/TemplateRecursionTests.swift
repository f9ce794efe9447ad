import CPTSTemplates
import Foundation
import XCTest

/// Templates that would recurse without end or nest without bound: refused when the library loads when the
/// templates alone decide it, stopped at `TemplateLibrary.maximumDepth` when the data does; never a stack overflow.
final class TemplateRecursionTests: XCTestCase {
    func loadError(_ templates: [String: String]) -> TemplateSyntaxError? {
        do {
            _ = try TemplateLibrary(templates: templates)
            return nil
        } catch {
            return error
        }
    }

    func renderError(_ templates: [String: String], _ root: String, _ value: TemplateValue) throws -> TemplateSyntaxError? {
        let library = try TemplateLibrary(templates: templates)
        do {
            _ = try library.render(root, value)
            return nil
        } catch {
            return error
        }
    }

    /// `{"c": {"c": … {"c": end}}}`, `levels` members `c` one inside the other.
    func nested(_ levels: Int, end: TemplateValue = true) -> TemplateValue {
        var value: TemplateValue = ["c": end]
        for _ in 1..<levels { value = ["c": value] }
        return value
    }

    func testAPartialThatIncludesItselfIsRefusedAtItsTag() {
        let error = loadError(["a": "<p>\n  é {{>a}}\n</p>"])
        XCTAssertEqual(error?.problem, .inclusionCycle(["a", "a"]))
        XCTAssertEqual(error.map { [$0.line, $0.column] }, [2, 5])
        XCTAssertEqual(error?.template, "a")
    }

    func testTwoPartialsThatIncludeEachOtherAreRefusedWhereTheCycleCloses() {
        let error = loadError(["a": "{{>b}}", "b": "b\n{{#list}}{{/list}}{{>a}}"])
        XCTAssertEqual(error?.problem, .inclusionCycle(["a", "b", "a"]))
        XCTAssertEqual(error.map { [$0.line, $0.column] }, [2, 19])
        XCTAssertEqual(error?.template, "b")
    }

    func testAnInheritanceLoopIsRefused() {
        let error = loadError(["a": "{{<b}}{{/b}}", "b": "b\n {{<a}}{{/a}}"])
        XCTAssertEqual(error?.problem, .inclusionCycle(["a", "b", "a"]))
        XCTAssertEqual(error.map { [$0.template, "\($0.line):\($0.column)"] }, ["b", "2:2"])
        XCTAssertEqual(loadError(["a": "{{<a}}{{/a}}"])?.problem, .inclusionCycle(["a", "a"]))
        // With a block given on the way, `a` is rendered again with it, then `b` again with the same: the cycle
        // closes at `a`'s tag.
        let given = loadError(["a": "{{<b}}{{$x}}1{{/x}}{{/b}}", "b": "b\n {{<a}}{{/a}}"])
        XCTAssertEqual(given?.problem, .inclusionCycle(["b", "a", "b"]))
        XCTAssertEqual(given.map { [$0.template, "\($0.line):\($0.column)"] }, ["a", "1:1"])
    }

    /// A block given a content that holds the same block expands it again, and again.
    func testABlockWhoseContentExpandsItselfIsRefused() {
        let error = loadError(["p": "{{$x}}{{/x}}", "t": "{{<p}}{{$x}}a{{$x}}b{{/x}}{{/x}}{{/p}}"])
        XCTAssertEqual(error?.problem, .inclusionCycle(["$x", "$x"]))
        XCTAssertEqual(error.map { [$0.template, "\($0.line):\($0.column)"] }, ["t", "1:14"])
    }

    /// The cycle through a caller's block: `t` gives `p` a block that includes `t` again.
    func testACycleThroughAGivenBlockIsRefused() {
        let error = loadError(["p": "{{$x}}{{/x}}", "t": "{{<p}}{{$x}}{{>t}}{{/x}}{{/p}}"])
        XCTAssertEqual(error?.problem, .inclusionCycle(["p", "$x", "t", "p"]))
    }

    /// What the specification requires to work: a recursion that a section over data ends, and a parent that
    /// includes itself through another one whose blocks stop it. (`SpecificationTests` run them too.)
    func testRecursionsTheSpecificationAllowsStillLoadAndRender() throws {
        let node = ["node": "{{content}}<{{#nodes}}{{>node}}{{/nodes}}>"]
        let tree: TemplateValue = ["content": "X", "nodes": [["content": "Y", "nodes": []]]]
        let rendered = try TemplateLibrary(templates: node).render("node", tree)
        XCTAssertEqual(rendered.map { String(decoding: $0.bytes, as: UTF8.self) }, "X<Y<>>")
        let inheritance = ["t": "{{<parent}}{{$foo}}override{{/foo}}{{/parent}}",
                           "parent": "{{$foo}}default content{{/foo}} {{$bar}}{{<parent2}}{{/parent2}}{{/bar}}",
                           "parent2": "{{$foo}}parent2 default content{{/foo}} {{<parent}}{{$bar}}don't recurse{{/bar}}{{/parent}}"]
        let text = try TemplateLibrary(templates: inheritance).render("t", [:]).map { String(decoding: $0.bytes, as: UTF8.self) }
        XCTAssertEqual(text, "override override override don't recurse")
    }

    func testFiftyThousandNestedSectionsAreRefusedAtTheFirstTagPastTheLimit() {
        let limit = TemplateLibrary.maximumNesting
        for open in ["{{#a}}", "{{^a}}", "{{$a}}"] {
            let close = "{{/a}}"
            let template = String(repeating: open, count: 50_000) + String(repeating: close, count: 50_000)
            let error = loadError(["t": template])
            XCTAssertEqual(error?.problem, .nestingTooDeep(limit: limit), open)
            XCTAssertEqual(error.map { [$0.line, $0.column] }, [1, limit * open.count + 1], open)
        }
        let parents = String(repeating: "{{<p}}{{$b}}", count: 25_000) + String(repeating: "{{/b}}{{/p}}", count: 25_000)
        XCTAssertEqual(loadError(["t": parents, "p": ""])?.problem, .nestingTooDeep(limit: limit))
    }

    func testNestingUpToTheLimitLoadsAndRenders() throws {
        let limit = TemplateLibrary.maximumNesting
        let template = String(repeating: "{{#c}}", count: limit) + "x" + String(repeating: "{{/c}}", count: limit)
        let rendered = try TemplateLibrary(templates: ["t": template]).render("t", nested(limit, end: true))
        XCTAssertEqual(rendered?.bytes, Array("x".utf8))
    }

    /// A partial that includes itself inside a section loads: the data ends it, or the depth bound does.
    func testDeepRecursionThroughDataStopsAtTheDepthLimitWithItsTag() throws {
        let templates = ["node": "{{#c}}-{{>node}}{{/c}}"]
        // The 50th `c` is false: 49 levels, each a section and a partial.
        let shallow = try TemplateLibrary(templates: templates).render("node", nested(50, end: false))
        XCTAssertEqual(shallow?.bytes, Array(String(repeating: "-", count: 49).utf8))
        let error = try renderError(templates, "node", nested(1_000, end: false))
        XCTAssertEqual(error?.problem, .renderTooDeep(limit: TemplateLibrary.maximumDepth))
        XCTAssertEqual(error.map { [$0.template, "\($0.line):\($0.column)"] }, ["node", "1:1"])
        // Data that never ends it: a true value found again at every level.
        let endless = try renderError(["t": "a\n{{#yes}}{{>t}}{{/yes}}"], "t", ["yes": true])
        XCTAssertEqual(endless.map { [$0.template, "\($0.line):\($0.column)"] }, ["t", "2:1"])
    }

    /// Sections over a list found again at every level, 40 deep: within the depth bound, but the list's length to
    /// the power of the depth (2^40) of steps. The steps bound stops it (here a smaller one than the default, for
    /// a debug build to reach it in a second).
    func testSectionsThatGrowExponentiallyStopAtTheStepsLimit() throws {
        let template = String(repeating: "{{#list}}", count: 40) + "." + String(repeating: "{{/list}}", count: 40)
        let library = try TemplateLibrary(templates: ["t": template])
        XCTAssertThrowsError(try library.render("t", ["list": [1, 2]], maximumSteps: 200_000)) { error in
            XCTAssertEqual((error as? TemplateSyntaxError)?.problem, .renderTooLong(steps: 200_000))
            XCTAssertEqual((error as? TemplateSyntaxError)?.line, 1)
        }
        // A recursion through the same list ends at the depth bound first.
        XCTAssertEqual(try renderError(["t": "{{#list}}{{>t}}{{/list}}"], "t", ["list": [1, 2]])?.problem,
                       .renderTooDeep(limit: TemplateLibrary.maximumDepth))
    }

    func testARenderPastTheBytesLimitStopsAtTheTag() throws {
        let library = try TemplateLibrary(templates: ["t": "{{#list}}\n  {{#list}}{{text}}{{/list}}{{/list}}"])
        let value: TemplateValue = ["list": .list(Array(repeating: 1, count: 100)), "text": .string(String(repeating: "x", count: 1_000))]
        XCTAssertThrowsError(try library.render("t", value, maximumBytes: 100_000)) { error in
            let error = error as? TemplateSyntaxError
            XCTAssertEqual(error?.problem, .renderTooLarge(bytes: 100_000))
            // Past the limit after the last item of the inner list: the outer list's next item stops.
            XCTAssertEqual(error.map { "\($0.line):\($0.column)" }, "1:1")
        }
        XCTAssertEqual(try library.render("t", value)?.bytes.count, 100 * (2 + 100 * 1_000))
    }

    /// A chain of distinct partials longer than the depth bound cannot render whatever the data: refused at load.
    func testAChainOfPartialsDeeperThanTheLimitIsRefusedAtLoad() {
        let count = TemplateLibrary.maximumDepth + 50
        var templates: [String: String] = [:]
        for index in 0..<count { templates[String(format: "p%04d", index)] = String(format: "{{>p%04d}}", index + 1) }
        let error = loadError(templates)
        XCTAssertEqual(error?.problem, .renderTooDeep(limit: TemplateLibrary.maximumDepth))
        XCTAssertEqual(error?.template, String(format: "p%04d", TemplateLibrary.maximumDepth))
    }

    /// The deepest render there can be, at the limit of nesting and of depth, on a thread with 512 KiB of stack
    /// (a secondary thread's default on macOS; Linux's are larger), ends with its error, not a crash.
    func testTheDeepestRenderFitsInASmallStack() throws {
        let limit = TemplateLibrary.maximumNesting
        let sections = String(repeating: "{{#c}}", count: limit) + "{{>t}}" + String(repeating: "{{/c}}", count: limit)
        let shapes = [["t": "{{#c}}{{>t}}{{/c}}"], ["t": sections], ["t": "{{#c}}{{<p}}{{$b}}{{>t}}{{/b}}{{/p}}{{/c}}", "p": "{{$b}}{{/b}}"],
                      ["t": "{{#l}}{{>t}}{{/l}}"], ["t": "{{^n}}{{>t}}{{/n}}"]]
        let value: TemplateValue = ["c": nested(1_000), "l": [["x": 1]], "n": false]
        for templates in shapes {
            let library = try TemplateLibrary(templates: templates)
            let outcome = Outcome()
            let thread = Thread {
                do throws(TemplateSyntaxError) { _ = try library.render("t", value) } catch { outcome.set(error.problem) }
                outcome.finished.signal()
            }
            thread.stackSize = 512 * 1024
            thread.start()
            outcome.finished.wait()
            XCTAssertEqual(outcome.get(), .renderTooDeep(limit: TemplateLibrary.maximumDepth), "\(templates)")
        }
    }

    final class Outcome: @unchecked Sendable {
        let finished = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var problem: TemplateSyntaxError.Problem?
        func set(_ new: TemplateSyntaxError.Problem) { lock.withLock { problem = new } }
        func get() -> TemplateSyntaxError.Problem? { lock.withLock { problem } }
    }
}
