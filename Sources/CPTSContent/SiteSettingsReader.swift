import CPTSDomain

/// `site.yaml`: the site's title, publisher, date of the figures and defaults.
enum SiteSettingsReader {
    static let keys = ["title", "publisher", "baseURL", "language", "theme", "asOf", "schedule", "allowRawHTML", "allowUnsafeLinks",
                       "logo", "typography", "validationPage", "secrecyThreshold"]

    static func read(_ yaml: String, path: String) -> (SiteSettings?, [Diagnostic]) {
        let reader = YAMLReader(path: path)
        guard let root = reader.compose(yaml, .file("site.yaml"), required: ["title", "asOf"]) else { return (nil, reader.diagnostics) }
        guard let map = reader.mapping(root, .file("site.yaml"), known: keys, required: ["title", "asOf"]) else {
            return (nil, reader.diagnostics)
        }
        let title = map["title"].flatMap { reader.text($0, "title") }
        let asOf = map["asOf"].flatMap { reader.day($0, "asOf") }
        let schedule = map["schedule"].flatMap { node in
            reader.text(node, "schedule").map { Located($0, at: reader.location(of: node)) }
        } ?? Located("aci-2019", at: reader.location(of: root))
        let language = map["language"].flatMap { reader.text($0, "language") } ?? "fr"
        var settings = SiteSettings(
            title: title ?? "",
            publisher: map["publisher"].flatMap { reader.text($0, "publisher") } ?? "",
            baseURL: map["baseURL"].flatMap { reader.text($0, "baseURL") } ?? "/",
            language: language,
            theme: map["theme"].flatMap { node in
                reader.text(node, "theme").map { Located($0, at: reader.location(of: node)) }
            } ?? Located("default", at: reader.location(of: root)),
            asOf: asOf?.value ?? Day(year: 2000, month: 1, day: 1)!,
            schedule: schedule,
            allowRawHTML: map["allowRawHTML"].flatMap { reader.boolean($0, "allowRawHTML") } ?? false,
            allowUnsafeLinks: map["allowUnsafeLinks"].flatMap { reader.boolean($0, "allowUnsafeLinks") } ?? false,
            location: reader.location(of: root),
            baseURLLocation: map["baseURL"].map { reader.location(of: $0) },
            typography: map["typography"].flatMap { reader.boolean($0, "typography") } ?? language.lowercased().hasPrefix("fr"),
            languageLocation: map["language"].map { reader.location(of: $0) },
            validationPage: map["validationPage"].flatMap { reader.boolean($0, "validationPage") } ?? true)
        if let node = map["secrecyThreshold"], let threshold = reader.integer(node, "secrecyThreshold") {
            settings.secrecyThreshold = threshold
            settings.secrecyThresholdLocation = reader.location(of: node)
        }
        if let node = map["logo"], let logo = reader.text(node, "logo") { settings.logo = Located(logo, at: reader.location(of: node)) }
        return (title != nil && asOf != nil ? settings : nil, reader.diagnostics)
    }
}
