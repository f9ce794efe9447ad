import CPTSDomain

/// `data/search.json`: what the search box of the theme filters (name, department, stage, URL).
/// The site works without it: the search page lists every CPTS.
enum SearchIndex {
    static func export(content: SiteContent) -> Export {
        Export(path: "data/search.json") { out in
            let sorted = content.cpts.sorted { $0.slug.value < $1.slug.value }
            JSONValue.lazyArray(count: sorted.count) { entry(sorted[$0], content) }.write(to: &out)
        }
    }

    static func entry(_ cpts: CPTS, _ content: SiteContent) -> JSONValue {
        .object([
            ("name", .string(cpts.name)),
            ("department", .string(content.region.department(cpts.department.value)?.name ?? cpts.department.value)),
            ("stage", .string(ViewModels.stageLabel(content.stageAsOf(cpts)))),
            ("url", .string("cpts/\(cpts.slug.value)/")),
        ])
    }
}
