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
}
