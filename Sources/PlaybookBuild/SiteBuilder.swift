internal import PlaybookDiagnostics
internal import PlaybookModel
internal import PlaybookRender
internal import Foundation

/// Runs `playbook build`: the build from nothing, or from the build cache when it has one.
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
        // The previous output is removed beside the rest (the cache's write): gone on return.
        defer { OldOutputs.shared.waitUntilRemoved() }
        if let cacheFolder = options.cacheFolder, let output = options.output {
            return try DiskCache(options: options, cache: BuildCache(folder: cacheFolder), output: output).run()
        }
        var options = options
        if options.output != nil {
            // The same marker a build with the cache writes: the output is the same either way.
            let git = GitProbe.run(source: options.source, enabled: options.git)
            options.gitProbe = git
            options.gitPass = GitHistory.start(source: options.source, probe: git)
            options.outputMarker = DiskCache.marker(
                options: options, program: DiskCache.program(previous: nil),
                manifest: SourceManifest.scan(site: options.source), gitKey: git.key)
        }
        return try Build.run(previous: nil, changes: .everything, options: options).result
    }

    /// The output folder of the search index's files.
    public static let searchFolder = SearchIndex.folder

    /// The search index's files for a build's pages, by output path (the preview server makes
    /// them on request, not on every save).
    public static func searchFiles(for result: BuildResult, stemming: (any Stemming)?) -> [String: String] {
        let kept = result.keptSearchParts
        let linked = result.linkedSources
        let parts = SiteSearch.parts(site: result.site, pages: SiteSearch.searched(result.pages, in: result.site)) { page in
            let source = result.site.pages[page.index].sourcePath
            return linked.contains(source) ? kept[source] : nil
        }
        return Dictionary(
            SearchIndex.files(parts: parts, language: result.site.config.language, stemming: stemming).map { ($0.path, $0.text) },
            uniquingKeysWith: { $1 })
    }
}

/// Measures the wall time of each named stage.
struct StageClock {
    private var last = DispatchTime.now()
    private(set) var laps: [(name: String, seconds: Double)] = []
    /// Told about each stage as it ends.
    var report: (@Sendable (String, Double) -> Void)?

    init(report: (@Sendable (String, Double) -> Void)? = nil) {
        self.report = report
    }

    mutating func lap(_ name: String) {
        let now = DispatchTime.now()
        let seconds = Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9
        laps.append((name, seconds))
        report?(name, seconds)
        last = now
    }
}
