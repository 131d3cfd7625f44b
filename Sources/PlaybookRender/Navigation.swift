internal import PlaybookModel

/// The sidebar tree: every section with its pages, the sections on the way to a page open.
///
/// On large sites (over `fullTreeLimit` pages) only the sections on the way to the current page
/// list their pages, so each section's sidebar stays small and a build stays linear in page count.
struct Navigation: Sendable {
    let site: Site
    let basePath: String
    /// Above this many pages, closed sections do not list their pages.
    static let fullTreeLimit = 400

    init(site: Site) {
        self.site = site
        basePath = site.config.basePath
    }

    /// The items of the root section with `openSection` and its ancestors open (`nil` opens
    /// none, as on the 404 page). No item is marked current: see `NavigationCache`.
    func items(openSection: Int?) -> [TreeItem] {
        var open: Set<Int> = []
        if let openSection { open = Set(site.ancestry(of: openSection)) }
        let full = site.pages.count <= Self.fullTreeLimit
        return items(of: 0, open: open, full: full, depth: 0)
    }

    /// The top-level entry at `position` with `openSection` and its ancestors open, built
    /// alone (see `NavigationCache`).
    func topLevelItem(at position: Int, openSection: Int) -> TreeItem {
        let full = site.pages.count <= Self.fullTreeLimit
        return item(site.sections[0].children[position], open: Set(site.ancestry(of: openSection)), full: full, depth: 0)
    }

    private func items(of section: Int, open: Set<Int>, full: Bool, depth: Int) -> [TreeItem] {
        site.sections[section].children.map { item($0, open: open, full: full, depth: depth) }
    }

    // Every key a nav template names is set on every entry (`TreeItem`): Mustache looks a
    // missing key up in the enclosing entry, and a recursive partial would then never end.
    private func item(_ child: Section.Child, open: Set<Int>, full: Bool, depth: Int) -> TreeItem {
        switch child {
        case .page(let index):
            return entry(index, depth: depth, isSection: false, isActive: false, items: [])
        case .section(let sub):
            let isOpen = open.contains(sub)
            return entry(
                site.sections[sub].indexPage, depth: depth, isSection: true, isActive: isOpen,
                items: full || isOpen ? items(of: sub, open: open, full: full, depth: depth + 1) : [])
        }
    }

    private func entry(_ index: Int, depth: Int, isSection: Bool, isActive: Bool, items: [TreeItem]) -> TreeItem {
        let page = site.pages[index]
        return TreeItem(
            values: .nav(
                title: TemplateText(page.title), url: TemplateText(basePath + page.url.dropFirst()), depth: depth,
                isSection: isSection, isActive: isActive),
            items: items)
    }
}
