/// What a plan's references to other pages are checked against: every page of the site by its
/// path relative to the content folder (`checklists/kick-off.md`), with its title and whether it
/// is a checklist. The lint knows the site's pages only through this value.
public struct PageCatalog: Sendable, Hashable {
    /// One page, as a reference to it needs it.
    public struct Entry: Sendable, Hashable {
        /// Path relative to the content folder, with `/` separators.
        public var sourcePath: String
        /// The page title.
        public var title: String
        /// True for a checklist page (`Page.isChecklist`).
        public var isChecklist: Bool

        /// Creates an entry.
        public init(sourcePath: String, title: String, isChecklist: Bool) {
            self.sourcePath = sourcePath
            self.title = title
            self.isChecklist = isChecklist
        }
    }

    private var entries: [String: Entry]

    /// The paths of the checklist pages, sorted: what a misspelt name is compared with.
    public let checklistPaths: [String]

    /// A catalog of the given entries.
    public init(entries: [Entry]) {
        self.entries = Dictionary(entries.map { ($0.sourcePath, $0) }, uniquingKeysWith: { first, _ in first })
        checklistPaths = entries.filter(\.isChecklist).map(\.sourcePath).sorted()
    }

    /// A catalog of a site's pages.
    public init(pages: [Page]) {
        self.init(entries: pages.map { Entry(sourcePath: $0.sourcePath, title: $0.title, isChecklist: $0.isChecklist) })
    }

    /// The page at a path relative to the content folder, if the site has it.
    public subscript(path: String) -> Entry? { entries[path] }
}

extension Page {
    /// The tag that makes a page a checklist, as `playbook new checklist` writes it.
    public static let checklistTag = "checklist"

    /// True for a checklist: an ordinary page (not a section's page, not a plan) tagged
    /// `checklist`, whose task items a plan can run (`checklists:` in a plan).
    public var isChecklist: Bool {
        kind == .page && !isSectionIndex && tags.contains(Page.checklistTag)
    }
}
