internal import PlaybookDiagnostics
internal import PlaybookModel

/// One entry of another tool's navigation (MkDocs' `nav`, mdBook's `SUMMARY.md`): a page, by
/// path relative to the content folder, or a section holding entries.
struct NavItem: Sendable {
    /// The title the tool shows, when it gives one.
    var title: String?
    /// The page, relative to the content folder; `nil` for a section without a page of its own.
    var path: String?
    /// Where the entry is written.
    var location: SourceLocation
    /// A section's entries.
    var children: [NavItem] = []
}

/// Turns a navigation tree into section orders. Playbook orders a folder's pages and sub-folders,
/// so each entry lands in its file's folder: a section whose pages share a folder orders that
/// folder; a page listed away from its folder is shown in its folder, with a note.
struct NavPlanner {
    /// Whether a path relative to the content folder is a file there.
    let exists: (String) -> Bool
    /// Whether a path relative to the content folder is a folder there.
    let isFolder: (String) -> Bool
    private(set) var plans: [String: SectionPlan] = [:]
    private(set) var notes: [Diagnostic] = []

    init(exists: @escaping (String) -> Bool, isFolder: @escaping (String) -> Bool) {
        self.exists = exists
        self.isFolder = isFolder
    }

    /// The section plans in folder order, those with something to say.
    var sections: [SectionPlan] {
        plans.values.filter { !$0.order.isEmpty || $0.title != nil }.sorted { $0.folder < $1.folder }
    }

    /// Places `items` as the entries of `folder`.
    mutating func place(_ items: [NavItem], in folder: String) {
        for item in items {
            if !item.children.isEmpty {
                placeSection(item, in: folder)
            } else if let path = item.path {
                placePage(path, at: item.location, in: folder)
            }
        }
    }

    private mutating func placeSection(_ item: NavItem, in folder: String) {
        let pages = Self.pagePaths(item).filter(exists)
        let shared = Self.commonFolder(pages.map { PathText.parent($0) })
        guard let shared, shared != folder, PathText.isSameOrInside(shared, folder) || folder.isEmpty else {
            let title = item.title ?? "?"
            notes.append(Diagnostic(.note, code: "migrate/nav-section", at: item.location,
                "the section '\(title)' has no folder of its own; its pages are listed in order where they are",
                hint: "to make it a section of the sidebar, move its pages into a folder"))
            if let path = item.path { placePage(path, at: item.location, in: folder) }
            place(item.children, in: folder)
            return
        }
        let child = Self.childFolder(of: folder, toward: shared)
        add(PathText.name(child) + "/", to: folder)
        if plans[child, default: SectionPlan(folder: child)].title == nil, let title = item.title {
            plans[child, default: SectionPlan(folder: child)].title = title
        }
        if let path = item.path { placePage(path, at: item.location, in: child) }
        place(item.children, in: child)
    }

    private mutating func placePage(_ path: String, at location: SourceLocation, in folder: String) {
        if path.hasSuffix("/"), isFolder(String(path.dropLast())) {
            let target = String(path.dropLast())
            if PathText.parent(target) == folder { add(PathText.name(target) + "/", to: folder) }
            return
        }
        guard exists(path) else {
            notes.append(Diagnostic(.note, code: "migrate/nav-missing", at: location,
                "'\(path)' is not a file of the content folder; it is left out of the order"))
            return
        }
        let parent = PathText.parent(path)
        if parent == folder {
            if !Self.isIndex(PathText.name(path)) { add(PathText.name(path), to: folder) }
        } else if folder.isEmpty || PathText.isSameOrInside(parent, folder) {
            let child = Self.childFolder(of: folder, toward: parent)
            add(PathText.name(child) + "/", to: folder)
            placePage(path, at: location, in: child)
        } else {
            notes.append(Diagnostic(.note, code: "migrate/nav-moved", at: location,
                "'\(path)' is listed under '\(folder.isEmpty ? "/" : folder)' but lives in '\(parent)'; Playbook shows it in its own folder",
                hint: "move the file if it belongs here"))
        }
    }

    /// Sets a folder's order and title as a per-folder file gives them (awesome-pages' `.pages`),
    /// unless the `nav` already ordered it.
    mutating func set(order names: [String], title: String?, in folder: String, at location: SourceLocation) {
        var plan = plans[folder, default: SectionPlan(folder: folder)]
        if plan.title == nil { plan.title = title }
        if !plan.order.isEmpty, !names.isEmpty, plan.order != names {
            notes.append(Diagnostic(.note, code: "migrate/nav-conflict", at: location,
                "this folder is also ordered by the nav of mkdocs.yml; that order is kept"))
        } else if plan.order.isEmpty {
            plan.order = names
        }
        plans[folder] = plan
    }

    private mutating func add(_ name: String, to folder: String) {
        var plan = plans[folder, default: SectionPlan(folder: folder)]
        if !plan.order.contains(name) { plan.order.append(name) }
        plans[folder] = plan
    }

    /// The sub-folder of `folder` on the way to `target` (which is inside it).
    static func childFolder(of folder: String, toward target: String) -> String {
        let rest = folder.isEmpty ? target : String(target.dropFirst(folder.count + 1))
        let first = rest.split(separator: "/").first.map(String.init) ?? rest
        return folder.isEmpty ? first : folder + "/" + first
    }

    /// The deepest folder holding every one of `folders`; `nil` for none.
    static func commonFolder(_ folders: [String]) -> String? {
        guard var common = folders.first?.split(separator: "/").map(String.init) else { return nil }
        for folder in folders.dropFirst() {
            let parts = folder.split(separator: "/").map(String.init)
            common = Array(zip(common, parts).prefix { $0 == $1 }.map(\.0))
        }
        return common.joined(separator: "/")
    }

    /// Every page path of an entry and the entries below it.
    static func pagePaths(_ item: NavItem) -> [String] {
        (item.path.map { [$0] } ?? []) + item.children.flatMap(pagePaths)
    }

    /// True for a section's own page, which `order:` does not list.
    static func isIndex(_ name: String) -> Bool {
        // Playbook's own rule (`PageLocation.sectionIndexNames`), with either Markdown extension.
        let lower = name.lowercased()
        let ext = PathText.fileExtension(lower)
        guard ext == "md" || ext == "markdown" else { return false }
        return PageLocation.sectionIndexNames.contains(String(lower.dropLast(ext.count + 1)))
    }
}
