@testable import CPTSMarkdown
import XCTest

/// The byte path of `FrenchTypography` (cmark's literals read in place) against the rules read one `Character` at a
/// time (`applyCharacters`), which stay the reference: same text out, same state carried to the next run.
final class FrenchTypographyBytesTests: XCTestCase {
    let n = "\u{202F}"

    /// States a run may start in: nothing before, a word, a space, a digit, an opening bracket, a mark, a no-break
    /// space, a decomposed letter, inside one or two quotations.
    let states: [FrenchTypography] = {
        let previous: [Character?] = [nil, "a", " ", "1", "(", "!", "?", "\u{00A0}", "\u{202F}", "é", "e\u{301}", "«", "."]
        return previous.flatMap { character in
            (0...2).map { depth in
                var state = FrenchTypography()
                state.previous = character
                state.quoteDepth = depth
                return state
            }
        }
    }()

    /// Asserts that `apply` (bytes first) and `applyCharacters` agree on `text` from every state; returns how many
    /// of them the byte path typeset itself.
    @discardableResult
    func assertAgree(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Int {
        var typesetByBytes = 0
        for state in states {
            var bytesState = state, charactersState = state
            let byBytes = bytesState.apply(text)
            let byCharacters = charactersState.applyCharacters(text)
            let message = "\(text.debugDescription) after \(String(describing: state.previous).debugDescription) at depth \(state.quoteDepth)"
            XCTAssertEqual(Array(byBytes.utf8), Array(byCharacters.utf8), message, file: file, line: line)
            XCTAssertEqual(bytesState.previous, charactersState.previous, message, file: file, line: line)
            XCTAssertEqual(bytesState.quoteDepth, charactersState.quoteDepth, message, file: file, line: line)
            var probe = state
            var copy = text
            if copy.withUTF8({ probe.apply(bytes: $0) }) != .unsupported { typesetByBytes += 1 }
        }
        return typesetByBytes
    }

    func testBytesAgreeWithCharactersOnTrickyRuns() {
        let runs = [
            "", " ", "a", "'", "\"", "«", "»", ";", ":", "!", "?", "?!", "!!", "...", "…", "…?",
            "Attention : lire ; vraiment ! Pourquoi ?", "Note: lire; vraiment! Pourquoi?", "L'ARS et d'un",
            "Le \"projet de santé\" est validé.", "Le \" projet \" ici", "dit \"la CPTS \"Sud\" signe\" hier",
            "« mot »", "«mot»", "«\u{202F}mot\u{202F}»", "«\u{00A0}mot\u{00A0}»", "mot\u{00A0}: oui", "mot\u{00A0}; non",
            "14:30, 3:1 ; fin", "²:3", "a:b", "?x=1", "(?)", "[!]", "/:", "—\"x\"", "–\"x\"", "-\"x\"", "“\"x\"",
            "Voir https://example.org/a?b=1;c ici", "https://x.org/?a=1.", "(www.example.org).", "http://a»b",
            "HTTP://A.ORG: oui", "WWW.x.fr; non", "Ftp://x: y", "Mailto:x: y", "mailto:a@b.fr!", "ftp://x;",
            "pathttp://y ok", "éhttp://z: x", "1http://z: x", "àhttp://z é! ÿ? «mot»", "wİw.x: y", "maİlto:x: y",
            "été: àh", "Ça ? Oui !", "€ : 3", "• item : a", "‘a’ ’b’", "a\u{00A0}\"b\"", "\"\u{00A0}b\"", "\" b\"",
            "x\"", "\"", "\"\"", "\" \"", "a\n\"b\"\n: c", "a\t:b", "\u{00AD}: x", "ª: º! ¹?", "×: ÷!", "µ\"x\"",
            // Outside the byte path's characters: typeset by `applyCharacters`, the state left to it.
            "cafe\u{301}: voir", "é\u{301}! ÿ\u{327}?", "a\r\n: b", "😀 : \"x\"", "x\u{200D}: y", "İ: x", "Ω: x",
            "\u{0600}a: b", "a\u{0301}", "日本: x",
        ]
        for run in runs { assertAgree(run) }
    }

    func testTheBytePathTypesetsFrenchTextItself() {
        XCTAssertEqual(assertAgree("L'équipe « Santé » : 14:30 ; \"oui\" !"), states.count)
        XCTAssertEqual(assertAgree("cafe\u{301}: voir"), 0)
    }

    func testBytesAgreeWithCharactersOnGeneratedRuns() {
        // Deterministic: a linear congruential generator over an alphabet of what the rules read.
        let alphabet: [String] = [
            "a", "é", "É", "1", " ", " ", "\u{00A0}", "\u{202F}", "'", "\"", "\"", "«", "»", ";", ":", "!", "?", ".",
            "…", "(", ")", "-", "—", "/", "h", "w", "http://", "www.", "mailto:", "x.org", "\n", "’", "“", "”", "ç",
            "İ", "e\u{301}", "\r", "😀",
        ]
        var seed: UInt64 = 27
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        for _ in 0..<1_500 {
            let run = (0..<next(14)).map { _ in alphabet[next(alphabet.count)] }.joined()
            assertAgree(run)
        }
    }

    func testLastCharacterOfBytes() {
        for text in ["", "a", "é", "ab", "aé", "éa", "e\u{301}", "\u{0600}a", "a\r\n", "a\n", "a\r", "😀", "a😀", "x\u{200D}©",
                     "×", "İ", "ŉ", "\u{00AD}", "a\u{00A0}"] {
            var copy = text
            XCTAssertEqual(copy.withUTF8 { FrenchTypography.lastCharacter(of: $0) }, text.last, text.debugDescription)
        }
    }

    let renderer = MarkdownRenderer(options: .init(frenchTypography: true))

    func testMultiByteCharactersAtTheEdgesOfInlineNodes() {
        // A « alone at the end of its text node is given no space: what follows is in another node.
        XCTAssertEqual(renderer.render("É**é**: «*à*» ; `ç`: ü!").html,
                       "<p>É<strong>é</strong>\(n): «<em>à</em>\(n)»\(n); <code>ç</code>\(n): ü\(n)!</p>\n")
    }

    func testEntitiesAreTypesetAsTheCharactersTheyWrite() {
        XCTAssertEqual(renderer.render("&quot;mot&quot; &amp; l&#39;ARS&#58; oui").html,
                       "<p>«\(n)mot\(n)» &amp; l’ARS\(n): oui</p>\n")
    }

    func testCodeSpansBetweenTextAreUntouchedAndCountAsAWord() {
        XCTAssertEqual(renderer.render("`l'a`: \"`x`\" `é`!").html,
                       "<p><code>l'a</code>\(n): «\(n)<code>x</code>\(n)» <code>é</code>\(n)!</p>\n")
    }

    func testAutolinkTextIsUntouched() {
        XCTAssertEqual(renderer.render("Voir www.example.org/l'a?x=1: oui").html,
                       "<p>Voir <a href=\"http://www.example.org/l&#x27;a?x=1\">www.example.org/l'a?x=1</a>\(n): oui</p>\n")
    }
}
