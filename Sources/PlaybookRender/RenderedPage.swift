public import PlaybookMarkdown
public import PlaybookDiagnostics
public import PlaybookModel

/// One page after rendering: the final HTML plus the facts the check, search and sitemap
/// stages reuse.
public struct RenderedPage: Sendable {
    /// Index into `Site.pages`.
    public var index: Int
    /// The output file, relative to the output folder.
    public var outputPath: String
    /// The whole HTML document.
    public var html: String
    /// Headings with their ids, in order.
    public var headings: [Heading]
    /// Every link with where it points.
    public var links: [(link: MarkdownLink, target: LinkTarget)]
    /// Task-list items.
    public var tasks: [TaskItem]
    /// The body as plain text.
    public var plainText: String
    /// The text before the first heading, then under each heading (see `RenderedMarkdown`).
    public var sectionTexts: [String] = []
    /// The id of the title's `<h1>` (see `TitleAnchor`).
    public var titleID: String?
    /// Problems found while rendering (for example in a diagram spec), positioned in the file.
    public var diagnostics: [Diagnostic] = []
    /// The last update from git the page shows (`page.lastUpdated`), if any: a page whose fact
    /// changed is rendered again.
    public var gitFact: GitFact?
    /// The page's Markdown copy (`MarkdownCopy`), when the site makes them and it was rendered
    /// in this build: not kept in the build cache, whose pages have theirs in the old output.
    public var markdownCopy: String?
}

extension RenderedPage {
    /// Creates a rendered page (the renderer makes them; the build cache reads them back).
    public init(
        index: Int, outputPath: String, html: String, headings: [Heading],
        links: [(link: MarkdownLink, target: LinkTarget)], tasks: [TaskItem], plainText: String
    ) {
        self.index = index
        self.outputPath = outputPath
        self.html = html
        self.headings = headings
        self.links = links
        self.tasks = tasks
        self.plainText = plainText
    }
}
