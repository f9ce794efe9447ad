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

    func testStaticNamesDifferingOnlyInLetterCaseAreAnErrorAtTheSecondNamingTheFirst() {
        let found = diagnostics(content(static: ["img/Logo.png", "img/logo.png", "img/plan.png"]), rule: "staticNamesArePortable")
        XCTAssertEqual(found.map(\.code), ["static-name-collision"])
        XCTAssertEqual(found.first?.location.file, "content/static/img/logo.png")
        XCTAssertEqual(found.first?.text(in: .en),
                       "'static/img/logo.png' and 'static/img/Logo.png' differ only in letter case: a host that does not tell them apart would publish only one")
    }

    func testTheSameStaticNameInNFCAndInNFDIsAnError() {
        let found = diagnostics(content(static: ["img/\u{E9}quipe.png", "img/e\u{301}quipe.png"]), rule: "staticNamesArePortable")
        XCTAssertEqual(found.map(\.code), ["static-name-collision"])
        XCTAssertTrue(found.first?.text(in: .fr).contains("deux formes Unicode (NFC et NFD)") ?? false)
    }

    func testABackslashInAStaticNameIsAnErrorWithANameToUse() {
        let found = diagnostics(content(static: ["docs/plan\\a.pdf"]), rule: "staticNamesArePortable")
        XCTAssertEqual(found.map(\.code), ["static-name-backslash"])
        XCTAssertEqual(found.first?.note(in: .en), "rename it, for example to 'plan-a.pdf'")
    }

    func testAMarkdownImageOutsideTheSiteIsAWarningToldTheStaticPathWhenThereIsOne() {
        var cpts = RuleFixtures.cpts()
        cpts.imagesOutsideSite = [Located("/home/moi/site/content/static/img/plan.png", at: SourceLocation(file: cpts.file, line: 9, column: 3)),
                                  Located("../../x.png", at: SourceLocation(file: cpts.file, line: 10, column: 1))]
        let found = diagnostics(content(static: ["img/plan.png"], cpts: [cpts]), rule: "markdownImagesStayInSite")
        XCTAssertEqual(found.map(\.code), ["image-outside-site", "image-outside-site"])
        XCTAssertEqual(found.map(\.severity), [.warning, .warning])
        XCTAssertEqual(found.first?.location, SourceLocation(file: cpts.file, line: 9, column: 3))
        XCTAssertEqual(found.first?.note(in: .en), "write it as 'img/plan.png'")
    }

    func testAScriptInAStaticSVGIsAnErrorEvenWhenRawHTMLIsAllowedAndInHTMLOnlyWhenItIsNot() {
        var site = content(static: ["img/a.svg", "docs/b.html", "img/c.png"])
        site.staticFiles[0].activeMarkup = ActiveMarkup(what: "<script>", location: SourceLocation(file: "content/static/img/a.svg", line: 3, column: 3), inHTML: false)
        site.staticFiles[1].activeMarkup = ActiveMarkup(what: "onclick=", location: SourceLocation(file: "content/static/docs/b.html", line: 2, column: 9), inHTML: true)
        let found = diagnostics(site, rule: "staticDocumentsRunNoScript")
        XCTAssertEqual(found.map(\.code), ["static-active-content", "static-active-content"])
        XCTAssertEqual(found.map(\.location.line), [3, 2])
        site.settings.allowRawHTML = true
        XCTAssertEqual(diagnostics(site, rule: "staticDocumentsRunNoScript").map(\.location.file), ["content/static/img/a.svg"])
    }
}
