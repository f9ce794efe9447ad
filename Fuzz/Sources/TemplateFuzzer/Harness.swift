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
        guard let text = templates[error.template] else { preconditionFailure("problem in an unknown template: \(error)") }
        var lengths = [0]
        for scalar in text.unicodeScalars {
            if scalar == "\n" { lengths.append(0) } else { lengths[lengths.count - 1] += 1 }
        }
        precondition(error.line >= 1 && error.line <= lengths.count, "line out of the template: \(error)")
        precondition(error.column >= 1 && error.column <= lengths[error.line - 1] + 1, "column out of the line: \(error)")
    }
}
