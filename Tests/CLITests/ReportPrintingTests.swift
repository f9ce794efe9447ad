import Foundation
import XCTest

/// A report printed to PDF (`build --pdf`, `pdf`) by the real headless Chromium shows the images of the site and no
/// file of the build machine: an image written `/path/on/the/machine.png` (Markdown, or raw HTML when allowed) or
/// `../../../x.png` must not end up in the PDF. The images are told apart by their size, as `pdfimages -list`
/// (poppler-utils) reads it: 37 × 23 for the machine's, 19 × 11 for the site's. Needs `chromium` and `pdfimages`.
final class ReportPrintingTests: XCTestCase {
    static let machineImage = "iVBORw0KGgoAAAANSUhEUgAAACUAAAAXCAIAAAADThHyAAAAJklEQVR4nGM4ISdHT8Qwat+ofaP2jdo3at+ofaP2jdo3at+gsg8AvH9gevPAmk0AAAAASUVORK5CYII="
    static let siteImage = "iVBORw0KGgoAAAANSUhEUgAAABMAAAALCAIAAAAStyFtAAAAFUlEQVR4nGOQkztBHmIY1Tmqk0KdAAfo1EVW4Jk4AAAAAElFTkSuQmCC"

    /// The minimal site, raw HTML allowed, its year-1 report showing the site's image and, four ways, an image of
    /// the machine kept in `outside` (a folder beside the site, removed by the caller).
    func siteShowingAMachineImage(outside: URL) throws -> ScratchSite {
        let site = try ScratchSite()
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let secret = outside.appendingPathComponent("secret.png")
        try XCTUnwrap(Data(base64Encoded: Self.machineImage)).write(to: secret)
        try FileManager.default.createDirectory(at: site.url("content/static/img"), withIntermediateDirectories: true)
        try XCTUnwrap(Data(base64Encoded: Self.siteImage)).write(to: site.url("content/static/img/ok.png"))
        let climb = String(repeating: "../", count: 12) + secret.path.dropFirst()
        try site.write("content/site.yaml", try site.read("content/site.yaml") + "allowRawHTML: true\n")
        try site.write("content/reports/sud-lochois/1.md", try site.read("content/reports/sud-lochois/1.md") + """

            ![Du site](img/ok.png)

            ![De la machine](\(secret.path)) ![En remontant](\(climb))

            <img src="\(secret.path)" alt="Brut"> <img src="\(climb)" alt="Brut en remontant">

            """)
        return site
    }

    /// The sizes (`width x height`) of the images of `pdf`, as `pdfimages -list` gives them.
    func imageSizes(in pdf: URL) throws -> [String] {
        let result = try CLIRunner.run(["-list", pdf.path], in: pdf.deletingLastPathComponent(),
                                       program: URL(fileURLWithPath: "/usr/bin/pdfimages"))
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout.split(separator: "\n").dropFirst(2).compactMap { line in
            let fields = line.split(separator: " ")
            return fields.count > 4 && fields[2] == "image" ? "\(fields[3])x\(fields[4])" : nil
        }
    }

    func testBuildPDFShowsTheSiteImagesAndNoFileOfTheBuildMachine() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("cpts-site-machine-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outside) }
        let site = try siteShowingAMachineImage(outside: outside)
        let result = try site.run("build", "--pdf")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("image-outside-site") || result.stderr.contains("est hors du site"), result.stderr)
        let sizes = try imageSizes(in: site.url("public/cpts/sud-lochois/rapport-annee-1/rapport-annee-1.pdf"))
        XCTAssertTrue(sizes.contains("19x11"), "the site's image is missing from the PDF: \(sizes)")
        XCTAssertFalse(sizes.contains("37x23"), "the PDF holds an image of the build machine: \(sizes)")
        let page = try site.read("public/cpts/sud-lochois/rapport-annee-1/index.html")
        for alt in ["De la machine", "En remontant"] {
            XCTAssertTrue(page.contains("<img src=\"\" alt=\"\(alt)\""), "the page points at the machine's file (\(alt))")
        }
    }

    func testThePDFCommandShowsNoFileOfTheBuildMachine() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("cpts-site-machine-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outside) }
        let site = try siteShowingAMachineImage(outside: outside)
        let result = try site.run("pdf", "sud-lochois", "--year", "1", "--output", "rapport.pdf")
        XCTAssertEqual(result.status, 0, result.stderr)
        let sizes = try imageSizes(in: site.url("rapport.pdf"))
        XCTAssertTrue(sizes.contains("19x11"), "the site's image is missing from the PDF: \(sizes)")
        XCTAssertFalse(sizes.contains("37x23"), "the PDF holds an image of the build machine: \(sizes)")
    }
}
