internal import PlaybookModel
internal import PlaybookRender

/// What a change of the navigation asks to render again, now that a page carries no sidebar
/// (the sidebar scripts are made anew every build, see `NavigationFiles`): a page shows only
/// the titles, URLs and descriptions of a few others (`ViewModel.pagesShown(on:in:)`).
enum NavigationChange {
    /// The pages of `site` that show a page whose title or description differs between
    /// `previous` and `current` (its entries, in page order); `nil` when the site changed
    /// shape (pages added, removed, moved or given another URL, type or role), which every
    /// page may show.
    static func pagesToRender(previous: [NavigationEntry], current: [NavigationEntry], site: Site) -> Set<Int>? {
        guard previous.count == current.count, current.count == site.pages.count else { return nil }
        var retitled: Set<Int> = []
        for (index, (old, new)) in zip(previous, current).enumerated() {
            guard old.sourcePath == new.sourcePath, old.url == new.url, old.type == new.type,
                old.isSectionIndex == new.isSectionIndex
            else { return nil }
            if old.title != new.title || old.description != new.description { retitled.insert(index) }
        }
        guard !retitled.isEmpty else { return [] }
        var pages = retitled
        for index in site.pages.indices
        where ViewModel.pagesShown(on: index, in: site).contains(where: retitled.contains) {
            pages.insert(index)
        }
        return pages
    }
}
