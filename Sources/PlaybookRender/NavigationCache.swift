internal import PlaybookModel
internal import PlaybookDiagnostics
internal import Foundation

/// The sidebar, rendered once per section through `partials/nav`: pages of one section share
/// the same open branches, and the build writes each section's tree once, into the script its
/// pages load (named by `NavigationScript`; the build's `NavigationFiles` writes it), which
/// marks the page's own link as it inserts the tree. When the template allows it, the part all
/// sections share (the closed top-level entries) goes once into a script every page loads, and
/// a section's script holds only its open entry (see `SidebarScripts`).
///
/// This keeps navigation linear in the number of sections, not pages (a 10,000-page site renders
/// a few hundred navigation trees, and its pages carry none). A section's tree is made when it
/// is first asked for, once, whichever thread asks.
struct NavigationCache: Sendable {
    /// The partial that renders the tree held in `nav`.
    static let partial = "partials/nav"

    /// Whether the template lets the sidebar be split, so that pages load the shared script.
    let splits: Bool
    private let pieces: LazySlots<SidebarPieces?>
    private let sidebars: LazySlots<SidebarScripts.Sidebar>
    /// Each section's script tags, by section (`navigation` in the templates): the shared
    /// script's, when the sidebar is split, then the section's own.
    let scriptTags: [String]
    /// Each section's script, relative to the output folder, by section.
    let scriptPaths: [String]

    init(site: Site, templates: TemplateSet) {
        let navigation = Navigation(site: site)
        let basePath = site.config.basePath
        let render: @Sendable ([TreeItem]) -> String = { items in
            templates.render(Self.partial, context: ["nav": items, "site": ["baseURL": basePath]]) ?? ""
        }
        let splits = templates.readsOnlyAsOneSection("nav", in: Self.partial)
        let pieces = LazySlots<SidebarPieces?>(count: 1) { _ in
            guard splits else { return nil }
            let entries = navigation.items(openSection: nil).map { render([$0]) }
            return SidebarPieces(closed: render(navigation.items(openSection: nil)), entries: entries, empty: render([]))
        }
        let topLevel = site.sections[0].children
        sidebars = LazySlots(count: site.sections.count) { section in
            // Only the top-level entry holding the section differs from the closed sidebar.
            let chain = site.ancestry(of: section)
            if let pieces = pieces[0] {
                if chain.count == 1 { return .closed }
                if let position = topLevel.firstIndex(of: .section(chain[1])),
                    let entry = pieces.entry(in: render([navigation.topLevelItem(at: position, openSection: section)]))
                {
                    return .opening(position: position, entry: entry)
                }
            }
            return .whole(render(navigation.items(openSection: chain.count == 1 ? nil : section)))
        }
        self.splits = splits
        self.pieces = pieces
        scriptPaths = NavigationScript.paths(for: site)
        let tag: (String) -> String = { "<script src=\"\(escapeHTML(basePath + $0))\"></script>" }
        let shared = splits ? tag(NavigationScript.sharedPath) : ""
        scriptTags = scriptPaths.map { shared + tag($0) }
    }

    /// The sidebar of the pages of `section`, as its script gives it: its tree open down to the
    /// section, whole or as the shared pieces with one entry replaced, no entry marked current
    /// (the script that inserts it marks the page's own link).
    func sidebar(section: Int) -> SidebarScripts.Sidebar {
        sidebars[section]
    }

    /// The part of the sidebar every section shares, when the sidebar is split (all empty when
    /// its pieces did not check out: the sections' sidebars are then whole).
    func shared() -> SidebarScripts.Shared? {
        guard splits else { return nil }
        let pieces = pieces[0]
        return SidebarScripts.Shared(
            path: NavigationScript.sharedPath, head: pieces?.head ?? "", entries: pieces?.entries ?? [],
            tail: pieces?.tail ?? "")
    }

    /// Values made on first use, each once, whichever thread asks first (the others wait for
    /// it rather than make the same value again).
    final class LazySlots<Value: Sendable>: @unchecked Sendable {
        let count: Int
        private let make: @Sendable (Int) -> Value
        /// One slot per value, each guarded by its own lock (a Swift array written from several
        /// threads would be a data race even on distinct elements).
        private let values: UnsafeMutablePointer<Value?>
        private let locks: [NSLock]

        init(count: Int, make: @escaping @Sendable (Int) -> Value) {
            self.count = count
            self.make = make
            values = .allocate(capacity: count)
            values.initialize(repeating: nil, count: count)
            locks = (0..<count).map { _ in NSLock() }
        }

        deinit {
            values.deinitialize(count: count)
            values.deallocate()
        }

        subscript(slot: Int) -> Value {
            locks[slot].lock()
            defer { locks[slot].unlock() }
            if let value = values[slot] { return value }
            let value = make(slot)
            values[slot] = value
            return value
        }
    }
}
