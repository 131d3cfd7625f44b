internal import PlaybookDiagnostics
internal import PlaybookMarkdown
internal import PlaybookModel

/// The body of the print page (`/print/`): every page of the site in reading order, each its
/// title and its Markdown rendered again for this page. A page's title is a heading as deep as
/// the page (`<h1>` for the home page and the top level, `<h2>` a level down, …) and its
/// headings move down with it; ids are prefixed with the page's anchor (`p-guide-links`,
/// `p-guide-links--when-a-page-moves`), so they stay unique, and every link to a page of the
/// book points to its anchor here. Links to the pages left out (the lint pages) get their full
/// address when the base URL has an origin; links to files keep their URL, external links theirs.
struct PrintBook {
    /// The print page's folder: its URL is `/print/`.
    static let folder = "print"
    let site: Site
    let links: LinkResolver
    let fences: FenceRenderer
    let options: MarkdownOptions
    /// Each page's anchor on the print page; `nil` for the pages left out.
    let anchors: [String?]

    init(site: Site, links: LinkResolver, fences: FenceRenderer, options: MarkdownOptions) {
        self.site = site
        self.links = links
        self.fences = fences
        self.options = options
        var slugger = Slugger()
        anchors = site.pages.map { page in
            guard Self.isIncluded(page) else { return nil }
            let path = page.url.split(separator: "/").joined(separator: " ")
            return "p-" + slugger.unique(path, fallback: "home")
        }
    }

    /// Whether the print page shows `page`: the pages written in the content, not the generated
    /// ones (the lint pages, the owners, the print page itself).
    static func isIncluded(_ page: Page) -> Bool {
        page.kind == .page || page.kind == .plan
    }

    /// The HTML of the book.
    func html() -> String {
        let indices = site.pages.indices.filter { anchors[$0] != nil }
        let firstTop = indices.first
        let parts = indices.parallelMap { part(for: $0, startsSheet: $0 != firstTop && Self.depth(of: site.pages[$0]) <= 1) }
        return "<div class=\"print-book\">\n" + parts.joined() + "</div>\n"
    }

    /// How deep the page is: 0 for the home page, 1 for a top-level section or page, and so on.
    static func depth(of page: Page) -> Int {
        let folders = page.sectionPath.split(separator: "/").count
        return page.isSectionIndex ? folders : folders + 1
    }

    /// One page: its title, then its body, in a `<section>`.
    private func part(for index: Int, startsSheet: Bool) -> String {
        let page = site.pages[index]
        let anchor = anchors[index] ?? ""
        let level = min(6, max(1, Self.depth(of: page)))
        var pageOptions = options
        pageOptions.idPrefix = anchor + "--"
        pageOptions.headingShift = level - 1
        let folder = page.sectionPathForLinks
        var examplePlan: EngagementPlan?
        let body = MarkdownRenderer(options: pageOptions).render(
            page.body,
            rewriteLink: { destination, _ in href(for: links.resolve(destination, inFolder: folder), from: index, destination: destination) },
            renderFence: { info, code, line in
                let result = fences.render(
                    info: info, code: code, at: page.location(bodyLine: line, column: 1), examplePlan: examplePlan)
                examplePlan = result.plan
                return result.html
            })
        let start = startsSheet ? " class=\"print-start\"" : ""
        return "<section id=\"\(escapeHTML(anchor))\">\n<h\(level)\(start)>\(escapeHTML(page.title))</h\(level)>\n"
            + body.html + "</section>\n"
    }

    /// Where a link of the page at `index` points on the print page: `#anchor` for a page of
    /// the book or a heading in it, else the site's URL (`nil` keeps the destination).
    private func href(for target: LinkTarget, from index: Int, destination: String) -> String? {
        switch target {
        case .samePage(let anchor):
            return "#" + inBook(anchor: anchor.isEmpty ? nil : anchor, of: index)
        case .page(let other, let anchor) where anchors[other] != nil:
            return "#" + inBook(anchor: anchor, of: other)
        case .page:  // a page left out: its address in full, when the base URL gives the origin
            return links.href(for: target, destination: destination).map { (site.config.origin ?? "") + $0 }
        default:
            return links.href(for: target, destination: destination)
        }
    }

    /// The id on the print page of `anchor` on the page at `index` (the page's own anchor for
    /// none, or for the title's).
    private func inBook(anchor: String?, of index: Int) -> String {
        let page = anchors[index] ?? ""
        guard let anchor, !anchor.isEmpty else { return page }
        let target = site.pages[index]
        if target.titleFromHeading, anchor == Slugger.slug(target.title) { return page }
        if anchor.hasPrefix("task-") { return "task-" + page + "--" + anchor.dropFirst(5) }
        return page + "--" + anchor
    }
}
