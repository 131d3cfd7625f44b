internal import PlaybookDiagnostics
internal import PlaybookModel
internal import PlaybookRender
internal import Foundation

/// Runs a build: load → render → check → write, each stage a function of the one before.
public struct SiteBuilder: Sendable {
    /// What to build and where.
    public var options: BuildOptions

    /// Creates a builder.
    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds the site. Content problems come back in the result; the output folder is replaced
    /// only when there are no errors, and then all at once.
    ///
    /// - Throws: `DiagnosticError` with `isUsage` for problems with the command itself
    ///   (no content folder, an output folder that cannot be used or written).
    public func build() throws -> BuildResult {
        var clock = StageClock()
        let loaded = try ContentLoader(root: options.source, includeDrafts: options.includeDrafts)
            .load { config in if let baseURL = options.baseURL { config.baseURL = baseURL } }
        var diagnostics = loaded.diagnostics
        let (site, lintProblems) = LintStage(site: loaded.site).run()  // plans, /lint/ pages
        diagnostics += lintProblems
        let templatesDir = PathText.join(options.source, "templates")
        let (templates, templateProblems) = TemplateSet.load(from: templatesDir)
        diagnostics += templateProblems
        let assets = AssetScanner.files(in: templatesDir)
        clock.lap("load")

        guard let templates else {
            return BuildResult(
                site: site, pages: [], files: [], diagnostics: diagnostics.sorted(), stages: clock.laps, wrote: false)
        }
        let renderer = SiteRenderer(site: site, templates: templates, assetFiles: assets.map(\.output))
        let pages = Array(site.pages.indices).parallelMap { renderer.render(page: $0) }
        diagnostics += pages.flatMap(\.diagnostics)
        clock.lap("render")

        let resolver = LinkResolver(site: site, assetFiles: assets.map(\.output))
        diagnostics += LinkChecker(site: site, pages: pages, resolver: resolver).check()

        var files = pages.map { OutputFile(path: $0.outputPath, contents: .text($0.html)) }
        files.append(OutputFile(path: "404.html", contents: .text(renderer.renderNotFound())))
        files.append(OutputFile(path: "sitemap.xml", contents: .text(Sitemap.xml(for: site))))
        clock.lap("check")
        files.append(OutputFile(path: "search-index.json", contents: .text(SearchIndex.json(site: site, pages: pages))))
        clock.lap("index")
        files += assets.map { OutputFile(path: $0.output, contents: .copy(from: $0.source)) }
        let contentDir = PathText.join(options.source, "content")
        files += site.staticFiles.map {
            OutputFile(path: $0, contents: .copy(from: PathText.join(contentDir, $0)))
        }
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
}

/// Measures the wall time of each named stage.
struct StageClock {
    private var last = DispatchTime.now()
    private(set) var laps: [(name: String, seconds: Double)] = []

    mutating func lap(_ name: String) {
        let now = DispatchTime.now()
        laps.append((name, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }
}
