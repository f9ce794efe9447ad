@testable import CPTSMarkdown
import XCTest

final class URLPolicyTests: XCTestCase {
    func testRelativeURLsFragmentsAndAllowListedSchemesAreKept() {
        for url in ["", "page.html", "../a/b.png", "/racine", "#section", "?q=1", "//example.org/x", "a/b:c", "HTTPS://example.org",
                    "http://example.org", "mailto:a@example.org", "tel:+33123456789", "\u{00A0}javascript:x"] {
            XCTAssertTrue(URLPolicy.keeps(url, allowUnsafeLinks: false), url)
        }
    }

    /// Browsers ignore case, and blanks and control characters in or before a scheme: so does the policy (DEL too).
    func testOtherSchemesAreDroppedHoweverTheyAreWritten() {
        for url in ["javascript:alert(1)", "JaVaScRiPt:x", " javascript:x", "java\tscript:x", "java\nscript:x",
                    "java\u{7F}script:x", "\u{01}javascript:x", "vbscript:x", "file:///etc/passwd", "data:text/html,x",
                    "data:image/png;base64,iVBO", "ftp://example.org"] {
            XCTAssertFalse(URLPolicy.keeps(url, allowUnsafeLinks: false), url)
            XCTAssertTrue(URLPolicy.keeps(url, allowUnsafeLinks: true), url)
        }
    }

    func testEntitiesAreDecodedAsABrowserDecodesThemInAnAttribute() {
        XCTAssertEqual(URLPolicy.decodingEntities("java&#115;cript&colon;x&#x28;1&rpar;"), "javascript:x(1)")
        XCTAssertEqual(URLPolicy.decodingEntities("a&b&#;&#xZ"), "a&b&#;&#xZ")
    }

    /// cmark keeps `data:image/png` in its safe mode; the policy drops it in every setting but `allowUnsafeLinks`.
    func testADataImageIsDroppedUnlessUnsafeLinksAreAllowed() {
        let markdown = "![carte](data:image/png;base64,iVBORw0KGgo=)"
        for allowRawHTML in [false, true] {
            let dropped = MarkdownRenderer(options: .init(allowRawHTML: allowRawHTML)).render(markdown).html
            XCTAssertTrue(dropped.contains("<img src=\"\" alt=\"carte\""), dropped)
            let kept = MarkdownRenderer(options: .init(allowRawHTML: allowRawHTML, allowUnsafeLinks: true)).render(markdown).html
            XCTAssertTrue(kept.contains("src=\"data:image/png;base64,iVBORw0KGgo=\""), kept)
        }
    }
}
