@testable import CPTSSite
import CPTSDomain
import CPTSTemplates
import Foundation
import XCTest

/// A theme's page templates checked against the shapes of their view models: each unknown key a
/// `template-key-unknown` error at its tag in the theme's file, naming the page.
final class ThemeSchemaCheckTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("t/templates"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func theme(_ templates: [String: String]) throws -> Theme {
        for (name, text) in templates {
            try Data(text.utf8).write(to: folder.appendingPathComponent("t/templates/\(name).mustache"))
        }
        return try Theme.load(named: "t", from: folder.path)
    }

    let schema: TemplateSchema = .object(["title": .scalar, "site": .object(["name": .scalar])])

    func testAnUnknownKeyIsAnErrorAtItsNameNamingThePage() throws {
        let theme = try theme(["page": "<h1>{{title}}</h1>\n<p>{{{sousTitre}}}</p>", "foot": "{{site.nom}}"])
        let diagnostics = theme.schemaDiagnostics(of: "page", against: schema)
        XCTAssertEqual(diagnostics.map { $0.headline(in: .fr) }, [
            folder.path + "/t/templates/page.mustache:2:7: error: le modèle utilise «\u{202F}sousTitre\u{202F}», "
                + "que la page «\u{202F}page.mustache\u{202F}» ne fournit pas",
        ])
        XCTAssertEqual(diagnostics.first?.note(in: .en), "see docs/themes.md for the keys each page offers")
        XCTAssertEqual(diagnostics.first?.text(in: .en), "template uses 'sousTitre', which the view model of 'page.mustache' does not have")
    }

    func testAPartialsUnknownKeyIsReportedOnceForAllPages() throws {
        let theme = try theme(["page": "{{>foot}}", "other": "{{title}}\n{{>foot}}", "foot": "\n {{site.nom}}"])
        XCTAssertThrowsError(try theme.checkSchemas(["page": schema, "other": schema])) { error in
            let diagnostics = (error as? ThemeError)?.diagnostics ?? []
            XCTAssertEqual(diagnostics.map(\.message), [.templateKeyUnknown(key: "site.nom", page: "other")])
            XCTAssertEqual(diagnostics.map { "\($0.location.line):\($0.location.column)" }, ["2:4"])
            XCTAssertEqual((error as? ThemeError)?.sources[self.folder.path + "/t/templates/foot.mustache"], "\n {{site.nom}}")
        }
        XCTAssertNoThrow(try theme.checkSchemas(["other": .object(["title": .scalar, "site": .object(["nom": .scalar])])]))
    }
}
