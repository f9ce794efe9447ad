@testable import CPTSContent
import XCTest

final class MarkdownImagesTests: XCTestCase {
    func testAnImageIsLocatedAtItsExclamationMark() {
        let images = MarkdownImages.located(in: "Texte.\n\nVoir ![Plan](img/plan.png).\n", path: "content/pages/a.md", firstLine: 4).site
        XCTAssertEqual(images.map(\.value), ["img/plan.png"])
        XCTAssertEqual(images.first?.location.line, 6)
        XCTAssertEqual(images.first?.location.column, 6)
    }

    /// Found by the fuzzer: after a code span running over two lines, cmark placed the image beyond the end of the
    /// line before its own; it is now found on its line, by its destination.
    func testAnImageAfterACodeSpanOverTwoLinesIsLocatedOnItsOwnLine() {
        let body = "- `a `b/`, la page :\n  `![Plan](img/plan.png)`. Fin\n"
        let images = MarkdownImages.located(in: body, path: "content/cpts/x.md", firstLine: 1).site
        XCTAssertEqual(images.map(\.value), ["img/plan.png"])
        let location = try? XCTUnwrap(images.first?.location)
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(location?.line, 2)
        XCTAssertLessThanOrEqual(location?.column ?? .max, lines[1].count + 1)
        XCTAssertEqual(location?.column, 4)
    }

    func testAnImageOutsideTheSiteIsLocatedAsWrittenAndNotAsAStaticFile() {
        let body = "![A](/home/x/a.png) ![B](../../b.png) ![C](img/c.png) ![D](file:///etc/d.png)\n"
        let images = MarkdownImages.located(in: body, path: "content/pages/a.md", firstLine: 1)
        XCTAssertEqual(images.site.map(\.value), ["img/c.png"])
        XCTAssertEqual(images.outside.map(\.value), ["/home/x/a.png", "../../b.png", "file:///etc/d.png"])
        XCTAssertEqual(images.outside.map(\.location.column), [1, 21, 55])
    }
}
