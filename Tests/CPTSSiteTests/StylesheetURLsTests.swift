@testable import CPTSSite
import XCTest

final class StylesheetURLsTests: XCTestCase {
    func testAStylesheetURLToAnotherAssetIsRewrittenToItsFingerprintedName() {
        let font: [UInt8] = Array("font".utf8)
        let css = Array("@font-face { src: url(fonts/x.woff2) format('woff2'), url(\"fonts/x.woff2?#iefix\"); }\n/* url(fonts/x.woff2) */\n.a { background: url('../img/none.png'), url(data:image/png;base64,AA), url(https://example.org/y.png); }".utf8)
        let assets = Theme.publishing(["style.css": css, "fonts/x.woff2": font])
        let published = Dictionary(uniqueKeysWithValues: assets.map { ($0.path, $0) })
        let fontName = Fingerprint.name("fonts/x.woff2", bytes: font)
        XCTAssertEqual(published["fonts/x.woff2"]?.publishedPath, "assets/" + fontName)
        let rewritten = String(decoding: published["style.css"]!.bytes, as: UTF8.self)
        XCTAssertTrue(rewritten.contains("src: url(\(fontName)) format('woff2'), url(\"\(fontName)?#iefix\")"), rewritten)
        // A comment, an unknown file and URLs leaving the site stay as written.
        XCTAssertTrue(rewritten.contains("/* url(fonts/x.woff2) */"), rewritten)
        XCTAssertTrue(rewritten.contains("url('../img/none.png'), url(data:image/png;base64,AA), url(https://example.org/y.png)"), rewritten)
        // The stylesheet is fingerprinted as published.
        XCTAssertEqual(published["style.css"]?.publishedPath, "assets/" + Fingerprint.name("style.css", bytes: Array(rewritten.utf8)))
    }

    func testAStylesheetInASubfolderGetsAPathRelativeToItsOwnFolder() {
        let assets = Theme.publishing(["css/print.css": Array("a { background: url(../img/dot.png); }".utf8), "img/dot.png": [1, 2]])
        let css = String(decoding: assets.first { $0.path == "css/print.css" }!.bytes, as: UTF8.self)
        XCTAssertEqual(css, "a { background: url(../" + Fingerprint.name("img/dot.png", bytes: [1, 2]) + "); }")
    }
}
