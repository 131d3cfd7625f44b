public import PlaybookDiagnostics

/// One Markdown file under `content/`, loaded and typed; its body is not rendered yet.
public struct Page: Sendable, Hashable {
    /// Path relative to the content folder, with `/` separators: `framework/plan.md`.
    public var sourcePath: String
    /// Path relative to the site root, as diagnostics print it: `content/framework/plan.md`.
    public var displayPath: String
    /// Site-relative URL path without the base URL: `/framework/plan/`. Percent-encoded.
    public var url: String
    /// Output file relative to the output folder: `framework/plan/index.html`.
    public var outputPath: String
    /// The page title.
    public var title: String
    /// A one-sentence summary for listings, search results and `<meta name="description">`.
    public var description: String?
    /// Ordering key within the section: lower first; pages without one come last.
    public var weight: Int?
    /// Drafts are left out unless the build asks for them.
    public var isDraft: Bool
    /// The page's kind, such as `plan`; `nil` for an ordinary page.
    public var type: String?
    /// Free-form tags.
    public var tags: [String]
    /// The Markdown body.
    public var body: String
    /// How many lines of the file come before the body, to turn body lines into file lines.
    public var bodyLineOffset: Int
    /// The whole front matter, for page types (such as plans) that read more than the common keys.
    public var frontMatter: YAMLNode?
    /// True for a section's `_index.md`.
    public var isSectionIndex: Bool
    /// The folder of the section this page belongs to, relative to content: `framework` (or `""`).
    public var sectionPath: String
    /// True when the title is the body's first `# ` heading (taken out of the body), so the
    /// page's title gets the heading's anchor, as on GitHub.
    public var titleFromHeading = false
    /// For a section's page, its `order:`: the names of the section's entries that come first, in
    /// this order (the others follow by weight, then title). Empty on other pages.
    public var order: [OrderName] = []
    /// Old addresses of the page (`aliases:`), where the build writes redirects.
    public var aliases: [PageAlias] = []
    /// The page's owner and review facts (`owner`, `reviewed`, `review-every` in its front matter).
    public var freshness = PageFreshness()

    /// Creates a page.
    public init(
        sourcePath: String, displayPath: String, url: String, outputPath: String, title: String,
        description: String? = nil, weight: Int? = nil, isDraft: Bool = false,
        type: String? = nil, tags: [String] = [], body: String, bodyLineOffset: Int = 0,
        frontMatter: YAMLNode? = nil, isSectionIndex: Bool = false, sectionPath: String = ""
    ) {
        self.sourcePath = sourcePath
        self.displayPath = displayPath
        self.url = url
        self.outputPath = outputPath
        self.title = title
        self.description = description
        self.weight = weight
        self.isDraft = isDraft
        self.type = type
        self.tags = tags
        self.body = body
        self.bodyLineOffset = bodyLineOffset
        self.frontMatter = frontMatter
        self.isSectionIndex = isSectionIndex
        self.sectionPath = sectionPath
    }

    /// The position in the file of a 1-based line and column of the body.
    public func location(bodyLine: Int, column: Int = 0) -> SourceLocation {
        SourceLocation(file: displayPath, line: bodyLine + bodyLineOffset, column: column)
    }

    /// Sort key: weight (missing weights last), then title, then path.
    public static func precedes(_ a: Page, _ b: Page) -> Bool {
        let wa = a.weight ?? Int.max
        let wb = b.weight ?? Int.max
        if wa != wb { return wa < wb }
        let ta = a.title.lowercased()
        let tb = b.title.lowercased()
        if ta != tb { return ta < tb }
        return a.sourcePath < b.sourcePath
    }
}
