import CPTSDomain
import XCTest

@testable import CPTSSite

/// The public validation report names missions and stages as a reader reads them (`ViewModels.readerText`).
final class ValidationPageTests: XCTestCase {
    func testAQuotedMissionIdReadsAsItsLabel() {
        let crisis = Mission.catalogue.first { $0.id == "crises-sanitaires" }?.name ?? ""
        XCTAssertEqual(ViewModels.readerText("la mission «\u{202F}crises-sanitaires\u{202F}» n’a pas démarré"),
                       "la mission «\u{202F}\(crisis)\u{202F}» n’a pas démarré")
    }

    func testEveryQuotedIdOfAMessageIsReplacedInOnePass() {
        let stage = Stage.allCases[0]
        let text = "«\u{202F}parcours\u{202F}» puis «\u{202F}\(stage.rawValue)\u{202F}» et «\u{202F}parcours\u{202F}»"
        let parcours = Mission.catalogue.first { $0.id == "parcours" }?.name ?? ""
        XCTAssertEqual(ViewModels.readerText(text),
                       "«\u{202F}\(parcours)\u{202F}» puis «\u{202F}\(stage.label)\u{202F}» et «\u{202F}\(parcours)\u{202F}»")
    }

    func testAQuotationThatIsNoIdIsKeptAsWritten() {
        let text = "le champ «\u{202F}parcours-bis\u{202F}» est inconnu"
        XCTAssertEqual(ViewModels.readerText(text), text)
    }

    func testAnUnclosedQuotationIsKeptAndTheNextOneStillRead() {
        let parcours = Mission.catalogue.first { $0.id == "parcours" }?.name ?? ""
        XCTAssertEqual(ViewModels.readerText("«\u{202F}«\u{202F}parcours\u{202F}» et «\u{202F}fin"),
                       "«\u{202F}«\u{202F}\(parcours)\u{202F}» et «\u{202F}fin")
    }

    func testATextWithoutQuotationIsReturnedUnchanged() {
        XCTAssertEqual(ViewModels.readerText("aucune citation : rien à lire"), "aucune citation : rien à lire")
    }
}
