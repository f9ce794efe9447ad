import CPTSDomain
@testable import CPTSSite
import XCTest

final class TerritoryOrderTests: XCTestCase {
    func testTheKeyIsTheTerritoryWithoutCPTSAndItsArticle() {
        XCTAssertEqual(TerritoryOrder.key("CPTS du Sud Lochois"), "sud lochois")
        XCTAssertEqual(TerritoryOrder.key("CPTS de la Vallée du Loir"), "vallee du loir")
        XCTAssertEqual(TerritoryOrder.key("CPTS des Portes Euréliennes"), "portes eureliennes")
        XCTAssertEqual(TerritoryOrder.key("CPTS de l’Étang"), "etang")
        XCTAssertEqual(TerritoryOrder.key("CPTS de l'Étang"), "etang")
        XCTAssertEqual(TerritoryOrder.key("CPTS d’Orléans"), "orleans")
        XCTAssertEqual(TerritoryOrder.key("CPTS de Bourges"), "bourges")
        XCTAssertEqual(TerritoryOrder.key("cpts Œuvre commune"), "oeuvre commune")
        XCTAssertEqual(TerritoryOrder.key("CPTS Châteauroux Val de l’Indre"), "chateauroux val de l'indre")
        // Not an article: "Dunois" starts with "du" but not "du ".
        XCTAssertEqual(TerritoryOrder.key("CPTS Dunois"), "dunois")
        XCTAssertEqual(TerritoryOrder.key("Maison de santé"), "maison de sante")
        // Nothing after the article: the name stays whole rather than becoming empty.
        XCTAssertEqual(TerritoryOrder.key("CPTS du "), "du ")
    }

    func testCPTSAreSortedByTerritoryIgnoringAccentsAndCase() {
        let names = ["CPTS du Sud Lochois", "CPTS Est Touraine", "CPTS de l’Étang", "CPTS des Abers", "CPTS giennois",
                     "CPTS d’Orléans", "CPTS Ézy"]
        let sorted = names.sorted { (TerritoryOrder.key($0), $0) < (TerritoryOrder.key($1), $1) }
        XCTAssertEqual(sorted, ["CPTS des Abers", "CPTS Est Touraine", "CPTS de l’Étang", "CPTS Ézy", "CPTS giennois",
                                "CPTS d’Orléans", "CPTS du Sud Lochois"])
    }

    func testTheFoldOfLatinTextByteByByteIsTheFoldOfItsScalars() {
        let scalars = (0...0x24F).compactMap(Unicode.Scalar.init) + ["\u{2019}", "\u{202F}", "\u{212A}", "\u{1E9E}"]
        for scalar in scalars {
            for text in [String(scalar), "a\(scalar)Z", "\(scalar)\u{301}", "É\(scalar)’"] {
                XCTAssertEqual(TerritoryOrder.fold(text), TerritoryOrder.foldScalars(text), text.debugDescription)
            }
        }
        XCTAssertEqual(TerritoryOrder.fold("ŒUVRE Æ Ça’s ÿ Ð × ß"), "oeuvre ae ca's y ð × ß")
    }

    func testTextBeyondLatinLettersIsFoldedScalarByScalar() {
        for text in ["Ÿ", "e\u{301}", "a\u{202F}b", "’\u{301}", "Ⅻ"] {
            XCTAssertNil(TerritoryOrder.foldLatin(text), text.debugDescription)
        }
        XCTAssertEqual(TerritoryOrder.foldLatin("Châteauroux Val de l’Indre"), "chateauroux val de l'indre")
    }

    /// The key tests bytes before characters: the same keys as reading characters alone, spaces, case, combining
    /// marks and non-breaking spaces included.
    func testTheKeyIsTheKeyReadCharacterByCharacter() {
        let names = ["CPTS du Sud Lochois", "  CPTS de la Loire", "\u{A0}CPTS-des Abers", "\tcpts  du Perche", "CPTS",
                     "CPTS ", "CPTSx du Nord", "CPTS\u{301} du Nord", "Cpts-de l’Eure", "CPTS DE LA Vallée", "CPTS d’\u{301}Orléans",
                     "CPTS du\u{301} Nord", "CPTS de l\u{2019}Étang", "CPTS De L'Indre", "", " ", "ÇPTS du Val", "CPTŠ du Val",
                     "CPTS d’", "CPTS des", "CPTS du\u{A0}Val", "CPTS de\u{202F}la Brenne", "Ⓒpts du Val", "CPTS Ÿonne", "1 CPTS"]
        for name in names {
            XCTAssertEqual(TerritoryOrder.key(name), Reference.key(name), name.debugDescription)
        }
    }

    func testCPTSInOrderAreTheSortedCPTS() {
        let names = ["CPTS du Sud Lochois", "CPTS Est Touraine", "CPTS de l’Étang", "CPTS des Abers", "CPTS Est Touraine"]
        let cpts = names.enumerated().map { index, name in
            CPTS(slug: Located("s\(names.count - index)", at: Self.at), file: "f", name: name, department: Located("37", at: Self.at),
                 population: nil, communes: [], stage: Located(.healthProject, at: Self.at), dates: [:], schedule: nil, legalForm: nil, members: [], missions: [],
                 body: "", location: Self.at)
        }
        XCTAssertEqual(TerritoryOrder.order(cpts), [3, 4, 1, 2, 0])
        XCTAssertEqual(TerritoryOrder.sorted(cpts).map(\.slug.value), ["s2", "s1", "s4", "s3", "s5"])
    }

    private static let at = SourceLocation(file: "f", line: 1, column: 1)

    /// The key as it was written before bytes were read first: on characters only.
    private enum Reference {
        static func key(_ name: String) -> String {
            var rest = Substring(name)
            rest = rest.drop { $0.isWhitespace }
            if rest.prefix(4).lowercased() == "cpts", rest.dropFirst(4).first.map({ $0.isWhitespace || $0 == "-" }) ?? true {
                rest = rest.dropFirst(4).drop { $0.isWhitespace || $0 == "-" }
            }
            for article in ["de la ", "de l’", "de l'", "des ", "du ", "de ", "d’", "d'"] where rest.lowercased().hasPrefix(article) {
                let remainder = rest.dropFirst(article.count)
                if !remainder.isEmpty { rest = remainder }
                break
            }
            return TerritoryOrder.foldScalars(String(rest))
        }
    }
}
