public import PlaybookDiagnostics
public import PlaybookModel

/// The broken links of a build in migration mode (`links: warn`), summed up so a team with
/// hundreds of them sees the size of the job and the first few to fix, not a wall of warnings.
public struct BrokenLinkSummary: Sendable, Equatable {
    /// Broken links and anchors, in file order.
    public var links: [Diagnostic]
    /// How many files hold them.
    public var pageCount: Int

    /// The codes a broken link or anchor is reported under.
    public static let codes: Set<String> = ["link/broken", "link/anchor"]

    /// The broken-link warnings among `diagnostics`; `nil` when there are none.
    public init?(_ diagnostics: [Diagnostic]) {
        let links = diagnostics.filter { $0.severity == .warning && Self.codes.contains($0.code) }.sorted()
        guard !links.isEmpty else { return nil }
        self.links = links
        pageCount = Set(links.map(\.location.file)).count
    }

    /// `12 broken links in 5 pages`.
    public var headline: String {
        "\(links.count) broken link\(links.count == 1 ? "" : "s") in \(pageCount) page\(pageCount == 1 ? "" : "s")"
    }

    /// The diagnostics to print in full: the first `limit`; the rest are counted in the headline.
    public func listed(limit: Int) -> [Diagnostic] {
        Array(links.prefix(limit))
    }
}

/// In migration mode (`links: warn`), how many pages' URLs the default `urls: slug` makes
/// differ from their file names: addresses a team shared from its old tool that would stop
/// working. A reason to set `urls: keep` while a handbook moves in.
public struct SlugChanges: Sendable, Equatable {
    /// How many pages' URLs differ from their file names, of how many pages.
    public var changed: Int
    public var total: Int
    /// The first page whose URL changes: its file, and its URL with and without slugging.
    public var exampleFile: String
    public var exampleSlug: String
    public var exampleKept: String

    /// The changes in `site`; `nil` when the site is not in migration mode, keeps its names
    /// already, or slugging changes no page's URL.
    public init?(site: Site) {
        guard site.config.brokenLinks == .warn, site.config.urlStyle == .slug else { return nil }
        let pages = site.pages.filter { $0.kind != .print }  // made by the build, from no file
        let changes = pages.filter { PageLocation(sourcePath: $0.sourcePath, style: .keep).url != $0.url }
        guard let first = changes.first else { return nil }
        changed = changes.count
        total = pages.count
        exampleFile = first.displayPath
        exampleSlug = first.url
        exampleKept = PageLocation(sourcePath: first.sourcePath, style: .keep).url
    }

    /// The note, as the build prints it.
    public var note: String {
        "\(changed) of \(total) page URLs differ from their file names (\(exampleFile) is at \(exampleSlug), not "
            + "\(exampleKept)); if this handbook is moving from another tool and its addresses have been shared, "
            + "set 'urls: keep' in playbook.yml to keep them"
    }
}
