@testable import CPTSMarkdown
import CPTSDomain
import XCTest

final class HeadingOutlineTests: XCTestCase {
    func testHeadingsAreShiftedBelowThePageTitleAndGetUniqueFrenchSlugs() {
        let rendered = MarkdownRenderer().render("# Projet de santé\n\n## Diagnostic du territoire\n\n## Diagnostic du territoire\n\n### L'accès `aux` soins")
        XCTAssertEqual(rendered.headings, [
            RenderedText.Heading(level: 2, text: "Projet de santé", id: "projet-de-sante"),
            RenderedText.Heading(level: 3, text: "Diagnostic du territoire", id: "diagnostic-du-territoire"),
            RenderedText.Heading(level: 3, text: "Diagnostic du territoire", id: "diagnostic-du-territoire-2"),
            RenderedText.Heading(level: 4, text: "L'accès aux soins", id: "l-acces-aux-soins"),
        ])
        XCTAssertTrue(rendered.html.hasPrefix("<h2 id=\"projet-de-sante\">Projet de santé</h2>\n<h3 id=\"diagnostic-du-territoire\">"), rendered.html)
        XCTAssertTrue(rendered.html.contains("<h4 id=\"l-acces-aux-soins\">L'accès <code>aux</code> soins</h4>"), rendered.html)
    }

    func testLevelsAreCappedAtSix() {
        let rendered = MarkdownRenderer().render("###### Six")
        XCTAssertEqual(rendered.headings.first?.level, 6)
        XCTAssertEqual(rendered.html, "<h6 id=\"six\">Six</h6>\n")
    }

    func testASlugOfNothingButSeparatorsIsEmptyAndTheHeadingGetsSection() {
        XCTAssertEqual(HeadingOutline.slug(""), "")
        XCTAssertEqual(HeadingOutline.slug("  — !"), "")
        XCTAssertEqual(MarkdownRenderer().render("## — !").headings.first?.id, "section")
    }

    func testSlugsFoldFrenchAccentsAndLigaturesOfBothCases() {
        XCTAssertEqual(HeadingOutline.slug("Éducation à la santé"), "education-a-la-sante")
        XCTAssertEqual(HeadingOutline.slug("àâäçéèêëîïôöùûüÿœæ"), "aaaceeeeiioouuuyoeae")
        XCTAssertEqual(HeadingOutline.slug("ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ"), "aaaceeeeiioouuuyoeae")
        XCTAssertEqual(HeadingOutline.slug("Article 51 : LFSS 2018"), "article-51-lfss-2018")
    }

    func testADecomposedAccentFoldsLikeAPrecomposedOne() {
        XCTAssertEqual(HeadingOutline.slug("e\u{301}te\u{301}"), "ete")
    }

    func testOtherNonASCIICharactersAndEmojiAreSeparators() {
        XCTAssertEqual(HeadingOutline.slug("Santé 👩‍⚕️ ñandú Ørsted"), "sante-and-rsted")
        XCTAssertEqual(HeadingOutline.slug("CRLF\r\nici"), "crlf-ici")
        // `İ` lowercases to `i` + U+0307: the `i` is kept, the combining dot separates.
        XCTAssertEqual(HeadingOutline.slug("İzmir"), "i-zmir")
    }

    func testSlugsAreCutAt64CharactersEvenAfterADash() {
        let letters = String(repeating: "abcdefghij", count: 10)
        XCTAssertEqual(HeadingOutline.slug(letters), String(letters.prefix(64)))
        XCTAssertEqual(HeadingOutline.slug(String(repeating: "mot ", count: 25)), String(repeating: "mot-", count: 16))
    }

    /// The CPTS page shows the text under its own "Projet de santé" heading: a text that opens with the same words
    /// (as `new cpts` used to write) would say it twice.
    func testALeadingHeadingThatSaysTheSectionsHeadingIsLeftOut() {
        let rendered = MarkdownRenderer().render("#  projet de SANTÉ\n\nTexte.\n\n## Besoins\n", sectionHeading: "Projet de santé")
        XCTAssertEqual(rendered.headings.map(\.text), ["Besoins"])
        XCTAssertFalse(rendered.html.contains("projet de SANTÉ"), rendered.html)
        XCTAssertTrue(rendered.html.contains("<p>Texte.</p>"))
    }

    /// Only the opening heading: the same words further down, or another heading first, stay.
    func testAHeadingSayingTheSectionsHeadingElsewhereStays() {
        let later = MarkdownRenderer().render("Texte.\n\n# Projet de santé\n", sectionHeading: "Projet de santé")
        XCTAssertEqual(later.headings.map(\.text), ["Projet de santé"])
        let other = MarkdownRenderer().render("# Projet de santé du Sud\n", sectionHeading: "Projet de santé")
        XCTAssertEqual(other.headings.map(\.text), ["Projet de santé du Sud"])
        let apostrophe = MarkdownRenderer().render("# Bilan de l'année\n\nTexte.\n", sectionHeading: "Bilan de l’année")
        XCTAssertEqual(apostrophe.headings, [])
    }

