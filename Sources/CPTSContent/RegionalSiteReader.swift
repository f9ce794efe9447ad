import CPTSDomain

/// A region's `data/site.json` (format `cpts-site/site.json`, version `RegionalSite.formatVersion`), copied into a
/// national site's `content/regions/<code>.json`: read as hostile input, every problem located in the JSON.
///
/// JSON is read as YAML, by the project's libyaml composer, which keeps every value's line and column
/// (Foundation's `JSONSerialization` gives none). What that means, each case tested in `RegionalSiteReaderTests`:
/// - `\uXXXX` escapes, `\/`, `\"`, `\\`, `\n`, `\t` read as JSON has them; a raw tab inside a string is kept.
/// - A surrogate pair (`\ud83d\ude00`, valid JSON for 😀) is refused by libyaml ("found invalid Unicode character
///   escape code"), located: cpts-site itself writes every non-ASCII character as it is, never as an escape.
/// - A key given twice is an error at its second occurrence (JSON leaves it undefined; the composer refuses it).
/// - Numbers are checked by this reader, not by libyaml: beyond ±10⁹ a whole number is refused (`number-too-large`),
///   never rounded; a decimal where a whole number is expected is refused.
/// - Nesting deeper than `YAMLComposer.maximumDepth` and more than `YAMLComposer.maximumNodes` values are refused;
///   the file's size is bounded before it is read (`NationalLoader.maximumRegionalFileSize`).
/// - YAML is a superset of JSON: a few non-JSON spellings (`# comments`, unquoted strings, a trailing `,` in a flow
///   list) would be accepted; a text value must nevertheless be a JSON string (double-quoted), and a number, a
///   boolean or `null` must be plain, so that a value's JSON type is checked.
/// Keys this reader does not use are ignored, as the format asks of its readers.
enum RegionalSiteReader {
    static let format = "cpts-site/site.json"

    static func read(_ json: String, path: String, url: String) -> (RegionalSite?, [Diagnostic]) {
        let reader = YAMLReader(path: path)
        guard let root = reader.compose(json, .file(path), required: ["format", "version"]),
            let map = fields(reader, root, .file(path), required: []), checkVersion(reader, map, root)
        else { return (nil, reader.diagnostics) }
        let required = ["asOf", "region", "cpts"]
        guard fields(reader, root, .file(path), required: required) != nil,
            let asOf = map["asOf"].flatMap({ reader.day($0, "asOf") }),
            let regionNode = map["region"], let region = fields(reader, regionNode, .key("region"),
                                                                  required: ["code", "name", "population", "departments"]),
            let code = region["code"].flatMap({ text(reader, $0, "region.code") })
        else { return (nil, reader.diagnostics) }
        // Read in file order, so that diagnostics come in it too.
        let name = region["name"].flatMap { text(reader, $0, "region.name") } ?? ""
        let population = region["population"].flatMap { reader.integer($0, "region.population") } ?? 0
        let vintage = region["populationVintage"].flatMap { text(reader, $0, "region.populationVintage", allowEmpty: true) } ?? ""
        let departments = (region["departments"].flatMap { reader.list($0, "region.departments") } ?? [])
            .compactMap { department(reader, $0) }
        let funding = (region["funding"].flatMap { reader.list($0, "region.funding") } ?? []).compactMap { fundingYear(reader, $0) }
        let cpts = (map["cpts"].flatMap { reader.list($0, "cpts") } ?? []).compactMap { self.cpts(reader, $0) }
        var site = RegionalSite(
            file: path, url: url, asOf: asOf, code: Located(code, at: reader.location(of: region["code"] ?? root)),
            name: name, population: population, populationVintage: vintage,
            departments: departments, cpts: cpts, location: reader.location(of: root))
        site.funding = funding
        return (reader.diagnostics.hasErrors ? nil : site, reader.diagnostics)
    }

    /// `format` must name this format, and `version` be the one read; version 1 wrote `formatVersion` instead.
    static func checkVersion(_ reader: YAMLReader, _ map: YAMLReader.Mapping, _ root: Node) -> Bool {
        guard let formatNode = map["format"] else {
            if let old = root["formatVersion"], let version = reader.integer(old, "formatVersion") {
                reader.error(.national(.versionUnsupported(version: version, expected: RegionalSite.formatVersion)), at: old)
            } else if root["formatVersion"] == nil {
                reader.error(.keyMissing(key: "format", in: .file(reader.path)), at: root)
            }
            return false
        }
        guard let format = text(reader, formatNode, "format") else { return false }
        guard format == self.format else {
            reader.error(.national(.formatUnknown(found: format, expected: self.format)), at: formatNode)
            return false
        }
        guard let versionNode = map["version"] else {
            reader.error(.keyMissing(key: "version", in: .file(reader.path)), at: root)
            return false
        }
        guard let version = reader.integer(versionNode, "version") else { return false }
        guard version == RegionalSite.formatVersion else {
            reader.error(.national(.versionUnsupported(version: version, expected: RegionalSite.formatVersion)), at: versionNode)
            return false
        }
        return true
    }

