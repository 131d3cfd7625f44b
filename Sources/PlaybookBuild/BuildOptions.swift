public import PlaybookMarkdown
public import PlaybookModel

/// What `playbook build` was asked to do.
public struct BuildOptions: Sendable {
    /// The site folder holding `playbook.yml`, `content/` and `templates/`.
    public var source: String
    /// Where the site is written; `nil` keeps the site in memory only.
    public var output: String?
    /// Overrides `base-url` from `playbook.yml`.
    public var baseURL: String?
    /// Include pages with `draft: true`.
    public var includeDrafts: Bool
    /// Write `search-index.json` with the site (the preview server makes it on request instead).
    public var searchIndex = true
    /// The folder of the build cache (see `BuildCache`); `nil` builds without one. Used only
    /// when the site is written to an output folder.
    public var cacheFolder: String?
    /// The build cache's folder in the site folder, unless told otherwise.
    public static let defaultCacheFolderName = ".playbook-cache"
    /// Ignore the build cache and write it anew: a full build.
    public var clean = false
    /// Called as each stage of a build ends, with its name and wall time, for progress output.
    public var progress: (@Sendable (_ stage: String, _ seconds: Double) -> Void)?
    /// Colours fenced code in known languages (the command line sets `PlaybookHighlight`'s
    /// `CodeHighlighter`); `nil` leaves every fence a plain code block.
    public var codeColouring: (any CodeColouring)?
    /// Reduces the search index's words to their stem (the command line sets
    /// `PlaybookStemmer`'s `SnowballStemming`); `nil` indexes words as written.
    public var stemming: (any Stemming)?

    /// The day the lint measures page reviews against (`playbook build --today`, else
    /// SOURCE_DATE_EPOCH, else the clock, decided by the command line); `nil` leaves out the
    /// checks that need a day.
    public var today: PlanDate?

    /// Read each page's last-updated date and author from git (`--no-git` turns it off).
    public var git = true
    /// Overrides `print` from `playbook.yml` (`playbook pdf` turns the print page on); `nil`
    /// follows the file.
    public var printPage: Bool?
    /// The repository's state as the build cache already asked git for it (see `GitProbe`);
    /// `nil`: the load stage asks.
    var gitProbe: GitProbe?
    /// The git pass, when the caller started it early, from nothing, with `gitProbe` (a build
    /// without a usable cache reads the whole history anyway, and the sooner it starts the more
    /// of it hides behind the build); `nil`: the load stage starts it.
    var gitPass: Background<GitHistory>?

    /// What the output folder's marker file holds (see `OutputFolder.stamp`).
    var outputMarker = ""

    /// Creates options; the output defaults to `public/` inside the site folder.
    public init(source: String = ".", output: String? = nil, baseURL: String? = nil, includeDrafts: Bool = false) {
        self.source = source
        self.output = output
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
    }

    /// `config` as these options override it (`--base-url`, the print page): what every path
    /// that reads `playbook.yml` applies.
    func overriding(_ config: inout SiteConfig) {
        if let baseURL { config.baseURL = baseURL }
        if let printPage { config.print = printPage }
    }
}
