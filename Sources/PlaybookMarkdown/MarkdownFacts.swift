/// A heading found while rendering, with the id written into its HTML.
public struct Heading: Hashable, Sendable {
    /// 1 to 6.
    public var level: Int
    /// The heading as plain text (inline markup removed).
    public var text: String
    /// The unique, GitHub-style anchor id.
    public var id: String
    /// 1-based line in the Markdown text.
    public var line: Int

    /// Creates a heading fact.
    public init(level: Int, text: String, id: String, line: Int) {
        self.level = level
        self.text = text
        self.id = id
        self.line = line
    }
}

/// A link or image destination found while rendering, as the writer wrote it.
public struct MarkdownLink: Hashable, Sendable {
    /// The destination before any rewriting.
    public var destination: String
    /// True for `![alt](src)`.
    public var isImage: Bool
    /// 1-based line in the Markdown text.
    public var line: Int
    /// 1-based column (in bytes) in the Markdown text.
    public var column: Int

    /// Creates a link fact.
    public init(destination: String, isImage: Bool, line: Int, column: Int) {
        self.destination = destination
        self.isImage = isImage
        self.line = line
        self.column = column
    }
}

/// A task-list item (`- [ ] text` or `- [x] text`) rendered as a checkbox.
public struct TaskItem: Hashable, Sendable {
    /// Stable id, unique within the page, derived from the item's text.
    public var id: String
    /// The item as plain text, without the `[ ]` marker.
    public var text: String
    /// True for `[x]`.
    public var checked: Bool
    /// 1-based line in the Markdown text.
    public var line: Int

    /// Creates a task fact.
    public init(id: String, text: String, checked: Bool, line: Int) {
        self.id = id
        self.text = text
        self.checked = checked
        self.line = line
    }
}

/// Raw HTML that safe mode left out of the page: a tag outside the allow-list, an attribute
/// outside its tag's list, or a URL with a scheme that could run script.
public struct DroppedHTML: Hashable, Sendable {
    /// The tag name, lowercased (`iframe`).
    public var tag: String
    /// The attribute dropped from a kept tag (`onclick`), or `nil` when the whole tag was.
    public var attribute: String?
    /// The URL scheme (`javascript`) that got the attribute dropped, when that was the reason.
    public var scheme: String?
    /// 1-based line in the Markdown text.
    public var line: Int
    /// 1-based column (in bytes) in the Markdown text; best effort inside multi-line HTML.
    public var column: Int

    /// Creates a dropped-HTML fact.
    public init(tag: String, attribute: String? = nil, scheme: String? = nil, line: Int, column: Int) {
        self.tag = tag
        self.attribute = attribute
        self.scheme = scheme
        self.line = line
        self.column = column
    }

    /// What was dropped, as a sentence: `raw HTML <iframe> dropped`.
    public var message: String {
        guard let attribute else { return "raw HTML <\(tag)> dropped" }
        guard let scheme else { return "attribute \(attribute) on <\(tag)> dropped" }
        return "attribute \(attribute) on <\(tag)> dropped: \(scheme): URLs can run script"
    }

    /// What to do about it.
    public static let hint =
        "raw HTML outside the allow-list (br, img, kbd, sup, sub, details, summary) is dropped in safe mode; "
        + "set `markdown: { unsafe: true }` in playbook.yml to keep it, if you trust every writer"
}

/// What rendering a Markdown text returns: the HTML and the facts later stages reuse
/// (table of contents, link checking, search index), so nothing is parsed twice.
public struct RenderedMarkdown: Sendable {
    /// The body HTML.
    public var html: String
    /// Every heading, in document order.
    public var headings: [Heading]
    /// Every link and image, in document order.
    public var links: [MarkdownLink]
    /// Every task-list item, in document order.
    public var tasks: [TaskItem]
    /// The text of the document without markup, for the search index.
    public var plainText: String
    /// The text before the first heading, then the text under each heading in order
    /// (`headings.count + 1` entries), without the headings' own text.
    public var sectionTexts: [String]
    /// Raw HTML left out in safe mode: the first of each tag, and of each tag and attribute.
    public var droppedHTML: [DroppedHTML]
    /// Links CommonMark kept as text because their destination has a space.
    public var unparsedLinks: [UnparsedLink] = []
    /// Where each Markdown link and image of `links` is written in the source, in document
    /// order (raw HTML's links have none): for the page's Markdown copy (`MarkdownSource`).
    public var linkSpans: [LinkSpan] = []

    /// Creates a rendering result.
    public init(
        html: String, headings: [Heading], links: [MarkdownLink], tasks: [TaskItem],
        plainText: String, sectionTexts: [String] = [], droppedHTML: [DroppedHTML] = []
    ) {
        self.sectionTexts = sectionTexts
        self.droppedHTML = droppedHTML
        self.html = html
        self.headings = headings
        self.links = links
        self.tasks = tasks
        self.plainText = plainText
    }
}
