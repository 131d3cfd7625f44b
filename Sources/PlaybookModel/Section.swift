/// A folder under `content/`: its own page (from `_index.md`, or generated), its pages and its
/// sub-sections, each list in reading order.
public struct Section: Sendable, Hashable {
    /// Folder path relative to content, `""` for the root.
    public var path: String
    /// Index into `Site.pages` of the section's own page.
    public var indexPage: Int
    /// The section's pages and sub-sections, in reading order (weight, then title).
    public var children: [Child]
    /// Index into `Site.sections` of the parent, `nil` for the root.
    public var parent: Int?

    /// An entry of a section: one of its pages or one of its sub-sections.
    public enum Child: Sendable, Hashable {
        /// An index into `Site.pages`.
        case page(Int)
        /// An index into `Site.sections`.
        case section(Int)
    }

    /// Creates a section.
    public init(path: String, indexPage: Int, children: [Child] = [], parent: Int? = nil) {
        self.path = path
        self.indexPage = indexPage
        self.children = children
        self.parent = parent
    }
}
