public import PlaybookModel
internal import PlaybookDiagnostics
public import PlaybookMarkdown

/// Renders pages to HTML: Markdown through libcmark, then the page's template.
/// Pure: no disk access, safe to call from many threads at once.
public struct SiteRenderer: Sendable {
    /// The site being rendered.
    public let site: Site
    private let templates: TemplateSet
    private let markdown: MarkdownRenderer
    /// Resolves the links of the site's pages.
    public let links: LinkResolver
    private let viewModel: ViewModel
    private let fences: FenceRenderer
    private let assetFiles: [String]
    private let lint: LintFacts
    private let codeColouring: (any CodeColouring)?
    private let navigation: NavigationCache
    private let gitFacts: [String: GitFact]
    /// Makes the pages' Markdown copies; `nil` when `llms: false`.
    private let markdownCopy: MarkdownCopy?
    /// Makes the pages' parts of the print page; `nil` when the site has none.
    private let printBook: PrintBook?

    /// Creates a renderer; `assetFiles` are the output-relative paths of copied assets, so links
    /// to them resolve; `lint` is what the build's lint stage found (plan pages show it, the
    /// `/lint/` pages are made of it); `codeColouring` colours fenced code (`nil` keeps it plain);
    /// `gitFacts` are the pages' last updates from git, by source path (`page.lastUpdated`).
    public init(
        site: Site, templates: TemplateSet, assetFiles: [String], lint: LintFacts, codeColouring: (any CodeColouring)? = nil,
        gitFacts: [String: GitFact] = [:]
    ) {
        let templates = templates.specialized(constants: ViewModel.constants(for: site))
        self.init(site: site, templates: templates, assetFiles: assetFiles, lint: lint, codeColouring: codeColouring,
                  navigation: NavigationCache(site: site, templates: templates), gitFacts: gitFacts)
    }

    private init(
        site: Site, templates: TemplateSet, assetFiles: [String], lint: LintFacts, codeColouring: (any CodeColouring)?,
        navigation: NavigationCache, gitFacts: [String: GitFact], links: LinkResolver? = nil
    ) {
        self.site = site
        self.templates = templates
        self.assetFiles = assetFiles
        self.navigation = navigation
        markdown = MarkdownRenderer(options: MarkdownOptions(allowUnsafeHTML: site.config.allowUnsafeHTML))
        self.links = links ?? LinkResolver(site: site, assetFiles: assetFiles)
        viewModel = ViewModel(site: site, navigation: navigation, gitFacts: gitFacts)
        self.gitFacts = gitFacts
        markdownCopy = site.config.llms ? MarkdownCopy(site: site) : nil
        self.lint = lint
        self.codeColouring = codeColouring
        fences = FenceRenderer(site: site, lint: lint, colouring: codeColouring)
        printBook =
            site.pages.last?.kind == .print
            ? PrintBook(site: site, links: self.links, fences: fences, options: markdown.options) : nil
    }

    /// A renderer for `site` that keeps this one's templates and rendered sidebars: for a
    /// rebuild where page bodies changed but no title, order or file did. `lint` is the new
    /// build's lint, when its lint stage ran again; `nil` keeps this renderer's. `gitFacts`, the
    /// same way, are the new build's facts from git.
    public func keepingNavigation(for site: Site, lint: LintFacts? = nil, gitFacts: [String: GitFact]? = nil) -> SiteRenderer {
        SiteRenderer(
            site: site, templates: templates, assetFiles: assetFiles, lint: lint ?? self.lint,
            codeColouring: codeColouring, navigation: navigation, gitFacts: gitFacts ?? self.gitFacts,
            links: links.updating(site: site))
    }

    /// This renderer with the pages' facts from git (`page.lastUpdated`) set to `gitFacts`.
    public func with(gitFacts: [String: GitFact]) -> SiteRenderer {
        SiteRenderer(
            site: site, templates: templates, assetFiles: assetFiles, lint: lint, codeColouring: codeColouring,
            navigation: navigation, gitFacts: gitFacts, links: links)
    }

    /// Renders the page at `index` of `site.pages`.
    public func render(page index: Int) -> RenderedPage {
        finish(body(of: index))
    }

