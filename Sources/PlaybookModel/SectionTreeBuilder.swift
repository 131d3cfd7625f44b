internal import PlaybookDiagnostics

/// Places pages into the section tree, depth first, each section's entries in reading order:
/// the section page's `order:` first, then weight, then title.
struct SectionTreeBuilder {
    /// The pages in reading order, section pages included (generated ones too).
    private(set) var ordered: [Page] = []
    /// The sections, the root first.
    private(set) var sections: [Section] = []
    /// Problems with the `order:` lists.
    private(set) var diagnostics: [Diagnostic] = []

    private var indexByFolder: [String: Page] = [:]
    private var pagesByFolder: [String: [Page]] = [:]
    private var subfolders: [String: [String]] = [:]
    private let existing: Set<String>
    private let generatedIndex: (String) -> Page

    /// An entry of a section, before it is placed.
    private enum Entry {
        case page(Page)
        case folder(String, Page)

        /// The page that decides the entry's place: the page itself, or the folder's page.
        var page: Page {
            switch self {
            case .page(let page), .folder(_, let page): page
            }
        }

        var key: SectionOrder.Key {
            switch self {
            case .page(let page): SectionOrder.Key(name: PathText.name(page.sourcePath), isFolder: false)
            case .folder(let folder, _): SectionOrder.Key(name: PathText.name(folder), isFolder: true)
            }
        }
    }

    /// - Parameters:
    ///   - existing: see `SectionOrder.existing`.
    ///   - generatedIndex: the page of a folder that has no section page of its own.
    init(pages: [Page], existing: Set<String>, generatedIndex: @escaping (String) -> Page) {
        self.existing = existing
        self.generatedIndex = generatedIndex
        // Every folder that holds a page, and all its ancestors, is a section.
        var folders: Set<String> = [""]
        for page in pages {
            var folder = page.sectionPath
            while !folder.isEmpty, folders.insert(folder).inserted {
                folder = PathText.parent(folder)
            }
            if page.isSectionIndex {
                indexByFolder[page.sectionPath] = page
            } else {
                pagesByFolder[page.sectionPath, default: []].append(page)
            }
        }
        for folder in folders where !folder.isEmpty {
            subfolders[PathText.parent(folder), default: []].append(folder)
        }
    }

    private func indexPage(_ folder: String) -> Page {
        indexByFolder[folder] ?? generatedIndex(folder)
    }

    /// Places the section of `folder` and, recursively, its entries; returns its index.
    mutating func place(_ folder: String, parent: Int?) -> Int {
        let sectionIndex = sections.count
        let index = indexPage(folder)
        ordered.append(index)
        sections.append(Section(path: folder, indexPage: ordered.count - 1, parent: parent))
        var entries: [Entry] = (pagesByFolder[folder] ?? []).map { .page($0) }
        entries += (subfolders[folder] ?? []).map { .folder($0, indexPage($0)) }
        entries.sort { Page.precedes($0.page, $1.page) }
        if !index.order.isEmpty {
            let arranged = SectionOrder(folder: folder, names: index.order, existing: existing)
                .arrange(entries) { $0.key }
            entries = arranged.entries
            diagnostics += arranged.diagnostics
        }
        var children: [Section.Child] = []
        for entry in entries {
            switch entry {
            case .page(let page):
                ordered.append(page)
                children.append(.page(ordered.count - 1))
            case .folder(let sub, _):
                children.append(.section(place(sub, parent: sectionIndex)))
            }
        }
        sections[sectionIndex].children = children
        return sectionIndex
    }
}
