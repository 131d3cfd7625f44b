internal import CMark

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Options for turning Markdown into HTML.
public struct MarkdownOptions: Sendable, Hashable {
    /// Keep raw HTML and `javascript:` style links. Off by default: safe mode keeps only an
    /// allow-list of tags (`<br>`, `<img>`, `<kbd>`, `<sup>`, `<sub>`, `<details>`, `<summary>`)
    /// and reports what it drops (`RenderedMarkdown.droppedHTML`).
    public var allowUnsafeHTML: Bool
    /// Put before every heading's and task's id, so several bodies can share one page (the
    /// print page: `p-guide-links--`); empty for a page of its own.
    public var idPrefix: String
    /// Levels added to every heading (at most `<h6>`), to nest a body under a deeper title.
    public var headingShift: Int

    /// Creates options; everything unsafe is off by default.
    public init(allowUnsafeHTML: Bool = false, idPrefix: String = "", headingShift: Int = 0) {
        self.allowUnsafeHTML = allowUnsafeHTML
        self.idPrefix = idPrefix
        self.headingShift = headingShift
    }
}

/// Renders Markdown to HTML with libcmark in a single tree walk, returning the HTML and the
/// facts later stages need (headings with ids, links with positions, task items).
///
/// Besides CommonMark it renders GitHub-Flavored Markdown tables and strikethrough, added by
/// passes over cmark's tree (`TablePass`, `Strikethrough`) since libcmark has no extensions.
///
/// This module is the only code that calls `cmark_*`; every node and buffer cmark allocates
/// is freed before a call returns.
public struct MarkdownRenderer: Sendable {
    /// The options every rendering uses.
    public var options: MarkdownOptions

    /// Creates a renderer.
    public init(options: MarkdownOptions = MarkdownOptions()) {
        self.options = options
    }

    /// Renders `text`.
    ///
    /// - Parameters:
    ///   - rewriteLink: given a link or image destination and whether it is an image, returns
    ///     the destination to write into the HTML, or `nil` to keep it as written.
    ///   - renderFence: given a fenced code block's info string, its text and its 1-based line,
    ///     returns HTML to put in its place, or `nil` to render it as code. The HTML is written
    ///     as is: the closure escapes what it embeds.
    /// - Returns: the HTML and the facts found on the way. Never throws: any UTF-8 text is
    ///   valid Markdown.
    public func render(
        _ text: String,
        rewriteLink: (_ destination: String, _ isImage: Bool) -> String? = { _, _ in nil },
        renderFence: (_ info: String, _ code: String, _ line: Int) -> String? = { _, _, _ in nil }
    ) -> RenderedMarkdown {
        let cmarkOptions = options.allowUnsafeHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        let document: OpaquePointer? = text.withCString { pointer in
            cmark_parse_document(pointer, strlen(pointer), cmarkOptions)
        }
        guard let document else {
            return RenderedMarkdown(html: "", headings: [], links: [], tasks: [], plainText: "", sectionTexts: [""])
        }
        defer { cmark_node_free(document) }

        // GFM's extensions first, so the walk sees strikethrough and table cells as markup
        // (strikethrough before tables: the table pass runs it on the cells it parses).
        let lines = SourceLines(text)
        if lines.bytes.contains(UInt8(ascii: "~")) { Strikethrough(lines: lines).apply(to: document) }
        let positions = TablePass.run(on: document, lines: lines, options: cmarkOptions)
        // Raw HTML after the tables (cells hold HTML nodes too), before the walk reads the tree.
        let rawHTML =
            lines.bytes.contains(UInt8(ascii: "<"))
            ? RawHTMLFilter.run(on: document, unsafe: options.allowUnsafeHTML, positions: positions)
            : RawHTMLFilter.Result()
        let unparsed = UnparsedLinkScan.mayHave(lines.bytes) ? UnparsedLinkScan.find(in: document) : []
        var walk = TreeWalk(positions: positions, rawHTML: rawHTML.links)
        walk.idPrefix = options.idPrefix
        walk.headingShift = options.headingShift
        walk.collect(document)
        let facts = walk.apply(rewriteLink: rewriteLink, renderFence: renderFence)

        guard let rendered = cmark_render_html(document, cmarkOptions) else {
            return RenderedMarkdown(html: "", headings: [], links: [], tasks: [], plainText: "", sectionTexts: [""])
        }
        defer { free(rendered) }
        var result = RenderedMarkdown(
            html: String(cString: rendered),
            headings: facts.headings,
            links: facts.links,
            tasks: facts.tasks,
            plainText: facts.plainText,
            sectionTexts: facts.sectionTexts,
            droppedHTML: rawHTML.dropped
        )
        result.unparsedLinks = unparsed
        result.linkSpans = facts.linkSpans
        return result
    }
}
