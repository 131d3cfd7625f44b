public import PlaybookBuild
internal import PlaybookHighlight
internal import PlaybookStemmer

/// A series of builds of one site for tests, each from the state the one before left, as
/// `playbook serve` runs them.
public final class BuildSession {
    /// What each build is asked to do.
    public let options: BuildOptions
    /// The state the last build left.
    public private(set) var state: BuildState?

    /// A session with nothing built yet; code is coloured unless `options` say how.
    public init(options: BuildOptions) {
        var options = options
        if options.codeColouring == nil { options.codeColouring = CodeHighlighter() }
        if options.stemming == nil { options.stemming = SnowballStemming() }
        self.options = options
    }

    /// A session that builds the site at `source` as the preview does: in memory, with the
    /// search index made on request rather than with each save, so a save may take the quick path.
    public static func preview(of source: String) -> BuildSession {
        var options = BuildOptions(source: source, output: nil)
        options.searchIndex = false
        return BuildSession(options: options)
    }

    /// Builds from the last state; `changed` lists the site-relative paths that changed since
    /// the last build (`nil`: everything).
    public func build(changed: Set<String>?) throws -> BuildResult {
        let built = try Build.run(previous: state, changes: changed.map { .paths($0) } ?? .everything, options: options)
        state = built.state
        return built.result
    }
}
