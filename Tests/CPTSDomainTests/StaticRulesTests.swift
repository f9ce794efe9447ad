@testable import CPTSDomain
import XCTest

/// The rules of `static/`, of logos and of Markdown images, on in-memory content.
final class StaticRulesTests: XCTestCase {
    func file(_ path: String) -> StaticFile {
        StaticFile(path: path, location: SourceLocation(file: "content/static/" + path, line: 1, column: 1),
                   source: "/nowhere/" + path, size: 10)
    }

    func diagnostics(_ content: SiteContent, rule: String) -> [Diagnostic] {
        ContentRules.all.filter { $0.name == rule }.flatMap { $0.check(content) }
    }

    func content(static paths: [String], pages: [Page] = [], cpts: [CPTS] = [RuleFixtures.cpts()]) -> SiteContent {
        var content = RuleFixtures.content(cpts)
        content.staticFiles = paths.map(file)
        content.pages = pages
        return content
    }

    func testAStaticFileInABuiltInFolderIsAnError() {
        let found = diagnostics(content(static: ["img/logo.png", "cpts/logo.png", "assets/x.css"]), rule: "staticPathsAreFree")
        XCTAssertEqual(found.map(\.code), ["static-path-taken", "static-path-taken"])
        XCTAssertEqual(found.map(\.location.file), ["content/static/cpts/logo.png", "content/static/assets/x.css"])
        XCTAssertTrue(found[0].text(in: .en).contains("holds the CPTS pages"), found[0].text(in: .en))
    }

    func testAStaticFileInPlaceOfAGeneratedFileOfTheRootIsAnError() {
        let found = diagnostics(content(static: ["robots.txt", "feed.xml", "img/robots.txt"]), rule: "staticPathsAreFree")
        XCTAssertEqual(found.map(\.location.file), ["content/static/robots.txt", "content/static/feed.xml"])
    }

    func testAStaticFileInAFreePagesFolderOrTheMethodologyIsAnError() {
        let page = Page(slug: Located("a-propos", at: SourceLocation(file: "content/pages/a-propos.md", line: 1, column: 1)),
                        file: "content/pages/a-propos.md", title: "À propos", body: "")
        let found = diagnostics(content(static: ["a-propos/photo.jpg", "methodologie/x.png", "apropos/x.png"], pages: [page]),
                                rule: "staticPathsAreFree")
        XCTAssertEqual(found.map(\.location.file), ["content/static/a-propos/photo.jpg", "content/static/methodologie/x.png"])
        XCTAssertTrue(found[0].text(in: .en).contains("the page 'À propos'"), found[0].text(in: .en))
    }

    func testALogoThatIsNotAStaticFileIsAnErrorWithASuggestion() {
        var cpts = RuleFixtures.cpts()
        cpts.logo = Located("img/logo.svgg", at: SourceLocation(file: cpts.file, line: 5, column: 7))
        let found = diagnostics(content(static: ["img/logo.svg"], cpts: [cpts]), rule: "logosAreStaticImages")
        XCTAssertEqual(found.map(\.code), ["logo-missing"])
        XCTAssertEqual(found.first?.location, SourceLocation(file: cpts.file, line: 5, column: 7))
        XCTAssertEqual(found.first?.note(in: .en), "did you mean 'img/logo.svg'?")
    }

    func testALogoWrittenWithItsStaticFolderIsToldHowToWriteIt() {
        var site = content(static: ["img/logo.svg"])
        site.settings.logo = Located("static/img/logo.svg", at: SourceLocation(file: "content/site.yaml", line: 8, column: 7))
        let found = diagnostics(site, rule: "logosAreStaticImages")
        XCTAssertEqual(found.map(\.code), ["logo-missing"])
        XCTAssertEqual(found.first?.note(in: .en), "write it as 'img/logo.svg'")
    }

    func testALogoThatIsNotAnImageIsAnError() {
        var site = content(static: ["img/logo.svg", "docs/statuts.pdf"])
        site.settings.logo = Located("docs/statuts.pdf", at: SourceLocation(file: "content/site.yaml", line: 8, column: 7))
        XCTAssertEqual(diagnostics(site, rule: "logosAreStaticImages").map(\.code), ["logo-not-an-image"])
        site.settings.logo = Located("img/logo.svg", at: SourceLocation(file: "content/site.yaml", line: 8, column: 7))
        XCTAssertEqual(diagnostics(site, rule: "logosAreStaticImages"), [])
    }

    func testAMarkdownImageMissingFromStaticIsAWarningAtItsPlace() {
        var page = Page(slug: Located("a-propos", at: SourceLocation(file: "content/pages/a-propos.md", line: 1, column: 1)),
                        file: "content/pages/a-propos.md", title: "À propos", body: "")
        page.images = [Located("img/plan.png", at: SourceLocation(file: page.file, line: 6, column: 3)),
                       Located("img/carte.png", at: SourceLocation(file: page.file, line: 8, column: 1))]
        let found = diagnostics(content(static: ["img/plan.png"], pages: [page]), rule: "markdownImagesAreStaticFiles")
        XCTAssertEqual(found.map(\.code), ["image-missing"])
        XCTAssertEqual(found.first?.severity, .warning)
        XCTAssertEqual(found.first?.location, SourceLocation(file: page.file, line: 8, column: 1))
    }
}
