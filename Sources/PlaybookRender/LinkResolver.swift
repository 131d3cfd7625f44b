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
    /// A file that is copied to the output (an asset or a file beside the content), by its
    /// path in the output.
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
    /// Files copied to the output: content-relative (or asset output) path → output path.
    private let files: [String: String]
    private let pageByURL: [String: Int]
    /// Every page, file and folder path by its lower-case form, to tell a case slip from a miss.
    private let pathsByLowercase: [String: String]

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
        var files = Dictionary(assetFiles.map { ($0, $0) }, uniquingKeysWith: { first, _ in first })
        for file in site.staticFiles {
            files[file] = PageLocation.staticOutputPath(file, style: site.config.urlStyle)
        }
        self.files = files
        var byURL: [String: Int] = [:]
        for (index, page) in site.pages.enumerated() { byURL[page.url] = index }
        pageByURL = byURL
        var lowercase: [String: String] = [:]
        for path in site.pages.map(\.sourcePath) + site.staticFiles + site.sections.map(\.path) {
            lowercase[path.lowercased()] = lowercase[path.lowercased()] ?? path
        }
        pathsByLowercase = lowercase
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
        // Split off `#anchor` and `?query` over the bytes (both are ASCII).
        var rest = Substring(destination)
        var anchor: String?
        if let hash = rest.utf8.firstIndex(of: UInt8(ascii: "#")) {
            anchor = String(rest[rest.utf8.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let query = rest.utf8.firstIndex(of: UInt8(ascii: "?")) { rest = rest[..<query] }
        let rawPath = rest.utf8.contains(UInt8(ascii: "%")) ? (String(rest).removingPercentEncoding ?? String(rest)) : String(rest)
        if rawPath.isEmpty { return .samePage(anchor: anchor ?? "") }

        let isAbsolute = rawPath.hasPrefix("/")
        let base = isAbsolute ? "" : folder
        guard let path = Self.normalize(base, rawPath) else {
            let moved = movedFile(rawPath, from: folder).map { " (\($0))" } ?? ""
            return .missing(rawPath, hint: "the link leads outside the content folder" + moved)
        }
        let lowered = path.lowercased()
        if lowered.hasSuffix(".md") || lowered.hasSuffix(".markdown") {
            if let index = site.pageIndexBySource[path] { return .page(index, anchor: anchor) }
            return .missing(path, hint: suggestion(for: path, written: rawPath, from: folder))
        }
        if let output = files[path] { return .file(output) }
        if let section = site.sectionIndexByPath[path] {
            return .page(site.sections[section].indexPage, anchor: anchor)
        }
        // A site URL (`/team-norms/`) works too, unless it is a file's name in another case.
        if pathsByLowercase[path.lowercased()] == nil, let index = pageByURL["/" + PageLocation.percentEncode(path) + "/"] {
            return .page(index, anchor: anchor)
        }
        return .missing(path, hint: suggestion(for: path, written: rawPath, from: folder))
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

    private func suggestion(for path: String, written: String, from folder: String) -> String? {
        if let exact = pathsByLowercase[path.lowercased()] {
            return "did you mean '\(Self.matchingCase(written, to: exact))'? The case differs from \(site.config.contentPrefix)\(exact), and URLs are case-sensitive"
        }
        if let moved = movedFile(path, from: folder) { return moved }
        let candidates = site.pages.map(\.sourcePath) + Array(files.keys) + site.sections.map(\.path)
        return Suggestions.didYouMean(path, in: candidates)
    }

    /// "did you mean …" for a file of the same name elsewhere in the content (see `MovedFileSuggestion`).
    private func movedFile(_ wanted: String, from folder: String) -> String? {
        // A folder without a page of its own gets a generated one, whose path is not a file.
        let finder = MovedFileSuggestion(paths: site.pages.map(\.sourcePath).filter { !$0.hasSuffix(".html") } + site.staticFiles)
        return finder.link(for: wanted, from: folder).map { "did you mean '\($0.link)'? \(site.config.contentPrefix)\($0.path) has that name" }
    }

    /// The link as written with its last path segments in the case of the file on disk:
    /// `../Docs/Guide.PDF` with `docs/guide.pdf` on disk → `../docs/guide.pdf`.
    static func matchingCase(_ written: String, to exact: String) -> String {
        var segments = written.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var onDisk = exact.split(separator: "/").map(String.init)
        var index = segments.count - 1
        while index >= 0, let last = onDisk.last {
            let segment = segments[index]
            if segment.isEmpty || segment == "." { index -= 1; continue }
            guard segment != "..", segment.lowercased() == last.lowercased() else { break }
            segments[index] = last
            onDisk.removeLast()
            index -= 1
        }
        return segments.joined(separator: "/")
    }

    /// Joins `relative` onto `folder` and resolves `.` and `..`; `nil` when it climbs above the root.
    ///
    /// Over bytes into one buffer: splitting into substrings and joining them again was most
    /// of the time a page spent resolving its links.
    static func normalize(_ folder: String, _ relative: String) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(folder.utf8.count + relative.utf8.count + 1)
        var starts: [Int] = []  // where each segment in `out` begins
        var climbsOut = false
        // The folder's segments are taken as they are; the link's `.` and `..` are resolved.
        func add(_ path: String, resolvingDots: Bool) {
            var path = path
            path.withUTF8 { bytes in
                var index = 0
                while index < bytes.count, !climbsOut {
                    var end = index
                    while end < bytes.count, bytes[end] != UInt8(ascii: "/") { end += 1 }
                    defer { index = end + 1 }
                    let segment = UnsafeBufferPointer(rebasing: bytes[index..<end])
                    if segment.isEmpty { continue }
                    if resolvingDots, segment.allSatisfy({ $0 == UInt8(ascii: ".") }), segment.count <= 2 {
                        guard segment.count == 2 else { continue }
                        guard let start = starts.popLast() else {
                            climbsOut = true
                            return
                        }
                        out.removeSubrange(max(start - 1, 0)...)  // with the slash before it
                        continue
                    }
                    if !out.isEmpty { out.append(UInt8(ascii: "/")) }
                    starts.append(out.count)
                    out.append(contentsOf: segment)
                }
            }
        }
        add(folder, resolvingDots: false)
        add(relative, resolvingDots: true)
        return climbsOut ? nil : String(decoding: out, as: UTF8.self)
    }

    /// True for `scheme:…` as URLs define a scheme: an ASCII letter, then letters, digits,
    /// `+`, `-` or `.`, then a colon.
    private static func hasScheme(_ destination: String) -> Bool {
        var first = true
        for byte in destination.utf8 {
            switch byte {
            case UInt8(ascii: ":"): return !first
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): break
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if first { return false }
            default: return false
            }
            first = false
        }
        return false
    }
}

extension Page {
    /// The folder relative links in this page start from: the folder of its source file.
    var sectionPathForLinks: String {
        PathText.parent(sourcePath)
    }
}
