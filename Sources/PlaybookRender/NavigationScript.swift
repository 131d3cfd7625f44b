public import PlaybookModel

/// Where each section's sidebar goes: one script file per section under `assets/nav/`, which
/// every page of the section loads from its `<nav>` (see `NavigationCache`).
///
/// A file is named after the section's folder, each name made a slug of `a`–`z`, `0`–`9`, `_`
/// and `-` (`Team Norms/Café` → `assets/nav/team-norms/cafe.js`), the root `index`. A slug has
/// no dot, so no folder of these files is ever named like a file (`a.js`). Names that come out
/// the same (`Café` and `cafe`, a folder named `index` at the top) get `-2`, `-3`… in section
/// order, so a build always names every file the same way.
///
/// `index-top` is kept for the part of the sidebar every section shares (`sharedPath`): a
/// folder that would be named so gets `index-top-2`.
public enum NavigationScript {
    /// The output folder of the sidebar scripts; content may put nothing there
    /// (`PageLocation.reservedFolder`).
    public static let folder = PageLocation.reservedFolder

    /// The script that holds what every section's sidebar shares, when the template lets the
    /// sidebar be split (see `SidebarScripts`): pages load it before their section's.
    public static let sharedPath = folder + sharedStem + ".js"

    private static let sharedStem = "index-top"

    /// The output path of each section's script, in `site.sections` order.
    public static func paths(for site: Site) -> [String] {
        var used: Set<String> = [sharedStem]
        return site.sections.map { section in
            let stem = stem(of: section.path)
            var name = stem
            var suffix = 1
            while used.contains(name) {
                suffix += 1
                name = stem + "-\(suffix)"
            }
            used.insert(name)
            return folder + name + ".js"
        }
    }

    /// `team-norms/cafe` for `Team Norms/Café`; `index` for the root; `section` for a folder
    /// whose name keeps no letter or digit.
    private static func stem(of sectionPath: String) -> String {
        guard !sectionPath.isEmpty else { return "index" }
        let segments = sectionPath.split(separator: "/").map { segment -> String in
            let slug = URLSlug.segment(String(segment)).utf8.filter { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                    UInt8(ascii: "_"), UInt8(ascii: "-"):
                    true
                default: false
                }
            }
            return slug.isEmpty ? "section" : String(decoding: slug, as: UTF8.self)
        }
        return segments.joined(separator: "/")
    }
}
