@testable import CPTSContent
import CPTSDomain
import XCTest

final class CommunesCSVReaderTests: XCTestCase {
    func testAQuotedCellMayHoldTheSeparatorAndDoubledQuotes() {
        let text = "code;name;department;population\n41009;\"Blois; Ville\";41;2483\n37003; \"Azay \"\"le bourg\"\"\" ;37;\"20000\"\n"
        let (rows, diagnostics) = CommunesCSVReader.read(text, path: "geo/communes.csv")
        let communes = Commune.byCode(rows)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(communes["41009"]?.name, "Blois; Ville")
        XCTAssertEqual(communes["41009"]?.population, 2483)
        XCTAssertEqual(communes["37003"]?.name, "Azay \"le bourg\"")
        XCTAssertEqual(communes["37003"]?.population, 20000)
    }

    func testHeadersAreReadWithoutRegardToAccentsCapitalsAndSpaces() {
        for header in ["code;nom;département;population", "Code INSEE;Nom;Département;Population municipale",
                       "CODE;NAME;DEPARTEMENT;POPULATION", "code_insee;nom;Dép;pmun"] {
            let (rows, diagnostics) = CommunesCSVReader.read(header + "\n41018;Blois;41;45000\n", path: "geo/communes.csv")
            XCTAssertEqual(diagnostics, [], header)
            XCTAssertEqual(rows.map(\.department), ["41"], header)
            XCTAssertEqual(rows.map(\.population), [45000], header)
        }
    }

    func testARowWithMoreOrFewerCellsThanTheHeaderIsAnErrorAtItsLine() {
        let text = "code,name,department,population\n41018,Blois, Ville,41,2483\n18001,Court,18\n18002,\"Bien\",18,10\n"
        let (rows, diagnostics) = CommunesCSVReader.read(text, path: "geo/communes.csv")
        let communes = Commune.byCode(rows)
        XCTAssertEqual(diagnostics.map { $0.headline(in: .en) }, [
            "geo/communes.csv:2:1: error: row has 5 cells, more than the header's 4",
            "geo/communes.csv:3:1: error: row has 3 cells, fewer than the header's 4",
        ])
        XCTAssertEqual(Array(communes.keys), ["18002"])
    }

    func testAQuotedCellSpansLinesAndLaterCellsKeepTheirPlace() {
        let text = "code;name;department;population\n1;\"a\nb\";18;x\n2;\"c\";18;5\n3;\"d\"e;18;5\n4;\"ouvert;18;5\n"
        let (rows, diagnostics) = CommunesCSVReader.read(text, path: "f.csv")
        let communes = Commune.byCode(rows)
        XCTAssertEqual(diagnostics.map { $0.headline(in: .en) }, [
            "f.csv:5:6: error: text after the closing quote of a cell",
            "f.csv:6:3: error: quoted cell is not closed",
            "f.csv:3:7: error: population of commune '1' must be a whole number, found 'x'",
            "f.csv:6:1: error: row has 2 cells, fewer than the header's 4",
        ])
        XCTAssertEqual(communes["2"]?.population, 5)
        XCTAssertEqual(communes["3"]?.name, "de")
    }

    func testANegativePopulationIsKeptWithItsWrittenTextAndPlace() {
        let text = "code;name;department;population\n18001;Achères;18;-012\n"
        let (rows, diagnostics) = CommunesCSVReader.read(text, path: "geo/communes.csv")
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(rows.map(\.population), [-12])
        XCTAssertEqual(rows.first?.populationWritten, Located("-012", at: SourceLocation(file: "geo/communes.csv", line: 2, column: 18)))
    }

    func testARowWithANegativePopulationIsLeftOutOfTheCommunesByCode() {
        let text = "code;name;department;population\n18001;Achères;18;5\n18001;Achères;18;-3\n18002;Allogny;18;-1\n"
        let (rows, _) = CommunesCSVReader.read(text, path: "geo/communes.csv")
        XCTAssertEqual(rows.count, 3)
        XCTAssertEqual(Commune.byCode(rows).mapValues(\.population), ["18001": 5])
    }

    func testACodeGivenTwiceIsKeptAsTwoRowsWithTheirLines() {
        let text = "code;name;department;population\n18001;Achères;18;5\n18001;Achères bis;18;7\n"
        let (rows, diagnostics) = CommunesCSVReader.read(text, path: "geo/communes.csv")
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(rows.map(\.location.line), [2, 3])
        XCTAssertEqual(Commune.byCode(rows)["18001"]?.population, 7)
    }
}
