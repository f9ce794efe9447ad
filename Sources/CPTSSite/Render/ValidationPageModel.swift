import CPTSDomain

extension ViewModels {
    /// The validation report: every diagnostic of the build, grouped by file, for the federation's team.
    func validationReport() -> [String: Any] {
        var model = common(depth: 1, title: "Rapport de validation")
        let byFile = Dictionary(grouping: diagnostics, by: \.location.file)
        model["files"] = byFile.keys.sorted().map { file in
            [
                "file": file,
                "diagnostics": byFile[file, default: []].sortedForReport().map { diagnostic in
                    present([
                        "severity": diagnostic.severity == .error ? "Erreur" : "Avertissement",
                        "severityClass": diagnostic.severity.rawValue,
                        "line": String(diagnostic.location.line),
                        "column": String(diagnostic.location.column),
                        "message": diagnostic.message,
                        "note": diagnostic.note,
                    ])
                },
            ] as [String: Any]
        }
        model["errorCount"] = FrenchFormat.integer(diagnostics.errorCount)
        model["warningCount"] = FrenchFormat.integer(diagnostics.warningCount)
        model["clean"] = diagnostics.isEmpty
        return model
    }
}
