import Foundation
@testable import CPTSSite
import XCTest

/// The server Chromium prints the reports from answers the files of the built site and nothing else.
final class PrintServerTests: XCTestCase {
    func testOnlyRegularFilesInsideTheSiteAreServed() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("cpts-site-print-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let site = base.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("cpts/a"), withIntermediateDirectories: true)
        try Data("page".utf8).write(to: site.appendingPathComponent("cpts/a/index.html"))
        try Data("secret".utf8).write(to: base.appendingPathComponent("secret.png"))
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("lien.png").path,
                                                   withDestinationPath: base.appendingPathComponent("secret.png").path)
        let handler = PrintServer.Handler(root: try XCTUnwrap(PrintServer.realPath(site.path)))
        XCTAssertNotNil(handler.file(for: "/cpts/a/index.html"))
        XCTAssertNotNil(handler.file(for: "/cpts/a/"))
        for outside in ["/../secret.png", "/cpts/../../secret.png", "/%2e%2e/secret.png", "/..%2Fsecret.png", "/lien.png",
                        base.appendingPathComponent("secret.png").path, "/cpts", "/cpts/a/index.html%00.png"] {
            XCTAssertNil(handler.file(for: outside), outside)
        }
    }
}
