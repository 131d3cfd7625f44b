internal import PlaybookModel
public import PlaybookMarkdown

/// Builds the dictionaries templates render from. Templates hold markup; every value a template
/// can name is made here, and `{{name}}` escapes it.
///
/// Keys (top level): `site`, `page`, `section` (the section the page is in), `navigation` (the
/// sidebar HTML, rendered from `partials/nav` whose context holds the tree as `nav`), `toc`,
/// `hasToc`, `breadcrumbs`, `prev`, `next`, `children` (on section pages), `assets`, `tasks`.
public struct ViewModel: Sendable {
    private let site: Site
    private let navigation: NavigationCache
    private let siteValues: [String: String]
    private let basePath: String

    /// Every key a template may name, at any depth; the template check reports any other name.
    public static let knownKeys: Set<String> = Set<String>([
        // top level
        "site", "page", "section", "nav", "navigation", "planDiagrams", "hasPlanDiagrams", "toc", "hasToc", "breadcrumbs", "hasBreadcrumbs", "prev", "next",
        "children", "hasChildren", "assets", "tasks", "findings", "hasFindings",
        // site
        "title", "description", "baseURL", "language", "homeURL", "origin",
        // page
        "url", "content", "tags", "hasTags", "isHome", "isSection", "type", "editURL", "sourcePath",
        "pageKey", "summary", "titleId",
        // navigation and lists
        "items", "isActive", "hasItems", "depth",
        // table of contents
        "id", "text", "level",
        // tasks
        "count", "hasTasks",
        // findings
        "message", "location", "severity", "hint", "code",
    ]).union(PlanViewModel.keys).union(LintPageViewModel.keys)  // plans, lint pages

    /// The values that are the same on every page, by the tag that names them, for
    /// `TemplateSet.specialized(constants:)`.
    static func constants(for site: Site) -> [String: String] {
        let values = siteValues(for: site)
        var constants = Dictionary(uniqueKeysWithValues: values.map { ("site." + $0.key, $0.value) })
        constants["assets"] = site.config.basePath + "assets/"
        return constants
    }

    private static func siteValues(for site: Site) -> [String: String] {
        [
            "title": site.config.title,
            "description": site.config.description ?? "",
            "baseURL": site.config.basePath,
            "homeURL": site.config.basePath,
            "language": site.config.language,
            "origin": site.config.origin ?? "",
        ]
    }

    /// Creates the view-model builder for a site and its rendered sidebar.
    init(site: Site, navigation: NavigationCache) {
        self.site = site
        self.navigation = navigation
        basePath = site.config.basePath
        siteValues = Self.siteValues(for: site)
    }

    /// The context for page `index`, given its rendered Markdown.
    public func context(for index: Int, rendered: RenderedMarkdown) -> [String: Any] {
        let page = site.pages[index]
        let section = site.section(of: index)
        var context: [String: Any] = [
            "site": siteValues,
            "assets": basePath + "assets/",  // also substituted into the templates (see `constants`)
            "page": pageValues(page, index: index, html: rendered.html, titleID: TitleAnchor.id(for: page, headings: rendered.headings)),
            "navigation": navigation.html(section: section, currentURL: basePath + page.url.dropFirst()),
        ]
        let toc = TableOfContents.items(rendered.headings)
        context["toc"] = toc
        context["hasToc"] = toc.count > 1
        context["section"] = link(site.sections[section].indexPage)
        let crumbs = breadcrumbs(index, section: section)
        context["breadcrumbs"] = crumbs
        context["hasBreadcrumbs"] = !crumbs.isEmpty
        if index > 0 { context["prev"] = link(index - 1) }
        if index + 1 < site.pages.count { context["next"] = link(index + 1) }
        if page.isSectionIndex {
            let children = site.sections[section].children.map(childLink)
            context["children"] = children
            context["hasChildren"] = !children.isEmpty
        }
        if !rendered.tasks.isEmpty {
            context["tasks"] = ["count": rendered.tasks.count, "hasTasks": true]
        }
        return context
    }

    /// The context for the 404 page.
    public func notFoundContext() -> [String: Any] {
        [
            "site": siteValues,
            "assets": basePath + "assets/",
            "page": ["title": "Page not found", "url": basePath + "404.html", "pageKey": "404"],
            "navigation": navigation.closedHTML,
        ]
    }

    private func pageValues(_ page: Page, index: Int, html: String, titleID: String? = nil) -> [String: Any] {
        var values: [String: Any] = [
            "title": page.title,
            "url": basePath + page.url.dropFirst(),
            "pageKey": page.url,
            "content": html,
            "isHome": index == 0,
            "isSection": page.isSectionIndex && index != 0,
            "sourcePath": page.displayPath,
            "tags": page.tags,
            "hasTags": !page.tags.isEmpty,
        ]
        if let description = page.description { values["description"] = description }
        if let type = page.type { values["type"] = type }
        if let titleID { values["titleId"] = titleID }
        if let repository = site.config.repository, page.displayPath.hasSuffix(".md") {
            let trimmed = repository.hasSuffix("/") ? String(repository.dropLast()) : repository
            values["editURL"] = "\(trimmed)/edit/\(site.config.editBranch)/\(PageLocation.percentEncode(page.displayPath))"
        }
        return values
    }

    private func link(_ index: Int) -> [String: Any] {
        let page = site.pages[index]
        var values: [String: Any] = ["title": page.title, "url": basePath + page.url.dropFirst()]
        if let description = page.description { values["description"] = description }
        return values
    }

    private func childLink(_ child: Section.Child) -> [String: Any] {
        switch child {
        case .page(let index):
            return link(index)
        case .section(let sectionIndex):
            var values = link(site.sections[sectionIndex].indexPage)
            values["isSection"] = true
            return values
        }
    }

    private func breadcrumbs(_ index: Int, section: Int) -> [[String: Any]] {
        guard index != 0 else { return [] }
        var chain = site.ancestry(of: section)
        if site.pages[index].isSectionIndex { chain.removeLast() }
        return chain.map { link(site.sections[$0].indexPage) }
    }
}
