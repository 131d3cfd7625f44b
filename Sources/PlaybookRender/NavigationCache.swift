internal import PlaybookModel

/// The sidebar, rendered once per section through `partials/nav` rather than once per page:
/// pages of one section share the same open branches, so only the current-page mark differs,
/// and that is added to the cached HTML as `aria-current="page"` on the page's own link.
///
/// This keeps navigation linear in the number of pages (a 10,000-page site renders a few hundred
/// navigation trees, not 10,000).
struct NavigationCache: Sendable {
    /// The partial that renders the tree held in `nav`.
    static let partial = "partials/nav"

    private let bySection: [String]
    private let closed: String

    init(site: Site, templates: TemplateSet) {
        let navigation = Navigation(site: site)
        let render: @Sendable (Int?) -> String = { open in
            templates.render(Self.partial, context: ["nav": navigation.items(openSection: open), "site": ["baseURL": site.config.basePath]]) ?? ""
        }
        bySection = Array(site.sections.indices).parallelMap { render($0) }
        closed = render(nil)
    }

    /// The sidebar for a page of `section` whose URL (with base path) is `url`.
    func html(section: Int, currentURL url: String) -> String {
        Self.markCurrent(bySection[section], url: url)
    }

    /// The sidebar with nothing open and nothing current (the 404 page).
    var closedHTML: String { closed }

    /// Adds `aria-current="page"` to the first link to `url`.
    static func markCurrent(_ html: String, url: String) -> String {
        let needle = "href=\"\(url)\""
        guard let range = html.utf8.firstRange(of: needle.utf8) else { return html }
        return String(html[..<range.upperBound]) + " aria-current=\"page\"" + String(html[range.upperBound...])
    }
}
