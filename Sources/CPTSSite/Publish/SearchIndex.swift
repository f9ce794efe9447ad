import CPTSDomain

/// `data/search.json`: what the search box of the theme filters (name, department, stage, URL).
/// The site works without it: the search page lists every CPTS.
enum SearchIndex {
    static func file(content: SiteContent) -> OutputFile {
        let entries = content.cpts.sorted { $0.slug.value < $1.slug.value }.map { cpts in
            JSONValue.object([
                ("name", .string(cpts.name)),
                ("department", .string(content.region.department(cpts.department.value)?.name ?? cpts.department.value)),
                ("stage", .string(cpts.stage.value.label)),
                ("url", .string("cpts/\(cpts.slug.value)/")),
            ])
        }
        return OutputFile(path: "data/search.json", text: JSONValue.array(entries).text)
    }
}
