@testable import CPTSMarkdown
import XCTest

/// Images come from the site: a destination naming a file outside it is never rendered.
final class StaticImagesTests: XCTestCase {
    func testPathsFromTheRootFileURLsAndClimbsAboveTheRootLeaveTheSite() {
        for url in ["/a/path/on/the/build/machine.png", "//host/x.png", "\\\\host\\x.png", " /x.png", "file:///etc/x.png",
                    "FILE:/x.png", "../x.png", "./../x.png", "img/../../x.png", "img/%2e%2e/%2e%2e/x.png", "..\\x.png",
                    "img/.\t./../x.png"] {
            XCTAssertTrue(StaticImages.leavesSite(url), url)
        }
    }

    func testPathsInsideTheSiteAndOtherURLsStay() {
        for url in ["img/plan.png", "./img/plan.png", "img/../plan.png", "a/b/../../plan.png", "https://example.org/x.png",
                    "data:image/png;base64,AA", "#x", "", "img/..plan.png"] {
            XCTAssertFalse(StaticImages.leavesSite(url), url)
        }
    }

    func testTheRendererEmptiesAnImageLeavingTheSiteEvenWithUnsafeLinksAllowed() {
        let renderer = MarkdownRenderer(options: .init(allowUnsafeLinks: true))
        let html = renderer.render("![a](/etc/a.png) ![b](../../b.png) ![c](file:///c.png) ![d](img/d.png)", imageRoot: "../../").html
        XCTAssertEqual(html, "<p><img src=\"\" alt=\"a\" /> <img src=\"\" alt=\"b\" /> <img src=\"\" alt=\"c\" /> <img src=\"../../img/d.png\" alt=\"d\" /></p>\n")
    }
}

/// The image walk is skipped for a text without `![`: nothing else is an image.
final class StaticImagesWalkTests: XCTestCase {
    func testAnExclamationMarkWrittenAsACharacterReferenceMakesALinkNotAnImage() {
        let markdown = "&#33;[a](/etc/a.png)"
        XCTAssertFalse(MarkdownRenderer.mayHoldImages(markdown))
        XCTAssertEqual(MarkdownRenderer(options: .init()).render(markdown, imageRoot: "../").html,
                       "<p>!<a href=\"/etc/a.png\">a</a></p>\n")
    }

    func testATextWithAnImageIsWalkedForIt() {
        XCTAssertTrue(MarkdownRenderer.mayHoldImages("Voir ![plan](img/plan.png)."))
        XCTAssertEqual(MarkdownRenderer(options: .init()).render("Voir ![plan](./img/plan.png).", imageRoot: "../").html,
                       "<p>Voir <img src=\"../img/plan.png\" alt=\"plan\" />.</p>\n")
    }
}
