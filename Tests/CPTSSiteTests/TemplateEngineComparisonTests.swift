@testable import CPTSSite
import CPTSTemplates
import Foundation
import Mustache
import XCTest

/// CPTSTemplates replaced swift-mustache; every page must still come out byte for byte as swift-mustache 2.1.1
/// renders it. `CPTS_COMPARE_CONTENT=<folder>/content` compares one more site (the benchmark's generated one).
final class TemplateEngineComparisonTests: XCTestCase {
    static let repository: URL = {
        var root = URL(fileURLWithPath: #filePath)
        while root.path != "/", !FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
            root.deleteLastPathComponent()
        }
        return root
    }()

    func testExampleSiteRendersAsWithSwiftMustache() async throws {
        try await compare(contentFolder: Self.repository.appendingPathComponent("content").path)
    }

    func testMinimalFixtureRendersAsWithSwiftMustache() async throws {
        try await compare(contentFolder: Self.repository.appendingPathComponent("Tests/Fixtures/sites/minimal/content").path)
    }

    /// The site `CPTS_COMPARE_CONTENT` names (`make bench` names the 1 000-CPTS one), or else 100 CPTS made by the
    /// benchmark's generator: indicator tables, funding and departments in numbers no fixture has.
    func testGeneratedSiteRendersAsWithSwiftMustache() async throws {
        if let folder = ProcessInfo.processInfo.environment["CPTS_COMPARE_CONTENT"] {
            try await compare(contentFolder: folder)
            return
        }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cpts-compare-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let generator = Process()
        generator.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        generator.arguments = ["python3", Self.repository.appendingPathComponent("bench/generate.py").path,
                               "--cpts", "100", "--out", root.path]
        generator.standardOutput = FileHandle.nullDevice
        try generator.run()
        generator.waitUntilExit()
        XCTAssertEqual(generator.terminationStatus, 0, "bench/generate.py failed")
        try await compare(contentFolder: root.appendingPathComponent("content").path)
    }

    /// Records the names swift-mustache looks up in vain, as the site's own root context did before.
    struct RecordingRoot: MustacheParent {
        let values: [String: Any]
        let misses: MissedKeys

        func child(named name: String) -> Any? {
            if let value = values[name] { return value }
            misses.record(name)
            return nil
        }
    }

    func compare(contentFolder: String) async throws {
        let site = try await SitePages.load(contentFolder: contentFolder)
        let (theme, models) = (site.theme, site.models)
        var reference = MustacheLibrary()
        for (name, file) in theme.templateFiles {
            reference.register(try MustacheTemplate(string: file.text), named: name)
        }

        let jobs = site.jobs
        let ourMisses = MissedKeys(), referenceMisses = MissedKeys()
        var differences: [String] = []
        var bytes = 0
        for job in jobs {
            let model = job.viewModel(models).templateValue
            let ours = try theme.renderBytes(job.template, model, misses: ourMisses)
            let values = try XCTUnwrap(model.swiftMustacheValue as? [String: Any])
            let theirs = Array((reference.render(RecordingRoot(values: values, misses: referenceMisses), withTemplate: job.template) ?? "").utf8)
            bytes += ours.count
            if let difference = Self.difference(ours, theirs) {
                differences.append("\(job.path): \(difference)")
            }
        }
        print("compared \(jobs.count) pages (\(bytes) bytes) of \(contentFolder): \(differences.count) differ")
        XCTAssertGreaterThan(jobs.count, 2)
        XCTAssertTrue(differences.isEmpty, "\(differences.count) of \(jobs.count) pages differ:\n" + differences.joined(separator: "\n"))
        XCTAssertEqual(ourMisses.all, referenceMisses.all, "names looked up in vain")
    }

    /// Where two renderings first differ, with both excerpts; nil when they are identical.
    static func difference(_ ours: [UInt8], _ theirs: [UInt8]) -> String? {
        guard ours != theirs else { return nil }
        let offset = zip(ours, theirs).prefix { $0 == $1 }.count
        func excerpt(_ bytes: [UInt8]) -> String {
            let start = max(0, offset - 60), end = min(bytes.count, offset + 60)
            return String(reflecting: String(decoding: bytes[start..<end], as: UTF8.self))
        }
        return "first difference at byte \(offset) (lengths \(ours.count) and \(theirs.count))\n  CPTSTemplates: \(excerpt(ours))\n  swift-mustache: \(excerpt(theirs))"
    }

