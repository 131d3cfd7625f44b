internal import PlaybookDiagnostics
internal import PlaybookModel
internal import PlaybookRender
internal import PlaybookLint
internal import Foundation

/// A build that remembers what it loaded and rendered, so the next build redoes only what a
/// change affects. A full build is the same code with nothing remembered.
///
/// What a change redoes:
/// - `playbook.yml`, a template, `content/framework.yml` or a file under `examples/` (which
///   ```lint fences show): every page is rendered again (files are not read again unless they
///   changed).
/// - a page whose title, weight, description, draft state or type changed, a section page whose
///   `order:` changed, or a page or other file added or removed: the navigation and every page
///   (each shows the sidebar and its neighbours' titles).
/// - a page whose body alone changed: that page only.
/// Links are checked again in every case; it is linear in the number of links.
public final class IncrementalBuilder {
    /// What to build and where.
    public let options: BuildOptions

    private(set) var pageCache = ContentLoader.PageCache()
    private var renderer: SiteRenderer?
    private var navigationKey: [NavigationEntry] = []
    private var staticFiles: [String] = []
    private var rendered: [String: RenderedPage] = [:]
    private var templates: TemplateSet?
    private var templateProblems: [Diagnostic] = []
    private(set) var assets: [(output: String, source: String)] = []
    private var assetOutputs: [String] = []
    private var last: Snapshot?
    /// Set by `carry`: the state came from an earlier process, through the disk cache.
    private var isCarried = false
    /// The previous output folder, whose files for `carriedSources` are linked, not rendered.
    private var carriedOutput: String?
    /// The pages whose remembered rendering has no HTML: it is in `carriedOutput`.
    private var carriedSources: Set<String> = []
    /// The pages of the last build whose HTML was linked from `carriedOutput`, by source path.
    private(set) var linkedSources: Set<String> = []
    private var carriedSearchParts: [String: SearchIndex.PagePart] = [:]
    /// Keep each page's search-index part in `searchParts` (for the build cache).
    var keepsSearchParts = false
    /// The last build's search-index part of each page, by source path, when `keepsSearchParts`.
    private(set) var searchParts: [String: SearchIndex.PagePart] = [:]

    /// What the previous build produced, kept for the fast path.
    private struct Snapshot {
        var site: Site
        var pages: [RenderedPage]
        var files: [OutputFile]
        var fileIndex: [String: Int]
        var loadDiagnostics: [Diagnostic]
        var frameworkDiagnostics: [Diagnostic]
        var linkDiagnostics: [[Diagnostic]]
        var anchors: [Set<String>]
        var incoming: [Int: Set<Int>]
    }

    /// Creates a builder with nothing remembered.
    public init(options: BuildOptions) {
        self.options = options
    }

    /// What an earlier process's build left, read back from the disk cache (`BuildCache`).
    struct Carried {
        /// The Markdown files as that build read them.
        var pages: ContentLoader.PageCache
        /// `Site.pages` of that build, by source path, in order.
        var pageOrder: [String]
        var staticFiles: [String]
        var assetOutputs: [String]
        /// Rendered pages without their HTML, by source path; the HTML is in `output`.
        var rendered: [String: RenderedPage]
        /// The search-index part of each page of `rendered` (see `SearchIndex.PagePart`).
        var searchParts: [String: SearchIndex.PagePart]
        /// The output folder that build wrote, when it is still as it was written.
        var output: String?
    }

    /// Starts from an earlier process's build; the next `build(changed:)` is given the paths that
    /// changed since it.
    func carry(_ carried: Carried) {
        pageCache = carried.pages
        navigationKey = carried.pageOrder.compactMap { pageCache.entries[$0]?.page }.map(NavigationEntry.init)
        staticFiles = carried.staticFiles
        assetOutputs = carried.assetOutputs
        if let output = carried.output {
            // A page is reused with its search-index part, or not at all.
            rendered = options.searchIndex ? carried.rendered.filter { carried.searchParts[$0.key] != nil } : carried.rendered
            carriedOutput = output
            carriedSources = Set(rendered.keys)
            carriedSearchParts = carried.searchParts
        }
        isCarried = true
    }

    /// Builds the site.
    ///
    /// - Parameter changed: paths relative to the site folder (`content/a.md`,
    ///   `templates/page.mustache`, `playbook.yml`) that changed since the last build of this
    ///   builder; `nil` for everything.
    /// - Throws: `DiagnosticError` (usage) when the site cannot be read or the output written.
    public func build(changed: Set<String>?) throws -> BuildResult {
        if let changed, let result = try fastRebuild(changed) { return result }
        return try fullRebuild(changed: changed)
    }

