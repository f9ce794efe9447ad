import CPTSDomain

extension ViewModels {
    /// The validation report: every diagnostic of the build, in French, grouped by what it concerns (a CPTS, a
    /// page, the region, the settings), each naming its field; no file path, since the page is public.
    func validationReport(root: String) -> [String: Any] {
        var model = common(root: root, title: "Rapport de validation")
        var groups: [(place: String, diagnostics: [Diagnostic])] = []
        for diagnostic in diagnostics.sortedForReport() {
            let place = place(of: diagnostic.location.file)
            if let index = groups.firstIndex(where: { $0.place == place }) {
                groups[index].diagnostics.append(diagnostic)
            } else {
                groups.append((place, [diagnostic]))
            }
        }
        model["groups"] = groups.map { group in
            [
                "place": group.place,
                "diagnostics": group.diagnostics.map(publicDiagnostic),
            ] as [String: Any]
        }
        model["summary"] = ViewModels.problemCount(errors: diagnostics.errorCount, warnings: diagnostics.warningCount)
        // The keys of themes copied before the groups (`new site` copies the theme): the place stands for the file.
        model["files"] = groups.map { ["file": $0.place, "diagnostics": $0.diagnostics.map(publicDiagnostic)] as [String: Any] }
        model["errorCount"] = FrenchFormat.integer(diagnostics.errorCount)
        model["warningCount"] = FrenchFormat.integer(diagnostics.warningCount)
        model["clean"] = diagnostics.isEmpty
        return model
    }

    /// One diagnostic as the public pages show it: its severity, its field, its message and note in French.
    /// A message as a reader of the site reads it: a mission or a stage named by its label
    /// (« Réponse aux crises sanitaires graves »), not by the id the editor writes (« crises-sanitaires »).
    static func readerText(_ text: String) -> String {
        quotedIDs.reduce(text) { text, pair in text.replacing("«\u{202F}\(pair.id)\u{202F}»", with: "«\u{202F}\(pair.label)\u{202F}»") }
    }

    static let quotedIDs: [(id: String, label: String)] = Mission.catalogue.map { ($0.id, $0.name) }
        + Stage.allCases.map { ($0.rawValue, $0.label) }

    func publicDiagnostic(_ diagnostic: Diagnostic) -> [String: Any] {
        present([
            "severity": diagnostic.severity == .error ? "Erreur" : "Avertissement",
            "severityClass": diagnostic.severity.rawValue,
            "field": diagnostic.message.field.map(ViewModels.fieldLabel),
            "message": ViewModels.readerText(diagnostic.text(in: .fr)),
            "note": diagnostic.note(in: .fr).map(ViewModels.readerText),
            "line": String(diagnostic.location.line),
            "column": String(diagnostic.location.column),
        ])
    }
}
