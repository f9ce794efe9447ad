import CPTSDomain

/// `cpts/<slug>.md`: a CPTS's front matter and its projet de santé.
enum CPTSReader {
    static let keys = ["name", "department", "population", "communes", "stage", "dates", "schedule", "legalForm",
                       "members", "missions", "planned", "logo"]
    static let missionKeys = ["id", "start", "deployed", "actions", "planned"]
    static let legalForms = ValueWords(DomainLabels.legalForms)
    static let professions = ValueWords(DomainLabels.professions)
    static let stageWords = ValueWords(Stage.self)
    static let missionWords = ValueWords(DomainLabels.missions)

    /// A mission's id, or its French label (`Accès aux soins`) read as the id; an unknown one as written (the rules
    /// report it).
    static func missionId(_ written: String) -> String { missionWords.id(of: written) ?? written }

    static func read(_ text: String, path: String, slug: String) -> (CPTS?, [Diagnostic]) {
        FrontMatter.read(text, path: path) { split, reader in cpts(split, reader, path: path, slug: slug) }
    }

    static func cpts(_ split: FrontMatter, _ reader: YAMLReader, path: String, slug: String) -> CPTS? {
        let top = SourceLocation(file: reader.file, line: 1, column: 1)
        let required = ["name", "department", "stage"]
        guard let root = reader.compose(split.yaml, .frontMatter, required: required),
            let map = reader.mapping(root, .frontMatter, known: keys, required: required, needed: ["population"])
        else { return nil }

        let name = map["name"].flatMap { reader.text($0, "name") }
        let department = map["department"].flatMap { node in
            reader.text(node, "department").map { Located($0, at: reader.location(of: node)) }
        }
        let stage = map["stage"].flatMap { node in
            reader.oneOf(node, "stage", Stage.self).map { Located($0, at: reader.location(of: node)) }
        }
        let population = map["population"].flatMap { node in
            reader.integer(node, "population").map { Located($0, at: reader.location(of: node)) }
        }
        var cpts = CPTS(
            slug: Located(slug, at: top),
            file: path,
            name: name ?? slug,
            department: department ?? Located("", at: top),
            population: population,
            communes: map["communes"].map { communes(reader, $0) } ?? [],
            stage: stage ?? Located(.letterOfIntent, at: top),
            dates: map["dates"].map { dates(reader, $0) } ?? [:],
            schedule: map["schedule"].flatMap { node in
                reader.text(node, "schedule").map { Located($0, at: reader.location(of: node)) }
            },
            legalForm: map["legalForm"].flatMap { legalForm(reader, $0) },
            members: map["members"].map { members(reader, $0) } ?? [],
            missions: map["missions"].map { missions(reader, $0) } ?? [],
            body: split.body,
            location: top,
            plannedStages: map["planned"].map { plannedStages(reader, $0) } ?? [])
        cpts.bodyStart = split.bodyStart
        if let node = map["logo"], let logo = reader.text(node, "logo") { cpts.logo = Located(logo, at: reader.location(of: node)) }
        cpts.reportedKeys = Set(reader.diagnostics.compactMap { diagnostic -> String? in
            switch diagnostic.message {
            case .keyUnknown(_, .frontMatter, let suggestion?), .keyMisspelt(_, let suggestion, .frontMatter, _): suggestion
            case .dateInvalid(_, let key, _), .notDate(let key, _), .dateOutOfRange(_, let key, _): key
            default: nil
            }
        })
        let usable = name != nil && department != nil && stage != nil && (map["population"] == nil || population != nil)
        return usable ? cpts : nil
    }

