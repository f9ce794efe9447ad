import CPTSDomain

/// `reports/<slug>/<year>.md`: a CPTS's activity report for one contract year, front matter and narrative.
/// Only what cannot be read is reported here; whether it makes sense (dates, ids) is for the rules.
enum ReportReader {
    static let keys = ["actions", "meetings", "team", "spending", "members", "proofs"]
    static let actionKeys = ["mission", "title", "status", "start", "end", "participants", "results", "indicators"]
    static let meetingKeys = ["date", "kind", "title", "attendance"]
    static let spendingWords = ValueWords(SpendingCategory.self)
    static let teamKeys = ["coordinator", "staff"]
    static let proofKeys = ["indicator", "items"]

    /// - Parameters:
    ///   - slug: the CPTS's slug, the report's folder name.
    ///   - name: the file name without extension: the contract year.
    static func read(_ text: String, path: String, slug: String, name: String) -> (ActivityReport?, [Diagnostic]) {
        let top = SourceLocation(file: path, line: 1, column: 1)
        guard let year = Int(name), name.allSatisfy({ $0.isASCII && $0.isNumber }), name.count <= 2 else {
            return (nil, [.error(.reportNameInvalid(name: name, slug: slug), at: top)])
        }
        return FrontMatter.read(text, path: path) { split, reader in
            var map: YAMLReader.Mapping?
            if let root = reader.compose(split.yaml, .frontMatter, allowEmpty: true) {
                guard let mapping = reader.mapping(root, .frontMatter, known: keys) else { return nil }
                map = mapping
            }
            let team = map?["team"].flatMap { reader.mapping($0, .key("team"), known: teamKeys) }
            var report = ActivityReport(
                slug: Located(slug, at: top),
                year: Located(year, at: top),
                file: path,
                location: top,
                actions: map?["actions"].flatMap { reader.list($0, "actions") }?.compactMapTight { action(reader, $0) } ?? [],
                meetings: map?["meetings"].flatMap { reader.list($0, "meetings") }?.compactMapTight { meeting(reader, $0) } ?? [],
                coordinatorFTE: team?["coordinator"].flatMap { fte(reader, $0, "team.coordinator") },
                staffFTE: team?["staff"].flatMap { fte(reader, $0, "team.staff") },
                spending: map?["spending"].map { spending(reader, $0) } ?? [],
                members: map?["members"].map { CPTSReader.members(reader, $0) } ?? [],
                proofs: map?["proofs"].flatMap { reader.list($0, "proofs") }?.compactMapTight { proof(reader, $0) } ?? [],
                body: split.body)
            report.bodyStart = split.bodyStart
            return report
        }
    }

    static func action(_ reader: YAMLReader, _ node: Node) -> ReportAction? {
        guard let map = reader.mapping(node, .action, known: actionKeys, required: ["mission", "title", "status"]),
            let missionNode = map["mission"], let mission = reader.text(missionNode, "mission"),
            let title = map["title"].flatMap({ reader.text($0, "title") }),
            let statusNode = map["status"], let status = reader.oneOf(statusNode, "status", ActionStatus.self)
        else { return nil }
        return ReportAction(
            mission: Located(CPTSReader.missionId(mission), at: reader.location(of: missionNode)),
            title: title,
            status: Located(status, at: reader.location(of: statusNode)),
            start: map["start"].flatMap { reader.day($0, "start") },
            end: map["end"].flatMap { reader.day($0, "end") },
            participants: map["participants"].flatMap { count(reader, $0, "participants") },
            results: map["results"].map { reader.stringList($0, "results").map(\.value) } ?? [],
            indicators: map["indicators"].map { reader.stringList($0, "indicators") } ?? [],
            location: reader.location(of: node))
    }

    static func meeting(_ reader: YAMLReader, _ node: Node) -> Meeting? {
        guard let map = reader.mapping(node, .meeting, known: meetingKeys, required: ["date", "kind"]),
            let date = map["date"].flatMap({ reader.day($0, "date") }),
            let kindNode = map["kind"], let kind = reader.oneOf(kindNode, "kind", Meeting.Kind.self)
        else { return nil }
        return Meeting(date: date, kind: Located(kind, at: reader.location(of: kindNode)),
                       title: map["title"].flatMap { reader.text($0, "title") },
                       attendance: map["attendance"].flatMap { count(reader, $0, "attendance") },
                       location: reader.location(of: node))
    }

    static func proof(_ reader: YAMLReader, _ node: Node) -> Proof? {
        guard let map = reader.mapping(node, .proof, known: proofKeys, required: ["indicator", "items"]),
            let indicatorNode = map["indicator"], let indicator = reader.text(indicatorNode, "indicator")
        else { return nil }
        return Proof(indicator: Located(indicator, at: reader.location(of: indicatorNode)),
                     items: map["items"].map { reader.stringList($0, "items").map(\.value) } ?? [])
    }

    static func spending(_ reader: YAMLReader, _ node: Node) -> [(category: SpendingCategory, amount: Located<Int>)] {
        (reader.freeMapping(node, "spending") ?? []).compactMapTight { key, keyNode, value in
            guard let category = reader.oneOf(key, "spending", spendingWords, at: keyNode).flatMap(SpendingCategory.init(rawValue:))
            else { return nil }
            return count(reader, value, "spending.\(key)").map { (category, $0) }
        }
    }

    /// A count or an amount: a whole number (`ContentRules.reportFiguresAreInRange` says it may not be negative).
    static func count(_ reader: YAMLReader, _ node: Node, _ what: String) -> Located<Int>? {
        reader.integer(node, what).map { Located($0, at: reader.location(of: node)) }
    }

    /// Full-time equivalents: a number (from 0 to 100, `ContentRules.reportFiguresAreInRange` says).
    static func fte(_ reader: YAMLReader, _ node: Node, _ what: String) -> Located<Double>? {
        reader.number(node, what).map { Located($0, at: reader.location(of: node)) }
    }
}
