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

    /// What the site puts in a place, in the words of diagnostics.
    public struct Label: Hashable, Sendable {
        public let fr: String
        public let en: String
    }

    /// Every folder name a page slug may not take, with what the site puts there.
    public static let reserved: [String: Label] = [
        validation: Label(fr: "le rapport de validation", en: "the validation report"),
        search: Label(fr: "la page de recherche", en: "the search page"),
        cpts: Label(fr: "les pages des CPTS", en: "the CPTS pages"),
        departments: Label(fr: "les pages des départements", en: "the department pages"),
        assets: Label(fr: "les fichiers du thème", en: "the theme's assets"),
        data: Label(fr: "les données téléchargeables", en: "the data exports"),
    ]

    /// The methodology page (`methodologie/`), always built; a free page of that slug gives its text.
    public static let methodology = "methodologie"

    /// A folder's page: `cpts/<slug>/` is published as `cpts/<slug>/index.html`, and the home page as `index.html`.
    public static let index = "index.html"
    /// The page served at any missing URL.
    public static let notFound = "404.html"
    /// The Atom feed.
    public static let feed = "feed.xml"
    public static let sitemap = "sitemap.xml"
    public static let robots = "robots.txt"

    /// The files the site has at its root, beside its folders.
    public static let rootFiles: [String: Label] = [
        index: Label(fr: "la page d’accueil", en: "the home page"),
        notFound: Label(fr: "la page «\u{202F}introuvable\u{202F}»", en: "the page-not-found page"),
        feed: Label(fr: "le flux d’actualités", en: "the feed"),
        sitemap: Label(fr: "le plan du site", en: "the sitemap"),
        robots: Label(fr: "robots.txt", en: "robots.txt"),
    ]
}