    func testAnASCIIHeadingSlugsLikeItsLowercasedText() {
        XCTAssertEqual(HeadingOutline.slug("ABC def\r\n42 -- X"), "abc-def-42-x")
        XCTAssertEqual(HeadingOutline.slug("ABC Déf"), "abc-def")
        XCTAssertEqual(HeadingOutline.slug(String(repeating: "Ab ", count: 40)), String(repeating: "ab-", count: 21) + "a")
    }

    func testDuplicateSlugsAreNumberedAndWrittenOnTheirOwnHeadingsInOrder() {
        let rendered = MarkdownRenderer().render("## Bilan\n\n```\n<h3>\n```\n\n## BILAN\n\n### Écrire\n\n## ecrire\n\n## Bilan")
        XCTAssertEqual(rendered.headings.map(\.id), ["bilan", "bilan-2", "ecrire", "ecrire-2", "bilan-3"])
        XCTAssertEqual(rendered.html, """
            <h3 id="bilan">Bilan</h3>
            <pre><code>&lt;h3&gt;
            </code></pre>
            <h3 id="bilan-2">BILAN</h3>
            <h4 id="ecrire">Écrire</h4>
            <h3 id="ecrire-2">ecrire</h3>
            <h3 id="bilan-3">Bilan</h3>

            """)
    }

    func testIdsAreUniqueWhenATitleSaysAnotherOnesSuffix() {
        let rendered = MarkdownRenderer().render("## Bilan\n\n## Bilan\n\n## Bilan-2\n\n## Bilan 2\n\n## Bilan")
        XCTAssertEqual(rendered.headings.map(\.id), ["bilan", "bilan-2", "bilan-2-2", "bilan-2-3", "bilan-3"])
        XCTAssertEqual(Set(rendered.headings.map(\.id)).count, rendered.headings.count)
    }

    func testASuffixedTitleFirstPushesTheRepeatedTitlePastItsSuffix() {
        let rendered = MarkdownRenderer().render("## Bilan-2\n\n## Bilan\n\n## Bilan\n\n## Bilan")
        XCTAssertEqual(rendered.headings.map(\.id), ["bilan-2", "bilan", "bilan-3", "bilan-4"])
    }

    func testTheSectionsHeadingIsComparedWithSpacesCollapsedAndTrimmed() {
        XCTAssertEqual(HeadingOutline.normalized("  L'accès\t aux\n SOINS  "), "l’accès aux soins")
        XCTAssertEqual(HeadingOutline.normalized(" \u{00A0} "), "")
    }

    func testTheBytePathComparesHeadingsAsTheCharacterPathDoes() {
        let texts = ["Projet de santé", "  PROJET  de SANTÉ ", "Projet de santé de la CPTS n° 1", "L'ÉTÉ × ß Þ ÿ", "l’été × ß þ ÿ",
                     "ÀÉÎÕÜ", "àéîõü", "a\r\nb", "a b", "e\u{301}té", "été", "Ça\u{00A0}va", "Ça va", "İ", "i̇", "Ωmega", "ωmega", ""]
        for a in texts {
            XCTAssertEqual(HeadingOutline.normalizedBytes(a).map { String(decoding: $0, as: UTF8.self) } ?? HeadingOutline.normalized(a),
                           HeadingOutline.normalized(a), a.debugDescription)
            for b in texts {
                XCTAssertEqual(HeadingOutline.sameWords(a, b), HeadingOutline.normalized(a) == HeadingOutline.normalized(b),
                               "\(a.debugDescription) \(b.debugDescription)")
            }
        }
    }

    /// Every character U+0080–U+00FF (`n°`, a no-break space, `×`, `æ`…) is read on the byte paths, alone and among
    /// letters, with what the `Character` paths give.
    func testLatin1HeadingsTakeTheBytePathsWithTheCharacterPathsResults() throws {
        XCTAssertNotNil(HeadingOutline.normalizedBytes("Projet de santé de la CPTS n° 1"))
        XCTAssertEqual(HeadingOutline.slug("CPTS n° 1 : l'Été\u{00A0}× Æsop"), "cpts-n-1-l-ete-aesop")
        for value in UInt32(0x80)...0xFF {
            let character = String(Character(try XCTUnwrap(Unicode.Scalar(value))))
            for text in [character, "A\(character)b", " \(character) \(character)É", "x\(character)\(character)y"] {
                let bytes = try XCTUnwrap(HeadingOutline.normalizedBytes(text), text.debugDescription)
                XCTAssertEqual(String(decoding: bytes, as: UTF8.self), HeadingOutline.normalized(text), text.debugDescription)
                XCTAssertEqual(HeadingOutline.slug(text), HeadingOutline.foldedSlug(text), text.debugDescription)
            }
        }
        let long = String(repeating: "é", count: 40) + " æ " + String(repeating: "à", count: 40)
        XCTAssertEqual(HeadingOutline.slug(long), HeadingOutline.foldedSlug(long))
    }
}
