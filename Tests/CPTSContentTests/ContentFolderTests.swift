@testable import CPTSContent
import XCTest

/// How the listing of a content folder reads a file's extension: what follows its last dot, trailing dots left out,
/// as the split on dots it replaces read it.
final class ContentFolderTests: XCTestCase {
    func testAFileExtensionIsWhatFollowsTheLastDotTrailingDotsLeftOut() {
        let cases: [(name: String, expected: String)] = [
            ("vierzon.md", "md"), ("vierzon.MD", "MD"), ("a.b.yaml", "yaml"), ("a..md", "md"), ("vierzon.md.", "md"),
            ("vierzon.md..", "md"), ("vierzon", ""), ("vierzon.", ""), ("vierzon..", ""), ("é.mdé", "mdé"),
        ]
        for (name, expected) in cases {
            let split = name.split(separator: ".").count > 1 ? String(name.split(separator: ".").last ?? "") : ""
            XCTAssertEqual(split, expected, "the former reading of \(name)")
            XCTAssertEqual(String(ContentFolder.fileExtension(of: name)), expected, name)
        }
    }
}
