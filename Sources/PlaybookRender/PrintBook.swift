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
    let site: Site
    let links: LinkResolver
    let fences: FenceRenderer
    let options: MarkdownOptions
    /// Each page's anchor on the print page; `nil` for the pages left out.
    let anchors: [String?]
    /// The first page of the book, which starts no new sheet.
    private let first: Int?

    init(site: Site, links: LinkResolver, fences: FenceRenderer, options: MarkdownOptions) {
        self.site = site
        self.links = links
        self.fences = fences
        self.options = options
        anchors = Self.anchors(for: site)
        first = anchors.firstIndex { $0 != nil }
    }

    /// Each page's anchor on the print page (`p-guide-links`), by page index; `nil` for the
    /// pages left out.
    static func anchors(for site: Site) -> [String?] {
        var slugger = Slugger()
        return site.pages.map { page in
            guard isIncluded(page) else { return nil }
            let path = page.url.split(separator: "/").joined(separator: " ")
            return "p-" + slugger.unique(path, fallback: "home")
        }
    }

    /// Whether the print page shows `page`: the pages written in the content, not the generated
    /// ones (the lint pages, the owners, the print page itself).
    static func isIncluded(_ page: Page) -> Bool {
        page.kind.isWritten
    }

    /// Every page's part of the book, by page index (`nil` for the pages left out).
    func parts() -> [String?] {
        Array(site.pages.indices).parallelMap(part(of:))
    }

    /// The HTML of the book made of `parts`.
    static func html(parts: [String?]) -> String {
        "<div class=\"print-book\">\n" + parts.lazy.compactMap { $0 }.joined() + "</div>\n"
    }

    /// How deep the page is: 0 for the home page, 1 for a top-level section or page, and so on.
    static func depth(of page: Page) -> Int {
        let folders = page.sectionPath.split(separator: "/").count
        return page.isSectionIndex ? folders : folders + 1
    }

    /// The page at `index` on the print page: its title, then its body, in a `<section>`; `nil`
    /// for a page left out. Renders the page's Markdown with the print page's options (the
    /// render stage makes the part from the page's own rendering instead: `secondRendering(of:)`,
    /// `part(of:body:)`, which `SecondRenderingTests` holds to the same HTML).
    func part(of index: Int) -> String? {
        guard let second = secondRendering(of: index) else { return nil }
        let page = site.pages[index]
        var pageOptions = options
        pageOptions.idPrefix = second.idPrefix
        pageOptions.headingShift = second.headingShift
        var examplePlan: EngagementPlan?
        let body = MarkdownRenderer(options: pageOptions).render(
            page.body, rewriteLink: second.rewriteLink,
            renderFence: { info, code, line in
                let result = fences.render(
                    info: info, code: code, at: page.location(bodyLine: line, column: 1), examplePlan: examplePlan)
                examplePlan = result.plan
                return result.html
            })
        return part(of: index, body: body.html)
    }

    /// How the body of the page at `index` is rendered for the print page: ids prefixed with
    /// its anchor, headings as deep as the page, links to pages of the book made anchors;
    /// `nil` for a page left out.
    func secondRendering(of index: Int) -> SecondRendering? {
        guard let anchor = anchors[index] else { return nil }
        let page = site.pages[index]
        let folder = page.sectionPathForLinks
        return SecondRendering(idPrefix: anchor + "--", headingShift: level(of: page) - 1) { destination, _ in
            href(for: links.resolve(destination, inFolder: folder), from: index, destination: destination)
        }
    }

    /// The page at `index` on the print page, `body` its second rendering.
    func part(of index: Int, body: String) -> String? {
        guard let anchor = anchors[index] else { return nil }
        let page = site.pages[index]
        let level = level(of: page)
        let start = index != first && Self.depth(of: page) <= 1 ? " class=\"print-start\"" : ""
        return "<section id=\"\(escapeHTML(anchor))\">\n<h\(level)\(start)>\(escapeHTML(page.title))</h\(level)>\n"
            + body + "</section>\n"
    }

    /// The level of the page's title on the print page.
    private func level(of page: Page) -> Int {
        min(6, max(1, Self.depth(of: page)))
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
