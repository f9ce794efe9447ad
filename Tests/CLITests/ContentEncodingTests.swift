import Foundation
import XCTest

/// Characters and encodings libyaml's reader refuses without a position: each is said in French at its real place.
final class ContentEncodingTests: XCTestCase {
    func testANULOnTheThirdLineIsReportedThere() throws {
        let site = try ScratchSite()
        var lines = try site.read("content/cpts/vierzon.md").components(separatedBy: "\n")
        XCTAssertEqual(lines[2], "department: \"18\"")
        lines[2] = "department:\u{0} \"18\""
        try site.write("content/cpts/vierzon.md", lines.joined(separator: "\n"))
        let result = try site.run("check")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("content/cpts/vierzon.md:3:12: error: caractère invisible U+0000 interdit dans le YAML\n"), result.stderr)
        XCTAssertFalse(result.stderr.contains("control characters are not allowed"), result.stderr)
    }

    func testAUTF16CSVIsCalledUTF16() throws {
        let site = try ScratchSite()
        let text = "code;name;department;population\n18033;Bourges;18;64000\n"
        try FileManager.default.createDirectory(at: site.url("content/geo"), withIntermediateDirectories: true)
        let bytes: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { unit -> [UInt8] in [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        try Data(bytes).write(to: site.url("content/geo/communes.csv"))
        let result = try site.run("check")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("content/geo/communes.csv:1:1: error: le fichier est enregistré en UTF-16, et non en UTF-8\n"), result.stderr)
        XCTAssertFalse(result.stderr.contains("Latin-1"), result.stderr)
        XCTAssertFalse(result.stderr.contains("colonne"), "one error, not the columns of a file read as Latin-1\n\(result.stderr)")
    }
}
