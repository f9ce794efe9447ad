@testable import CPTSContent
import CPTSDomain
import CPTSMarkdown
import Foundation
import XCTest

/// A Markdown text is parsed once per build (`MarkdownBody`): the warnings and images read from the parse the page is
/// rendered from are those of a parse of their own (`check`'s), and the HTML is the renderer's.
final class MarkdownBodyTests: XCTestCase {
    static let settings = [(false, false), (true, false), (false, true), (true, true)]

    static func shown(_ images: (site: [Located<String>], outside: [Located<String>])) -> [String] {
        images.site.map { "site \($0.value) \($0.location)" } + images.outside.map { "outside \($0.value) \($0.location)" }
    }

    func testOneParseFindsTheWarningsAndImagesOfSeparateParsesAndRendersAsTheRendererInEverySetting() throws {
        let images = ["Voir ![Plan](img/plan.png) et ![Hors](/etc/x.png)\n\n`code` ![data](data:image/png;base64,iVBO=)",
                      "# Projet de santé\n\n![a](./img/a%20b.png?x=1) <img src=\"javascript:x\"> [l](javascript:y)\n"]
        let corpus = try MarkdownWarningsTests.corpus() + images.map { ("image", $0) }
        let placement = MarkdownRenderer.Placement(imageRoot: "../../", sectionHeading: "Projet de santé")
        for (name, text) in corpus {
            let findings = MarkdownMarkup.scan(text, firstLine: 3)
            let located = Self.shown(MarkdownImages.located(in: text, path: "content/cpts/a.md", firstLine: 3))
            for (allowRawHTML, allowUnsafeLinks) in Self.settings {
                let renderer = MarkdownRenderer(options: .init(allowRawHTML: allowRawHTML, allowUnsafeLinks: allowUnsafeLinks,
                                                               frenchTypography: true))
                let body = MarkdownBody.read(text, firstLine: 3, path: "content/cpts/a.md", rendering: (renderer, placement))
                let setting = "\(name), allowRawHTML: \(allowRawHTML), allowUnsafeLinks: \(allowUnsafeLinks)"
                XCTAssertEqual(body.findings, findings, setting)
                XCTAssertEqual(Self.shown(body.images), located, setting)
                XCTAssertEqual(body.rendered, renderer.render(text, imageRoot: "../../", sectionHeading: "Projet de santé"),
                               setting)
            }
            let unrendered = MarkdownBody.read(text, firstLine: 3, path: "content/cpts/a.md", rendering: nil)
            XCTAssertEqual(unrendered.findings, findings, name)
            XCTAssertEqual(Self.shown(unrendered.images), located, name)
            XCTAssertNil(unrendered.rendered, name)
        }
    }

    /// The positions come from the parse: a text parsed with the renderer's options (`UNSAFE`, `GITHUB_PRE_LANG`)
    /// places each finding where a parse without them does.
    func testRawHTMLAndUnsafeLinksAreFoundAtTheirPlaceInTheParseTheTextIsRenderedFrom() {
        let text = "Intro.\n\n```js\n<b>code</b>\n```\n\nUn <span\nclass=x>mot</span> puis [lien](javascript:alert(1)).\n\n<script>x</script>\n"
        let renderer = MarkdownRenderer(options: .init(allowRawHTML: true, allowUnsafeLinks: false))
        let body = MarkdownBody.read(text, firstLine: 5, path: "content/pages/a.md",
                                     rendering: (renderer, MarkdownRenderer.Placement(imageRoot: "../")))
        XCTAssertEqual(body.findings.map { "\($0.kind) \($0.line):\($0.column) \($0.text) +\($0.others)" },
                       ["html 11:4 <span\nclass=x> +1", "unsafeLink(inRawHTML: false) 12:25 javascript:alert(1) +0",
                        "filteredHTML 14:1 <script> +0"])
        XCTAssertEqual(body.rendered?.html.contains("<span"), true)
    }

    /// A load that renders the texts (a build) warns exactly as one that does not (`check`), and keeps the HTML
    /// instead of the Markdown.
    func testALoadThatRendersTheTextsWarnsAsACheckDoesAndKeepsTheHTMLOnly() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("body-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content")
        try FileManager.default.copyItem(atPath: ContentLoaderTests.minimal, toPath: content.path)
        let page = "---\ntitle: À propos\n---\nTexte <b>gras</b> et [clic](javascript:alert(1)).\n\n![Plan](img/plan.png)\n"
        try Data(page.utf8).write(to: content.appendingPathComponent("pages/a-propos.md"))
        let placements = BodyPlacements(cpts: { _ in .init(imageRoot: "../../", sectionHeading: "Projet de santé") },
                                        report: { _, _ in .init(imageRoot: "../../../", sectionHeading: "Bilan de l’année") },
                                        page: { _ in .init(imageRoot: "../") })
        let checked = await ContentLoader.load(from: content.path, displayRoot: "content")
        let built = await ContentLoader.load(from: content.path, displayRoot: "content", rendering: placements)
        XCTAssertEqual(built.diagnostics, checked.diagnostics)
        XCTAssertEqual(built.diagnostics.map { "\($0.location) \($0.text(in: .fr))" },
                       ["content/pages/a-propos.md:4:7 le HTML «\u{202F}<b>\u{202F}» est retiré de la page",
                        "content/pages/a-propos.md:4:22 le lien vers «\u{202F}javascript:alert(1)\u{202F}» est retiré"])
        let read = try XCTUnwrap(checked.content?.pages.first { $0.slug.value == "a-propos" })
        let rendered = try XCTUnwrap(built.content?.pages.first { $0.slug.value == "a-propos" })
        XCTAssertEqual(rendered.images.map(\.location), read.images.map(\.location))
        XCTAssertEqual(rendered.images.map(\.value), ["img/plan.png"])
        XCTAssertNil(read.rendered)
        XCTAssertEqual(rendered.body, "")
        XCTAssertEqual(rendered.rendered?.html.contains("src=\"../img/plan.png\""), true)
        XCTAssertEqual(built.content?.cpts.allSatisfy { $0.body.isEmpty && $0.rendered != nil }, true)
        XCTAssertEqual(built.content?.reports.allSatisfy { $0.body.isEmpty && $0.rendered != nil }, true)
    }
}
