import CPTSDomain

/// `data/search.json`: what the search page's script adds to the list it filters: the names of each CPTS's
/// communes (from `geo/communes.csv`, when given), so that "which CPTS covers my commune?" has an answer.
/// The list itself (name, department, its code, stage) is in the page, so that search works without the file.
enum SearchIndex {
    static func export(content: SiteContent, figures: SiteFigures) -> Export {
        Export(path: Routes.searchIndex) { out in
            out.writeJSON { json in
                json.beginArray()
                let all = content.cpts
                // Each department's name found once, not by a scan of the region's departments per CPTS.
                let departments = Dictionary(content.region.departments.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
                for index in TerritoryOrder.order(all) {
                    json.item()
                    // The stage the CPTS page names, from the figures (`CPTSFigures.stage`), not worked out again.
                    let stage = figures.withFigures(at: index, slug: all[index].slug.value) { $0.pointee.stage }
                    entry(all[index], stage: stage, content, departments: departments, to: &json)
                }
                json.endArray()
            }
            out.append(UInt8(ascii: "\n"))
        }
    }

    /// `departments`: each department's name by its code (`Region.departmentName`: the code when not listed).
    static func entry(_ cpts: borrowing CPTS, stage: Stage?, _ content: SiteContent, departments: [String: String],
                      to json: inout JSONWriter) {
        json.beginObject()
        json.key("name"); json.string(cpts.name)
        json.key("department"); json.string(departments[cpts.department.value] ?? cpts.department.value)
        json.key("departmentCode"); json.string(cpts.department.value)
        json.key("stage"); json.string(DomainLabels.stage(stage))
        json.key("url"); json.string(Routes.cpts(cpts.slug.value))
        json.key("communes")
        json.beginArray()
        for name in communeNames(cpts, content) { json.item(); json.string(name) }
        json.endArray()
        json.endObject()
    }

    /// The names of the CPTS's communes known to `geo/communes.csv`, in the order of the territory.
    static func communeNames(_ cpts: borrowing CPTS, _ content: SiteContent) -> [String] {
        // Each name folded once, not at each of the sort's comparisons.
        cpts.communes.compactMap { content.communes[$0.value]?.name }
            .map { (key: TerritoryOrder.fold($0), name: $0) }
            .sorted { $0.key < $1.key }
            .map(\.name)
    }
}
