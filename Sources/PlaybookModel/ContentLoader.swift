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
    }

    /// Loads the site.
    ///
    /// - Throws: `DiagnosticError` (usage) when the site folder or its `content/` folder is
    ///   missing or unreadable. Problems inside files are returned, not thrown.
    public func load(configOverride: (inout SiteConfig) -> Void = { _ in }) throws -> Result {
        let contentDir = PathText.join(root, "content")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentDir, isDirectory: &isDirectory),
            isDirectory.boolValue
        else {
            throw DiagnosticError.usage(
                "no content folder at '\(contentDir)'", file: root,
                hint: "run the command in a site folder, or pass --source DIR")
        }
        var diagnostics: [Diagnostic] = []
        var config = SiteConfig()
        let configPath = PathText.join(root, "playbook.yml")
        if let bytes = FileManager.default.contents(atPath: configPath) {
            switch SourceText.decode(Array(bytes), file: "playbook.yml") {
            case .success(let text):
                let (parsed, problems) = SiteConfig.parse(text, file: "playbook.yml")
                config = parsed
                diagnostics += problems
            case .failure(let problem): diagnostics.append(problem)
            }
        }
        configOverride(&config)

        let listing = ContentWalker(contentDir: contentDir).walk()
        diagnostics += listing.diagnostics
        let loaded = loadPages(listing.markdownFiles, contentDir: contentDir)
        diagnostics += loaded.diagnostics
        let pages = loaded.pages.filter { includeDrafts || !$0.isDraft }
        let assembled = SiteAssembler(config: config, pages: pages, staticFiles: listing.otherFiles)
            .assemble()
        diagnostics += assembled.diagnostics
        var site = assembled.site
        let frameworkPath = PathText.join(contentDir, "framework.yml")
        if let bytes = FileManager.default.contents(atPath: frameworkPath) {
            switch SourceText.decode(Array(bytes), file: "content/framework.yml") {
            case .success(let text):
                let (framework, problems) = Framework.parse(text, file: "content/framework.yml")
                site.framework = framework
                diagnostics += problems
            case .failure(let problem): diagnostics.append(problem)
            }
        }
        return Result(site: site, diagnostics: diagnostics)
    }

    /// Reads and decodes every Markdown file, in parallel; results keep the input order.
    private func loadPages(_ files: [String], contentDir: String) -> (
        pages: [Page], diagnostics: [Diagnostic]
    ) {
        let results = files.parallelMap { path in
            PageReader.read(
                sourcePath: path, absolutePath: PathText.join(contentDir, path))
        }
        var pages: [Page] = []
        var diagnostics: [Diagnostic] = []
        for (page, problems) in results {
            if let page { pages.append(page) }
            diagnostics += problems
        }
        return (pages, diagnostics)
    }
}

