import CPTSMarkdown
import XCTest

final class FrenchTypographyTests: XCTestCase {
    let renderer = MarkdownRenderer(options: .init(frenchTypography: true))
    let n = "\u{202F}"

    func html(_ markdown: String) -> String {
        renderer.render(markdown).html
    }

    func testSpacesBeforeHighPunctuationBecomeNarrowNoBreakSpaces() {
        XCTAssertEqual(html("Attention : lire ; vraiment ! Pourquoi ?"),
                       "<p>Attention\(n): lire\(n); vraiment\(n)! Pourquoi\(n)?</p>\n")
    }

    func testAMissingSpaceIsInserted() {
        XCTAssertEqual(html("Note: lire; vraiment! Pourquoi?"), "<p>Note\(n): lire\(n); vraiment\(n)! Pourquoi\(n)?</p>\n")
    }

    func testTheSpaceGoesAcrossInlineMarkup() {
        XCTAssertEqual(html("**Note**: voir `x`; fin"), "<p><strong>Note</strong>\(n): voir <code>x</code>\(n); fin</p>\n")
    }

    func testRepeatedMarksTakeOneSpace() {
        XCTAssertEqual(html("Vraiment?! Non!!"), "<p>Vraiment\(n)?! Non\(n)!!</p>\n")
    }

    func testApostrophesInWords() {
        XCTAssertEqual(html("L'ARS et la carte d'identité, aujourd'hui"), "<p>L’ARS et la carte d’identité, aujourd’hui</p>\n")
    }

    func testStraightQuotesBecomeGuillemetsWithNarrowSpaces() {
        XCTAssertEqual(html("Le \"projet de santé\" est validé."), "<p>Le «\(n)projet de santé\(n)» est validé.</p>\n")
        XCTAssertEqual(html("Le \" projet \" ici"), "<p>Le «\(n)projet\(n)» ici</p>\n")
    }

    func testNestedQuotesUseEnglishMarksInside() {
        XCTAssertEqual(html("Il dit \"la CPTS \"Sud\" signe\" hier"), "<p>Il dit «\(n)la CPTS “Sud” signe\(n)» hier</p>\n")
    }

    func testQuotesAcrossEmphasis() {
        XCTAssertEqual(html("Le \"*projet*\" ici"), "<p>Le «\(n)<em>projet</em>\(n)» ici</p>\n")
    }

    func testCodeIsUntouched() {
        XCTAssertEqual(html("Écrire `a: \"b\"; c'est ?` ici"), "<p>Écrire <code>a: &quot;b&quot;; c'est ?</code> ici</p>\n")
        XCTAssertEqual(html("```\nx: \"y\" l'a ; b!\n```"), "<pre><code>x: &quot;y&quot; l'a ; b!\n</code></pre>\n")
    }

    func testURLsAndAutolinksAreUntouched() {
        XCTAssertEqual(html("Voir https://example.org/a?b=1;c ici"),
                       "<p>Voir <a href=\"https://example.org/a?b=1;c\">https://example.org/a?b=1;c</a> ici</p>\n")
        XCTAssertEqual(html("Voir <http://example.org/l'a?x=1>!"),
                       "<p>Voir <a href=\"http://example.org/l&#x27;a?x=1\">http://example.org/l'a?x=1</a>\(n)!</p>\n")
        XCTAssertEqual(html("[l'ARS](https://example.org/?q=a:b)"), "<p><a href=\"https://example.org/?q=a:b\">l’ARS</a></p>\n")
    }

    func testMarksAndURLsAfterCombiningAccentsAndLetters() {
        // Plain ASCII runs are copied whole: what follows them (a combining accent, a URL after a space, a mark after
        // a decomposed letter, a scheme inside a word) is still read by the rules.
        XCTAssertEqual(FrenchTypography.apply("cafe\u{301}: voir https://x.org/?a=1; pathttp://y ok"),
                       "cafe\u{301}\(n): voir https://x.org/?a=1\(n); pathttp://y ok")
        XCTAssertEqual(FrenchTypography.apply("été: àhttp://z é\u{301}! ÿ\u{327}? «mot»"),
                       "été\(n): àhttp://z é\u{301}\(n)! ÿ\u{327}\(n)? «\(n)mot\(n)»")
    }

    func testTimesAndRatiosAreUntouched() {
        XCTAssertEqual(html("Réunion à 14:30, ratio 3:1 ; fin"), "<p>Réunion à 14:30, ratio 3:1\(n); fin</p>\n")
    }

    func testRawHTMLIsUntouched() {
        let renderer = MarkdownRenderer(options: .init(allowRawHTML: true, frenchTypography: true))
        XCTAssertEqual(renderer.render("<span title=\"a: b\">l'a</span>").html, "<p><span title=\"a: b\">l’a</span></p>\n")
    }

    func testCorrectTextIsUnchanged() {
        let text = "Population\(n): 12\(n); «\(n)en cours\(n)»\(n)! L’ARS\u{00A0}: oui"
        XCTAssertEqual(html(text), "<p>\(text)</p>\n")
    }

    func testOffByDefault() {
        XCTAssertEqual(MarkdownRenderer().render("Note: l'ARS \"x\"").html, "<p>Note: l'ARS &quot;x&quot;</p>\n")
    }

    func testHeadingIDsDoNotChange() {
        let rendered = renderer.render("# L'ARS : qui ?")
        XCTAssertEqual(rendered.headings.first?.id, "l-ars-qui")
        XCTAssertEqual(rendered.headings.first?.text, "L’ARS\(n): qui\(n)?")
    }
}
