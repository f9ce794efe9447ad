/// `sitemap.xml`: every HTML page but the 404, with its absolute URL.
enum Sitemap {
    static func export(pages: [String], url: SiteURL) -> Export {
        Export(path: "sitemap.xml") { out in
            out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n")
            for page in pages.sorted() where page.hasSuffix(".html") && page != "404.html" {
                out.append("  <url><loc>\(XML.escape(url.absolute(page)))</loc></url>\n")
            }
            out.append("</urlset>\n")
        }
    }

    static func robots(url: SiteURL) -> OutputFile {
        OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\nSitemap: \(url.absolute("sitemap.xml"))\n")
    }
}