    private func fullRebuild(changed: Set<String>?) throws -> BuildResult {
        var clock = StageClock(report: options.progress)
        let everything = changed == nil || (renderer == nil && !isCarried)
        let changed = changed ?? []
        let sourceChanged = Self.showsOnEveryPage(changed)
        let templatesDir = PathText.join(options.source, "templates")
        if templates == nil || everything || changed.contains(where: { $0.hasPrefix("templates/") }) {
            (templates, templateProblems) = TemplateSet.load(from: templatesDir)
            assets = AssetScanner.files(in: templatesDir)
        }
        let contentChanged = Set(changed.compactMap { $0.hasPrefix("content/") ? String($0.dropFirst(8)) : nil })
        let loaded = try ContentLoader(root: options.source, includeDrafts: options.includeDrafts).load(
            configOverride: { [options] config in if let baseURL = options.baseURL { config.baseURL = baseURL } },
            reusing: everything ? ContentLoader.PageCache() : pageCache, changed: contentChanged)
        pageCache = loaded.cache
        let (site, lintProblems, lint) = LintStage(site: loaded.site).run()
        let loadDiagnostics = loaded.diagnostics + lintProblems
        var diagnostics = loadDiagnostics + templateProblems
        clock.lap("load")

        guard let templates else {
            renderer = nil
            last = nil
            return BuildResult(
                site: site, pages: [], files: [], diagnostics: diagnostics.sorted(), stages: clock.laps, wrote: false)
        }
        let key = site.pages.map(NavigationEntry.init)
        // A file added or removed beside the pages can turn a broken link into a working one.
        let renderAll = everything || sourceChanged || key != navigationKey || site.staticFiles != staticFiles
            || assets.map(\.output) != assetOutputs
        let current: SiteRenderer
        if let renderer, !renderAll {
            current = renderer.keepingNavigation(for: site, lint: lint)
        } else {
            current = SiteRenderer(
                site: site, templates: templates, assetFiles: assets.map(\.output), lint: lint,
                codeColouring: options.codeColouring)
        }
        renderer = current
        navigationKey = key
        staticFiles = site.staticFiles
        assetOutputs = assets.map(\.output)
        let previous = renderAll ? [:] : rendered
        let isKept: @Sendable (Page) -> Bool = { page in
            !contentChanged.contains(page.sourcePath) && !Self.isAlwaysRendered(page) && previous[page.sourcePath] != nil
        }
        let pages = Array(site.pages.indices).parallelMap { index -> RenderedPage in
            let page = site.pages[index]
            if isKept(page), var kept = previous[page.sourcePath] {
                kept.index = index
                return kept
            }
            return current.render(page: index)
        }
        // Kept pages that came from the disk cache have no HTML here: theirs is in the old output.
        linkedSources = renderAll ? [] : Set(site.pages.filter(isKept).map(\.sourcePath)).intersection(carriedSources)
        carriedSources = linkedSources
        rendered = Dictionary(pages.map { (site.pages[$0.index].sourcePath, $0) }, uniquingKeysWith: { $1 })
        diagnostics += pages.flatMap(\.diagnostics)
        clock.lap("render")

        let checker = LinkChecker(site: site, pages: pages, resolver: current.links)
        let frameworkDiagnostics = checker.checkFramework()
        let linkDiagnostics = pages.map { checker.check($0) }
        diagnostics += frameworkDiagnostics + linkDiagnostics.flatMap { $0 }
        var incoming: [Int: Set<Int>] = [:]
        for page in pages {
            for target in LinkChecker.targets(of: page) { incoming[target, default: []].insert(page.index) }
        }
        clock.lap("check")

        let linked = linkedSources
        var files = pages.map { page -> OutputFile in
            if let carriedOutput, linked.contains(site.pages[page.index].sourcePath) {
                return OutputFile(path: page.outputPath, contents: .link(from: PathText.join(carriedOutput, page.outputPath)))
            }
            return OutputFile(path: page.outputPath, contents: .text(page.html))
        }
        files.append(OutputFile(path: "404.html", contents: .text(current.renderNotFound())))
        files.append(OutputFile(path: "sitemap.xml", contents: .text(Sitemap.xml(for: site))))
        if options.searchIndex {
            let kept = linked.isEmpty ? [:] : carriedSearchParts
            let parts = SearchIndex.parts(site: site, pages: pages) { page in
                let source = site.pages[page.index].sourcePath
                return linked.contains(source) ? kept[source] : nil
            }
            if keepsSearchParts {
                searchParts = Dictionary(zip(pages, parts).map { (site.pages[$0.index].sourcePath, $1) }, uniquingKeysWith: { $1 })
            }
            files.append(OutputFile(path: "search-index.json", contents: .text(SearchIndex.json(parts: parts))))
        }
        clock.lap("index")
        files += assets.map { OutputFile(path: $0.output, contents: .copy(from: $0.source)) }
        let contentDir = PathText.join(options.source, "content")
        files += site.staticFiles.map {
            OutputFile(
                path: PageLocation.staticOutputPath($0, style: site.config.urlStyle),
                contents: .copy(from: PathText.join(contentDir, $0)))
        }
        files.sort { $0.path < $1.path }

        last = Snapshot(
            site: site, pages: pages, files: files,
            fileIndex: Dictionary(files.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { $1 }),
            loadDiagnostics: loadDiagnostics, frameworkDiagnostics: frameworkDiagnostics,
            linkDiagnostics: linkDiagnostics, anchors: checker.anchors, incoming: incoming)
        return try finish(site: site, pages: pages, files: files, diagnostics: diagnostics, clock: clock, changedFiles: nil)
    }

