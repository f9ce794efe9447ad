/// The top-level folders of a built site that are not free pages: a page's slug becomes a top-level folder
/// too (`pages/<slug>.md` → `<slug>/index.html`), so none may take one of these names. The renderer builds
/// its built-in pages' paths from here.
public enum SiteRoutes {
    /// The validation report (`validation/`).
    public static let validation = "validation"
    /// The search page (`recherche/`).
    public static let search = "recherche"
    /// One page per CPTS (`cpts/<slug>/`).
    public static let cpts = "cpts"
    /// One page per department (`departements/<code>/`).
    public static let departments = "departements"
    /// Fingerprinted theme assets.
    public static let assets = "assets"
    /// The exports (`data/site.json`, `data/*.csv`, `data/search.json`).
    public static let data = "data"

    /// Every folder name a page slug may not take, with what the site puts there.
    public static let reserved: [String: String] = [
        validation: "the validation report", search: "the search page", cpts: "the CPTS pages",
        departments: "the department pages", assets: "the theme's assets", data: "the data exports",
    ]

    /// The methodology page (`methodologie/`), always built; a free page of that slug gives its text.
    public static let methodology = "methodologie"

    /// The files the site has at its root, beside its folders.
    public static let rootFiles: [String: String] = [
        "index.html": "the home page", "404.html": "the page-not-found page", "feed.xml": "the feed",
        "sitemap.xml": "the sitemap", "robots.txt": "robots.txt",
    ]
}
