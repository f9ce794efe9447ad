/// One page of the site, as the route table lists it: where it is written, the URL other pages link to, the way
/// back to the site's root, the template and the typed view model that render it, and what it is made from.
struct Route: Sendable {
    /// The file written, from the output folder (`cpts/vierzon/index.html`).
    let path: String
    /// What links to it, from the site's root (`cpts/vierzon/`).
    let url: String
    /// The relative path from the page back to the site's root (`../../`), which every link of the page starts
    /// with; the 404 page, served at any URL, has the site's root path instead.
    let root: String
    let template: String
    /// What the page is made from: its function sees the view models of this input only, and `serve` keys the
    /// page on its digest (`InputDigests`).
    let input: PageInput
    /// Listed in the sitemap: the HTML pages a reader may land on.
    var listed = true
    /// With `build --pdf`, where the page is printed to (activity reports only).
    var pdf: String?
    /// Makes the page's view model from the view models of its input. It captures no more than values of its
    /// input's items or values hashed in `input.captured`, since the page is keyed on nothing else.
    let build: @Sendable (ViewModels, Route) -> any PageModel

    /// A page at the folder `url`, written as its `index.html`, its root as deep as the URL, rendered by the
    /// template of its model's type.
    init<Page: PageModel>(url: String, input: PageInput, build: @escaping @Sendable (ViewModels, Route) -> Page) {
        self.init(path: Routes.file(of: url), url: url, root: Routes.root(of: url), input: input, build: build)
    }

    init<Page: PageModel>(path: String, url: String, root: String, input: PageInput,
                          build: @escaping @Sendable (ViewModels, Route) -> Page) {
        self.path = path
        self.url = url
        self.root = root
        template = Page.template
        self.input = input
        self.build = { models, route in build(models, route) }
    }

    /// The page's view model, made from the site's view models sliced to the page's input.
    func viewModel(_ models: ViewModels) -> any PageModel { build(models.slice(input), self) }
}
