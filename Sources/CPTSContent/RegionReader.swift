import CPTSDomain

/// `region.yaml`: departments, planned territories, other structures and published milestones.
enum RegionReader {
    static let keys = ["code", "name", "population", "populationVintage", "plannedTerritories", "departments",
                       "structures", "milestones", "references"]
    static let departmentKeys = ["code", "name", "population"]
    static let structureKeys = ["count", "yearlyAid", "milestones"]
    static let structureMilestoneKeys = ["date", "kind", "count"]
    static let milestoneKeys = ["date", "kind", "cpts", "coverage"]
    static let referenceKeys = ["france", "region", "departments"]

    static func read(_ yaml: String, path: String) -> (Region?, [Diagnostic]) {
        let reader = YAMLReader(path: path)
        let required = ["code", "name", "population", "plannedTerritories", "departments"]
        guard let root = reader.compose(yaml, .file("region.yaml"), required: required),
            let map = reader.mapping(root, .file("region.yaml"), known: keys, required: required)
        else { return (nil, reader.diagnostics) }

        let population = map["population"].flatMap { located(reader, $0, "population") }
        let planned = map["plannedTerritories"].flatMap { located(reader, $0, "plannedTerritories") }
        let departments = map["departments"].map { departmentList(reader, $0) } ?? []
        let region = Region(
            code: map["code"].flatMap { reader.text($0, "code") } ?? "",
            name: map["name"].flatMap { reader.text($0, "name") } ?? "",
            population: population ?? Located(0, at: reader.location(of: root)),
            populationVintage: map["populationVintage"].flatMap { reader.text($0, "populationVintage") } ?? "",
            plannedTerritories: planned ?? Located(0, at: reader.location(of: root)),
            departments: departments,
            structures: map["structures"].map { structures(reader, $0) } ?? [],
            milestones: map["milestones"].map { milestones(reader, $0) } ?? [],
            references: map["references"].map { references(reader, $0) } ?? ReferenceValues())
        let complete = population != nil && planned != nil && !reader.diagnostics.hasErrors
        return (complete ? region : nil, reader.diagnostics)
    }

    /// A whole number with its place; `ContentRules.regionFiguresArePositive` reports one not above zero.
    static func located(_ reader: YAMLReader, _ node: Node, _ what: String) -> Located<Int>? {
        reader.integer(node, what).map { Located($0, at: reader.location(of: node)) }
    }

    /// A department listed twice is kept twice: `ContentRules.departmentsAreListedOnce` reports it.
    static func departmentList(_ reader: YAMLReader, _ node: Node) -> [Department] {
        (reader.list(node, "departments") ?? []).compactMap { item in
            guard let map = reader.mapping(item, .department, known: departmentKeys,
                                           required: ["code", "name", "population"]),
                let code = map["code"].flatMap({ reader.text($0, "code") }),
                let name = map["name"].flatMap({ reader.text($0, "name") }),
                let population = map["population"].flatMap({ located(reader, $0, "population") })
            else { return nil }
            // The code becomes a folder of the site (`departements/2a/`).
            guard !code.isEmpty, code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                reader.error(.departmentCodeInvalid(code: code), at: item)
                return nil
            }
            return Department(code: code, name: name, population: population, location: reader.location(of: item))
        }
    }

    static let structureKinds = DomainLabels.structureKinds.ids
    static let milestoneWords = ValueWords(DomainLabels.milestoneKinds, DomainLabels.milestoneKindsShort)

    static func structures(_ reader: YAMLReader, _ node: Node) -> [Structure] {
        guard let map = reader.mapping(node, .key("structures"), known: structureKinds) else { return [] }
        return map.entries.compactMap { kind, value in
            guard let fields = reader.mapping(value, .key("structures.\(kind)"), known: structureKeys) else { return nil }
            // Negative ones are kept: `ContentRules.structureFiguresAreNotNegative` reports them.
            let count = fields["count"].flatMap { located(reader, $0, "count") }
            let aid = fields["yearlyAid"].flatMap { located(reader, $0, "yearlyAid") }
            let milestones = (fields["milestones"].flatMap { reader.list($0, "milestones") } ?? []).compactMap { item -> StructureMilestone? in
                guard let entry = reader.mapping(item, .milestone, known: structureMilestoneKeys, required: ["date", "count"]),
                    let date = entry["date"].flatMap({ reader.day($0, "date") }),
                    let count = entry["count"].flatMap({ reader.integer($0, "count") })
                else { return nil }
                return StructureMilestone(date: date.value, kind: milestoneKind(reader, entry["kind"]), count: count)
            }
            return Structure(kind: kind, count: count, yearlyAid: aid, milestones: milestones)
        }
    }

    /// `references: { france: {id: value}, region: {…}, departments: { "18": {…} } }`, checked like the figures.
    static func references(_ reader: YAMLReader, _ node: Node) -> ReferenceValues {
        guard let map = reader.mapping(node, .key("references"), known: referenceKeys) else { return ReferenceValues() }
        var references = ReferenceValues()
        references.france = map["france"].map { TerritoryFigureReader.values(reader, $0, "references.france") } ?? [:]
        references.region = map["region"].map { TerritoryFigureReader.values(reader, $0, "references.region") } ?? [:]
        for (code, _, value) in map["departments"].flatMap({ reader.freeMapping($0, "references.departments") }) ?? [] {
            references.departments[code] = TerritoryFigureReader.values(reader, value, "references.departments.\(code)")
        }
        return references
    }

    static func milestones(_ reader: YAMLReader, _ node: Node) -> [Milestone] {
        (reader.list(node, "milestones") ?? []).compactMap { item in
            guard let map = reader.mapping(item, .milestone, known: milestoneKeys,
                                           required: ["date"]),
                let date = map["date"].flatMap({ reader.day($0, "date") })
            else { return nil }
            let kind = milestoneKind(reader, map["kind"])
            // A share outside 0…1 is kept: `ContentRules.milestoneCoverageIsAFraction` reports it.
            let node = map["coverage"]
            let coverage = node.flatMap { node in reader.number(node, "coverage").map { Located($0, at: reader.location(of: node)) } }
            return Milestone(date: date.value, kind: kind, cpts: map["cpts"].flatMap { reader.integer($0, "cpts") },
                             coverage: coverage, coverageWritten: node?.scalar?.string ?? "", location: reader.location(of: item))
        }
    }

    /// `kind: published | forecast`, `published` when absent (or unknown, which is reported).
    static func milestoneKind(_ reader: YAMLReader, _ node: Node?) -> MilestoneKind {
        guard let node, let written = reader.text(node, "kind") else { return .published }
        guard let kind = milestoneWords.id(of: written).flatMap(MilestoneKind.init(rawValue:)) else {
            reader.error(.milestoneKindUnknown(kind: written, suggestion: Suggestion.nearest(to: written, in: milestoneWords.suggestions)),
                         at: node)
            return .published
        }
        return kind
    }
}
