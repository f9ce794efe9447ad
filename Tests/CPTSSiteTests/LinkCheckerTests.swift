import CPTSDomain
@testable import CPTSSite
import Foundation
import XCTest

/// The HTML scanner reads attributes of tags only, the way a browser's tokenizer does.
final class HTMLScannerTests: XCTestCase {
    func tags(_ html: String) -> [HTMLScanner.Tag] { HTMLScanner(Array(html.utf8)).tags() }

    func testQuotedUnquotedAndValuelessAttributesWithTheirOffsets() {
        let html = #"<a HREF="a b.html" title='x "y"' data-x=z/w.html hidden>t</a>"#
        let tag = tags(html)[0]
        XCTAssertEqual(tag.name, "a")
        XCTAssertEqual(tag.attributes.map(\.name), ["href", "title", "data-x", "hidden"])
        XCTAssertEqual(tag.attributes.map(\.value), ["a b.html", #"x "y""#, "z/w.html", ""])
        let href = tag.attribute("href")!
        XCTAssertEqual(Array(html.utf8)[href.valueOffset], UInt8(ascii: "a"))
        XCTAssertEqual(href.valueOffset, 9)
    }

    func testCommentsScriptsStylesAndTitlesAreNotMarkup() {
        let html = """
            <!-- <a href="commentaire.html"> --><!DOCTYPE html><title><a href="titre.html"></title>
            <script>var s = '<a href="script.html">';</script ><style>a[href="style.html"]{}</style>
            <textarea><img src="zone.png"></textarea><p>text href="texte.html" &lt;a href="x"&gt;</p>
            <!--> <a href="apres-commentaire-abrupt.html">
            """
        XCTAssertEqual(tags(html).map(\.name), ["title", "script", "style", "textarea", "p", "a"])
        XCTAssertEqual(tags(html).last?.attribute("href")?.value, "apres-commentaire-abrupt.html")
    }

    func testInSVGTitleIsAnOrdinaryElementAndCDATAIsSkipped() {
        let html = #"<svg><title id="t">Carte</title><a href="x/"><path/></a><![CDATA[<a href="no">]]></svg><a href="y/">"#
        XCTAssertEqual(tags(html).compactMap { $0.attribute("href")?.value }, ["x/", "y/"])
        XCTAssertEqual(tags(html).compactMap { $0.attribute("id")?.value }, ["t"])
    }

    func testTheFirstOfTwoAttributesWinsAndCharacterReferencesAreDecoded() {
        let tag = tags(#"<a href="a.html?x=1&amp;y=2#l&#39;id&#x2D;x" href="b.html">"#)[0]
        XCTAssertEqual(tag.attributes.count, 1)
        XCTAssertEqual(tag.attribute("href")?.value, "a.html?x=1&y=2#l'id-x")
        XCTAssertEqual(HTMLScanner.decodeCharacterReferences(ArraySlice("a &unknown; &amp b &#0; &#65;".utf8)),
                       "a &unknown; &amp b &#0; A")
    }

    /// 120 000 attributes on one tag: each name is checked against those before it in a set, not a list.
    func testATagOfTensOfThousandsOfAttributesKeepsTheFirstOfEachName() {
        let attributes = (0..<120_000).map { " data-a\($0 % 60_000)=\"\($0)\"" }.joined()
        let tag = tags("<p" + attributes + " id=\"x\">")[0]
        XCTAssertEqual(tag.attributes.count, 60_001)
        XCTAssertEqual(tag.attribute("data-a7")?.value, "7")
        XCTAssertEqual(tag.attribute("id")?.value, "x")
    }

    /// Positions asked for in increasing order (a page's links) are counted on from the one before: they agree with
    /// positions counted from the start of their line.
    func testPositionsAskedInOrderAgreeWithPositionsCountedAfresh() {
        let bytes = Array("é<a>\nxx « y » <b> z\n\n<c>ü<d>".utf8)
        var ordered = LineIndex(bytes)
        for offset in 0...bytes.count {
            var fresh = LineIndex(bytes)
            let expected = fresh.position(of: offset)
            let found = ordered.position(of: offset)
            XCTAssertTrue(expected == found, "offset \(offset): \(found) instead of \(expected)")
        }
        var backwards = LineIndex(bytes)
        XCTAssertTrue(backwards.position(of: 20) == (2, 13))
        XCTAssertTrue(backwards.position(of: 8) == (2, 3))
    }

    func testALoneLessThanAndAnUnterminatedTagDoNotLoseTheRest() {
        XCTAssertEqual(tags("a < b <3 <a href=\"x\">").compactMap { $0.attribute("href")?.value }, ["x"])
        XCTAssertEqual(tags("<a href=\"x").first?.attribute("href")?.value, "x")
    }
}

final class LinkCheckerTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("links-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func check(basePath: String = "/") -> LinkChecker.Report {
        LinkChecker(outputDirectory: root.path, displayPath: "public", basePath: basePath).check()
    }

    /// A small site whose every link resolves, in every form the generator or a theme may write.
    func writeSite() throws {
        try write("index.html", """
            <!DOCTYPE html><html lang="fr"><head><link rel="stylesheet" href="assets/style.css">
            <link rel="preconnect" href="/ailleurs/"><script src="assets/s.js" defer></script></head>
            <body><a href="#contenu">Aller</a><main id="contenu">
            <a href="cpts/vierzon/">Vierzon</a> <a href="cpts/vierzon">sans barre</a> <a href="cpts/vierzon/index.html#fiche">fiche</a>
            <a href="https://example.org/x">dehors</a> <a href="mailto:a@b.fr">mail</a> <a href="tel:+33">tél</a>
            <a href="//cdn.example.org/x.js">réseau</a> <a href="javascript:void(0)">js</a> <img src="data:image/png;base64,AA==" alt="">
            <a href="recherche/?q=vier">recherche</a> <a href="">ici</a> <a href="#">haut</a> <a href="#top">haut</a>
            <a href="caf%C3%A9/">café</a> <a href="./">moi</a> <a href="data/site.json#x">json</a>
            <img srcset="assets/a.png 1x, assets/b.png 2x" src="assets/a.png" alt="">
            <form action="recherche/" method="get"></form>
            <svg><a xlink:href="cpts/vierzon/"><title>V</title></a></svg>
            <a href="/test/cpts/vierzon/">absolu</a>
            </main></body></html>
            """)
        try write("cpts/vierzon/index.html", """
            <h2 id="fiche">Fiche</h2><a name="ancien">x</a>
            <a href="../../">accueil</a> <a href="../../index.html#contenu">contenu</a> <a href="#ancien">ancre</a>
            <a href="..">dossier parent</a> <a href="../../assets/style.css?v=2">css</a>
            """)
        try write("cpts/index.html", "<p>liste</p>")
        try write("recherche/index.html", "<p>recherche</p>")
        try write("café/index.html", "<p>café</p>")
        try write("assets/style.css", "")
        try write("assets/s.js", "")
        try write("assets/a.png", "")
        try write("assets/b.png", "")
        try write("data/site.json", "{}")
    }

    func testASiteWhoseLinksAllResolveHasNoDiagnostic() throws {
        try writeSite()
        let report = check(basePath: "/test/")
        XCTAssertEqual(report.diagnostics, [])
        XCTAssertEqual(report.pagesChecked, 5)
        XCTAssertEqual(report.linksChecked, 30)
    }

    func testABrokenLinkNamesThePageTheTargetAndThePosition() throws {
        try writeSite()
        try write("cpts/bourges/index.html", "<p>\n  <a href=\"../../departements/19/\">Cher</a> <img src=\"../../assets/logo.svg\" alt=\"\">\n")
        let report = check(basePath: "/test/")
        XCTAssertEqual(report.diagnostics.map { $0.headline(in: .en) }, [
            "public/cpts/bourges/index.html:2:12: error: link to '../../departements/19/' from cpts/bourges/index.html does not resolve",
            "public/cpts/bourges/index.html:2:55: error: link to '../../assets/logo.svg' from cpts/bourges/index.html does not resolve",
        ])
        XCTAssertEqual(report.diagnostics.map(\.code), ["link-broken", "link-broken"])
        XCTAssertEqual(report.diagnostics[0].note(in: .en), "public/departements/19/index.html does not exist")
        XCTAssertNotNil(report.sources["public/cpts/bourges/index.html"], "the page's text, to quote the line")
    }

    func testAMissingAnchorIsItsOwnDiagnosticWithASuggestion() throws {
        try writeSite()
        try write("cpts/bourges/index.html", ##"<a href="../vierzon/#fich">fiche</a><a href="#nulle-part">x</a>"##)
        let diagnostics = check(basePath: "/test/").diagnostics
        XCTAssertEqual(diagnostics.map(\.code), ["link-anchor-missing", "link-anchor-missing"])
        XCTAssertEqual(diagnostics[0].text(in: .en), "link to '../vierzon/#fich' from cpts/bourges/index.html: anchor '#fich' does not exist")
        XCTAssertEqual(diagnostics[0].note(in: .en), "cpts/vierzon/index.html has no element with id 'fich'; did you mean '#fiche'?")
        XCTAssertEqual(diagnostics[1].note(in: .en), "cpts/bourges/index.html has no element with id 'nulle-part'")
    }

    func testLinksAboveTheRootOrOutsideTheBasePathAreBroken() throws {
        try write("index.html", #"<a href="../dehors.html">x</a><a href="/autre/index.html">y</a><a href="/test/">z</a>"#)
        let diagnostics = check(basePath: "/test/").diagnostics
        XCTAssertEqual(diagnostics.map { $0.note(in: .en) }, [
            "it goes above the root of public",
            "the site is served under '/test/': a link starting with '/' must start with it",
        ])
        XCTAssertEqual(diagnostics.map(\.location.column), [10, 40])
    }

    func testRootRelativeLinksResolveFromTheRootWithTheDefaultBasePath() throws {
        try write("index.html", #"<a href="/a/">a</a>"#)
        try write("a/index.html", #"<a href="/">racine</a><a href="/b.css">b</a>"#)
        let diagnostics = check().diagnostics
        XCTAssertEqual(diagnostics.map { $0.headline(in: .en) }, ["public/a/index.html:1:32: error: link to '/b.css' from a/index.html does not resolve"])
    }

    func testColumnsCountCharactersNotBytes() throws {
        try write("index.html", "<p>Étapes — été</p><a href=\"x.html\">x</a>")
        let diagnostic = try XCTUnwrap(check().diagnostics.first)
        XCTAssertEqual(diagnostic.location.line, 1)
        XCTAssertEqual(diagnostic.location.column, 29)
    }

    func testAMissingOutputFolderIsAnError() {
        let report = LinkChecker(outputDirectory: root.appendingPathComponent("absent").path, displayPath: "absent/").check()
        XCTAssertEqual(report.diagnostics.map { $0.headline(in: .en) }, ["absent: error: output folder 'absent' does not exist"])
    }

    func testTheBasePathOfABaseURL() {
        XCTAssertEqual(LinkChecker.basePath(fromBaseURL: "https://example.org/cpts/"), "/cpts/")
        XCTAssertEqual(LinkChecker.basePath(fromBaseURL: "https://example.org"), "/")
        XCTAssertEqual(LinkChecker.basePath(fromBaseURL: "/"), "/")
        XCTAssertEqual(LinkChecker(outputDirectory: "p", basePath: "cpts").basePath, "/cpts/")
    }

    func testSrcsetCandidates() {
        func urls(_ value: String) -> [String] {
            LinkChecker.srcsetURLs(ArraySlice(value.utf8)).map { String(decoding: $0, as: UTF8.self) }
        }
        XCTAssertEqual(urls("a.png 1x, b.png 2x"), ["a.png", "b.png"])
        XCTAssertEqual(urls(" a.png, b.png  , c.png 480w"), ["a.png", "b.png", "c.png"])
        XCTAssertEqual(urls("a.png,b.png 2x"), ["a.png,b.png"], "a comma inside a URL belongs to it, as in browsers")
        XCTAssertEqual(urls("a.png (max-width: 3px, x) 1x, b.png"), ["a.png", "b.png"])
    }

    func testResolution() {
        XCTAssertEqual(LinkChecker.resolve("../../", from: ["cpts", "x"]), "index.html")
        XCTAssertEqual(LinkChecker.resolve("./a/./b/../c.css", from: []), "a/c.css")
        XCTAssertEqual(LinkChecker.resolve("a%20b/", from: []), "a b/index.html")
        XCTAssertNil(LinkChecker.resolve("../..", from: ["x"]))
        XCTAssertTrue(LinkChecker.isExternal("HTTPS://x"))
        XCTAssertTrue(LinkChecker.isExternal("data:,"))
        XCTAssertFalse(LinkChecker.isExternal("a/b:c"))
        XCTAssertFalse(LinkChecker.isExternal("é:x"))
    }
}