    /// The page at `index` with its body rendered through libcmark and its facts found, but not
    /// yet put in its template: the first half of `render(page:)`. Nothing in it depends on the
    /// pages' facts from git, so a build renders bodies while `git log` runs.
    public func body(of index: Int) -> PageBody {
        let page = site.pages[index]
        if page.kind == .print { return printBody(of: index, parts: printParts()) }
        var resolved: [LinkTarget] = []
        var problems: [Diagnostic] = []
        var examplePlan: EngagementPlan?  // the last ```yaml plan example, which later diagrams draw
        let folder = page.sectionPathForLinks  // once, not once a link
        let print = printBook?.secondRendering(of: index)
        let body = markdown.render(
            page.body,
            rewriteLink: { destination, _ in
                let target = links.resolve(destination, inFolder: folder)
                resolved.append(target)
                return links.href(for: target, destination: destination)
            },
            renderFence: { info, code, line in
                let result = fences.render(
                    info: info, code: code, at: page.location(bodyLine: line, column: 1), examplePlan: examplePlan)
                problems += result.diagnostics
                examplePlan = result.plan
                return result.html
            },
            second: print)
        // Warnings, not errors: the page is still right without the HTML safe mode dropped.
        problems += body.droppedHTML.map {
            .warning(
                "markdown/raw-html", at: page.location(bodyLine: $0.line, column: $0.column), $0.message,
                hint: DroppedHTML.hint)
        }
        problems += body.unparsedLinks.map {
            .warning(
                "markdown/link-with-space", at: page.location(bodyLine: $0.line, column: $0.column), $0.message,
                hint: $0.hint)
        }
        var facts = RenderedPage(
            index: index, outputPath: page.outputPath, html: "", headings: body.headings,
            links: Array(zip(body.links, resolved)), tasks: body.tasks, plainText: body.plainText,
            sectionTexts: body.sectionTexts, titleID: TitleAnchor.id(for: page, headings: body.headings),
            diagnostics: problems)
        if let markdownCopy, page.hasMarkdownCopy {
            facts.markdownCopy = markdownCopy.copy(of: page, spans: body.linkSpans, links: facts.links, resolver: links)
        }
        if let printBook, let html = body.secondHTML { facts.printPart = printBook.part(of: index, body: html) }
        return PageBody(page: facts, markdown: body)
    }

    /// Each page's part of the print page (`PrintBook`), by page index; `nil` for the pages it
    /// leaves out. Renders them on all cores.
    public func printParts() -> [String?] {
        printBook?.parts() ?? []
    }

    /// Each page's part of the print page, by page index: the one its rendering in `pages` made
    /// (`RenderedPage.printPart`), else made now (a page kept from an earlier build).
    public func printParts(from pages: [RenderedPage]) -> [String?] {
        guard let printBook else { return [] }
        return Array(site.pages.indices).parallelMap { index in
            (index < pages.count ? pages[index].printPart : nil) ?? printBook.part(of: index)
        }
    }

    /// The body of the print page at `index`, made of the pages' `parts` (`printParts()`). It has
    /// no facts of its own: its links and headings are the other pages', checked there.
    public func printBody(of index: Int, parts: [String?]) -> PageBody {
        let book = PrintBook.html(parts: parts)
        let facts = RenderedPage(
            index: index, outputPath: site.pages[index].outputPath, html: "", headings: [], links: [], tasks: [],
            plainText: "")
        return PageBody(page: facts, markdown: RenderedMarkdown(html: book, headings: [], links: [], tasks: [], plainText: ""))
    }

    /// The page whose body is `body`, in its template: the second half of `render(page:)`.
    public func finish(_ body: PageBody) -> RenderedPage {
        var rendered = body.page
        let page = site.pages[rendered.index]
        let context = viewModel.context(for: rendered.index, rendered: body.markdown)
        context.typed = TypedPageContext(site: site, lint: lint, fences: fences, markdown: markdown).context(for: page)  // plans, lint pages
        rendered.html = render(templateName(for: rendered.index), context: context, body: body.markdown.html)
        rendered.gitFact = gitFacts[page.sourcePath]
        return rendered
    }

    /// Renders template `name`, with a `PageMarker` standing for the body where it can.
    private func render(_ name: String, context: PageContext, body: String) -> String {
        if PageMarker.canStand(for: body) {
            let marker = PageMarker()
            context.page.content = marker
            if let rendered = templates.render(name, context: context), let html = marker.splice(rendered, body: body) {
                return html
            }
        }
        context.page.content = TemplateText(body)
        return templates.render(name, context: context) ?? ""
    }

    /// The sidebar scripts: the part every section shares, when the template lets the sidebar
    /// be split, and each section's own, in `site.sections` order (see `SidebarScripts`). Pages
    /// name the scripts they load; the build writes them.
    public func sidebarScripts() -> SidebarScripts {
        let sections = Array(site.sections.indices).parallelMap { section in
            SidebarScripts.Section(path: navigation.scriptPaths[section], sidebar: navigation.sidebar(section: section))
        }
        return SidebarScripts(shared: navigation.shared(), sections: sections)
    }

    /// The paths `sidebarScripts()` gives files for, without making them: when the navigation
    /// and the templates are as a previous build had them, its files can be kept.
    public func sidebarScriptPaths() -> [String] {
        navigation.splits ? [NavigationScript.sharedPath] + navigation.scriptPaths : navigation.scriptPaths
    }

    /// Renders the site's 404 page.
    public func renderNotFound() -> String {
        templates.render("404", context: viewModel.notFoundContext()) ?? ""
    }

    /// The template for a page: one named after its `type` if there is one, else `home`,
    /// `section` or `page`.
    public func templateName(for index: Int) -> String {
        let page = site.pages[index]
        if let type = page.type, templates.names.contains(type) { return type }
        if index == 0 { return "home" }
        return page.isSectionIndex ? "section" : "page"
    }
}

/// A page's body rendered, waiting for its template (see `SiteRenderer.body(of:)`).
public struct PageBody: Sendable {
    /// The page's facts (headings, links, tasks, text, diagnostics), its HTML still empty.
    public var page: RenderedPage
    fileprivate let markdown: RenderedMarkdown
}
