@testable import CPTSContent
import CPTSDomain
import XCTest

final class ReaderLocationTests: XCTestCase {
    /// The reader makes the file's path once; each value's location still says the file, line and column.
    func testIndicatorValuesPointAtTheirFileLineAndColumn() throws {
        let yaml = """
            contractYears:
              - year: 1
                indicators:
                  - id: suivi
                    mission: acces-soins
                    label: Suivi
                    direction: up
                    steps:
                      - { threshold: 10, amount: 2000 }

            """
        let (file, diagnostics) = IndicatorsReader.read(yaml, path: "content/indicators/blaisois.yaml", slug: "blaisois")
        XCTAssertEqual(diagnostics, [])
        let year = try XCTUnwrap(file?.contractYears.first)
        let indicator = try XCTUnwrap(year.indicators.first)
        XCTAssertEqual(year.year.location.description, "content/indicators/blaisois.yaml:2:11")
        XCTAssertEqual(indicator.id.location.description, "content/indicators/blaisois.yaml:4:13")
        XCTAssertEqual(indicator.direction.location.description, "content/indicators/blaisois.yaml:7:20")
        XCTAssertEqual(indicator.steps.first?.location.description, "content/indicators/blaisois.yaml:9:13")
        XCTAssertEqual(indicator.id.location, SourceLocation(file: "content/indicators/blaisois.yaml", line: 4, column: 13))
    }

    func testACommuneRowAndItsPopulationPointAtTheirLineAndColumn() throws {
        let (rows, diagnostics) = CommunesCSVReader.read("code;name;department;population\n18001;Blois;41;45000\n",
                                                         path: "content/geo/communes.csv")
        XCTAssertEqual(diagnostics, [])
        let row = try XCTUnwrap(rows.first)
        XCTAssertEqual(row.location.description, "content/geo/communes.csv:2:1")
        XCTAssertEqual(row.populationWritten.location.description, "content/geo/communes.csv:2:16")
    }
}

final class ReaderInterningTests: XCTestCase {
    func testAnInternedTextIsTheEqualTextReadBeforeInItsFile() {
        let reader = YAMLReader(path: "content/indicators/blaisois.yaml")
        let first = reader.interned("Indicateur 1 de la mission acces-soins")
        let again = reader.interned(String("Indicateur 1 de la mission acces-soins ".dropLast()))
        XCTAssertEqual(again, "Indicateur 1 de la mission acces-soins")
        XCTAssertEqual(first.utf8.withContiguousStorageIfAvailable { $0.baseAddress },
                       again.utf8.withContiguousStorageIfAvailable { $0.baseAddress })
        XCTAssertEqual(reader.interned("patients"), "patients")
    }
}