    private func finish(
        site: Site, pages: [RenderedPage], files: [OutputFile], diagnostics: [Diagnostic], clock: StageClock,
        changedFiles: Set<String>?
    ) throws -> BuildResult {
        var clock = clock
        var wrote = false
        if let output = options.output, !diagnostics.hasErrors {
            try OutputFolder(path: output, source: options.source).replace(with: files)
            wrote = true
        }
        clock.lap("write")
        var result = BuildResult(
            site: site, pages: pages, files: files, diagnostics: diagnostics.sorted(), stages: clock.laps, wrote: wrote)
        result.changedFiles = changedFiles
        return result
    }

    /// The fast path for the common save: the bodies of existing pages changed and nothing that
    /// shows on other pages did. Only those pages are read and rendered; only their links and
    /// the links into them are checked again. Returns `nil` when the change needs the full path.
    private func fastRebuild(_ changed: Set<String>) throws -> BuildResult? {
        guard let site = last?.site, let renderer, !changed.isEmpty else { return nil }
        let clock = StageClock(report: options.progress)
        var indices: [Int] = []
        for path in changed {
            guard path.hasPrefix("content/"), path.hasSuffix(".md"),
                let index = site.pageIndexBySource[String(path.dropFirst("content/".count))]
            else { return nil }
            indices.append(index)
        }
        return try fastRebuild(indices, site: site, renderer: renderer, clock: clock)
    }

    private func fastRebuild(_ indices: [Int], site: Site, renderer: SiteRenderer, clock: StageClock) throws -> BuildResult? {
        var clock = clock
        guard let (site, fileProblems, staleProblems) = reread(indices, in: site) else { return nil }
        // Take the snapshot out of `last` so its arrays are uniquely owned and change in place.
        guard var snapshot = last else { return nil }
        last = nil
        // Only the file's own problems are replaced: those about its `order:` list come from the
        // assembly, and stay as they were (the list, its positions and the pages are unchanged).
        snapshot.loadDiagnostics.removeAll { staleProblems.contains($0) }
        snapshot.loadDiagnostics += fileProblems
        clock.lap("load")

        let current = renderer.keepingNavigation(for: site)
        self.renderer = current
        var changedFiles: Set<String> = []
        var recheck: Set<Int> = []
        for index in indices {
            let before = snapshot.pages[index]
            for target in LinkChecker.targets(of: before) { snapshot.incoming[target]?.remove(index) }
            let page = current.render(page: index)
            snapshot.pages[index] = page
            rendered[site.pages[index].sourcePath] = page
            snapshot.anchors[index] = LinkChecker.anchors(of: page)
            for target in LinkChecker.targets(of: page) { snapshot.incoming[target, default: []].insert(index) }
            if let position = snapshot.fileIndex[page.outputPath] {
                snapshot.files[position] = OutputFile(path: page.outputPath, contents: .text(page.html))
            }
            changedFiles.insert(page.outputPath)
            recheck.insert(index)
            recheck.formUnion(snapshot.incoming[index] ?? [])
        }
        clock.lap("render")

        let checker = LinkChecker(site: site, resolver: current.links, anchors: snapshot.anchors)
        for index in recheck { snapshot.linkDiagnostics[index] = checker.check(snapshot.pages[index]) }
        snapshot.frameworkDiagnostics = checker.checkFramework()
        snapshot.site = site
        last = snapshot
        let diagnostics = snapshot.loadDiagnostics + templateProblems + snapshot.pages.flatMap(\.diagnostics)
            + snapshot.frameworkDiagnostics + snapshot.linkDiagnostics.flatMap { $0 }
        clock.lap("check")
        if options.searchIndex, let position = snapshot.fileIndex["search-index.json"] {
            snapshot.files[position] = OutputFile(
                path: "search-index.json", contents: .text(SearchIndex.json(site: site, pages: snapshot.pages)))
            changedFiles.insert("search-index.json")
            last?.files = snapshot.files
        }
        clock.lap("index")
        return try finish(
            site: site, pages: snapshot.pages, files: snapshot.files, diagnostics: diagnostics, clock: clock,
            changedFiles: changedFiles)
    }

