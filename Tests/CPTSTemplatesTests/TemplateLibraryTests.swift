import CPTSTemplates
import XCTest

/// What the site needs of the engine beyond the specification: positions of syntax errors, missing names,
/// escaping, and one library shared by concurrent renders.
final class TemplateLibraryTests: XCTestCase {
    func render(_ template: String, _ value: TemplateValue, partials: [String: String] = [:]) throws -> TemplateLibrary.Rendering {
        var templates = partials
        templates["t"] = template
        return try XCTUnwrap(TemplateLibrary(templates: templates).render("t", value))
    }

    func text(_ template: String, _ value: TemplateValue) throws -> String {
        String(decoding: try render(template, value).bytes, as: UTF8.self)
    }

    func syntaxError(_ template: String) -> TemplateSyntaxError? {
        do {
            _ = try TemplateLibrary(templates: ["page": template])
            return nil
        } catch {
            return error
        }
    }

    func testSyntaxErrorsNameTheTemplateLineAndColumn() {
        let unclosed = syntaxError("<p>\n  é {{#list}}\n")
        XCTAssertEqual(unclosed.map { [$0.line, $0.column] }, [2, 5])
        XCTAssertEqual(unclosed?.template, "page")
        XCTAssertEqual(unclosed?.problem, .neverClosed("list"))
        XCTAssertEqual(syntaxError("a\nb\n{{/x}}").map { [$0.line, $0.column] }, [3, 1])
        XCTAssertEqual(syntaxError("{{#a}}{{/b}}")?.problem, .closedByAnother(opened: "a", closed: "b"))
        XCTAssertEqual(syntaxError("x {{name").map { [$0.line, $0.column] }, [1, 3])
        XCTAssertEqual(syntaxError("{{=<% %>}}")?.problem, .delimitersUnterminated)
        XCTAssertEqual(syntaxError("{{}}")?.problem, .emptyTag)
        XCTAssertEqual(syntaxError("{{a b}}")?.problem, .invalidName("a b"))
        XCTAssertEqual(syntaxError("{{#a}}")?.description, "page:1:1: neverClosed(\"a\")")
        XCTAssertNil(syntaxError("{{! {{not a tag }}"))
    }

    func testNamesNoContextHasAreReported() throws {
        let root: TemplateValue = ["site": ["title": "T"], "rows": [["label": "a"], ["label": "b"]]]
        let rendering = try render("{{site.title}}{{site.missing}}{{#rows}}{{label}}{{other}}{{/rows}}{{^empty(absent)}}{{/empty(absent)}}{{.anchored}}", root)
        XCTAssertEqual(String(decoding: rendering.bytes, as: UTF8.self), "Tab")
        XCTAssertEqual(rendering.missingNames, ["other", "absent", "anchored"])
        // `.name` inside a section looks only in the section's value: no name of the page is missing there.
        XCTAssertEqual(try render("{{#rows}}{{.nothing}}{{/rows}}", root).missingNames, [])
    }

    func testEscapesExactlyTheFiveHTMLCharacters() throws {
        let value: TemplateValue = ["v": "<a href=\"x\">l'été & co</a> ©"]
        XCTAssertEqual(try text("{{v}}", value), "&lt;a href=&quot;x&quot;&gt;l&#39;été &amp; co&lt;/a&gt; ©")
        XCTAssertEqual(try text("{{{v}}}|{{& v}}", value), "<a href=\"x\">l'été & co</a> ©|<a href=\"x\">l'été & co</a> ©")
    }

    func testTruthinessAndPrinting() throws {
        let value: TemplateValue = ["empty": "", "zero": 0, "no": false, "none": nil, "list": [], "pi": 3.5, "yes": true]
        XCTAssertEqual(try text("{{#empty}}E{{/empty}}{{#zero}}Z{{/zero}}{{#no}}N{{/no}}{{#none}}0{{/none}}{{#list}}L{{/list}}", value), "EZ")
        XCTAssertEqual(try text("{{^empty}}E{{/empty}}{{^zero}}Z{{/zero}}{{^no}}N{{/no}}{{^none}}0{{/none}}{{^list}}L{{/list}}", value), "N0L")
        XCTAssertEqual(try text("{{zero}} {{pi}} {{yes}} {{no}} [{{none}}]", value), "0 3.5 true false []")
    }

    func testTransformsAndListPositions() throws {
        let value: TemplateValue = ["items": ["a", "b", "c"], "none": [], "name": "Lot"]
        XCTAssertEqual(try text("{{count(items)}} {{first(items)}} {{last(items)}} {{uppercased(name)}} {{#empty(none)}}vide{{/empty(none)}}", value),
                       "3 a c LOT vide")
        XCTAssertEqual(try text("{{#items}}{{^first()}}, {{/first()}}{{plusone(index())}}={{.}}{{/items}}", value), "1=a, 2=b, 3=c")
        XCTAssertEqual(try text("{{#reversed(items)}}{{.}}{{/reversed(items)}}", value), "cba")
    }

    func testOneLibraryRendersConcurrently() async throws {
        let library = try TemplateLibrary(templates: [
            "base": "<main>\n{{$content}}{{/content}}\n</main>\n",
            "page": "{{<base}}\n{{$content}}\n{{#rows}}<p>{{n}}</p>\n{{/rows}}\n{{/content}}\n{{/base}}\n",
        ])
        let results = await withTaskGroup(of: (Int, String).self) { group in
            for task in 0..<64 {
                group.addTask {
                    let rows = TemplateValue.list((0..<task % 5).map { ["n": .int(task * 10 + $0)] })
                    let bytes = (try? library.render("page", ["rows": rows]))?.bytes ?? []
                    return (task, String(decoding: bytes, as: UTF8.self))
                }
            }
            var results: [Int: String] = [:]
            for await (task, text) in group { results[task] = text }
            return results
        }
        for task in 0..<64 {
            let expected = "<main>\n" + (0..<task % 5).map { "<p>\(task * 10 + $0)</p>\n" }.joined() + "\n</main>\n"
            XCTAssertEqual(results[task], expected, "task \(task)")
        }
    }
}