    /// Each kind of value a view model may hold, read the ways templates read values, by both engines.
    func testValuesReadAsSwiftMustacheReadsThem() throws {
        let values: [String: Any] = [
            "text": "a < b", "emptyText": "", "zero": 0, "number": 42, "decimal": 2.5, "yes": true, "no": false,
            "emptyList": [String](), "texts": ["x", "y'", "z"], "numbers": [3, 1, 2],
            "object": ["y": "inner", "n": 1] as [String: Any], "emptyObject": [String: Any](),
            "rows": [["y": "r1"], ["y": "r2"]] as [[String: Any]],
            "none": String?.none as Any, "some": String?.some("wrapped") as Any, "null": NSNull(),
            "someList": [String]?.some(["p", "q"]) as Any,
        ]
        let templates = [
            "{{x}}|{{{x}}}|{{&x}}", "{{#x}}T{{/x}}{{^x}}F{{/x}}", "{{#empty(x)}}E{{/empty(x)}}{{^empty(x)}}N{{/empty(x)}}",
            "{{count(x)}}|{{first(x)}}|{{last(x)}}|{{uppercased(x)}}|{{lowercased(x)}}|{{plusone(x)}}|{{even(x)}}|{{equalzero(x)}}",
            "{{#x}}{{y}}{{/x}}", "{{x.y}}", "{{#x}}{{#first()}}^{{/first()}}{{index()}}{{#last()}}${{/last()}}{{/x}}",
            "{{#x}}{{text}}{{/x}}", "{{#sorted(x)}}{{.}},{{/sorted(x)}}", "{{#reversed(x)}}{{.}},{{/reversed(x)}}",
            "{{#enumerated(x)}}{{key}}={{value}},{{/enumerated(x)}}", "{{#x}}{{.}}{{/x}}",
        ]
        // Printing a list or an object prints Swift's description of it (dictionary order included): not compared.
        let containers: Set = ["emptyList", "texts", "numbers", "object", "emptyObject", "rows", "someList"]
        let printsContainer: (String, String) -> Bool = { template, key in
            switch template {
            case "{{x}}|{{{x}}}|{{&x}}": containers.contains(key)
            // `true` keeps the root as the current value: `{{.}}` prints the whole model.
            case "{{#x}}{{.}}{{/x}}": ["object", "emptyObject", "rows", "emptyList", "yes"].contains(key)
            case "{{#sorted(x)}}{{.}},{{/sorted(x)}}": ["object", "emptyObject", "rows", "emptyList"].contains(key)
            case "{{#reversed(x)}}{{.}},{{/reversed(x)}}": ["rows", "emptyList"].contains(key)
            case "{{count(x)}}|{{first(x)}}|{{last(x)}}|{{uppercased(x)}}|{{lowercased(x)}}|{{plusone(x)}}|{{even(x)}}|{{equalzero(x)}}": key == "rows"
            default: false
            }
        }
        var checked = 0
        for template in templates {
            var reference = MustacheLibrary()
            reference.register(try MustacheTemplate(string: template), named: "t")
            let ours = try TemplateLibrary(templates: ["t": template])
            for key in values.keys.sorted() where !printsContainer(template, key) {
                let model: [String: Any] = values.merging(["x": values[key]!]) { _, new in new }
                let expected = reference.render(model, withTemplate: "t") ?? ""
                let actual = try ours.render("t", TemplateValue(viewModel: model)).map { String(decoding: $0.bytes, as: UTF8.self) }
                XCTAssertEqual(actual, expected, "template \(template) with x = \(key)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 100)
    }

    /// A name no context has is recorded by both engines alike; a member missing from a found value is not.
    func testMissingNamesAreThoseSwiftMustacheMisses() throws {
        let template = "{{a}}{{#list}}{{b}}{{item}}{{/list}}{{present.absent}}{{absent.x}}{{^empty(gone)}}{{/empty(gone)}}{{.dot}}"
        let model: [String: Any] = ["present": ["x": 1] as [String: Any], "list": [["item": "i"]] as [[String: Any]]]
        var reference = MustacheLibrary()
        reference.register(try MustacheTemplate(string: template), named: "t")
        let referenceMisses = MissedKeys()
        _ = reference.render(RecordingRoot(values: model, misses: referenceMisses), withTemplate: "t")
        let rendering = try XCTUnwrap(TemplateLibrary(templates: ["t": template]).render("t", TemplateValue(viewModel: model)))
        XCTAssertEqual(rendering.missingNames.sorted(), referenceMisses.all)
        XCTAssertEqual(rendering.missingNames.sorted(), ["a", "absent", "b", "dot", "gone"])
    }
}

extension TemplateValue {
    /// The value as swift-mustache reads it: Swift dictionaries, arrays and scalars.
    var swiftMustacheValue: Any {
        switch self {
        case .null: NSNull()
        case .bool(let value): value
        case .int(let value): value
        case .double(let value): value
        case .string(let value), .opaque(let value): value
        case .list(let items): items.map(\.swiftMustacheValue)
        case .object(let members): members.mapValues(\.swiftMustacheValue)
        case .model(let object): object.members.mapValues(\.swiftMustacheValue)
        case .lazyList(let list): list.items.map(\.swiftMustacheValue)
        case .listItem(let list, let index): list.members(at: index).mapValues(\.swiftMustacheValue)
        }
    }

    /// A `[String: Any]` tree as swift-mustache reads it (what the view models were before they were typed), for
    /// comparing the two engines value by value: an optional reads as what it wraps, `nil` inside an `Any` prints
    /// `nil`, `NSNull` is null.
    init(viewModel value: Any) {
        switch value {
        case let text as String: self = .string(text)
        case let members as [String: Any]: self = .object(members.mapValues(TemplateValue.init(viewModel:)))
        case let items as [Any]: self = .list(items.map(TemplateValue.init(viewModel:)))
        case let truth as Bool: self = .bool(truth)
        case let number as Int: self = .int(number)
        case let number as Double: self = .double(number)
        case let text as Substring: self = .string(String(text))
        case is NSNull: self = .null
        case let optional as any AnyOptional: self = optional.wrapped.map(TemplateValue.init(viewModel:)) ?? .opaque("nil")
        default: self = .opaque(String(describing: value))
        }
    }
}

private protocol AnyOptional {
    var wrapped: Any? { get }
}

extension Optional: AnyOptional {
    fileprivate var wrapped: Any? { self }
}