    /// Whether a changed path can show on any page: the config, the framework, a template, or a
    /// file under examples/ (shown on whichever page has a ```lint fence naming it).
    private static func showsOnEveryPage(_ changed: Set<String>) -> Bool {
        changed.contains("playbook.yml") || changed.contains("content/framework.yml")
            || changed.contains { $0.hasPrefix("templates/") && !$0.hasPrefix("templates/assets/") }
            || changed.contains { $0.hasPrefix(LintFence.folder + "/") }
    }

    /// The site with the pages at `indices` read again, their problems, and the problems they had
    /// before; `nil` when a change shows beyond the page itself (see `NavigationEntry`), or a page
    /// is a plan, is now a draft or has errors: the full path handles those.
    private func reread(_ indices: [Int], in site: Site) -> (Site, [Diagnostic], Set<Diagnostic>)? {
        var site = site
        let loader = ContentLoader(root: options.source, includeDrafts: options.includeDrafts)
        var fileProblems: [Diagnostic] = []
        var staleProblems: Set<Diagnostic> = []
        for index in indices {
            let old = site.pages[index]
            let (read, problems) = loader.readPage(old.sourcePath, style: site.config.urlStyle)
            guard let page = read, !problems.hasErrors, !page.isDraft || options.includeDrafts,
                NavigationEntry(page) == NavigationEntry(old), page.type != "plan", old.type != "plan"
            else { return nil }
            site.pages[index] = page
            staleProblems.formUnion(pageCache.entries[old.sourcePath]?.diagnostics ?? [])
            pageCache.entries[old.sourcePath] = (page, problems)
            fileProblems += problems
        }
        return (site, fileProblems, staleProblems)
    }

    /// Moves out everything the builder remembers (it starts afresh after this), so the caller
    /// decides where it is freed.
    func takeState() -> Any {
        defer {
            pageCache = ContentLoader.PageCache()
            rendered = [:]
            searchParts = [:]
            carriedSearchParts = [:]
            last = nil
            renderer = nil
            isCarried = false
            carriedSources = []
            linkedSources = []
            carriedOutput = nil
            navigationKey = []
        }
        return (pageCache, rendered, searchParts, carriedSearchParts, last as Any, renderer as Any)
    }

    /// Pages rendered in every build, never reused: a plan shows lint findings, which can depend
    /// on other plans, and the lint pages quote headings of the pages their rules enforce.
    static func isAlwaysRendered(_ page: Page) -> Bool {
        page.type == "plan" || page.type == LintDocs.indexPageType || page.type == LintDocs.rulePageType
    }

    /// The search index for the last build's pages (serve builds it on request, not on every save).
    public static func searchIndex(for result: BuildResult) -> String {
        SearchIndex.json(site: result.site, pages: result.pages)
    }
}

/// What of a page shows on other pages: when none of it changed, other pages need no new render.
struct NavigationEntry: Equatable {
    var sourcePath: String
    var url: String
    var title: String
    var weight: Int?
    var description: String?
    var type: String?
    var isSectionIndex: Bool
    /// With its positions: problems with the list are reported there, and the fast path keeps
    /// them only while they are still true.
    var order: [OrderName]

    init(_ page: Page) {
        sourcePath = page.sourcePath
        url = page.url
        title = page.title
        weight = page.weight
        description = page.description
        type = page.type
        isSectionIndex = page.isSectionIndex
        order = page.order
    }
}
