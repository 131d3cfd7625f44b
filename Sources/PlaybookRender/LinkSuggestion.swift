internal import PlaybookModel

/// "Did you mean" for a link to a file that is not where the link says: the same name
/// elsewhere in the content, as handbooks moved into folders leave their links
/// (`../../privacy/README.md` for `non-functional-requirements/privacy/README.md`).
struct MovedFileSuggestion {
    /// Every page's and copied file's path, relative to content.
    let paths: [String]

    /// Names that say nothing alone: a folder's page is matched with its folder's name too.
    private static let folderPageNames: Set<String> = ["readme.md", "index.md", "_index.md", "index.markdown", "readme.markdown"]

    /// The link to write from `folder` for the file that `wanted` (resolved against the folder,
    /// or the link as written when it climbed out of the content) most likely meant: the path
    /// that ends with the most of its segments, then the nearest to `folder`; `nil` when no
    /// path ends with its name.
    func link(for wanted: String, from folder: String) -> (link: String, path: String)? {
        let segments = wanted.split(separator: "/").filter { $0 != ".." && $0 != "." }.map { $0.lowercased() }
        guard let name = segments.last else { return nil }
        let needed = Self.folderPageNames.contains(name) ? 2 : 1
        guard segments.count >= needed else { return nil }
        let from = folder.split(separator: "/").map(String.init)
        var best: (path: String, shared: Int, distance: Int)?
        for path in paths {
            let candidate = path.split(separator: "/").map { $0.lowercased() }
            let shared = zip(candidate.reversed(), segments.reversed()).prefix { $0 == $1 }.count
            guard shared >= needed else { continue }
            let distance = Self.distance(from: from, to: Array(path.split(separator: "/").dropLast().map(String.init)))
            if let current = best, (current.shared, -current.distance, path) >= (shared, -distance, current.path) { continue }
            best = (path, shared, distance)
        }
        return best.map { (Self.relative(from: from, to: $0.path), $0.path) }
    }

    /// Folders between two folders: up from one to their common folder, then down.
    private static func distance(from: [String], to: [String]) -> Int {
        let common = zip(from, to).prefix { $0 == $1 }.count
        return (from.count - common) + (to.count - common)
    }

    /// `path` (relative to content) as a link written in a page in `from`.
    static func relative(from: [String], to path: String) -> String {
        let target = path.split(separator: "/").map(String.init)
        let common = zip(from, target.dropLast()).prefix { $0 == $1 }.count
        let up = Array(repeating: "..", count: from.count - common)
        return (up + target[common...]).joined(separator: "/")
    }
}
