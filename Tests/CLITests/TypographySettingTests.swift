import XCTest

/// `typography:` in site.yaml: French typography on the Markdown's text, on by default for a French site.
final class TypographySettingTests: XCTestCase {
    func testMarkdownTextIsTypesetByDefault() throws {
        let site = try ScratchSite()
        XCTAssertEqual(try site.run("build").status, 0)
        let page = try site.read("public/cpts/bourges/index.html")
        XCTAssertTrue(page.contains("<p>Lettre d’intention déposée.</p>"), page)
    }

    func testTypographyFalseKeepsTheTextAsWritten() throws {
        let site = try ScratchSite()
        try site.write("content/site.yaml", try site.read("content/site.yaml") + "typography: false\n")
        let build = try site.run("build")
        XCTAssertEqual(build.status, 0, build.stderr)
        let page = try site.read("public/cpts/bourges/index.html")
        XCTAssertTrue(page.contains("<p>Lettre d'intention déposée.</p>"), page)
    }
}
