@testable import CPTSContent
import CPTSDomain
import Foundation
import XCTest

/// A region's `data/site.json` read as hostile input: every problem located in the JSON, with libyaml's reading of
/// JSON (escapes, duplicate keys, numbers, nesting) pinned down.
final class RegionalSiteReaderTests: XCTestCase {
    static let path = "content/regions/24.json"

    /// A small valid file of version 2; `cpts` replaces the CPTS list, `head` the first lines.
    static func document(head: String = #""format": "cpts-site/site.json",\#n  "version": 2,"#, name: String = #""Région de test""#,
                         cpts: String = #"[{"slug": "sud", "name": "CPTS Sud", "department": "37", "stage": "aci-signed", "population": 45000, "communes": ["37003", "37004"], "funding": {"signature": "2020-06-30", "paid": 58750}}]"#)
        -> String
    {
        """
        {
          \(head)
          "generator": "cpts-site",
          "asOf": "2020-12-31",
          "region": {
            "code": "24",
            "name": \(name),
            "population": 400000,
            "departments": [{"code": "37", "name": "Indre-et-Loire", "population": 150000}]
          },
          "cpts": \(cpts)
        }

        """
    }

    func read(_ json: String) -> (RegionalSite?, [Diagnostic]) {
        RegionalSiteReader.read(json, path: Self.path, url: "https://centre.example.org/")
    }

    func only(_ json: String, file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        let (site, diagnostics) = read(json)
        XCTAssertNil(site, file: file, line: line)
        XCTAssertEqual(diagnostics.count, 1, "\(diagnostics.map { $0.text(in: .fr) })", file: file, line: line)
        return diagnostics.first
    }

    func testAValidFileGivesItsRegionAndCPTSWithTheirPlaces() throws {
        let (site, diagnostics) = read(Self.document())
        XCTAssertEqual(diagnostics.map { $0.text(in: .fr) }, [])
        let region = try XCTUnwrap(site)
        XCTAssertEqual(region.code.value, "24")
        XCTAssertEqual(region.asOf.value, Day(year: 2020, month: 12, day: 31))
        XCTAssertEqual(region.departments.map(\.code.value), ["37"])
        let cpts = try XCTUnwrap(region.cpts.first)
        XCTAssertEqual(cpts.stage, .aciSigned)
        XCTAssertEqual(cpts.communes.map(\.value), ["37003", "37004"])
        XCTAssertEqual(cpts.communes[1].location, SourceLocation(file: Self.path, line: 12, column: 134))
        XCTAssertEqual(cpts.paid, 58750)
        XCTAssertEqual(cpts.signature, Day(year: 2020, month: 6, day: 30))
    }

    func testANullStageIsNoStageAndUnknownKeysAreIgnored() throws {
        let json = Self.document(cpts: #"[{"slug": "a", "name": "A", "department": "37", "stage": null, "population": 1, "communes": [], "later": {"x": 1}}]"#)
        let (site, diagnostics) = read(json)
        XCTAssertEqual(diagnostics.map { $0.text(in: .fr) }, [])
        XCTAssertNil(try XCTUnwrap(site?.cpts.first).stage)
    }

    func testANewerVersionIsRefusedAtItsVersion() throws {
        let diagnostic = try XCTUnwrap(only(Self.document(head: #""format": "cpts-site/site.json",\#n  "version": 3,"#)))
        XCTAssertEqual(diagnostic.message, .national(.versionUnsupported(version: 3, expected: 2)))
        XCTAssertEqual(diagnostic.location, SourceLocation(file: Self.path, line: 3, column: 14))
        XCTAssertTrue(diagnostic.text(in: .fr).contains("plus récente"), diagnostic.text(in: .fr))
    }

    func testVersionOneIsRefusedSayingWhichVersionIsExpected() throws {
        let diagnostic = try XCTUnwrap(only(Self.document(head: #""formatVersion": 1,"#)))
        XCTAssertEqual(diagnostic.message, .national(.versionUnsupported(version: 1, expected: 2)))
        XCTAssertEqual(diagnostic.location.line, 2)
        XCTAssertTrue(diagnostic.text(in: .fr).contains("la version attendue est la 2"), diagnostic.text(in: .fr))
    }

    func testAnotherFormatIsRefused() throws {
        let diagnostic = try XCTUnwrap(only(Self.document(head: #""format": "geojson",\#n  "version": 2,"#)))
        XCTAssertEqual(diagnostic.message, .national(.formatUnknown(found: "geojson", expected: "cpts-site/site.json")))
    }

    func testATextWrittenAsANumberAndANumberWrittenAsATextAreLocated() throws {
        let json = Self.document(name: "12", cpts: #"[{"slug": "a", "name": "A", "department": "37", "population": "45000", "communes": []}]"#)
        let (site, diagnostics) = read(json)
        XCTAssertNil(site)
        XCTAssertEqual(diagnostics.map(\.code), ["type-mismatch", "type-mismatch"])
        XCTAssertEqual(diagnostics.map(\.location.line), [8, 12])
        XCTAssertEqual(diagnostics.map(\.location.column), [13, 73])
    }

    func testAHugeNumberIsRefusedNotRounded() throws {
        let json = Self.document(cpts: #"[{"slug": "a", "name": "A", "department": "37", "population": 123456789012345678901234567890, "communes": []}]"#)
        let diagnostic = try XCTUnwrap(only(json))
        XCTAssertEqual(diagnostic.code, "number-too-large")
        XCTAssertEqual(diagnostic.location.line, 12)
    }

    func testDeepNestingIsRefusedAtItsDepthLimit() throws {
        let deep = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        let diagnostic = try XCTUnwrap(only(Self.document(cpts: #"[{"slug": "a", "later": \#(deep)}]"#)))
        XCTAssertEqual(diagnostic.message, .yamlTooDeep(limit: YAMLComposer.maximumDepth))
        XCTAssertEqual(diagnostic.location.line, 12)
    }

    func testAKeyGivenTwiceIsAnErrorAtItsSecondOccurrence() throws {
        let diagnostic = try XCTUnwrap(only(Self.document(head: #""format": "cpts-site/site.json",\#n  "version": 2,\#n  "version": 2,"#)))
        XCTAssertEqual(diagnostic.message, .keyDuplicate(key: "version", firstLine: 3))
        XCTAssertEqual(diagnostic.location.line, 4)
    }

    /// `\u00e9`, `\/`, `\"`, `\\`, `\t` and a raw tab read as JSON has them.
    func testJSONEscapesAndARawTabReadAsJSONHasThem() throws {
        let (site, diagnostics) = read(Self.document(name: #""R\u00e9gion \/ \"test\" \\ a\tb\#tc""#))
        XCTAssertEqual(diagnostics.map { $0.text(in: .fr) }, [])
        XCTAssertEqual(site?.name, "Région / \"test\" \\ a\tb\tc")
    }

    /// A surrogate pair is valid JSON (😀) but libyaml refuses it: a located syntax error, not a crash or a `?`.
    func testASurrogatePairEscapeIsRefusedByLibyamlAndLocated() throws {
        let diagnostic = try XCTUnwrap(read(Self.document(name: #""CPTS \ud83d\ude00""#)).1.first)
        XCTAssertEqual(diagnostic.code, "yaml-syntax")
        XCTAssertEqual(diagnostic.location.line, 8)
        XCTAssertTrue(diagnostic.text(in: .en).contains("invalid Unicode character escape code"), diagnostic.text(in: .en))
    }

    func testAStageOutsideTheListIsReported() throws {
        let json = Self.document(cpts: #"[{"slug": "a", "name": "A", "department": "37", "stage": "signed", "population": 1, "communes": []}]"#)
        XCTAssertEqual(try XCTUnwrap(only(json)).code, "value-unknown")
    }

    func testARootThatIsNoObjectIsReported() throws {
        XCTAssertEqual(try XCTUnwrap(only("[1, 2]\n")).code, "type-mismatch")
    }

    /// JSON allows tabs between tokens: a file indented with tabs (as some tools write it) reads the same.
    func testATabIndentedFileReads() throws {
        let json = Self.document().replacingOccurrences(of: "\n  ", with: "\n\t").replacingOccurrences(of: "\n\t  ", with: "\n\t\t")
        XCTAssertTrue(json.contains("\n\t\t\"code\""))
        let (site, diagnostics) = read(json)
        XCTAssertEqual(diagnostics.map { $0.text(in: .fr) }, [])
        XCTAssertEqual(site?.cpts.count, 1)
    }

    /// Minified JSON (`"key":value`, no space, one line) reads too: libyaml takes `:` right after a quoted key.
    func testAMinifiedFileReadsOnOneLine() throws {
        let json = #"{"format":"cpts-site/site.json","version":2,"asOf":"2020-12-31","region":{"code":"24","name":"R","population":1,"departments":[]},"cpts":[{"slug":"a","name":"A","department":"37","population":45000,"communes":["37003"]}]}"#
        let (site, diagnostics) = read(json)
        XCTAssertEqual(diagnostics.map { $0.text(in: .fr) }, [])
        XCTAssertEqual(site?.cpts.first?.population, 45000)
        XCTAssertEqual(site?.cpts.first?.communes.first?.location.column, 211)
    }

    /// The writer gives `"populationVintage": ""` when `region.yaml` has none: no error.
    func testAnEmptyPopulationVintageIsRead() throws {
        let json = Self.document(name: #""R",\#n    "populationVintage": """#)
        let (site, diagnostics) = read(json)
        XCTAssertEqual(diagnostics.map { $0.text(in: .fr) }, [])
        XCTAssertEqual(site?.populationVintage, "")
    }

    /// The golden site's `data/site.json`, as the writer made it, reads whole: CPTS, communes, stages, funding.
    func testTheGoldenSiteJSONReadsWithItsFundingAsPublished() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Fixtures/golden/minimal/data/site.json")
        let text = try String(contentsOf: url, encoding: .utf8)
        let (site, diagnostics) = read(text)
        XCTAssertEqual(diagnostics.map { $0.text(in: .fr) }, [])
        let region = try XCTUnwrap(site)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let published = try XCTUnwrap((json["region"] as? [String: Any])?["funding"] as? [[String: Any]])
        XCTAssertGreaterThan(published.count, 0)
        XCTAssertEqual(region.funding.map(\.year), published.map { $0["year"] as? Int })
        XCTAssertEqual(region.funding.map(\.total), published.map { $0["total"] as? Int })
        XCTAssertEqual(region.funding.map(\.projected), published.map { $0["projected"] as? Bool })
        let lochois = try XCTUnwrap(region.cpts.first { $0.slug.value == "sud-lochois" })
        XCTAssertEqual(lochois.communes.map(\.value), ["37003", "37011"])
        XCTAssertEqual(lochois.stage, .aciSigned)
        XCTAssertNotNil(lochois.paid)
    }
}
