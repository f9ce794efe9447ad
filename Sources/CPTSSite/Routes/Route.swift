/// One page of the site, as the route table lists it: where it is written, the URL other pages link to, the way
/// back to the site's root, the template and the typed view model that render it, and what it is made from.
struct Route: Sendable {
    /// What a page is made from, to tell `serve` whether it must be rendered again (`Fingerprints` keys it).
    enum Inputs: Sendable {
        /// Site-wide files (site.yaml, region.yaml, schedules, communes) and these content files.
        case files([String])
        /// A digest of exactly what the page shows (names, stages, figures…), beside the site-wide files: a
        /// list of CPTS need not be rendered again when only a projet de santé's text changed.
        case summary(Int)
    }

    /// The file written, from the output folder (`cpts/vierzon/index.html`).
    let path: String
    /// What links to it, from the site's root (`cpts/vierzon/`).
    let url: String
    /// The relative path from the page back to the site's root (`../../`), which every link of the page starts
    /// with; the 404 page, served at any URL, has the site's root path instead.
    let root: String
    let template: String
    let inputs: Inputs
    /// Listed in the sitemap: the HTML pages a reader may land on.
    var listed = true
    /// With `build --pdf`, where the page is printed to (activity reports only).
    var pdf: String?
    /// Makes the page's view model from the build's view models. It captures no more than the page's own subject
    /// (a CPTS's position, a department), since a national site has 100 000 routes at once.
    let build: @Sendable (ViewModels, Route) -> any PageModel

    /// A page at the folder `url`, written as its `index.html`, its root as deep as the URL, rendered by the
    /// template of its model's type.
    init<Page: PageModel>(url: String, inputs: Inputs, build: @escaping @Sendable (ViewModels, Route) -> Page) {
        self.init(path: Routes.file(of: url), url: url, root: Routes.root(of: url), inputs: inputs, build: build)
    }

    init<Page: PageModel>(path: String, url: String, root: String, inputs: Inputs,
                          build: @escaping @Sendable (ViewModels, Route) -> Page) {
        self.path = path
        self.url = url
        self.root = root
        template = Page.template
        self.inputs = inputs
        self.build = { models, route in build(models, route) }
    }

    /// The page's view model.
    func viewModel(_ models: ViewModels) -> any PageModel { build(models, self) }
}
