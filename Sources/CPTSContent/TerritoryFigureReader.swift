import CPTSDomain

/// `diagnostics/<slug>.yaml`: the territorial diagnostic of a CPTS, figure by figure, with sources;
/// and the reference values of `region.yaml`. Unknown figure ids warn with a suggestion; a value its unit
/// cannot take (a share above 100 %, a negative count) is a rule's to report (`ContentRules.figuresFitTheirUnit`).
enum TerritoryFigureReader {
    static let keys = ["source", "year", "figures"]
    static let figureKeys = ["id", "value", "source", "year"]

    static func read(_ yaml: String, path: String, slug: String) -> (TerritoryDiagnostic?, [Diagnostic]) {
        let reader = YAMLReader(path: path)
        guard let root = reader.compose(yaml, .diagnosticFile, required: ["figures"]),
            let map = reader.mapping(root, .diagnosticFile, known: keys, required: ["figures"]),
            let figures = map["figures"].flatMap({ reader.list($0, "figures") })
        else { return (nil, reader.diagnostics) }
        let values = figures.compactMapTight { item -> TerritoryValue? in
            guard let entry = reader.mapping(item, .figure, known: figureKeys, required: ["id", "value"]),
                let idNode = entry["id"], let id = reader.text(idNode, "id"),
                let valueNode = entry["value"], let value = checked(reader, valueNode, id: id, idNode: idNode)
            else { return nil }
            return TerritoryValue(id: Located(id, at: reader.location(of: idNode)), value: Located(value, at: reader.location(of: valueNode)),
                                  source: entry["source"].flatMap { reader.text($0, "source") },
                                  year: entry["year"].flatMap { reader.integer($0, "year") })
        }
        let diagnostic = TerritoryDiagnostic(slug: slug, file: path, location: reader.location(line: 1, column: 1),
                                             source: map["source"].flatMap { reader.text($0, "source") },
                                             year: map["year"].flatMap { reader.integer($0, "year") }, figures: values)
        return (diagnostic, reader.diagnostics)
    }

    /// A mapping of figure ids to values (reference values).
    static func values(_ reader: YAMLReader, _ node: Node, _ what: String) -> [String: Located<Double>] {
        var values: [String: Located<Double>] = [:]
        for (id, keyNode, valueNode) in reader.freeMapping(node, what) ?? [] {
            if let value = checked(reader, valueNode, id: id, idNode: keyNode) {
                values[id] = Located(value, at: reader.location(of: valueNode))
            }
        }
        return values
    }

    /// The value of a known figure `id`; nil (with a warning) for an unknown one. Whether its unit can take the value
    /// is `ContentRules.figuresFitTheirUnit`'s to say.
    static func checked(_ reader: YAMLReader, _ node: Node, id: String, idNode: Node) -> Double? {
        guard TerritoryFigure.named(id) != nil else {
            reader.report(.warning(.figureUnknown(id: id, suggestion: Suggestion.nearest(to: id, in: TerritoryFigure.ids)),
                                   at: reader.location(of: idNode)))
            return nil
        }
        return reader.number(node, id)
    }
}

extension Double {
    /// `100` rather than `100.0`, for messages.
    var plainText: String { rounded() == self && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
