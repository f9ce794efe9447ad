@testable import CPTSContent
import CPTSDomain
import Foundation
import XCTest

/// `IndicatorsEventReader` reads from libyaml's events what the tree reader reads without a diagnostic, to the same
/// model, and leaves every other file to the tree reader (which words the diagnostics).
final class IndicatorsEventReaderTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static let path = "content/indicators/sud-lochois.yaml"

    static let clean = """
        contractYears:
          - year: 1
            indicators:
              - id: ald-sans-medecin-traitant
                mission: acces-soins
                label: Patients en ALD sans médecin traitant
                unit: patients
                direction: down
                baseline: 219
                value: 120
                steps:
                  - { threshold: 150, amount: 6000 }
                  - { threshold: 100, amount: 9_000 }
              - steps: [{amount: 5000}, {threshold: 3.5, amount: 10000}]
                label: "Parcours « formalisés »"
                direction: 'up'
                mission: parcours
                id: parcours-formalises
                value: ~
              - id: plan-crise
                mission: crise
                label: Plan de crise écrit
                direction: done
                value: True
                steps:
                  -
                    amount: 3000
          - year: 2
          - {year: 3, indicators: []}

        """

    /// The model as text (every field, locations included), to compare two readings.
    func shown(_ file: IndicatorFile?) -> String { String(reflecting: file) }

    func assertReadsAsTheTree(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) {
        let tree = IndicatorsReader.readTree(yaml, path: Self.path, slug: "sud-lochois")
        guard let events = IndicatorsEventReader.read(yaml, path: Self.path, slug: "sud-lochois") else { return }
        XCTAssertEqual(tree.1, [], "read from events although the tree reader reports: \(yaml)", file: file, line: line)
        XCTAssertEqual(shown(events), shown(tree.0), "another model than the tree's: \(yaml)", file: file, line: line)
    }

    func testACleanFileIsReadFromEventsToTheTreeReadersModel() throws {
        let events = try XCTUnwrap(IndicatorsEventReader.read(Self.clean, path: Self.path, slug: "sud-lochois"))
        let tree = IndicatorsReader.readTree(Self.clean, path: Self.path, slug: "sud-lochois")
        XCTAssertEqual(tree.1, [])
        XCTAssertEqual(shown(events), shown(tree.0))
        XCTAssertEqual(events.contractYears.map(\.year.value), [1, 2, 3])
        XCTAssertEqual(events.contractYears[0].indicators.map(\.value), [.number(120), nil, .done(true)])
        XCTAssertEqual(events.contractYears[0].indicators[0].steps.map(\.amount), [6000, 9000])
        XCTAssertEqual(events.contractYears[0].indicators[1].direction.location, SourceLocation(file: Self.path, line: 16, column: 20))
        XCTAssertEqual(events.contractYears[0].indicators[0].steps[1].location, SourceLocation(file: Self.path, line: 13, column: 13))
    }

    func testTheLoadersReadingOfACleanFileHasNoDiagnostic() {
        let (file, diagnostics) = IndicatorsReader.read(Self.clean, path: Self.path, slug: "sud-lochois")
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(shown(file), shown(IndicatorsReader.readTree(Self.clean, path: Self.path, slug: "sud-lochois").0))
    }

    /// Each of these needs a diagnostic, or something only the composer checks: the events reader gives up.
    func testFilesNeedingTheComposerOrADiagnosticAreLeftToTheTreeReader() {
        let irregular = [
            "",
            "# comments only\n",
            "contractYears: []\n---\ncontractYears: []\n",
            "contractYears: []\ncontractYear: []\n",
            "contractYears: []\ncontractYears: []\n",
            "contractYears:\n",
            "- 1\n",
            "contractYears: [{year: 1, year: 2}]\n",
            "contractYears: [{year: 1, \"year\": 2}]\n",
            "contractYears: [{year: \"1\"}]\n",
            "contractYears: [{year: 1_000_000_001}]\n",
            "contractYears: [{year: 1, indicators: ~}]\n",
            "contractYears: [&a {year: 1}, *a]\n",
            "contractYears: [{year: !!int 1}]\n",
            "contractYears: [{year: 1, indicators: [{id: a, mission: m, label: <b>L</b>, direction: up, steps: []}]}]\n",
            "contractYears: [{year: 1, indicators: [{id: \" \", mission: m, label: L, direction: up, steps: []}]}]\n",
            "contractYears: [{year: 1, indicators: [{id: a, mission: m, label: L, direction: hausse, steps: []}]}]\n",
            "contractYears: [{year: 1, indicators: [{id: a, mission: m, label: L, direction: up, steps: [], value: oui}]}]\n",
            "contractYears: [{year: 1, indicators: [{id: a, mission: m, label: L, direction: done, steps: [], value: 1}]}]\n",
            "contractYears: [{year: 1, indicators: [{id: a, mission: m, label: L, direction: up, steps: [], value: \"1\"}]}]\n",
            "contractYears: [{year: 1, indicators: [{id: a, mission: m, label: L, direction: up, steps: [], unit: ~}]}]\n",
            "contractYears: [{year: 1, indicators: [{id: a, mission: m, label: ~, direction: up, steps: []}]}]\n",
            "contractYears: [{year: 1, indicators: [{id: a, mission: m, label: L, direction: up, steps: [{threshold: 1}]}]}]\n",
            "contractYears: [{year: 1, indicators: [{id: a, mission: m, label: L, direction: up, steps: [{amount: 1, montant: 2}]}]}]\n",
            "contractYears: [{year: 1, indicators: [{id: a, mission: m, label: L, direction: up, steps: [{amount: 1e3}]}]}]\n",
            "contractYears: [{year: 1, indicators: [{id: a, mission: m, label: L, direction: up}]}]\n",
            "contractYears: [{year: 1, indicators: [{id: a, mission: m, label: L, direction: up, steps: [], baseline: 1e13}]}]\n",
            "contractYears: [{year: 1, indicators: [{id: a, mission: m, label: L, direction: up, steps: [], value: .nan}]}]\n",
            "contractYears: [{year: 1\n",
            "contractYears: [{year: 1, indicators: [[a]]}]\n",
            "contractYears: [{? [a] : 1}]\n",
        ]
        for yaml in irregular {
            XCTAssertNil(IndicatorsEventReader.read(yaml, path: Self.path, slug: "s"), yaml)
        }
    }

    /// A value of null, absent optional keys, quoted texts and flow or block styles need no diagnostic.
    func testOptionalAndNullValuesAreReadFromEvents() throws {
        let yaml = "contractYears: [{year: 1, indicators: [{id: 'a', mission: \"m\", label: L, direction: up, steps: [], value: null}]}]\n"
        let file = try XCTUnwrap(IndicatorsEventReader.read(yaml, path: Self.path, slug: "s"))
        let indicator = try XCTUnwrap(file.contractYears.first?.indicators.first)
        XCTAssertNil(indicator.value)
        XCTAssertNil(indicator.unit)
        XCTAssertNil(indicator.baseline)
        assertReadsAsTheTree(yaml)
    }

    /// The invariant on every indicators file of the fixtures and on every one-byte edit and line edit of a clean
    /// file: read from events only when the tree reader reports nothing, and then to the same model.
    func testEveryEditOfACleanFileReadsAsTheTreeReadsIt() throws {
        var texts = [Self.clean]
        let enumerator = FileManager.default.enumerator(atPath: Self.fixtures.path)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.contains("indicators/"), relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") else { continue }
            texts.append(try String(contentsOf: Self.fixtures.appendingPathComponent(relative), encoding: .utf8))
        }
        XCTAssertGreaterThan(texts.count, 5)
        for text in texts { assertReadsAsTheTree(text) }
        let bytes = Array(Self.clean.utf8)
        let replacements: [UInt8] = Array(" ~\"&!*:\n".utf8)
        for offset in bytes.indices {
            for replacement in replacements where replacement != bytes[offset] {
                var edited = bytes
                edited[offset] = replacement
                assertReadsAsTheTree(String(decoding: edited, as: UTF8.self))
            }
        }
        let lines = Self.clean.split(separator: "\n", omittingEmptySubsequences: false)
        for index in lines.indices {
            var removed = lines
            removed.remove(at: index)
            assertReadsAsTheTree(removed.joined(separator: "\n"))
            var doubled = lines
            doubled.insert(lines[index], at: index)
            assertReadsAsTheTree(doubled.joined(separator: "\n"))
        }
    }

    /// Numbers written as plain digits are read from the event's bytes without a `String`: every way of writing one
    /// (sign, leading zeros, 15 and 16 digits, over the bounds, quoted, a decimal) reads as the tree reads it.
    func testNumbersWrittenAsDigitsReadAsTheTreeReadsThem() throws {
        let written = ["0", "-0", "007", "-12", "150", "3.5", "999999999999999", "1000000000000000", "1000000001",
                       "1000000000000", "1000000000001", "'150'", "\"150\"", "+5", "1_000", "-", "12a"]
        for number in written {
            for key in ["baseline", "threshold", "amount", "value"] {
                let step = key == "threshold" || key == "amount" ? "{\(key): \(number)\(key == "amount" ? "" : ", amount: 1")}" : "{amount: 1}"
                let extra = key == "baseline" || key == "value" ? ", \(key): \(number)" : ""
                let yaml = "contractYears: [{year: 1, indicators: [{id: a, mission: m, label: L, direction: up, steps: [\(step)]\(extra)}]}]\n"
                assertReadsAsTheTree(yaml)
            }
        }
        let yaml = "contractYears: [{year: 1, indicators: [{id: a, mission: m, label: L, direction: up, steps: [{threshold: -0, amount: 007}], baseline: 999999999999}]}]\n"
        let indicator = try XCTUnwrap(IndicatorsEventReader.read(yaml, path: Self.path, slug: "s")?.contractYears.first?.indicators.first)
        XCTAssertEqual(indicator.steps.first?.amount, 7)
        XCTAssertEqual(indicator.baseline, 999_999_999_999)
        XCTAssertEqual(indicator.steps.first?.threshold.map { $0.sign }, .minus)
        XCTAssertNil(IndicatorsEventReader.read(yaml.replacingOccurrences(of: "amount: 007", with: "amount: 1000000001"),
                                                path: Self.path, slug: "s"))
    }

    /// A label repeated from one contract year to the next is kept once: the years share its storage.
    func testALabelRepeatedInAFileIsKeptOnce() throws {
        let label = "Patients en ALD sans médecin traitant"
        let yaml = (1...2).map { year in
            """
              - year: \(year)
                indicators:
                  - { id: ald, mission: acces-soins, label: \(label), direction: down, steps: [{amount: 1}] }
            """
        }.joined(separator: "\n")
        let file = try XCTUnwrap(IndicatorsEventReader.read("contractYears:\n" + yaml, path: Self.path, slug: "s"))
        let labels = file.contractYears.map { $0.indicators[0].label }
        XCTAssertEqual(labels, [label, label])
        var (first, second) = (labels[0], labels[1])
        let firstBytes = first.withUTF8 { $0.baseAddress }, secondBytes = second.withUTF8 { $0.baseAddress }
        XCTAssertEqual(firstBytes, secondBytes)
    }
}
