/// `sitemap.xml`: every page the route table lists (not the 404, nor the print stylesheets), with its absolute
/// URL, in the order of their files.
enum Sitemap {
    static func export(routes: Routes, url: SiteURL) -> Export {
        Export(path: Routes.sitemap) { out in
            out.append(ascii: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n")
            // `url.absolute(page.url)` escaped, in two parts: the base escaped once, then each page's URL.
            var base = ExportBuffer()
            base.append(escapingXML: url.base)
            // Positions sorted, not routes: a route is a large value, copied at each move of a sort.
            let pages = routes.pages
            let listed = pages.indices.filter { pages[$0].listed }.sorted { pages[$0].path < pages[$1].path }
            for index in listed {
                out.append(ascii: "  <url><loc>")
                out.append(contentsOf: base.bytes)
                out.append(escapingXML: pages[index].url)
                out.append(ascii: "</loc></url>\n")
            }
            out.append(ascii: "</urlset>\n")
        }
    }

    static func robots(url: SiteURL) -> OutputFile {
        OutputFile(path: Routes.robots, text: "User-agent: *\nAllow: /\nSitemap: \(url.absolute(Routes.sitemap))\n")
    }
}
