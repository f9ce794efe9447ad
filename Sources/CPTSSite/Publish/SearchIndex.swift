import CPTSDomain

/// `data/search.json`: what the search page's script adds to the list it filters: the names of each CPTS's
/// communes (from `geo/communes.csv`, when given), so that "which CPTS covers my commune?" has an answer.
/// The list itself (name, department, its code, stage) is in the page, so that search works without the file.
enum SearchIndex {
    static func export(content: SiteContent) -> Export {
        Export(path: Routes.searchIndex) { out in
            let sorted = TerritoryOrder.sorted(content.cpts)
            JSONValue.lazyArray(count: sorted.count) { entry(sorted[$0], content) }.write(to: &out)
        }
    }

    static func entry(_ cpts: CPTS, _ content: SiteContent) -> JSONValue {
        .object([
            ("name", .string(cpts.name)),
            ("department", .string(content.region.departmentName(cpts.department.value))),
            ("departmentCode", .string(cpts.department.value)),
            ("stage", .string(DomainLabels.stage(content.stageAsOf(cpts)))),
            ("url", .string(Routes.cpts(cpts.slug.value))),
            ("communes", .array(communeNames(cpts, content).map { .string($0) })),
        ])
    }

    /// The names of the CPTS's communes known to `geo/communes.csv`, in the order of the territory.
    static func communeNames(_ cpts: CPTS, _ content: SiteContent) -> [String] {
        cpts.communes.compactMap { content.communes[$0.value]?.name }.sorted {
            TerritoryOrder.fold($0) < TerritoryOrder.fold($1)
        }
    }
}
