import CPTSTemplates
import Foundation
import XCTest

/// Every case of the official Mustache specification, read from `../shared/conformance/mustache-spec/` beside the
/// repository (never copied into it).
final class SpecificationTests: XCTestCase {
    static let specFolder: URL = {
        var root = URL(fileURLWithPath: #filePath)
        while root.path != "/", !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
            root.deleteLastPathComponent()
        }
        return root.deletingLastPathComponent().appendingPathComponent("shared/conformance/mustache-spec")
    }()

    struct SpecFile: Decodable {
        let tests: [SpecCase]
    }

    struct SpecCase: Decodable {
        let name: String
        let data: JSONValue
        let template: String
        let partials: [String: String]?
        let expected: String
    }

    /// JSON as the specification's data: numbers stay integers when written as integers.
    enum JSONValue: Decodable {
        case value(TemplateValue)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .value(.null)
            } else if let bool = try? container.decode(Bool.self) {
                self = .value(.bool(bool))
            } else if let int = try? container.decode(Int.self) {
                self = .value(.int(int))
            } else if let double = try? container.decode(Double.self) {
                self = .value(.double(double))
            } else if let string = try? container.decode(String.self) {
                self = .value(.string(string))
            } else if let list = try? container.decode([JSONValue].self) {
                self = .value(.list(list.map(\.templateValue)))
            } else {
                self = .value(.object(try container.decode([String: JSONValue].self).mapValues(\.templateValue)))
            }
        }

        var templateValue: TemplateValue {
            switch self { case .value(let value): value }
        }
    }

    func run(_ file: String) throws {
        let url = Self.specFolder.appendingPathComponent(file + ".json")
        let spec = try JSONDecoder().decode(SpecFile.self, from: Data(contentsOf: url))
        XCTAssertFalse(spec.tests.isEmpty, "no case in \(url.path)")
        var failures: [String] = []
        for test in spec.tests {
            var templates = test.partials ?? [:]
            templates["__case__"] = test.template
            let actual: String
            do {
                let library = try TemplateLibrary(templates: templates)
                actual = try library.render("__case__", test.data.templateValue).map { String(decoding: $0.bytes, as: UTF8.self) } ?? "<no template>"
            } catch {
                actual = "<error: \(error)>"
            }
            if actual != test.expected {
                failures.append("""
                    [\(file)] \(test.name)
                      template: \(String(reflecting: test.template))
                      partials: \(String(reflecting: test.partials ?? [:]))
                      expected: \(String(reflecting: test.expected))
                      actual:   \(String(reflecting: actual))
                    """)
            }
        }
        for failure in failures { print(failure) }
        XCTAssertTrue(failures.isEmpty, "\(failures.count) of \(spec.tests.count) cases of \(file) fail:\n" + failures.joined(separator: "\n"))
        print("[\(file)] \(spec.tests.count - failures.count) of \(spec.tests.count) cases pass")
    }

    func testComments() throws { try run("comments") }
    func testDelimiters() throws { try run("delimiters") }
    func testInterpolation() throws { try run("interpolation") }
    func testInverted() throws { try run("inverted") }
    func testPartials() throws { try run("partials") }
    func testSections() throws { try run("sections") }
    func testInheritance() throws { try run("~inheritance") }
}
