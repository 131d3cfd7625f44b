public import PlaybookDiagnostics
internal import PlaybookModel
internal import PlaybookRender
internal import Foundation

/// A build that remembers what it loaded and rendered, so the next build redoes only what a
/// change affects. A full build is the same code with nothing remembered.
///
/// What a change redoes:
/// - `playbook.yml`, a template or `content/framework.yml`: every page is rendered again (files
///   are not read again unless they changed).
/// - a page whose title, weight, description, draft state or type changed, or a page or other
///   file added or removed: the navigation and every page (each shows the sidebar and its
///   neighbours' titles).
/// - a page whose body alone changed: that page only.
/// Links are checked again in every case; it is linear in the number of links.
public final class IncrementalBuilder {
    /// What to build and where.
    public let options: BuildOptions

    private var pageCache = ContentLoader.PageCache()
    private var renderer: SiteRenderer?
    private var navigationKey: [NavigationEntry] = []
    private var staticFiles: [String] = []
    private var rendered: [String: RenderedPage] = [:]
    private var templates: TemplateSet?
    private var templateProblems: [Diagnostic] = []
    private var assets: [(output: String, source: String)] = []

    /// Creates a builder with nothing remembered.
    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds the site.
    ///
    /// - Parameter changed: paths relative to the site folder (`content/a.md`,
    ///   `templates/page.mustache`, `playbook.yml`) that changed since the last build of this
    ///   builder; `nil` for everything.
    /// - Throws: `DiagnosticError` (usage) when the site cannot be read or the output written.
    public func build(changed: Set<String>?) throws -> BuildResult {
        var clock = StageClock()
        let everything = changed == nil || renderer == nil
        let changed = changed ?? []
        let sourceChanged = changed.contains("playbook.yml") || changed.contains("content/framework.yml")
            || changed.contains { $0.hasPrefix("templates/") && !$0.hasPrefix("templates/assets/") }
        let templatesDir = PathText.join(options.source, "templates")
        if everything || changed.contains(where: { $0.hasPrefix("templates/") }) {
            (templates, templateProblems) = TemplateSet.load(from: templatesDir)
            assets = AssetScanner.files(in: templatesDir)
        }
        let contentChanged = Set(changed.compactMap { $0.hasPrefix("content/") ? String($0.dropFirst(8)) : nil })
        let loaded = try ContentLoader(root: options.source, includeDrafts: options.includeDrafts).load(
            configOverride: { [options] config in if let baseURL = options.baseURL { config.baseURL = baseURL } },
            reusing: everything ? ContentLoader.PageCache() : pageCache, changed: contentChanged)
        pageCache = loaded.cache
        let (site, lintProblems) = LintStage(site: loaded.site).run()
        var diagnostics = loaded.diagnostics + templateProblems + lintProblems
        clock.lap("load")

        guard let templates else {
            renderer = nil
            return BuildResult(
                site: site, pages: [], files: [], diagnostics: diagnostics.sorted(), stages: clock.laps, wrote: false)
        }
        let key = site.pages.map(NavigationEntry.init)
        // A file added or removed beside the pages can turn a broken link into a working one.
        let renderAll = everything || sourceChanged || key != navigationKey || site.staticFiles != staticFiles
        let current: SiteRenderer
        if let renderer, !renderAll {
            current = renderer.keepingNavigation(for: site)
        } else {
            current = SiteRenderer(site: site, templates: templates, assetFiles: assets.map(\.output))
        }
        renderer = current
        navigationKey = key
        staticFiles = site.staticFiles
        let previous = renderAll ? [:] : rendered
        let pages = Array(site.pages.indices).parallelMap { index -> RenderedPage in
            let page = site.pages[index]
            if !contentChanged.contains(page.sourcePath), var kept = previous[page.sourcePath] {
                kept.index = index
                return kept
            }
            return current.render(page: index)
        }
        rendered = Dictionary(pages.map { (site.pages[$0.index].sourcePath, $0) }, uniquingKeysWith: { $1 })
        diagnostics += pages.flatMap(\.diagnostics)
        clock.lap("render")

        let resolver = LinkResolver(site: site, assetFiles: assets.map(\.output))
        diagnostics += LinkChecker(site: site, pages: pages, resolver: resolver).check()
        clock.lap("check")

        var files = pages.map { OutputFile(path: $0.outputPath, contents: .text($0.html)) }
        files.append(OutputFile(path: "404.html", contents: .text(current.renderNotFound())))
        files.append(OutputFile(path: "sitemap.xml", contents: .text(Sitemap.xml(for: site))))
        if options.searchIndex {
            files.append(OutputFile(path: "search-index.json", contents: .text(SearchIndex.json(site: site, pages: pages))))
        }
        clock.lap("index")
        files += assets.map { OutputFile(path: $0.output, contents: .copy(from: $0.source)) }
        let contentDir = PathText.join(options.source, "content")
        files += site.staticFiles.map { OutputFile(path: $0, contents: .copy(from: PathText.join(contentDir, $0))) }
        files.sort { $0.path < $1.path }

        var wrote = false
        if let output = options.output, !diagnostics.hasErrors {
            try OutputFolder(path: output, source: options.source).replace(with: files)
            wrote = true
        }
        clock.lap("write")
        return BuildResult(
            site: site, pages: pages, files: files, diagnostics: diagnostics.sorted(), stages: clock.laps, wrote: wrote)
    }

    /// The search index for the last build's pages (serve builds it on request, not on every save).
    public static func searchIndex(for result: BuildResult) -> String {
        SearchIndex.json(site: result.site, pages: result.pages)
    }
}

/// What of a page shows on other pages: when none of it changed, other pages need no new render.
private struct NavigationEntry: Equatable {
    var sourcePath: String
    var url: String
    var title: String
    var weight: Int?
    var description: String?
    var type: String?
    var isSectionIndex: Bool

    init(_ page: Page) {
        sourcePath = page.sourcePath
        url = page.url
        title = page.title
        weight = page.weight
        description = page.description
        type = page.type
        isSectionIndex = page.isSectionIndex
    }
}
