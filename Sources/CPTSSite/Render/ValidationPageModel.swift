import CPTSDomain

extension ViewModels {
    /// The validation report: every diagnostic of the build, in French, grouped by what it concerns (a CPTS, a
    /// page, the region, the settings), each naming its field; no file path, since the page is public.
    func validationReport(root: String) -> ValidationPage {
        var groups: [(place: String, diagnostics: [Diagnostic])] = []
        for diagnostic in diagnostics.sortedForReport() {
            let place = place(of: diagnostic.location.file)
            if let index = groups.firstIndex(where: { $0.place == place }) {
                groups[index].diagnostics.append(diagnostic)
            } else {
                groups.append((place, [diagnostic]))
            }
        }
        return ValidationPage(
            frame: common(root: root, title: "Rapport de validation"),
            groups: groups.map { DiagnosticGroup(place: $0.place, diagnostics: $0.diagnostics.map(publicDiagnostic)) },
            summary: ViewModels.problemCount(errors: diagnostics.errorCount, warnings: diagnostics.warningCount),
            // The keys of themes copied before the groups (`new site` copies the theme): the place stands for the file.
            files: groups.map { DiagnosticFile(file: $0.place, diagnostics: $0.diagnostics.map(publicDiagnostic)) },
            errorCount: FrenchFormat.integer(diagnostics.errorCount),
            warningCount: FrenchFormat.integer(diagnostics.warningCount),
            clean: diagnostics.isEmpty)
    }

    /// One diagnostic as the public pages show it: its severity, its field, its message and note in French.
    /// A message as a reader of the site reads it: a mission or a stage named by its label
    /// (« Réponse aux crises sanitaires graves »), not by the id the editor writes (« crises-sanitaires »).
    /// One pass over the text: each quotation `«\u{202F}…\u{202F}»` is looked up among the ids, the rest copied.
    static func readerText(_ text: String) -> String {
        let open = "«\u{202F}", close = "\u{202F}»"
        guard text.contains(open) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var rest = text[...]
        while let opening = rest.range(of: open) {
            result += rest[..<opening.upperBound]
            rest = rest[opening.upperBound...]
            // Just after an opening: the quotation runs to the next closing, unless another opens first.
            while let closing = rest.range(of: close) {
                let quoted = rest[..<closing.lowerBound]
                if let inner = quoted.range(of: open) {
                    result += rest[..<inner.upperBound]
                    rest = rest[inner.upperBound...]
                    continue
                }
                result += labelOfQuotedID[String(quoted)] ?? String(quoted)
                result += close
                rest = rest[closing.upperBound...]
                break
            }
        }
        result += rest
        return result
    }

    /// The ids an editor writes for a mission or a stage, each with the label a reader reads.
    static let labelOfQuotedID: [String: String] = Dictionary(
        Mission.catalogue.map { ($0.id, $0.name) } + Stage.allCases.map { ($0.rawValue, $0.label) },
        uniquingKeysWith: { first, _ in first })

    func publicDiagnostic(_ diagnostic: Diagnostic) -> PublicDiagnostic {
        PublicDiagnostic(
            severity: diagnostic.severity == .error ? "Erreur" : "Avertissement",
            severityClass: diagnostic.severity.rawValue,
            field: diagnostic.message.field.map(ViewModels.fieldLabel),
            message: ViewModels.readerText(diagnostic.text(in: .fr)),
            note: diagnostic.note(in: .fr).map(ViewModels.readerText),
            line: String(diagnostic.location.line),
            column: String(diagnostic.location.column))
    }
}

/// The validation report (`validation.mustache`).
struct ValidationPage: PageModel {
    static let template = "validation"
    let frame: PageFrame
    let groups: [DiagnosticGroup]
    let summary: String
    let files: [DiagnosticFile]
    let errorCount: String
    let warningCount: String
    let clean: Bool

    static let fields: [TemplateField<Self>] = [
        .inline(\.frame), .list("groups", \.groups), .text("summary", \.summary), .list("files", \.files),
        .text("errorCount", \.errorCount), .text("warningCount", \.warningCount), .flag("clean", \.clean),
    ]
}

/// The diagnostics of one place (a CPTS, a page, the region, the settings).
struct DiagnosticGroup: TemplateModel {
    let place: String
    let diagnostics: [PublicDiagnostic]

    static let fields: [TemplateField<Self>] = [.text("place", \.place), .list("diagnostics", \.diagnostics)]
}

/// `DiagnosticGroup` under the keys of older themes.
struct DiagnosticFile: TemplateModel {
    let file: String
    let diagnostics: [PublicDiagnostic]

    static let fields: [TemplateField<Self>] = [.text("file", \.file), .list("diagnostics", \.diagnostics)]
}

/// A diagnostic as the public pages show it.
struct PublicDiagnostic: TemplateModel {
    let severity: String
    let severityClass: String
    var field: String?
    let message: String
    let note: String?
    let line: String
    let column: String

    static let fields: [TemplateField<Self>] = [
        .text("severity", \.severity), .text("severityClass", \.severityClass), .optionalText("field", \.field),
        .text("message", \.message), .optionalText("note", \.note), .text("line", \.line), .text("column", \.column),
    ]
}
