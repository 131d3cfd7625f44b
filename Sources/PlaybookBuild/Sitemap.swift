internal import PlaybookDiagnostics
internal import PlaybookModel

/// `sitemap.xml`: every page's URL, in reading order, without dates (so output stays byte-identical).
enum Sitemap {
    static func xml(for site: Site) -> String {
        let prefix = (site.config.origin ?? "") + site.config.basePath
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        // Not the print page: its text is the other pages'.
        for page in site.pages where page.kind != .print {
            xml += "  <url><loc>\(escapeHTML(prefix + page.url.dropFirst()))</loc></url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }
}
