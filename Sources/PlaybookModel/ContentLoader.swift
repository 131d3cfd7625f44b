public import PlaybookDiagnostics
internal import Foundation

/// Loads a site folder (`playbook.yml`, `content/`) into a `Site`, reporting every problem
/// found rather than stopping at the first.
public struct ContentLoader: Sendable {
    /// The site folder: it holds `playbook.yml` and `content/`.
    public var root: String
    /// Include pages with `draft: true`.
    public var includeDrafts: Bool

    /// Creates a loader for the site at `root`.
    public init(root: String, includeDrafts: Bool = false) {
        self.root = root
        self.includeDrafts = includeDrafts
    }

    /// What loading returns: the site (when it could be assembled) and every problem.
    public struct Result: Sendable {
        /// The loaded site; pages with errors are left out of it.
        public var site: Site
        /// Every problem found, content errors and warnings alike.
        public var diagnostics: [Diagnostic]
        /// Each Markdown file as it was read, by path relative to content, for the next load to reuse.
        public var cache: PageCache
    }

    /// Markdown files as read by an earlier load: the page (nil when it had errors) and the
    /// problems found in it, by path relative to content.
    public struct PageCache: Sendable {
        /// Entries by path relative to content.
        public var entries: [String: (page: Page?, diagnostics: [Diagnostic])] = [:]
        /// The URL style the pages were located with: a different one reads every file again.
        public var style: URLStyle = .slug

        /// An empty cache.
        public init() {}
    }

    /// Loads the site.
    ///
    /// - Throws: `DiagnosticError` (usage) when the site folder or its `content/` folder is
    ///   missing or unreadable. Problems inside files are returned, not thrown.
    /// - Parameters:
    ///   - reusing: files read by an earlier load; those not in `changed` are not read again.
    ///   - changed: paths relative to content that changed since `reusing` was made.
    public func load(
        configOverride: (inout SiteConfig) -> Void = { _ in }, reusing: PageCache = PageCache(),
        changed: Set<String> = []
    ) throws -> Result {
        var (config, diagnostics) = readConfig()
        configOverride(&config)
        let contentDir = PathText.join(root, config.contentFolder)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentDir, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            let named = config.contentFolder == SiteConfig.defaultContentFolder ? "" : " (named by 'content:' in playbook.yml)"
            throw DiagnosticError.usage(
                "no content folder at '\(contentDir)'\(named)", file: root,
                hint: "run the command in a site folder, or pass --source DIR")
        }

        let listing = ContentWalker(contentDir: contentDir, displayPrefix: config.contentPrefix).walk()
        diagnostics += listing.diagnostics
        let loaded = loadPages(
            listing.markdownFiles, contentDir: contentDir, prefix: config.contentPrefix, style: config.urlStyle,
            reusing: reusing.style == config.urlStyle ? reusing : PageCache(), changed: changed)
        var pages: [Page] = []
        for path in listing.markdownFiles {
            guard let entry = loaded.entries[path] else { continue }
            diagnostics += entry.diagnostics
            if let page = entry.page, includeDrafts || !page.isDraft { pages.append(page) }
        }
        let assembled = SiteAssembler(
            config: config, pages: pages, staticFiles: listing.otherFiles, markdownFiles: listing.markdownFiles
        ).assemble()
        diagnostics += assembled.diagnostics
        var site = assembled.site
        site.root = root
        let (framework, frameworkProblems) = readFramework(config: config)
        site.framework = framework
        diagnostics += frameworkProblems
        return Result(site: site, diagnostics: diagnostics, cache: loaded)
    }

    /// Reads one Markdown file (path relative to content), as a full load would.
    public func readPage(
        _ sourcePath: String, style: URLStyle, contentFolder: String = SiteConfig.defaultContentFolder
    ) -> (page: Page?, diagnostics: [Diagnostic]) {
        let result = PageReader.read(
            sourcePath: sourcePath, absolutePath: PathText.join(PathText.join(root, contentFolder), sourcePath),
            displayPrefix: contentFolder + "/", style: style)
        return (result.0, result.1)
    }

    /// The content's `framework.yml` with its problems; `nil` when there is none.
    public func readFramework(config: SiteConfig) -> (Framework?, [Diagnostic]) {
        let frameworkPath = PathText.join(PathText.join(root, config.contentFolder), "framework.yml")
        guard let bytes = FileManager.default.contents(atPath: frameworkPath) else { return (nil, []) }
        let frameworkFile = config.contentPrefix + "framework.yml"
        switch SourceText.decode(Array(bytes), file: frameworkFile) {
        case .success(let text): return Framework.parse(text, file: frameworkFile)
        case .failure(let problem): return (nil, [problem])
        }
    }

    /// Reads `playbook.yml` (defaults when it is missing) and its problems.
    public func readConfig() -> (SiteConfig, [Diagnostic]) {
        let configPath = PathText.join(root, "playbook.yml")
        guard let bytes = FileManager.default.contents(atPath: configPath) else { return (SiteConfig(), []) }
        switch SourceText.decode(Array(bytes), file: "playbook.yml") {
        case .success(let text): return SiteConfig.parse(text, file: "playbook.yml")
        case .failure(let problem): return (SiteConfig(), [problem])
        }
    }

    /// Reads and decodes every Markdown file not in the cache or changed, in parallel.
    private func loadPages(
        _ files: [String], contentDir: String, prefix: String, style: URLStyle, reusing: PageCache, changed: Set<String>
    ) -> PageCache {
        var cache = PageCache()
        cache.style = style
        var toRead: [String] = []
        for path in files {
            if !changed.contains(path), let entry = reusing.entries[path] {
                cache.entries[path] = entry
            } else {
                toRead.append(path)
            }
        }
        let results = toRead.parallelMap { path in
            PageReader.read(sourcePath: path, absolutePath: PathText.join(contentDir, path), displayPrefix: prefix, style: style)
        }
        for (path, result) in zip(toRead, results) {
            cache.entries[path] = (result.0, result.1)
        }
        return cache
    }
}
