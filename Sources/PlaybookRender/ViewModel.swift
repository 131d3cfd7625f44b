public import PlaybookModel
internal import PlaybookMarkdown

/// Builds the values templates render from (see `PageContext`). Templates hold markup; every value a template
/// can name is made here, and `{{name}}` escapes it.
///
/// Keys (top level): `site`, `page`, `section` (the section the page is in), `navigation` (the
/// `<script>` tags that load the section's sidebar, rendered from `partials/nav` whose context
/// holds the tree as `nav` into files of their own, see `NavigationScript`), `toc`,
/// `hasToc`, `breadcrumbs`, `prev`, `next`, `children` (on section pages), `assets`, `tasks`.
public struct ViewModel: Sendable {
    private let site: Site
    private let navigation: NavigationCache
    private let siteValues: [String: String]
    private let siteTexts: [String: TemplateText]
    private let basePath: String
    private let gitFacts: [String: GitFact]

    /// Every key a template may name, at any depth; the template check reports any other name.
    public static let knownKeys: Set<String> = Set<String>([
        // top level
        "site", "page", "section", "nav", "navigation", "planDiagrams", "hasPlanDiagrams", "toc", "hasToc", "breadcrumbs", "hasBreadcrumbs", "prev", "next",
        "children", "hasChildren", "assets", "tasks", "findings", "hasFindings",
        // site
        "title", "description", "baseURL", "language", "homeURL", "origin", "printURL",
        // page
        "url", "content", "tags", "hasTags", "isHome", "isSection", "type", "editURL", "sourcePath",
        "pageKey", "summary", "titleId", "lastUpdated", "markdownURL",
        // page.lastUpdated
        "date", "iso", "author", "historyURL",
        // navigation and lists
        "items", "isActive", "hasItems", "depth",
        // table of contents
        "id", "text", "level",
        // tasks
        "count", "hasTasks",
        // findings
        "message", "location", "severity", "hint", "code",
    ]).union(PlanViewModel.keys).union(PlanChecklists.keys).union(LintPageViewModel.keys).union(OwnershipViewModel.keys)  // plans, lint pages, owners
        .union(PDFDocument.keys)  // pdf.mustache (`playbook pdf`)

    /// The values that are the same on every page, by the tag that names them, for
    /// `TemplateSet.specialized(constants:)`.
    static func constants(for site: Site) -> [String: String] {
        let values = siteValues(for: site)
        var constants = Dictionary(uniqueKeysWithValues: values.map { ("site." + $0.key, $0.value) })
        constants["assets"] = site.config.basePath + "assets/"
        return constants
    }

    private static func siteValues(for site: Site) -> [String: String] {
        var values = [
            "title": site.config.title,
            "description": site.config.description ?? "",
            "baseURL": site.config.basePath,
            "homeURL": site.config.basePath,
            "language": site.config.language,
            "origin": site.config.origin ?? "",
        ]
        // Left out when off, so `{{#site.printURL}}` shows nothing.
        if site.config.print { values["printURL"] = site.config.basePath + PageLocation.printFolder + "/" }
        return values
    }

    /// Creates the view-model builder for a site and its sidebar scripts.
    init(site: Site, navigation: NavigationCache, gitFacts: [String: GitFact] = [:]) {
        self.site = site
        self.gitFacts = gitFacts
        self.navigation = navigation
        basePath = site.config.basePath
        siteValues = Self.siteValues(for: site)
        siteTexts = siteValues.mapValues(TemplateText.init)
    }

    /// The context for page `index`, given its rendered Markdown.
    func context(for index: Int, rendered: RenderedMarkdown) -> PageContext {
        let page = site.pages[index]
        let section = site.section(of: index)
        return PageContext(
            site: siteTexts,
            assets: TemplateText(basePath + "assets/"),  // also substituted into the templates (see `constants`)
            page: pageValues(page, index: index, html: rendered.html, titleID: TitleAnchor.id(for: page, headings: rendered.headings)),
            navigation: TemplateText(navigation.scriptTags[section]),
            section: link(site.sections[section].indexPage),
            toc: TableOfContents.items(rendered.headings),
            breadcrumbs: breadcrumbs(index, section: section),
            prev: Self.previous(of: index, in: site).map(link),
            next: Self.next(of: index, in: site).map(link),
            children: page.isSectionIndex ? site.sections[section].children.map(childLink) : nil,
            taskCount: rendered.tasks.isEmpty ? nil : rendered.tasks.count)
    }

