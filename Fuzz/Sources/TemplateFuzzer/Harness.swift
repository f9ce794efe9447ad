import CPTSTemplates

/// One fuzz input: templates separated by NUL bytes. The first is the template rendered, named `t`; each other
/// one is `name`, a line feed, then its text (`p1`, `p2`… when the name is empty), for `{{>name}}` and
/// `{{<name}}` to reach. `Fuzz/run.sh` seeds it with the default theme (every template, each in turn first) and the
/// Mustache specification's cases.
enum Harness {
    /// What the templates render against: the kinds of values the site's view models hold (text, HTML, numbers,
    /// booleans, objects, lists of objects, an empty list, a tree for recursive partials) under the names the
    /// theme and the specification use.
    static let context: TemplateValue = [
        "a": "A", "b": true, "c": ["d": "D", "e": [1, 2, 3]], "content": "X", "name": "Vierzon", "title": "Titre",
        "html": "<b class=\"x\">l'été & co</b>", "empty": [], "no": false, "yes": true, "none": nil, "zero": 0, "pi": 3.5,
        "list": [["name": "un", "items": ["x", "y"]], ["name": "deux", "items": []]],
        "nodes": [["content": "Y", "nodes": [["content": "Z", "nodes": []]]]],
        "root": "../", "pageTitle": "Page", "site": ["title": "Site", "logo": false, "asOf": "31/12/2020"],
        "pages": [["title": "Méthodologie", "url": "methodologie/"]],
        "cpts": [["name": "CPTS de Vierzon", "slug": "vierzon", "road": ["steps": [["label": "Lettre", "done": true]]]]],
    ]

    static func run(_ input: [UInt8]) {
        let templates = Self.templates(input)
        let library: TemplateLibrary
        do {
            library = try TemplateLibrary(templates: templates)
        } catch {
            check(error, in: templates)
            switch error.problem {
            case .renderTooLong, .renderTooLarge: preconditionFailure("a load failed with a render's problem: \(error)")
            default: return
            }
        }
        // `t`, then a few others: the partials are pages of their own too. Small budgets keep each input fast;
        // the bounds themselves are what is checked.
        for name in ["t"] + library.names.filter { $0 != "t" }.prefix(3) {
            do {
                let first = try library.render(name, context, maximumSteps: 50_000, maximumBytes: 1 << 20)
                precondition(first != nil, "a template of the library is missing")
                // One library renders alike every time (the site renders pages concurrently from one).
                if name == "t" {
                    let second = try library.render(name, context, maximumSteps: 50_000, maximumBytes: 1 << 20)
                    precondition(first?.bytes == second?.bytes, "two renders of \(name) differ")
                    checkSchema(library, templates, missed: first?.missingNames ?? [])
                }
            } catch {
                check(error, in: templates)
                switch error.problem {
                case .renderTooDeep, .renderTooLong, .renderTooLarge: break
                default: preconditionFailure("a render failed with a load's problem: \(error)")
                }
            }
        }
    }

    /// The shape of a value, as a view model declares it (a list's shape is its first element's). Made for each
    /// input, not kept in a global: LeakSanitizer cannot follow the tagged pointers of an indirect enum's boxes.
    static func shape(of value: TemplateValue) -> TemplateSchema {
        switch value {
        case .null: return .optional(.scalar)
        case .bool: return .flag
        case .int, .double, .string, .opaque: return .scalar
        case .list(let items): return .list(items.first.map(shape(of:)) ?? .object([:]))
        case .object(let members): return .object(members.mapValues(shape(of:)))
        }
    }

    /// The schema check of `t` (after a render that did not fail) ends within its steps, each problem at a place
    /// in its template, and reports every name the render found in no value (`missed`). Not with `enumerated(…)`
    /// or `sorted(…)`: an object's values have no one shape, and the check lets every name resolve in them.
    static func checkSchema(_ library: TemplateLibrary, _ templates: [String: String], missed: Set<String>) {
        guard let problems = library.check("t", against: shape(of: context), maximumSteps: 50_000) else {
            preconditionFailure("the schema check does not find t")
        }
        var reported: Set<String> = []
        for problem in problems {
            checkPlace(problem.template, problem.line, problem.column, in: templates, "\(problem)")
            switch problem.kind {
            case .unknown(let part): reported.insert(part)
            case .notAnObject: break
            case .tooLong: return
            }
        }
        guard !templates.values.contains(where: { $0.contains("enumerated(") || $0.contains("sorted(") }) else { return }
        precondition(missed.isSubset(of: reported), "a render missed \(missed.subtracting(reported)), the check did not report it")
    }

    /// The templates of an input, by name.
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

    /// A problem names one of the templates, at a line and column inside it (or just after its end).
    static func check(_ error: TemplateSyntaxError, in templates: [String: String]) {
        checkPlace(error.template, error.line, error.column, in: templates, "\(error)")
    }

    static func checkPlace(_ template: String, _ line: Int, _ column: Int, in templates: [String: String], _ error: String) {
        guard let text = templates[template] else { preconditionFailure("problem in an unknown template: \(error)") }
        var lengths = [0]
        for scalar in text.unicodeScalars {
            if scalar == "\n" { lengths.append(0) } else { lengths[lengths.count - 1] += 1 }
        }
        precondition(line >= 1 && line <= lengths.count, "line out of the template: \(error)")
        precondition(column >= 1 && column <= lengths[line - 1] + 1, "column out of the line: \(error)")
    }
}
