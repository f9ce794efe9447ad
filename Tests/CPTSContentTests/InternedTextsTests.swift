@testable import CPTSContent
import XCTest

/// `InternedTexts` gives a text read before again, found by its bytes and style.
final class InternedTextsTests: XCTestCase {
    func find(_ texts: InternedTexts, _ text: String, _ style: Node.Scalar.Style) -> String? {
        Array(text.utf8).withUnsafeBufferPointer { texts.text(of: $0, style: style) }
    }

    func add(_ texts: inout InternedTexts, _ text: String, _ style: Node.Scalar.Style) -> String {
        Array(text.utf8).withUnsafeBufferPointer { texts.add(text, of: $0, style: style) }
    }

    func testATextAddedIsFoundByItsBytesAndStyleOnly() {
        var texts = InternedTexts()
        _ = add(&texts, "Taux de patients sans médecin traitant", .plain)
        XCTAssertEqual(find(texts, "Taux de patients sans médecin traitant", .plain), "Taux de patients sans médecin traitant")
        XCTAssertNil(find(texts, "Taux de patients sans médecin traitant", .doubleQuoted))
        XCTAssertNil(find(texts, "Taux de patients sans médecin", .plain))
    }

    func testATextEqualToOneAddedBeforeIsThatOneAsASetGivesIt() {
        var texts = InternedTexts()
        let composed = "Délai", decomposed = "De\u{301}lai"
        XCTAssertEqual(Array(add(&texts, composed, .plain).utf8), Array(composed.utf8))
        // Canonically equivalent: the text made first is given, as `Set<String>.insert` gave it.
        XCTAssertEqual(Array(add(&texts, decomposed, .plain).utf8), Array(composed.utf8))
        XCTAssertEqual(find(texts, decomposed, .plain).map { Array($0.utf8) }, Array(composed.utf8))
    }
}

final class InternedTextsEquivalenceTests: XCTestCase {
    func testATextEqualToOneNotInNFCMadeBeforeIsThatOne() {
        var texts = InternedTexts()
        let decomposed = "De\u{301}lai", composed = "Délai"
        _ = Array(decomposed.utf8).withUnsafeBufferPointer { texts.add(decomposed, of: $0, style: .plain) }
        let kept = Array(composed.utf8).withUnsafeBufferPointer { texts.add(composed, of: $0, style: .plain) }
        XCTAssertEqual(Array(kept.utf8), Array(decomposed.utf8))
    }
}