    /// The pages whose title, URL or description the page at `index` shows beside its body: its
    /// section's page and those of the sections above it (`section`, `breadcrumbs`), the pages
    /// before and after it (`prev`, `next`) and, on a section's page, the section's entries
    /// (`children`). When one of them changes and the site keeps its shape, the page must render
    /// again (and no other page for that change). Kept in step with `context(for:rendered:)`.
    public static func pagesShown(on index: Int, in site: Site) -> [Int] {
        let section = site.section(of: index)
        var shown = site.ancestry(of: section).map { site.sections[$0].indexPage }
        if let previous = previous(of: index, in: site) { shown.append(previous) }
        if let next = next(of: index, in: site) { shown.append(next) }
        if site.pages[index].isSectionIndex {
            shown += site.sections[section].children.map { child in
                switch child {
                case .page(let page): page
                case .section(let sub): site.sections[sub].indexPage
                }
            }
        }
        return shown
    }

    /// The page before `index` in reading order, for the pager; none for the print page, which
    /// is in no section (`PrintBook`).
    static func previous(of index: Int, in site: Site) -> Int? {
        index > 0 && site.pages[index].kind != .print ? index - 1 : nil
    }

    /// The page after `index` in reading order; the print page is no page's next.
    static func next(of index: Int, in site: Site) -> Int? {
        index + 1 < site.pages.count && site.pages[index + 1].kind != .print ? index + 1 : nil
    }

    /// The context for the 404 page.
    func notFoundContext() -> [String: Any] {
        [
            "site": siteValues,
            "assets": basePath + "assets/",
            "page": ["title": "Page not found", "url": basePath + "404.html", "pageKey": "404"],
            "navigation": navigation.scriptTags[0],
        ]
    }

    private func pageValues(_ page: Page, index: Int, html: String, titleID: String?) -> PageValues {
        let editURL = repositoryURL(of: page, action: "edit")
        return PageValues(
            title: TemplateText(page.title), url: TemplateText(basePath + page.url.dropFirst()),
            pageKey: TemplateText(page.url), content: TemplateText(html), isHome: index == 0,
            isSection: page.isSectionIndex && index != 0, sourcePath: TemplateText(page.displayPath), tags: page.tags,
            description: page.description.map(TemplateText.init), type: page.type.map(TemplateText.init),
            titleId: titleID.map(TemplateText.init), editURL: editURL.map(TemplateText.init),
            lastUpdated: lastUpdated(page),
            markdownURL: site.config.llms && page.hasMarkdownCopy
                ? TemplateText(basePath + PageLocation.percentEncode(page.markdownOutputPath)) : nil)
    }

    /// `<repository>/<action>/<edit-branch>/content/<path>` (GitHub's and Gitea's form; GitLab
    /// redirects it) when `repository` is set and the page is a Markdown file.
    private func repositoryURL(of page: Page, action: String) -> String? {
        guard let repository = site.config.repository, page.displayPath.hasSuffix(".md") else { return nil }
        let trimmed = repository.hasSuffix("/") ? String(repository.dropLast()) : repository
        return "\(trimmed)/\(action)/\(site.config.editBranch)/\(PageLocation.percentEncode(page.displayPath))"
    }

    /// `page.lastUpdated`: the newest commit that changed the page's file, when git gave one.
    private func lastUpdated(_ page: Page) -> LastUpdatedValues? {
        guard let fact = gitFacts[page.sourcePath] else { return nil }
        return LastUpdatedValues(
            date: TemplateText(fact.displayDate), iso: TemplateText(fact.date.description), author: TemplateText(fact.author),
            historyURL: repositoryURL(of: page, action: "commits").map(TemplateText.init))
    }

    private func link(_ index: Int) -> LinkValues {
        let page = site.pages[index]
        return LinkValues(
            title: TemplateText(page.title), url: TemplateText(basePath + page.url.dropFirst()),
            description: page.description.map(TemplateText.init))
    }

    private func childLink(_ child: Section.Child) -> LinkValues {
        switch child {
        case .page(let index):
            return link(index)
        case .section(let sectionIndex):
            let values = link(site.sections[sectionIndex].indexPage)
            values.isSection = true
            return values
        }
    }

    private func breadcrumbs(_ index: Int, section: Int) -> [LinkValues] {
        guard index != 0 else { return [] }
        var chain = site.ancestry(of: section)
        if site.pages[index].isSectionIndex { chain.removeLast() }
        return chain.map { link(site.sections[$0].indexPage) }
    }
}
