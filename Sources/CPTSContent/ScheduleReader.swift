import CPTSDomain
import Yams

/// `schedules/<id>.yaml`: the amounts of one ACI version, line by line with their sources.
enum ScheduleReader {
    static let keys = ["id", "label", "source", "tranches", "operation", "missions", "socle"]
    static let lineKeys = ["amounts", "source", "status"]
    static let missionKeys = ["fixed", "variable", "extra", "source", "status"]
    static let statuses = ["sure", "one-source", "to-verify", "estimated"]

    static func read(_ yaml: String, path: String) -> (FundingSchedule?, [Diagnostic]) {
        let reader = YAMLReader(path: path)
        guard let root = reader.compose(yaml, "the schedule", required: ["id", "tranches", "operation", "missions", "socle"]),
            let map = reader.mapping(root, "the schedule", known: keys,
                                     required: ["id", "tranches", "operation", "missions", "socle"]),
            let id = map["id"].flatMap({ reader.text($0, "id") }),
            let tranchesNode = map["tranches"], let tranches = reader.integerList(tranchesNode, "tranches"),
            let operation = map["operation"].flatMap({ line(reader, $0, "operation") }),
            let missionsNode = map["missions"]
        else { return (nil, reader.diagnostics) }
        var missions: [String: MissionAmounts] = [:]
        for (missionID, keyNode, value) in reader.freeMapping(missionsNode, "missions") ?? [] {
            if Mission.named(missionID) == nil {
                reader.error("mission-unknown", at: keyNode, "unknown mission '\(missionID)'",
                             note: Suggestion.note(for: missionID, in: Mission.ids))
                continue
            }
            if let amounts = missionAmounts(reader, value, missionID) { missions[missionID] = amounts }
        }
        // Unknown socle missions are a rule's to report (`ContentRules.socleMissionsAreKnown`).
        let socle = map["socle"].map { reader.stringList($0, "socle") } ?? []
        let schedule = FundingSchedule(
            id: id,
            label: map["label"].flatMap { reader.text($0, "label") } ?? id,
            source: map["source"].flatMap { reader.text($0, "source") } ?? "",
            file: path,
            tranches: Located(tranches, at: reader.location(of: tranchesNode)),
            operation: operation,
            missions: missions,
            socle: socle)
        return (schedule, reader.diagnostics)
    }

    /// A line is either a list of four amounts, or `{ amounts: [...], source: ..., status: ... }`.
    static func line(_ reader: YAMLReader, _ node: Node, _ what: String) -> ScheduleLine? {
        if case .sequence = node {
            return reader.integerList(node, what).map { ScheduleLine(amounts: $0, location: reader.location(of: node)) }
        }
        guard let map = reader.mapping(node, "'\(what)'", known: lineKeys, required: ["amounts"]),
            let amounts = map["amounts"].flatMap({ reader.integerList($0, "\(what).amounts") })
        else { return nil }
        return ScheduleLine(amounts: amounts, source: map["source"].flatMap { reader.text($0, "source") },
                            status: map["status"].flatMap { status(reader, $0) }, location: reader.location(of: node))
    }

    static func missionAmounts(_ reader: YAMLReader, _ node: Node, _ id: String) -> MissionAmounts? {
        guard let map = reader.mapping(node, "mission '\(id)'", known: missionKeys, required: ["fixed", "variable"]),
            let fixed = map["fixed"].flatMap({ line(reader, $0, "\(id).fixed") }),
            let variable = map["variable"].flatMap({ line(reader, $0, "\(id).variable") })
        else { return nil }
        return MissionAmounts(fixed: fixed, variable: variable,
                              extra: map["extra"].flatMap { line(reader, $0, "\(id).extra") },
                              source: map["source"].flatMap { reader.text($0, "source") },
                              status: map["status"].flatMap { status(reader, $0) })
    }

    static func status(_ reader: YAMLReader, _ node: Node) -> String? {
        guard let status = reader.text(node, "status") else { return nil }
        if !statuses.contains(status) {
            reader.report(.warning("value-unknown", at: reader.location(of: node), "unknown status '\(status)'",
                                   note: Suggestion.note(for: status, in: statuses) ?? "expected one of: \(statuses.joined(separator: ", "))"))
        }
        return status
    }
}
