import CPTSDomain

/// `schedules/<id>.yaml`: the amounts of one ACI version, line by line with their sources.
enum ScheduleReader {
    static let keys = ["id", "label", "source", "effective", "signed", "tranches", "operation", "operationRaise", "missions", "socle",
                       "letterOfIntentAid", "publishedMaxima"]
    static let raiseKeys = ["amounts", "signedBefore", "paid", "source", "status"]
    static let socleKeys = ["id", "from"]
    static let maximaKeys = ["amounts", "source"]
    static let lineKeys = ["amounts", "source", "status"]
    static let missionKeys = ["fixed", "variable", "extra", "firstYear", "source", "status"]
    static let statuses = ValueWords(DomainLabels.scheduleStatuses)

    static func read(_ yaml: String, path: String) -> (FundingSchedule?, [Diagnostic]) {
        let reader = YAMLReader(path: path)
        guard let root = reader.compose(yaml, .schedule, required: ["id", "tranches", "operation", "missions", "socle"]),
            let map = reader.mapping(root, .schedule, known: keys,
                                     required: ["id", "tranches", "operation", "missions", "socle"]),
            let id = map["id"].flatMap({ reader.text($0, "id") }),
            let tranchesNode = map["tranches"], let tranches = reader.integerList(tranchesNode, "tranches"),
            let operation = map["operation"].flatMap({ line(reader, $0, "operation") }),
            let missionsNode = map["missions"]
        else { return (nil, reader.diagnostics) }
        // Unknown missions, in `missions:` or in `socle:`, are a rule's to report (`ContentRules.missionIsKnown`).
        var missions: [String: MissionAmounts] = [:]
        var missionIDs: [Located<String>] = []
        for (missionID, keyNode, value) in reader.freeMapping(missionsNode, "missions") ?? [] {
            missionIDs.append(Located(missionID, at: reader.location(of: keyNode)))
            if let amounts = missionAmounts(reader, value, missionID) { missions[missionID] = amounts }
        }
        var socleSince: [String: Day] = [:]
        // A socle entry is a mission id, or `{ id: crises-sanitaires, from: 2022-09-03 }` for one socle from a date.
        let socle = (map["socle"].flatMap { reader.list($0, "socle") } ?? []).compactMap { item -> Located<String>? in
            guard item.mapping != nil else { return reader.string(item, "socle").map { Located($0, at: reader.location(of: item)) } }
            guard let entry = reader.mapping(item, .socleEntry, known: socleKeys, required: ["id", "from"]),
                let id = entry["id"].flatMap({ reader.text($0, "socle.id") })
            else { return nil }
            if let from = entry["from"].flatMap({ reader.day($0, "socle.from") }) { socleSince[id] = from.value }
            return Located(id, at: reader.location(of: item))
        }
        var schedule = FundingSchedule(
            id: id,
            label: map["label"].flatMap { reader.text($0, "label") } ?? id,
            source: map["source"].flatMap { reader.text($0, "source") } ?? "",
            file: path,
            tranches: Located(tranches, at: reader.location(of: tranchesNode)),
            operation: operation,
            missions: missions,
            socle: socle,
            effective: map["effective"].flatMap { reader.day($0, "effective") }?.value,
            signed: map["signed"].flatMap { reader.day($0, "signed") }?.value,
            socleSince: socleSince,
            operationRaise: map["operationRaise"].flatMap { raise(reader, $0) },
            letterOfIntentAid: map["letterOfIntentAid"].flatMap { line(reader, $0, "letterOfIntentAid") },
            publishedMaxima: map["publishedMaxima"].flatMap { maxima(reader, $0) })
        schedule.missionIDs = missionIDs
        return (schedule, reader.diagnostics)
    }

    /// A line is either a list of four amounts, or `{ amounts: [...], source: ..., status: ... }`.
    static func line(_ reader: YAMLReader, _ node: Node, _ what: String) -> ScheduleLine? {
        if node.sequence != nil {
            return reader.integerList(node, what).map { ScheduleLine(amounts: $0, location: reader.location(of: node)) }
        }
        guard let map = reader.mapping(node, .key(what), known: lineKeys, required: ["amounts"]),
            let amounts = map["amounts"].flatMap({ reader.integerList($0, "\(what).amounts") })
        else { return nil }
        return ScheduleLine(amounts: amounts, source: map["source"].flatMap { reader.text($0, "source") },
                            status: map["status"].flatMap { status(reader, $0) }, location: reader.location(of: node))
    }

    /// `{ amounts: [...], signedBefore: 2021-12-31, paid: yearly | once, source:, status: }`.
    static func raise(_ reader: YAMLReader, _ node: Node) -> OperationRaise? {
        guard let map = reader.mapping(node, .key("operationRaise"), known: raiseKeys, required: ["amounts", "signedBefore", "paid"]),
            let amounts = map["amounts"].flatMap({ reader.integerList($0, "operationRaise.amounts") }),
            let before = map["signedBefore"].flatMap({ reader.day($0, "operationRaise.signedBefore") }),
            let paid = map["paid"].flatMap({ reader.oneOf($0, "operationRaise.paid", OperationRaise.Payment.self) })
        else { return nil }
        let line = ScheduleLine(amounts: amounts, source: map["source"].flatMap { reader.text($0, "source") },
                                status: map["status"].flatMap { status(reader, $0) }, location: reader.location(of: node))
        return OperationRaise(amounts: line, signedBefore: before.value, paid: paid)
    }

    /// `{ amounts: { 1: 185000, 4: 380000 }, source: ... }`: published maxima by tranche number.
    static func maxima(_ reader: YAMLReader, _ node: Node) -> PublishedMaxima? {
        guard let map = reader.mapping(node, .key("publishedMaxima"), known: maximaKeys, required: ["amounts"]),
            let amountsNode = map["amounts"], let entries = reader.freeMapping(amountsNode, "publishedMaxima.amounts")
        else { return nil }
        var amounts: [Int: Int] = [:]
        for (key, keyNode, value) in entries {
            guard let tranche = Int(key), (1...4).contains(tranche) else {
                reader.error(.trancheNotNumber(key: key), at: keyNode)
                continue
            }
            if let amount = reader.integer(value, "publishedMaxima.amounts.\(key)") { amounts[tranche] = amount }
        }
        return PublishedMaxima(amounts: amounts, source: map["source"].flatMap { reader.text($0, "source") })
    }

    static func missionAmounts(_ reader: YAMLReader, _ node: Node, _ id: String) -> MissionAmounts? {
        guard let map = reader.mapping(node, .mission(id), known: missionKeys, required: ["fixed", "variable"]),
            let fixed = map["fixed"].flatMap({ line(reader, $0, "\(id).fixed") }),
            let variable = map["variable"].flatMap({ line(reader, $0, "\(id).variable") })
        else { return nil }
        return MissionAmounts(fixed: fixed, variable: variable,
                              extra: map["extra"].flatMap { line(reader, $0, "\(id).extra") },
                              firstYear: map["firstYear"].flatMap { line(reader, $0, "\(id).firstYear") },
                              source: map["source"].flatMap { reader.text($0, "source") },
                              status: map["status"].flatMap { status(reader, $0) })
    }

    static func status(_ reader: YAMLReader, _ node: Node) -> String? {
        guard let status = reader.text(node, "status") else { return nil }
        if let id = statuses.id(of: status) { return id }
        reader.report(.warning(.statusUnknown(status: status, suggestion: Suggestion.nearest(to: status, in: statuses.suggestions),
                                              known: statuses.choices),
                               at: reader.location(of: node)))
        return status
    }
}
