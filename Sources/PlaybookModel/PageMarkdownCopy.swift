extension Page {
    /// Whether the page has a Markdown copy (`index.md` beside its HTML) when `llms` is on: pages
    /// written in Markdown and plans, not the generated lint and owners pages.
    public var hasMarkdownCopy: Bool {
        kind.isWritten
    }

    /// Where the page's Markdown copy goes, relative to the output folder: `framework/plan/index.md`.
    public var markdownOutputPath: String {
        (outputPath.hasSuffix(".html") ? String(outputPath.dropLast(5)) : outputPath) + ".md"
    }
}
