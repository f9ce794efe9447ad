import CPTSDomain
import CPTSSite
import Foundation
import XCTest

/// The system's errors a build meets when writing, said in French; the system's own words kept in English only.
final class SystemReasonTests: XCTestCase {
    func testTheWriteErrorsAreSaidInFrench() {
        XCTAssertEqual(SystemReason(errno: ENOSPC).fr, "le disque est plein")
        XCTAssertEqual(SystemReason(errno: ENOSPC).en, "No space left on device")
        XCTAssertEqual(SystemReason(errno: EACCES).fr, "vous n’avez pas le droit d’écrire à cet endroit")
        XCTAssertEqual(SystemReason(errno: EROFS).fr, "le disque est en lecture seule")
        XCTAssertTrue(SystemReason(errno: EFBIG).fr.hasPrefix("un fichier dépasse la taille permise"))
    }

    /// An error without French words still gets a French sentence, with the system's number.
    func testAnUnlistedErrorKeepsItsNumber() {
        XCTAssertEqual(SystemReason(errno: ETXTBSY).fr, "erreur du système n°\u{A0}\(ETXTBSY) (Text file busy)")
    }
}
