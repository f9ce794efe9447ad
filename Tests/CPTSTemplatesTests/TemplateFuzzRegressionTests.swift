import CPTSTemplates
import Foundation
import XCTest

/// Inputs kept from `make fuzz-templates` runs (`Tests/Fixtures/template-fuzz-regressions/`), and the recursions
/// that crashed the engine before it bounded them, replayed in the fuzzer's own form
/// (Fuzz/Sources/TemplateFuzzer/Harness.swift): templates separated by NUL bytes, the first named `t`, each other
/// one `name`, a line feed, then its text. Each loads, or fails with a located problem, and renders the same way.
final class TemplateFuzzRegressionTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/template-fuzz-regressions")

    /// The templates of an input, by name, as the fuzzer splits it.
    static func templates(_ input: [UInt8]) -> [String: String] {
        let parts = input.split(separator: 0, omittingEmptySubsequences: false)
        var templates = ["t": String(decoding: parts[0], as: UTF8.self)]
        for (index, part) in parts.dropFirst().prefix(32).enumerated() {
            let newline = part.firstIndex(of: UInt8(ascii: "\n")) ?? part.endIndex
            let name = String(decoding: part[part.startIndex..<newline], as: UTF8.self)
            let text = newline < part.endIndex ? String(decoding: part[(newline + 1)...], as: UTF8.self) : ""
            templates[name.isEmpty ? "p\(index + 1)" : name] = text
        }
        return templates
    }

    func testEveryKeptInputLoadsOrFailsAtAPlaceWithoutCrashing() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { !$0.hasPrefix(".") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 6)
        let context: TemplateValue = ["list": [["name": "un"], ["name": "deux"]], "a": "A", "yes": true]
        for name in names {
            let templates = Self.templates(try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name))))
            do {
                let library = try TemplateLibrary(templates: templates)
                for template in library.names {
                    do {
                        _ = try library.render(template, context, maximumSteps: 200_000, maximumBytes: 4 << 20)
                    } catch {
                        XCTAssertNotNil(templates[error.template], "\(name): \(error)")
                        XCTAssertGreaterThanOrEqual(error.line, 1, "\(name): \(error)")
                    }
                }
            } catch {
                XCTAssertNotNil(templates[error.template], "\(name): \(error)")
                XCTAssertGreaterThanOrEqual(error.line, 1, "\(name): \(error)")
            }
        }
    }
}