    /// A mapping's fields, every key known (the format's readers ignore keys they do not use), the required ones
    /// reported when missing.
    static func fields(_ reader: YAMLReader, _ node: Node, _ what: Subject, required: [String]) -> YAMLReader.Mapping? {
        guard let mapping = node.mapping else {
            reader.error(.notMapping(what, found: reader.describe(node)), at: node)
            return nil
        }
        let keys = mapping.compactMap { $0.key.scalar?.string }
        return reader.mapping(node, what, known: keys, required: required)
    }

    /// A JSON string: double-quoted, so that `"population": "12"` and `"name": 12` are both reported; not empty
    /// unless `allowEmpty` (`populationVintage` is `""` when `region.yaml` gives none).
    static func text(_ reader: YAMLReader, _ node: Node, _ what: String, allowEmpty: Bool = false) -> String? {
        guard let scalar = node.scalar, scalar.style == .doubleQuoted else {
            reader.error(.notText(key: what, found: reader.describe(node)), at: node)
            return nil
        }
        return allowEmpty ? scalar.string : reader.text(node, what)
    }

    static func fundingYear(_ reader: YAMLReader, _ node: Node) -> RegionalFundingYear? {
        guard let map = fields(reader, node, .key("region.funding"), required: ["year", "total", "maximum", "earned", "projected"]) else {
            return nil
        }
        let year = map["year"].flatMap { reader.integer($0, "region.funding.year") }
        let total = map["total"].flatMap { reader.integer($0, "region.funding.total") }
        let maximum = map["maximum"].flatMap { reader.integer($0, "region.funding.maximum") }
        let earned = map["earned"].flatMap { reader.integer($0, "region.funding.earned") }
        let projected = map["projected"].flatMap { reader.boolean($0, "region.funding.projected") }
        guard let year, let total, let maximum, let earned, let projected else { return nil }
        return RegionalFundingYear(year: year, total: total, maximum: maximum, earned: earned, projected: projected)
    }

    static func department(_ reader: YAMLReader, _ node: Node) -> RegionalDepartment? {
        guard let map = fields(reader, node, .department, required: ["code", "name", "population"]),
            let codeNode = map["code"], let code = text(reader, codeNode, "region.departments.code"),
            let name = map["name"].flatMap({ text(reader, $0, "region.departments.name") }),
            let population = map["population"].flatMap({ reader.integer($0, "region.departments.population") })
        else { return nil }
        return RegionalDepartment(code: Located(code, at: reader.location(of: codeNode)), name: name, population: population)
    }

    static func cpts(_ reader: YAMLReader, _ node: Node) -> RegionalCPTS? {
        guard let map = fields(reader, node, .key("cpts"), required: ["slug", "name", "department", "population", "communes"]) else {
            return nil
        }
        // Every field is read before deciding, so that each of its problems is reported at once.
        let slug = map["slug"].flatMap { node in text(reader, node, "cpts.slug").map { Located($0, at: reader.location(of: node)) } }
        let name = map["name"].flatMap { text(reader, $0, "cpts.name") }
        let department = map["department"].flatMap { node in
            text(reader, node, "cpts.department").map { Located($0, at: reader.location(of: node)) }
        }
        let population = map["population"].flatMap { reader.integer($0, "cpts.population") }
        let stage = map["stage"].flatMap { node in reader.isNull(node) ? nil : reader.oneOf(node, "cpts.stage", Stage.self) }
        let communes = (map["communes"].flatMap { reader.list($0, "cpts.communes") } ?? []).compactMap { item in
            text(reader, item, "cpts.communes").map { Located($0, at: reader.location(of: item)) }
        }
        var signature: Day?, paid: Int?
        if let fundingNode = map["funding"], !reader.isNull(fundingNode),
            let funding = fields(reader, fundingNode, .key("cpts.funding"), required: ["signature", "paid"]) {
            signature = funding["signature"].flatMap { reader.day($0, "cpts.funding.signature") }?.value
            paid = funding["paid"].flatMap { reader.integer($0, "cpts.funding.paid") }
        }
        guard let slug, let name, let department, let population else { return nil }
        return RegionalCPTS(slug: slug, name: name, department: department, stage: stage,
                            population: population, communes: communes, signature: signature, paid: paid,
                            location: reader.location(of: node))
    }
}
