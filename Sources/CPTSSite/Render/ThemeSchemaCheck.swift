import CPTSDomain
import CPTSTemplates

extension Theme {
    /// Every name page template `template` reads, in every branch and in what it includes, that `schema` (the shape
    /// of the page's view model) does not have: a `template-key-unknown` error at each tag, in the theme's file,
    /// naming the page. Empty when the theme has no such template (rendering it reports `template-missing`).
    public func schemaDiagnostics(of template: String, against schema: TemplateSchema) -> [Diagnostic] {
        guard let problems = library.check(template, against: schema) else { return [] }
        return problems.map { problem in
            let location = SourceLocation(file: templateFiles[problem.template]?.path ?? problem.template,
                                          line: problem.line, column: nameColumn(of: problem))
            switch problem.kind {
            case .unknown, .notAnObject:
                return .error(.templateKeyUnknown(key: problem.name, page: template), at: location)
            case .tooLong(let steps):
                return .error(.templateSyntax(.checkTooLong(steps: steps)), at: location)
            }
        }
    }

    /// Checks each page template (name → the shape of its view model) when the theme loads; throws every problem
    /// of every page at once, each tag once (a partial every page includes is reported at its first page).
    public func checkSchemas(_ schemas: [String: TemplateSchema]) throws(ThemeError) {
        var diagnostics: [Diagnostic] = []
        var seen: Set<SourceLocation> = []
        for (template, schema) in schemas.sorted(by: { $0.key < $1.key }) {
            for diagnostic in schemaDiagnostics(of: template, against: schema)
            where seen.insert(diagnostic.location).inserted {
                diagnostics.append(diagnostic)
            }
        }
        guard diagnostics.isEmpty else { throw ThemeError(diagnostics: diagnostics, sources: sources) }
    }

    /// The column of the name a problem is about, inside its tag (`{{ sousTitre }}` → the `s`), so that the caret
    /// points at the word to fix; the tag's own column when the name is not found on that line.
    func nameColumn(of problem: TemplateSchemaProblem) -> Int {
        guard !problem.name.isEmpty, let text = templateFiles[problem.template]?.text else { return problem.column }
        let lines = text.split(separator: "\n", maxSplits: problem.line, omittingEmptySubsequences: false)
        guard problem.line >= 1, problem.line <= lines.count else { return problem.column }
        let scalars = Array(lines[problem.line - 1].unicodeScalars), name = Array(problem.name.unicodeScalars)
        var index = max(problem.column - 1, 0)
        while index + name.count <= scalars.count {
            if Array(scalars[index..<index + name.count]) == name { return index + 1 }
            index += 1
        }
        return problem.column
    }
}
