internal import PlaybookDiagnostics
internal import PlaybookModel
internal import Foundation

/// Runs a full build: load → render → check → write, each stage a function of the one before.
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
        if let cacheFolder = options.cacheFolder, let output = options.output {
            return try CachedBuild(options: options, cache: BuildCache(folder: cacheFolder), output: output).run()
        }
        return try IncrementalBuilder(options: options).build(changed: nil)
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
