public import PlaybookModel
public import PlaybookMarkdown

/// The anchor of a page's title when the title was the body's `# ` heading: GitHub gives that
/// heading an id, and links written for GitHub (`page.md#team-norms`) point at it.
public enum TitleAnchor {
    /// The id for the title's `<h1>`; `nil` when the title did not come from a heading, or when
    /// a heading of the body already has that id.
    public static func id(for page: Page, headings: [Heading]) -> String? {
        guard page.titleFromHeading else { return nil }
        let id = Slugger.slug(page.title)
        guard !id.isEmpty, !headings.contains(where: { $0.id == id }) else { return nil }
        return id
    }
}
