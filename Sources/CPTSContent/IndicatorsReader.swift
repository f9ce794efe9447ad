import CPTSDomain

/// `indicators/<slug>.yaml`: a CPTS's indicators, contract year by contract year.
enum IndicatorsReader {
    static let keys = ["contractYears"]
    static let contractYearKeys = ["year", "indicators"]
    static let indicatorKeys = ["id", "mission", "label", "unit", "direction", "baseline", "value", "steps"]
    static let stepKeys = ["threshold", "amount"]
    static let requiredIndicatorKeys = ["id", "mission", "label", "direction", "steps"]

    static func read(_ yaml: String, path: String, slug: String) -> (IndicatorFile?, [Diagnostic]) {
        // A file without anything to report is read from libyaml's events; any other through the tree, which words
        // the diagnostics.
        if let file = IndicatorsEventReader.read(yaml, path: path, slug: slug) { return (file, []) }
        return readTree(yaml, path: path, slug: slug)
    }

    /// The file read through a composed `Node` tree, with its diagnostics.
    static func readTree(_ yaml: String, path: String, slug: String) -> (IndicatorFile?, [Diagnostic]) {
        let reader = YAMLReader(path: path)
        // An empty file is a CPTS without indicators yet: what `cpts-site new cpts` writes.
        guard let root = reader.compose(yaml, .indicatorsFile, allowEmpty: true) else { return (nil, reader.diagnostics) }
        guard let map = reader.mapping(root, .indicatorsFile, known: keys, required: ["contractYears"]),
            let yearsNode = map["contractYears"], let years = reader.list(yearsNode, "contractYears")
        else { return (nil, reader.diagnostics) }
        let contractYears = years.compactMapTight { contractYear(reader, $0) }
        let file = IndicatorFile(slug: slug, file: path, location: reader.location(line: 1, column: 1),
                                 contractYears: contractYears)
        return (file, reader.diagnostics)
    }

    static func contractYear(_ reader: YAMLReader, _ node: Node) -> ContractYearIndicators? {
        guard let map = reader.mapping(node, .contractYear, known: contractYearKeys, required: ["year"]),
            let yearNode = map["year"], let year = reader.integer(yearNode, "year")
        else { return nil }
        let indicators = map["indicators"].flatMap { reader.list($0, "indicators") } ?? []
        return ContractYearIndicators(year: Located(year, at: reader.location(of: yearNode)),
                                      indicators: indicators.compactMapTight { indicator(reader, $0) })
    }

    static func indicator(_ reader: YAMLReader, _ node: Node) -> Indicator? {
        guard let map = reader.mapping(node, .indicator, known: indicatorKeys,
                                       required: requiredIndicatorKeys),
            let idNode = map["id"], let id = reader.text(idNode, "id"),
            let missionNode = map["mission"], let mission = reader.text(missionNode, "mission"),
            let directionNode = map["direction"], let direction = reader.oneOf(directionNode, "direction", Direction.self)
        else { return nil }
        let value: IndicatorValue? = map["value"].flatMap { node in
            if reader.isNull(node) { return nil }
            if direction == .done { return reader.boolean(node, "value").map(IndicatorValue.done) }
            return reader.number(node, "value").map(IndicatorValue.number)
        }
        let steps = map["steps"].flatMap { reader.list($0, "steps") } ?? []
        return Indicator(
            id: Located(id, at: reader.location(of: idNode)),
            mission: Located(CPTSReader.missionId(mission), at: reader.location(of: missionNode)),
            label: map["label"].flatMap { reader.text($0, "label") }.map(reader.interned) ?? id,
            unit: map["unit"].flatMap { reader.text($0, "unit") }.map(reader.interned),
            direction: Located(direction, at: reader.location(of: directionNode)),
            baseline: map["baseline"].flatMap { reader.number($0, "baseline") },
            value: value,
            steps: steps.compactMapTight { step(reader, $0) })
    }

    static func step(_ reader: YAMLReader, _ node: Node) -> RewardStep? {
        guard let map = reader.mapping(node, .step, known: stepKeys, required: ["amount"]),
            let amount = map["amount"].flatMap({ reader.integer($0, "amount") })
        else { return nil }
        return RewardStep(threshold: map["threshold"].flatMap { reader.number($0, "threshold") }, amount: amount,
                          location: reader.location(of: node))
    }
}