    /// INSEE codes: five characters, digits except Corsica's `2A`/`2B`.
    static func isINSEECode(_ code: String) -> Bool {
        // As bytes: five characters, each an ASCII digit, A or B, are these five bytes and no others.
        code.utf8.count == 5 && code.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "A") || $0 == UInt8(ascii: "B") }
    }

    static func communes(_ reader: YAMLReader, _ node: Node) -> [Located<String>] {
        (reader.list(node, "communes") ?? []).compactMapTight { item in
            guard let code = reader.string(item, "communes") else { return nil }
            guard isINSEECode(code) else {
                let quoted = item.scalar.map { $0.style != .plain } ?? false
                reader.error(.communeCodeInvalid(code: code, quoted: quoted), at: item)
                return nil
            }
            return Located(code, at: reader.location(of: item))
        }
    }

    static func dates(_ reader: YAMLReader, _ node: Node) -> [Stage: Located<Day>] {
        var dates: [Stage: Located<Day>] = [:]
        for (key, keyNode, value) in reader.freeMapping(node, "dates") ?? [] {
            guard let stage = stageWords.id(of: key).flatMap(Stage.init(rawValue:)) else {
                reader.error(.stageUnknownInDates(stage: key, suggestion: Suggestion.nearest(to: key, in: stageWords.suggestions),
                                                  known: stageWords.choices), at: keyNode)
                continue
            }
            dates[stage] = reader.day(value, "dates.\(key)")
        }
        return dates
    }

    /// `planned: [aci-signed]`: the stages whose date is a forecast.
    static func plannedStages(_ reader: YAMLReader, _ node: Node) -> Set<Stage> {
        Set(reader.stringList(node, "planned").compactMap { item in
            if let stage = stageWords.id(of: item.value).flatMap(Stage.init(rawValue:)) { return stage }
            reader.report(.error(.stageUnknownInPlanned(stage: item.value, suggestion: Suggestion.nearest(to: item.value, in: stageWords.suggestions),
                                                        known: stageWords.choices),
                                 at: item.location))
            return nil
        })
    }

    static func legalForm(_ reader: YAMLReader, _ node: Node) -> String? {
        guard let form = reader.text(node, "legalForm") else { return nil }
        if let id = legalForms.id(of: form) { return id }
        reader.report(.warning(.legalFormUnknown(form: form, suggestion: Suggestion.nearest(to: form, in: legalForms.suggestions),
                                                 known: legalForms.choices),
                               at: reader.location(of: node)))
        return form
    }

    /// Counts by profession; a negative one is a rule's to report (`ContentRules.memberCountsAreNotNegative`).
    static func members(_ reader: YAMLReader, _ node: Node) -> [Member] {
        (reader.freeMapping(node, "members") ?? []).compactMapTight { key, keyNode, value in
            let profession = professions.id(of: key)
            if profession == nil {
                reader.report(.warning(.professionUnknown(profession: key, suggestion: Suggestion.nearest(to: key, in: professions.suggestions)),
                                       at: reader.location(of: keyNode)))
            }
            guard let count = reader.integer(value, "members.\(key)") else { return nil }
            return Member(profession: profession ?? key, count: count, location: reader.location(of: value))
        }
    }

    static func missions(_ reader: YAMLReader, _ node: Node) -> [MissionEngagement] {
        (reader.list(node, "missions") ?? []).compactMapTight { item in
            guard let map = reader.mapping(item, .missionEntry, known: missionKeys, required: ["id"]),
                let idNode = map["id"], let id = reader.text(idNode, "id")
            else { return nil }
            let start = map["start"].flatMap { reader.day($0, "start") }
            let deployed = map["deployed"].flatMap { reader.day($0, "deployed") }
            let actions = map["actions"].map { reader.stringList($0, "actions").map(\.value) } ?? []
            // `planned: [start, deployed]`: which of the mission's dates are forecasts.
            let planned = map["planned"].map { reader.stringList($0, "planned") } ?? []
            for item in planned where !["start", "deployed"].contains(item.value) {
                reader.report(.error(.missionDateUnknown(written: item.value, suggestion: Suggestion.nearest(to: item.value, in: ["start", "deployed"])),
                                     at: item.location))
            }
            return MissionEngagement(id: Located(missionId(id), at: reader.location(of: idNode)), start: start, deployed: deployed,
                                     actions: actions, plannedStart: planned.contains { $0.value == "start" },
                                     plannedDeployed: planned.contains { $0.value == "deployed" })
        }
    }
}
