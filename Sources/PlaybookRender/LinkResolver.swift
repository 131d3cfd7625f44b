public import PlaybookModel
internal import PlaybookDiagnostics
internal import Foundation

/// Where a link written in a page points, worked out once from the loaded site.
public enum LinkTarget: Sendable, Hashable {
    /// Another site, a `mailto:` address, or a scheme such as `javascript:` (left to cmark's
    /// safe mode).
    case external
    /// A heading on the same page.
    case samePage(anchor: String)
    /// A page of the site (by index into `Site.pages`), with an optional heading anchor.
    case page(Int, anchor: String?)
    /// A file that is copied to the output (an asset or a file beside the content).
    case file(String)
    /// An internal link whose target does not exist.
    case missing(String, hint: String?)
}

/// Resolves link destinations to pages and files, and turns them into URLs with the base path.
///
/// Links to `.md` files are relative to the file they are written in (as on GitHub); the
/// rewritten URL is root-relative with the site's base path, so it works from any page.
public struct LinkResolver: Sendable {
    private var site: Site
    private let basePath: String
    private let files: Set<String>
    private let pageByURL: [String: Int]

    /// The same resolver for a site whose pages changed only in their bodies (same URLs, same
    /// files), without rebuilding its tables.
    public func updating(site: Site) -> LinkResolver {
        var copy = self
        copy.site = site
        return copy
    }

    /// Creates a resolver for `site`; `assetFiles` are output-relative paths of copied assets.
    public init(site: Site, assetFiles: [String]) {
        self.site = site
        basePath = site.config.basePath
        files = Set(assetFiles).union(site.staticFiles)
        var byURL: [String: Int] = [:]
        for (index, page) in site.pages.enumerated() { byURL[page.url] = index }
        pageByURL = byURL
    }

    /// Where `destination`, written in the page at `pageIndex`, points.
    public func resolve(_ destination: String, from pageIndex: Int) -> LinkTarget {
        resolve(destination, inFolder: site.pages[pageIndex].sectionPathForLinks)
    }

    /// Where `destination` points when written in a file in `folder` (relative to content).
    public func resolve(_ destination: String, inFolder folder: String) -> LinkTarget {
        if destination.isEmpty || Self.hasScheme(destination) || destination.hasPrefix("//") {
            return .external
        }
        var rest = Substring(destination)
        var anchor: String?
        if let hash = rest.firstIndex(of: "#") {
            anchor = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let query = rest.firstIndex(of: "?") { rest = rest[..<query] }
        let rawPath = String(rest).removingPercentEncoding ?? String(rest)
        if rawPath.isEmpty { return .samePage(anchor: anchor ?? "") }

        let isAbsolute = rawPath.hasPrefix("/")
        let base = isAbsolute ? "" : folder
        guard let path = Self.normalize(base, rawPath) else {
            return .missing(rawPath, hint: "the link leads outside the content folder")
        }
        let lowered = path.lowercased()
        if lowered.hasSuffix(".md") || lowered.hasSuffix(".markdown") {
            if let index = site.pageIndexBySource[path] { return .page(index, anchor: anchor) }
            return .missing(path, hint: suggestion(for: path))
        }
        if files.contains(path) { return .file(path) }
        if let index = pageByURL[PageLocation.sectionURL(Self.trimSlashes(path))] {
            return .page(index, anchor: anchor)
        }
        return .missing(path, hint: suggestion(for: path))
    }

    /// The URL to write into the HTML for a resolved link, or `nil` to keep it as written.
    public func href(for target: LinkTarget, destination: String) -> String? {
        switch target {
        case .external, .missing: return nil
        case .samePage: return nil
        case .page(let index, let anchor):
            let url = basePath + site.pages[index].url.dropFirst()
            return anchor.map { url + "#" + $0 } ?? url
        case .file(let path):
            return basePath + PageLocation.percentEncode(path)
        }
    }

    private func suggestion(for path: String) -> String? {
        let candidates = site.pages.map(\.sourcePath) + Array(files)
        if let exact = candidates.first(where: { $0.lowercased() == path.lowercased() }) {
            return "the name's case differs from the file on disk: did you mean '\(exact)'?"
        }
        return Suggestions.didYouMean(path, in: candidates)
    }

    /// Joins `relative` onto `folder` and resolves `.` and `..`; `nil` when it climbs above the root.
    static func normalize(_ folder: String, _ relative: String) -> String? {
        var parts = folder.split(separator: "/").map(String.init)
        for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if parts.isEmpty { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    private static func trimSlashes(_ path: String) -> String {
        path.split(separator: "/").joined(separator: "/")
    }

    private static func hasScheme(_ destination: String) -> Bool {
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        guard let first = scheme.first, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }
}

extension Page {
    /// The folder relative links in this page start from: the folder of its source file.
    var sectionPathForLinks: String {
        PathText.parent(sourcePath)
    }
}
