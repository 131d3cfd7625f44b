public import PlaybookDiagnostics
public import PlaybookModel
public import PlaybookRender

/// What a build produced: the files (written or not), every diagnostic, and per-stage timings.
public struct BuildResult: Sendable {
    /// The loaded site.
    public var site: Site
    /// The rendered pages with their facts.
    public var pages: [RenderedPage]
    /// Every file of the built site, in a stable order.
    public var files: [OutputFile]
    /// Every problem found, sorted.
    public var diagnostics: [Diagnostic]
    /// The time each stage took, in order.
    public var stages: [(name: String, seconds: Double)]
    /// True when the files were written to the output folder.
    public var wrote: Bool
    /// The output folder the files were written to, when they were: pages written as they
    /// rendered (`OutputFile.Contents.written`) are read from there.
    public var output: String?
    /// The output paths that changed since the builder's previous build, when it knows them
    /// (`nil`: treat every file as new).
    public var changedFiles: Set<String>? = nil

    /// Set when the build cache showed that nothing changed since the last build, whose output
    /// was left in place: that build's page and file counts. `site`, `pages` and `files` are
    /// then empty; `diagnostics` are that build's.
    public var upToDate: (pages: Int, files: Int)? = nil

    /// Search-index parts kept from earlier builds, by source path, and the pages whose HTML was
    /// reused from an earlier build (`linkedSources`): their rendered facts have no text to make
    /// the part from, so the kept part stands in for them.
    var keptSearchParts: [String: SearchPart] = [:]
    var linkedSources: Set<String> = []

    /// Why the build cache was not used although one was there (damaged, from another build of
    /// the tool, written with other options), for the person running the build.
    public var cacheNote: String?

    /// Why pages have no last-updated date from git (no git, not a repository, a shallow
    /// clone, turned off), for `-v`.
    public var gitNote: String?

    /// The result with `git`'s note.
    func noting(_ git: GitHistory) -> BuildResult {
        var result = self
        result.gitNote = git.note
        return result
    }

    /// How many files the site has, when `files` does not list them (an edit built by
    /// `CachedEdit` touches a few and knows the count from the last build).
    var fileTotal: Int?

    /// How many files the built site has.
    public var fileCount: Int { fileTotal ?? files.count }

    /// True when the build found no errors.
    public var succeeded: Bool { !diagnostics.hasErrors }
}

extension BuildResult {
    /// The site's pages without the print page (`/print/`), which the build adds last and puts
    /// in no section: the pages the navigation lists, in reading order.
    public var pagesInNavigation: [Page] {
        site.pages.filter { $0.kind != .print }
    }
}
