/// What the sidebar scripts under `assets/nav/` hold, as `SiteRenderer.sidebarScripts()` gives
/// it; the build's `NavigationFiles` writes them (paths from `NavigationScript`).
///
/// When the template lets the sidebar be split (`partials/nav` reads `nav` in one section
/// only: `TemplateSet.readsOnlyAsOneSection`), what every section's sidebar shares, the closed
/// sidebar cut into head, top-level entries and tail (`SidebarPieces`), is in one script,
/// `shared`, which every page loads before its section's: the browser fetches it once for the
/// whole site, and a section's script holds only its own open top-level entry. Otherwise
/// `shared` is `nil` and each section's script holds its whole sidebar, as every page loads
/// only its section's.
///
/// Whether pages load the shared script depends on the templates alone, never on the content,
/// so a page rendered again after a change of titles names the same scripts as before.
public struct SidebarScripts: Sendable {
    /// The script every page loads first, when the sidebar is split.
    public let shared: Shared?
    /// Each section's script, in `site.sections` order.
    public let sections: [Section]

    /// What every section's sidebar shares: the closed sidebar is `head`, `entries` and `tail`
    /// joined. All empty when the pieces did not check out (`SidebarPieces`): the sections'
    /// scripts then hold their whole sidebars.
    public struct Shared: Sendable {
        /// The script's output path.
        public let path: String
        /// The text before the top-level entries.
        public let head: String
        /// Each top-level entry, closed.
        public let entries: [String]
        /// The text after the top-level entries.
        public let tail: String
    }

    /// A section's script.
    public struct Section: Sendable {
        /// The script's output path.
        public let path: String
        /// The sidebar it inserts.
        public let sidebar: Sidebar
    }

    /// The sidebar a section's script inserts.
    public enum Sidebar: Sendable, Equatable {
        /// The whole sidebar, as it is.
        case whole(String)
        /// The shared sidebar with every entry closed (the root section's).
        case closed
        /// The shared sidebar with the top-level entry at `position` replaced by `entry`.
        case opening(position: Int, entry: String)
    }
}
