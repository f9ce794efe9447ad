@testable import CPTSMarkdown
import XCTest

/// What would run in a document of static/ opened directly.
final class ActiveContentTests: XCTestCase {
    func first(_ text: String) -> String? { ActiveContent.first(in: Array(text.utf8))?.what ?? nil }

    func testScriptsHandlersScriptURLsAndWhatBringsThemInAreFound() {
        XCTAssertEqual(first("<svg><script>alert(1)</script></svg>"), "<script>")
        XCTAssertEqual(first("<svg><svg:script>x</svg:script></svg>"), "<svg:script>")
        XCTAssertEqual(first("<svg OnLoad=\"x()\"/>"), "OnLoad=")
        XCTAssertEqual(first("<svg><a xlink:href=\"&#x6A;ava&#9;script:x()\">a</a></svg>"), "javascript:")
        XCTAssertEqual(first("<svg><animate attributeName=\"href\" values=\"#a;javascript:x()\"/></svg>"), "javascript:")
        XCTAssertEqual(first("<svg><foreignObject><p>x</p></foreignObject></svg>"), "<foreignObject>")
        XCTAssertEqual(first("<!DOCTYPE svg [<!ENTITY s \"x\">]><svg>&s;</svg>"), "<!ENTITY")
        XCTAssertEqual(first("<?xml-stylesheet type=\"text/xsl\" href=\"x.xsl\"?><svg/>"), "<?xml-stylesheet")
        XCTAssertEqual(first("<html><iframe srcdoc=\"&lt;script&gt;\"></iframe></html>"), "<iframe>")
        XCTAssertEqual(first("<p srcdoc=\"x\">"), "srcdoc=")
    }

    func testTextThatIsNotUTF8IsRefusedForItCannotBeRead() {
        let found = ActiveContent.first(in: [0xFF, 0xFE, 0x3C, 0x00, 0x73, 0x00])
        XCTAssertNotNil(found)
        XCTAssertNil(found?.what)
    }

    func testPlainDrawingsAndPagesAndScriptsInCommentsAreFine() {
        XCTAssertNil(first("<svg xmlns=\"http://www.w3.org/2000/svg\"><!-- <script> --><rect width=\"1\" height=\"1\"/><a href=\"https://example.org/\">x</a></svg>"))
        XCTAssertNil(first("<!doctype html><html lang=\"fr\"><title>x</title><p class=\"note\">Voir <a href=\"plan.pdf\">le plan</a></p></html>"))
    }

    func testXHTMLIsAnHTMLPageAndSVGAnXMLDocument() {
        XCTAssertEqual(ActiveContent.Document(fileExtension: "XHTML"), .html)
        XCTAssertEqual(ActiveContent.Document(fileExtension: "htm"), .html)
        XCTAssertEqual(ActiveContent.Document(fileExtension: "svg"), .xml)
        XCTAssertNil(ActiveContent.Document(fileExtension: "png"))
    }
}
